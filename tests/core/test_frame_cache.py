"""The frame around every page (menu, department details, newest articles, private pages) comes
from the cache, and is never out of date after an editor's change (core/frame_cache.py)."""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core.frame_cache import GENERATION_KEY, frame_changed, remembered
from tests.factories import ArticlePageFactory, StandardPageFactory
from tests.helpers import ReaderClient, fill_site_settings, home_page, news_and_notices


class FrameTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        fill_site_settings()
        cls.news, _ = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Tin đang đọc")

    def page(self):
        """The article as a reader sees it, the frame cache warm from a first visit."""
        self.client.get(self.article.url)
        return self.client.get(self.article.url)

    def test_a_page_published_to_the_menu_shows_at_once(self):
        self.assertNotContains(self.page(), "Giới thiệu")
        about = StandardPageFactory(
            parent=self.home, title="Giới thiệu", show_in_menus=True, live=False
        )
        self.assertNotContains(self.page(), "Giới thiệu")
        about.save_revision().publish()
        self.assertContains(self.page(), "Giới thiệu")
        about.refresh_from_db()
        about.unpublish()
        self.assertNotContains(self.page(), "Giới thiệu")

    def test_new_department_details_show_at_once(self):
        self.assertContains(self.page(), "02123.852.224")
        fill_site_settings(phone="02123.999.888")
        self.assertContains(self.page(), "02123.999.888")

    def latest_box(self):
        """The "Thông tin mới nhất" box of the article's side column."""
        html = self.page().content.decode()
        return html.split('id="latest-title"')[1].split("</section>")[0]

    def test_the_newest_articles_follow_publishing(self):
        self.assertNotIn("Tin vừa đăng", self.latest_box())
        fresh = ArticlePageFactory(parent=self.news, title="Tin vừa đăng", live=False)
        fresh.save_revision().publish()
        self.assertIn("Tin vừa đăng", self.latest_box())
        fresh.refresh_from_db()
        fresh.unpublish()
        self.assertNotIn("Tin vừa đăng", self.latest_box())

    def test_an_article_made_private_leaves_every_list_at_once(self):
        other = ArticlePageFactory(parent=self.news, title="Tin sắp thành nội bộ")
        self.assertIn("Tin sắp thành nội bộ", self.latest_box())
        self.assertContains(self.client.get("/"), "Tin sắp thành nội bộ")
        PageViewRestriction.objects.create(page=other, restriction_type=PageViewRestriction.LOGIN)
        self.assertNotIn("Tin sắp thành nội bộ", self.latest_box())
        self.assertNotContains(self.page(), "Tin sắp thành nội bộ")
        self.assertNotContains(self.client.get("/"), "Tin sắp thành nội bộ")

    def test_the_frame_costs_no_query_once_cached(self):
        """A reader's article, the frame warm: none of its queries reads what the frame shows
        (the site, its settings and agency links, the menu)."""
        self.page()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertContains(response, "Tin đang đọc")
        self.assertContains(response, "02123.852.224")  # the footer is there, from the cache
        frame_reads = [
            query["sql"]
            for query in queries
            if any(
                f'"{table}"' in query["sql"]
                for table in ("wagtailcore_site", "home_sitesettings", "home_agencylink")
            )
            or '"show_in_menus"' in query["sql"].partition(" WHERE ")[2]
        ]
        self.maxDiff = None
        self.assertEqual(frame_reads, [])
        self.assertGreater(len(queries), 0)  # the article itself is read: the capture works


class GenerationTests(TestCase):
    client_class = ReaderClient

    def test_an_answer_read_before_a_change_is_not_kept_after_it(self):
        def read_then_change():
            frame_changed()  # an editor's change lands while the answer is being computed
            return "old"

        self.assertEqual(remembered("answer", read_then_change), "old")
        self.assertEqual(remembered("answer", lambda: "new"), "new")
        self.assertEqual(remembered("answer", lambda: "newer"), "new")

    def test_the_generation_moves_again_when_the_change_commits(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            frame_changed()
            during = cache.get(GENERATION_KEY)
            # A request that read the rows before the commit files its answer now...
            remembered("answer", lambda: "before the commit")
        self.assertEqual(len(callbacks), 1)
        # ...and it is not served after the commit.
        self.assertNotEqual(cache.get(GENERATION_KEY), during)
        self.assertEqual(remembered("answer", lambda: "after the commit"), "after the commit")

    def test_none_is_an_answer_too(self):
        calls = []
        for _ in range(2):
            remembered("nothing", lambda: calls.append(1))
        self.assertEqual(len(calls), 1)
