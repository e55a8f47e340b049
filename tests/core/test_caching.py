"""What caches may keep (Cache-Control on every kind of response) and what a publish purges."""

import datetime

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction, WorkflowState

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContactPageFactory,
)
from tests.front_cache import RecordingBackend
from tests.helpers import (
    ReaderClient,
    fill_site_settings,
    home_page,
    make_staff,
    news_and_notices,
)

FRONT_CACHE = {"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
# What changes with the article of PurgeTests: itself, its section, the home page and their feeds,
# the site map and the open data.
THE_ARTICLE_AND_ITS_LISTINGS = [
    "http://localhost/",
    "http://localhost/api/*",
    "http://localhost/atom/",
    "http://localhost/rss/",
    "http://localhost/so-do-cong/",
    "http://localhost/tin-tuc/",
    "http://localhost/tin-tuc/atom/",
    "http://localhost/tin-tuc/hoi-thao-chuyen-doi-so/",
    "http://localhost/tin-tuc/rss/",
]


class CacheHeadersTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        cls.article = ArticlePageFactory(parent=cls.news, title="Tin công khai")
        cls.private = ArticlePageFactory(parent=cls.news, title="Tin nội bộ")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.PASSWORD, password="noi-bo"
        )
        cls.contact = ContactPageFactory(parent=home)

    def get(self, url, data=None):
        return self.client.get(url, data)

    def assertShared(self, response, seconds):
        self.assertEqual(
            set(response["Cache-Control"].split(", ")),
            {"public", f"max-age={min(60, seconds)}", f"s-maxage={seconds}"},
        )
        self.assertEqual(response.cookies, {})

    def assertPersonal(self, response):
        directives = set(response["Cache-Control"].split(", "))
        self.assertIn("private", directives)
        self.assertNotIn("public", directives)

    def test_readers_pages_are_shared_until_purged(self):
        for url in ("/", self.news.url, self.article.url, self.article.url + "?tin-khac=1"):
            with self.subTest(url=url):
                self.assertShared(self.get(url), 600)

    def test_missing_pages_are_shared_briefly(self):
        self.assertShared(self.get("/khong-co-trang-nay/"), 60)

    def test_search_results_are_kept_a_minute(self):
        self.assertShared(self.get("/tim-kiem/", {"q": "tin"}), 60)

    def test_what_a_signed_in_editor_sees_is_private(self):
        self.client.force_login(make_staff("editor", EDITORS_GROUP))
        for url in ("/", self.article.url, "/tim-kiem/?q=tin", f"/admin/pages/{self.article.pk}/"):
            with self.subTest(url=url):
                self.assertPersonal(self.get(url))

    def test_forms_and_password_protected_pages_are_private(self):
        for page in (self.contact, self.private):
            with self.subTest(page=page.title):
                response = self.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertPersonal(response)

    def test_a_reader_with_a_csrf_cookie_is_not_served_a_shared_copy(self):
        self.client.cookies["csrftoken"] = "a" * 32
        self.assertPersonal(self.get(self.article.url))

    def test_posts_and_counters_are_never_shared(self):
        response = self.client.post(self.contact.url, {"name": ""})
        self.assertNotIn("public", response.get("Cache-Control", ""))
        response = self.client.post("/thong-ke/ghi/")
        self.assertIn("no-store", response["Cache-Control"])


@override_settings(WAGTAILFRONTENDCACHE=FRONT_CACHE)
class PurgeTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        # The site's settings exist, as on any running site (made on a first visit, they would
        # purge the whole site when the frame is drawn after the approval).
        fill_site_settings()
        cls.news, cls.notices = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Hội thảo chuyển đổi số")

    def setUp(self):
        RecordingBackend.purged.clear()

    def purged(self):
        return sorted(set(RecordingBackend.purged))

    def committed(self):
        """Purges are sent when the change commits; a test's transaction never does."""
        return self.captureOnCommitCallbacks(execute=True)

    def test_nothing_is_purged_before_the_change_is_committed(self):
        with self.captureOnCommitCallbacks() as after_commit:
            self.article.save_revision().publish()
            # A reader asking now would be served the old rows, and the cache would keep them.
            self.assertEqual(self.purged(), [])
        for callback in after_commit:
            callback()
        self.assertEqual(self.purged(), THE_ARTICLE_AND_ITS_LISTINGS)

    def test_publishing_purges_the_page_its_section_and_home(self):
        self.article.title = "Hội thảo chuyển đổi số năm 2026"
        with self.committed():
            self.article.save_revision().publish()
        self.assertEqual(self.purged(), THE_ARTICLE_AND_ITS_LISTINGS)

    def test_an_approval_in_the_workflow_purges(self):
        editor = make_staff("editor", EDITORS_GROUP)
        approver = make_staff("approver", APPROVERS_GROUP)
        self.article.title = "Hội thảo chuyển đổi số đã duyệt"
        self.article.save_revision(user=editor)
        self.article.get_workflow().start(self.article, editor)
        task_state = WorkflowState.objects.get(object_id=str(self.article.pk)).current_task_state
        self.assertEqual(self.purged(), [])  # waiting for approval: nothing changed for readers
        self.client.force_login(approver)
        with self.committed():
            self.client.post(
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=(self.article.pk, "approve", task_state.pk),
                ),
                {"comment": ""},
            )
        self.assertEqual(self.purged(), THE_ARTICLE_AND_ITS_LISTINGS)

    def test_unpublishing_purges_the_same(self):
        with self.committed():
            self.article.unpublish()
        self.assertEqual(self.purged(), THE_ARTICLE_AND_ITS_LISTINGS)

    def test_scheduled_publishing_purges(self):
        revision = self.article.save_revision()
        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        revision.save()
        with self.committed():
            call_command("publish_scheduled", verbosity=0)
        self.assertIn("http://localhost/tin-tuc/", self.purged())

    def test_moving_purges_both_addresses_and_both_sections(self):
        with self.committed():
            self.article.move(self.notices, pos="last-child")
        self.assertEqual(
            self.purged(),
            [
                "http://localhost/",
                "http://localhost/api/*",
                "http://localhost/atom/",
                "http://localhost/rss/",
                "http://localhost/so-do-cong/",
                "http://localhost/thong-bao/",
                "http://localhost/thong-bao/atom/",
                "http://localhost/thong-bao/hoi-thao-chuyen-doi-so/",
                "http://localhost/thong-bao/rss/",
                "http://localhost/tin-tuc/",
                "http://localhost/tin-tuc/atom/",
                # The old address, which now redirects: Wagtail's redirects app purges the
                # redirect's path at once, ours the page's old address after the commit.
                "http://localhost/tin-tuc/hoi-thao-chuyen-doi-so",
                "http://localhost/tin-tuc/hoi-thao-chuyen-doi-so/",
                "http://localhost/tin-tuc/rss/",
            ],
        )

    def test_deleting_a_live_page_purges_it_and_its_listings(self):
        with self.committed():
            self.article.delete()
        self.assertEqual(self.purged(), THE_ARTICLE_AND_ITS_LISTINGS)

    def test_making_a_section_private_purges_its_branch_and_listings(self):
        with self.committed():
            restriction = PageViewRestriction.objects.create(
                page=self.news, restriction_type=PageViewRestriction.LOGIN
            )
        # "*": the section and every page below it (deploy/varnish/default.vcl bans the branch).
        self.assertEqual(
            self.purged(),
            [
                "http://localhost/",
                "http://localhost/api/*",
                "http://localhost/atom/",
                "http://localhost/rss/",
                "http://localhost/so-do-cong/",
                "http://localhost/tin-tuc/*",
            ],
        )
        RecordingBackend.purged.clear()
        with self.committed():
            restriction.delete()
        self.assertEqual(
            self.purged(),
            [
                "http://localhost/",
                "http://localhost/api/*",
                "http://localhost/atom/",
                "http://localhost/rss/",
                "http://localhost/so-do-cong/",
                "http://localhost/tin-tuc/*",
            ],
        )
