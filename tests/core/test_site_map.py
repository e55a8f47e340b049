"""The HTML site map ("Sơ đồ cổng", /so-do-cong/): drawn from the page tree, linked from every
page's footer, without drafts, private pages or the items sections list by the hundred."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.reserved import reserved_slugs
from core.roles import EDITORS_GROUP
from home.models import StandardPage
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ProgramIndexPageFactory,
    StandardPageFactory,
    TaskPageFactory,
)
from tests.front_cache import RecordingBackend
from tests.helpers import ReaderClient, home_page, make_staff
from tests.home.test_english_pages import publish_translation
from tests.procedures.helpers import make_catalogue, make_procedure


def tree(nodes):
    return [(node.title, tree(node.map_children)) for node in nodes]


class SiteMapTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.about = StandardPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
        StandardPageFactory(parent=cls.about, title="Chức năng, nhiệm vụ")
        draft = StandardPageFactory(parent=cls.about, title="Trang nháp")
        draft.unpublish()
        private = StandardPageFactory(parent=cls.about, title="Trang nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        StandardPageFactory(parent=private, title="Con của trang nội bộ")
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        ArticlePageFactory(parent=cls.news, title="Một tin bài")
        registry = ProgramIndexPageFactory(parent=home, title="Nhiệm vụ KH&CN")
        TaskPageFactory(parent=registry, title="Một nhiệm vụ")
        make_procedure(make_catalogue(), "Một thủ tục", "1.000001")

    def test_lists_sections_and_their_pages_not_items_drafts_or_private_pages(self):
        response = self.client.get("/so-do-cong/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            tree(response.context["tree"]) if "tree" in response.context else None,
            [
                ("Giới thiệu", [("Chức năng, nhiệm vụ", [])]),
                ("Tin tức", []),
                ("Nhiệm vụ KH&CN", []),
                ("Thủ tục hành chính", []),
            ],
        )
        for hidden in ("Trang nháp", "Trang nội bộ", "Con của trang nội bộ", "Một tin bài"):
            self.assertNotContains(response, hidden)
        self.assertContains(response, 'href="/gioi-thieu/chuc-nang-nhiem-vu/"')

    def test_every_page_links_to_it_from_the_footer(self):
        for url in ("/", self.about.url, self.news.url, "/tim-kiem/?q=khoa+hoc"):
            with self.subTest(url=url):
                self.assertContains(self.client.get(url), '<a href="/so-do-cong/">Sơ đồ cổng</a>')

    def test_reads_the_same_queries_however_many_pages(self):
        for _ in range(2):  # the frame cache and the site's addresses read
            self.client.get("/so-do-cong/")
        before = self.queries()
        for number in range(10):
            StandardPageFactory(parent=self.about, title=f"Trang {number}")
        self.client.get("/so-do-cong/")
        self.assertEqual(self.queries(), before)

    def queries(self):
        with CaptureQueriesContext(connection) as captured:
            self.client.get("/so-do-cong/")
        return len(captured)

    @override_settings(
        WAGTAILFRONTENDCACHE={"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
    )
    def test_a_publish_purges_it_from_the_front_cache(self):
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            StandardPageFactory(parent=self.about, title="Trang mới").save_revision().publish()
        self.assertIn("http://localhost/so-do-cong/", RecordingBackend.purged)


class ReservedAddressTests(TestCase):
    """A page directly under the home page cannot take an address the site's own views answer
    first (it could never be opened); deeper down the same slug is fine."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.about = StandardPageFactory(parent=home_page(), title="Giới thiệu")
        cls.editor = make_staff("bientap", EDITORS_GROUP)

    def submit(self, parent, slug):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk))
        data = nested_form_data(
            {"title": "Sơ đồ cổng", "slug": slug, "intro": "", "body": streamfield([])}
        )
        return self.client.post(url, {**data, "action-submit": "1"})

    def test_the_reserved_addresses_come_from_the_url_conf(self):
        self.assertTrue({"so-do-cong", "api", "tim-kiem", "admin", "rss"} <= reserved_slugs())
        self.assertNotIn("tin-tuc", reserved_slugs())

    def test_a_top_level_page_with_a_reserved_address_is_refused_with_a_clear_message(self):
        response = self.submit(home_page(), "so-do-cong")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Địa chỉ /so-do-cong/ đã dành cho một chức năng của cổng")
        self.assertFalse(StandardPage.objects.filter(slug="so-do-cong").exists())

    def test_the_same_slug_below_a_section_is_accepted(self):
        response = self.submit(self.about, "so-do-cong")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(StandardPage.objects.filter(slug="so-do-cong").exists())


class EnglishSiteMapTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        about = StandardPageFactory(parent=home, title="Giới thiệu")
        publish_translation(home, title="Son La Department of Science and Technology")
        publish_translation(about, title="About the Department", slug="about")

    def test_english_pages_link_their_own_site_map_in_english(self):
        response = self.client.get("/en/about/")
        self.assertContains(response, '<a href="/en/so-do-cong/">Site map</a>')
        response = self.client.get("/en/so-do-cong/")
        self.assertContains(response, "Site map</h1>")
        self.assertContains(response, '<li><a href="/en/">Home</a></li>')
        self.assertContains(response, 'href="/en/about/"')
        self.assertNotContains(response, "Giới thiệu")
