"""The frame around every page (menu, department details, newest articles, private pages) comes
from the cache, and is never out of date after an editor's change (core/frame_cache.py)."""

import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import frame_cache
from core.frame_cache import GENERATION_KEY, frame_changed, recently_remembered, remembered
from tests.factories import ArticlePageFactory, StandardPageFactory
from tests.helpers import (
    ReaderClient,
    assert_follows_publishing,
    fill_site_settings,
    home_page,
    news_and_notices,
)


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
        fresh = ArticlePageFactory(parent=self.news, title="Tin vừa đăng", live=False)
        assert_follows_publishing(self, fresh, lambda: "Tin vừa đăng" in self.latest_box())

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

    def test_values_kept_by_another_release_are_not_read(self):
        # They may name classes this code no longer has, or hold HTML drawn from old templates.
        with mock.patch.object(frame_cache, "release", return_value="another-release"):
            remembered("answer", lambda: "the other release's")
        frame_cache.forget_this_process()  # a process of this release, sharing the cache
        self.assertEqual(remembered("answer", lambda: "this release's"), "this release's")
        with mock.patch.object(frame_cache, "release", return_value="another-release"):
            frame_cache.forget_this_process()
            self.assertEqual(remembered("answer", lambda: "again"), "the other release's")

    def test_the_release_is_read_from_the_code_and_its_templates_only(self):
        root = Path(settings.BASE_DIR)
        files = {str(path.relative_to(root)) for path in frame_cache._released_files(root)}
        self.assertIn("core/frame_cache.py", files)
        self.assertIn("site_config/templates/base.html", files)
        self.assertFalse([name for name in files if name.startswith(("tests/", "bench/", "."))])

    def test_a_virtualenv_beside_the_code_is_not_read(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "app").mkdir()
            (root / "app" / "views.py").write_text("")
            (root / "venv" / "lib").mkdir(parents=True)
            (root / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n")
            (root / "venv" / "lib" / "module.py").write_text("")
            found = [path.relative_to(root) for path in frame_cache._released_files(root)]
        self.assertEqual(found, [Path("app/views.py")])

    def test_a_value_many_readers_ask_for_is_shared_with_other_processes(self):
        # A search's first page of results: worked out by one process (or after a change, by the
        # frame's drawing), read by the others until the generation moves.
        self.assertEqual(recently_remembered("hits", lambda: ["first"], shared=True), ["first"])
        frame_cache.forget_this_process()
        self.assertEqual(recently_remembered("hits", lambda: ["again"], shared=True), ["first"])
        frame_cache.forget_this_process()
        self.assertEqual(recently_remembered("hits", lambda: ["own"]), ["own"])  # not shared
        frame_changed()
        self.assertEqual(recently_remembered("hits", lambda: ["changed"], shared=True), ["changed"])

    def test_none_is_an_answer_too(self):
        calls = []
        for _ in range(2):
            remembered("nothing", lambda: calls.append(1))
        self.assertEqual(len(calls), 1)


class SharedCacheTripsTests(TestCase):
    """A page drawn with the frame cache emptied computes the frame once and hands it to the
    shared cache in one write, and another process then reads it from there."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home_page()
        fill_site_settings()
        news, _ = news_and_notices()
        cls.article = ArticlePageFactory(parent=news, title="Tin đang đọc")

    def frame_trips(self):
        """The reader's article drawn with the shared cache emptied: the frame keys it asked the
        shared cache for, and each write of frame values (the keys written)."""
        cache.clear()
        reads, writes = [], []
        real_get, real_set, real_set_many = cache.get, cache.set, cache.set_many

        def get(key, *args, **kwargs):
            if key.startswith("site-frame:"):
                reads.append(key)
            return real_get(key, *args, **kwargs)

        within_set_many = []  # a cache without its own set_many sets each key

        def set_one(key, value, *args, **kwargs):
            if key.startswith("site-frame:") and not within_set_many:
                writes.append([key])
            return real_set(key, value, *args, **kwargs)

        def set_many(data, *args, **kwargs):
            writes.append(list(data))
            within_set_many.append(True)
            try:
                return real_set_many(data, *args, **kwargs)
            finally:
                within_set_many.pop()

        with (
            mock.patch.object(frame_cache.cache, "get", get),
            mock.patch.object(frame_cache.cache, "set", set_one),
            mock.patch.object(frame_cache.cache, "set_many", set_many),
        ):
            response = self.client.get(self.article.url)
        self.assertContains(response, "Tin đang đọc")
        return reads, writes

    def test_a_generation_the_request_started_is_not_asked_for_values(self):
        reads, writes = self.frame_trips()
        self.assertEqual(reads, [])
        self.assertEqual(len(writes), 1)  # one write, when the request ends...
        self.assertGreater(len(writes[0]), 5)  # ...of every frame value it computed
        self.assertTrue(any(key.endswith(":site-root-paths") for key in writes[0]))

    def test_another_process_reads_the_frame_the_first_one_wrote(self):
        self.frame_trips()
        frame_cache.forget_this_process()  # what a second process starts with
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertContains(response, "02123.852.224")
        frame_reads = [
            query["sql"]
            for query in queries
            if '"wagtailcore_site"' in query["sql"] or '"home_sitesettings"' in query["sql"]
        ]
        self.assertEqual(frame_reads, [])
        self.assertGreater(len(queries), 0)  # the page's own reads: the capture works
