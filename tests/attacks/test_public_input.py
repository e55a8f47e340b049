"""What any reader can send: hostile hosts, bytes and parameters get a 4xx or an ordinary page,
and nothing stored changes. (Search queries, page numbers and filters have their own hostile
cases beside the features: tests/search, tests/articles/test_pagination.py, tests/programs.)"""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from home.models import DocumentLibraryPage
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.factories import (
    READER_USER_AGENT,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ProgramIndexPageFactory,
)
from tests.helpers import ReaderClient, fill_site_settings, home_page, make_staff

pytestmark = pytest.mark.attack

SCRIPT = '"><script>alert(1)</script>'


class PublicInputAttackTests(UnchangedDatabaseMixin, TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        home = home_page()
        news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Hội thảo khoa học")
        cls.registry = ProgramIndexPageFactory(parent=home)
        cls.library = home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        make_staff("editor", "Biên tập viên")

    def get(self, url, data=None, **extra):
        extra.setdefault("HTTP_USER_AGENT", READER_USER_AGENT)
        return self.client.get(url, data or {}, **extra)

    def test_a_foreign_host_header_is_refused(self):
        with self.assertDatabaseUnchanged():
            response = self.get(self.article.url, HTTP_HOST="evil.example")
        self.assertEqual(response.status_code, 400)
        self.assertNotContains(response, "evil.example", status_code=400)

    def test_a_forwarded_host_is_not_believed(self):
        response = self.get(self.article.url, HTTP_X_FORWARDED_HOST="evil.example")
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "evil.example")
        # Addresses come from the site's own host name, never from the request.
        self.assertContains(response, f'rel="canonical" href="http://localhost{self.article.url}')

    def test_a_password_reset_under_a_spoofed_host_sends_no_link(self):
        with self.assertDatabaseUnchanged():
            response = self.client.post(
                reverse("wagtailadmin_password_reset"),
                {"email": "editor@sokhcn.example"},
                HTTP_HOST="evil.example",
            )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(mail.outbox, [])

    def test_a_nul_byte_in_the_address_is_not_found(self):
        for path in (f"{self.article.url}%00/", "/tin-tuc/a%00b/", "/%00", "/van-ban/%00/"):
            with self.subTest(path=path), self.assertDatabaseUnchanged():
                self.assertEqual(self.get(path).status_code, 404)

    def test_broken_utf8_and_nul_in_parameters_give_an_ordinary_page(self):
        # The broken page number is a page that does not exist in the registry and the library;
        # search reads no page of an unreadable query (it asks for another), and an article has
        # no ?page= at all.
        expected = {
            "/tim-kiem/": 200,
            self.registry.url: 404,
            self.library.url: 404,
            self.article.url: 200,
        }
        for url, status in expected.items():
            with self.subTest(url=url), self.assertDatabaseUnchanged():
                response = self.client.get(
                    f"{url}?q=%ff%fe%00&page=%c0%80&status=%00",
                    HTTP_USER_AGENT=READER_USER_AGENT,
                )
                self.assertEqual(response.status_code, status)

    def test_markup_in_filters_is_echoed_as_text(self):
        for url in (self.registry.url, self.library.url, "/tim-kiem/"):
            with self.subTest(url=url):
                response = self.get(url, {"q": SCRIPT})
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "<script>alert(1)</script>")
                self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_a_document_address_cannot_climb_out_of_the_store(self):
        for path in (
            "/documents/1/..%2F..%2Fetc%2Fpasswd",
            "/documents/1/../../site_config/settings/base.py",
            "/documents/999999/x.pdf",
            "/documents/%00/x.pdf",
        ):
            with self.subTest(path=path):
                self.assertEqual(self.get(path).status_code, 404)

    def test_the_reading_counter_refuses_what_is_not_a_page_number(self):
        url = reverse("record_reading")
        for value in ("1\x00", "9" * 50, "-1", "１２", "1 OR 1=1"):
            with self.subTest(value=value), self.assertDatabaseUnchanged():
                response = self.client.post(url, {"trang": value})
                self.assertEqual(response.status_code, 400)

    def test_a_huge_query_string_is_answered(self):
        params = "&".join(f"p{n}=x" for n in range(5000))
        with self.assertDatabaseUnchanged():
            response = self.client.get(f"/tim-kiem/?q=khoa&{params}")
        self.assertIn(response.status_code, (200, 400))
