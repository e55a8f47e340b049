"""The shared cache is a help, never a dependency: with Redis down, readers are served."""

import socket
from unittest import mock

from django.core.cache import cache, caches
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleViews
from core import frame_cache
from home.models import VisitorDay
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page, redis_cache


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # closed again when the probe is


@override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0"))
class RedisDownTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Hội thảo chuyển đổi số")

    def test_pages_search_and_counters_keep_working(self):
        for url in ("/", self.article.url, "/tim-kiem/?q=chuyen+doi+so"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
        found = self.client.get("/tim-kiem/?q=chuyen+doi+so")
        self.assertContains(found, "Tìm thấy <strong>1</strong> kết quả")
        answer = self.client.post("/thong-ke/ghi/", {"trang": self.article.pk})
        self.assertEqual(answer.json()["views"], 1)
        self.assertEqual(ArticleViews.count_for(self.article.pk), 1)
        self.assertEqual(VisitorDay.objects.count(), 1)

    def test_each_operation_answers_as_if_the_key_were_missing(self):
        self.assertIsNone(cache.get("khoa"))
        self.assertEqual(cache.get("khoa", "mặc định"), "mặc định")
        self.assertTrue(cache.add("khoa", 1))
        self.assertIsNone(cache.set("khoa", 1))
        self.assertEqual(cache.get_many(["a", "b"]), {})
        self.assertFalse(cache.delete("khoa"))
        with self.assertRaises(ValueError):
            cache.incr("khoa")


def test_with_redis_up_add_decides_once(real_redis):
    assert real_redis.add("article-view:1:khach", 1, 60) is True
    assert real_redis.add("article-view:1:khach", 1, 60) is False
    real_redis.set("so-lieu", {"hom_nay": 2}, 60)
    assert real_redis.get("so-lieu") == {"hom_nay": 2}


@override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0"))
class OutageCostTests(TestCase):
    """An outage costs freshness of seconds, not speed: Redis is left alone for a pause after a
    failure, and the frame is kept under a generation of the process's own meanwhile."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        cls.article = ArticlePageFactory(parent=cls.news, title="Hội thảo chuyển đổi số")

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def test_the_frame_is_computed_once_not_per_request(self):
        # Within one outage generation: on a loaded machine three requests may take longer than
        # its few seconds, and the frame is then rightly computed again.
        self.enterContext(mock.patch.object(frame_cache, "OUTAGE_GENERATION_SECONDS", 600))
        # An outage generation an earlier test of this process began would end within its own
        # few seconds, between two of these requests.
        frame_cache.forget_this_process()
        # The first visit also makes the site's settings: a change, which starts a generation.
        self.queries(self.article.url)
        first = self.queries(self.article.url)
        again = self.queries(self.article.url)
        self.assertLess(again, first)
        self.assertEqual(self.queries(self.article.url), again)

    def test_one_line_is_logged_per_pause_not_per_operation(self):
        fresh = caches.create_connection("default")  # not yet paused by the pages made above
        self.assertFalse(fresh.is_down())
        with self.assertLogs("core.resilient_cache", level="WARNING") as logs:
            for _ in range(5):
                fresh.get("khoa")
                fresh.set("khoa", 1)
        self.assertEqual(len(logs.output), 1)
        self.assertTrue(fresh.is_down())

    def test_a_change_in_this_process_shows_at_once(self):
        self.client.get("/")
        ArticlePageFactory(parent=self.news, title="Tin mới trong lúc mất bộ nhớ đệm")
        self.assertContains(self.client.get("/"), "Tin mới trong lúc mất bộ nhớ đệm")
