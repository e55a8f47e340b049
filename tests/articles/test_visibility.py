"""Nothing that is not live and public reaches an anonymous reader, on any surface."""

import datetime

from django.test import TestCase
from wagtail.models import PageViewRestriction, Workflow

from articles.models import ArticleViews
from core.roles import EDITORS_GROUP
from home.models import HomeFeaturedArticle
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ImageFactory,
    StandardPageFactory,
)
from tests.helpers import ReaderClient, home_page, make_staff

HIDDEN_TITLES = {
    "draft": "Bản nháp chưa gửi duyệt",
    "moderation": "Tin đang chờ duyệt",
    "expired": "Tin đã hết hạn",
    "private": "Tin nội bộ có mật khẩu",
    "pending_edit": "Tiêu đề sửa đang chờ duyệt",
    "private_menu": "Trang nội bộ trong menu",
    "draft_menu": "Trang nháp trong menu",
}


class VisibilityTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        image = ImageFactory()
        cls.news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        cls.visible = ArticlePageFactory(
            parent=cls.news,
            title="Tin công khai",
            lead_image=image,
            published_on=datetime.date(2026, 1, 1),
        )
        newer = datetime.date(2026, 11, 20)  # newer than the visible one: would lead every list
        cls.hidden = {}
        cls.hidden["draft"] = ArticlePageFactory(
            parent=cls.news,
            title=HIDDEN_TITLES["draft"],
            live=False,
            lead_image=image,
            published_on=newer,
        )
        editor = make_staff("editor", EDITORS_GROUP)
        in_moderation = ArticlePageFactory(
            parent=cls.news,
            title=HIDDEN_TITLES["moderation"],
            live=False,
            lead_image=image,
            published_on=newer,
        )
        in_moderation.save_revision(user=editor)
        Workflow.objects.get(name="Duyệt nội dung").start(in_moderation, editor)
        cls.hidden["moderation"] = in_moderation
        cls.hidden["expired"] = ArticlePageFactory(
            parent=cls.news,
            title=HIDDEN_TITLES["expired"],
            live=False,
            expired=True,
            lead_image=image,
            published_on=newer,
        )
        private = ArticlePageFactory(
            parent=cls.news, title=HIDDEN_TITLES["private"], lead_image=image, published_on=newer
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="noi-bo"
        )
        cls.hidden["private"] = private
        # A live article whose edited title waits in moderation: readers keep the live version.
        cls.pending = ArticlePageFactory(parent=cls.news, title="Tin đang đăng bản cũ")
        cls.pending.title = HIDDEN_TITLES["pending_edit"]
        cls.pending.save_revision(user=editor)
        Workflow.objects.get(name="Duyệt nội dung").start(cls.pending, editor)
        private_page = StandardPageFactory(
            parent=home, title=HIDDEN_TITLES["private_menu"], show_in_menus=True
        )
        PageViewRestriction.objects.create(
            page=private_page, restriction_type=PageViewRestriction.LOGIN
        )
        StandardPageFactory(
            parent=home, title=HIDDEN_TITLES["draft_menu"], show_in_menus=True, live=False
        )
        for page in cls.hidden.values():
            HomeFeaturedArticle.objects.create(home=home, article=page)

    def get(self, url, data=None):
        return self.client.get(url, data)

    def assert_nothing_hidden(self, response, surface):
        self.assertEqual(response.status_code, 200, surface)
        html = response.content.decode()
        for key, title in HIDDEN_TITLES.items():
            self.assertNotIn(title, html, f"{key} shows on {surface}")

    def test_hidden_pages_are_not_reachable_by_url(self):
        for key in ("draft", "moderation", "expired"):
            with self.subTest(page=key):
                self.assertEqual(self.get(self.hidden[key].url).status_code, 404)
        private = self.get(self.hidden["private"].url)
        self.assertEqual(private.status_code, 200)  # the password form, not the article
        self.assertNotContains(private, "Nội dung chi tiết của tin bài.")
        self.assertContains(self.get(self.pending.url), "Tin đang đăng bản cũ")

    def test_no_listing_shows_them(self):
        surfaces = {
            "home page (leads, featured, columns, latest, menu)": "/",
            "news section": self.news.url,
            "article page (Tin khác, latest, menu)": self.visible.url,
        }
        for surface, url in surfaces.items():
            with self.subTest(surface=surface):
                self.assert_nothing_hidden(self.get(url), surface)

    def test_search_does_not_find_them(self):
        for title in HIDDEN_TITLES.values():
            with self.subTest(query=title):
                response = self.get("/tim-kiem/", {"q": title})
                found = {page.title for page in response.context["results"]}
                self.assertFalse(found & set(HIDDEN_TITLES.values()), found)

    def test_view_counts_only_count_what_readers_can_see(self):
        for page in self.hidden.values():
            self.get(page.url)
            self.client.post("/thong-ke/ghi/", {"trang": page.pk})
        counted = ArticleViews.objects.filter(page__in=list(self.hidden.values()), views__gt=0)
        self.assertEqual(list(counted.values_list("page__title", "views")), [])
