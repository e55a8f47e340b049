"""After an approver publishes, the frame is drawn again at once, so the first reader after the
change does not wait for it (core/frame_warming.py)."""

from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site

from articles.models import ArticlePage
from core import frame_cache, frame_warming
from core.roles import APPROVERS_GROUP
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ProgramIndexPageFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, article_form_data, fill_site_settings, home_page, make_staff
from tests.search.test_search_page import result_titles


def reader():
    """A reader on the site's own address (the drawing after a change uses the site's)."""
    return ReaderClient(HTTP_HOST="localhost")


class FrameWarmingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        ArticlePageFactory.create_batch(3, parent=cls.news)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)

    def publish(self, title):
        self.client.force_login(self.approver)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.news.pk)),
                article_form_data(title, **{"action-publish": "1"}),
            )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        return ArticlePage.objects.get(title=title)

    def first_reader_queries(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = reader().get(url)
        self.assertEqual(response.status_code, 200)
        return [query["sql"] for query in queries]

    def test_the_first_reader_after_a_publish_finds_the_frame_drawn(self):
        article = self.publish("Tin vừa duyệt")
        self.assertEqual(self.first_reader_queries("/"), [])  # menu, boxes, settings: all kept
        article_queries = self.first_reader_queries(article.url)
        self.assertFalse([sql for sql in article_queries if "COUNT(" in sql])  # the section's
        self.assertFalse([sql for sql in article_queries if '"home_sitesettings"' in sql])
        self.assertContains(reader().get("/"), "Tin vừa duyệt")

    def test_the_home_page_and_the_changed_page_with_its_section_are_drawn(self):
        with mock.patch.object(frame_warming, "draw", return_value=200) as draw:
            article = self.publish("Tin thứ hai")
        self.assertEqual(
            [call.args[1] for call in draw.call_args_list], ["/", article.url, "/tin-tuc/"]
        )

    def test_the_registry_is_drawn_after_every_change(self):
        # Its counts and charts are worked out again after any change, an article's included.
        registry = ProgramIndexPageFactory(parent=home_page())
        TaskPageFactory(parent=registry, title="Nhiệm vụ đang thực hiện")
        frame_cache.forget_this_process()  # what the task's creation left in memory
        self.publish("Tin không liên quan đến nhiệm vụ")
        self.assertEqual(self.first_reader_queries(registry.url), [])
        self.assertContains(reader().get(registry.url), "Nhiệm vụ đang thực hiện")

    def test_a_site_on_a_host_this_deployment_does_not_answer_is_not_drawn(self):
        Site.objects.create(hostname="khac.example", port=80, root_page=home_page())
        with mock.patch.object(frame_warming, "draw", return_value=200) as draw:
            self.publish("Tin thứ ba")
        self.assertEqual({call.args[0].hostname for call in draw.call_args_list}, {"localhost"})

    def test_a_failed_drawing_loses_nothing_of_the_change(self):
        with mock.patch.object(frame_warming, "draw", side_effect=RuntimeError("hỏng")):
            with self.assertLogs("core.frame_warming", "ERROR"):
                article = self.publish("Tin vẫn được đăng")
        self.assertTrue(article.live)
        self.assertContains(reader().get(article.url), "Tin vẫn được đăng")

    def search(self, words):
        response = reader().get("/tim-kiem/", {"q": words})
        self.assertEqual(response.status_code, 200)
        return response

    def test_the_searches_asked_most_today_are_drawn_after_a_change(self):
        for words in ("khoa học", "Khoa học", "hỏi một lần"):
            self.search(words)
        with mock.patch.object(frame_warming, "draw", return_value=200) as draw:
            self.publish("Tin thứ tư")
        searches = [call.args[1] for call in draw.call_args_list if "?" in call.args[1]]
        self.assertEqual(searches, ["/tim-kiem/?" + urlencode({"q": "khoa học"})])

    def test_a_failed_search_drawing_logs_no_readers_words(self):
        self.search("số điện thoại 0912345678")
        self.search("số điện thoại 0912345678")
        with mock.patch.object(frame_warming, "draw", side_effect=RuntimeError("hỏng")):
            with self.assertLogs("core.frame_warming", "ERROR") as logs:
                self.publish("Tin thứ năm")
        messages = [entry.splitlines()[0].split(":", 2)[2] for entry in logs.output]
        self.assertIn("Drawing /tim-kiem/ after a change failed", messages)
        self.assertNotIn("0912345678", "\n".join(logs.output))

    def test_the_first_reader_of_a_most_asked_search_after_a_publish_finds_it_drawn(self):
        self.search("khoa học")
        self.search("khoa học")
        self.publish("Khoa học vừa duyệt")
        frame_cache.forget_this_process()  # the reader is served by another process
        with CaptureQueriesContext(connection) as queries:
            response = self.search("khoa học")
        self.assertEqual(result_titles(response)[0], "Khoa học vừa duyệt")
        index_reads = [query["sql"] for query in queries if "indexentry" in query["sql"]]
        self.assertEqual(index_reads, [])  # counts and results were worked out at the publish
        self.assertGreater(len(queries), 0)  # the hits' pages are read: the capture works
        # The drawing is not a reader asking: the report counts the three readers' searches.
        asked = Query.objects.get(query_string="khoa học").daily_hits.get()
        self.assertEqual(asked.hits, 3)

    def test_changes_made_outside_a_request_draw_nothing(self):
        with mock.patch.object(frame_warming, "draw") as draw:
            with self.captureOnCommitCallbacks(execute=True):
                ArticlePageFactory(parent=self.news, live=False).save_revision().publish()
        draw.assert_not_called()
