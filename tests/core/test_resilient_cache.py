"""The shared cache is a help, never a dependency: with Redis down, readers are served."""

import socket

from django.core.cache import cache
from django.test import TestCase, override_settings

from articles.models import ArticleViews
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
