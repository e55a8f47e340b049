"""The headers every answer carries: a strict Content-Security-Policy with nonces on the public
site, a workable one in the admin, no framing by other sites, no content sniffing."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.roles import EDITORS_GROUP
from home.models import DocumentReview
from tests.factories import (
    READER_USER_AGENT,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ContactPageFactory,
)
from tests.helpers import fill_site_settings, home_page, make_staff

pytestmark = pytest.mark.attack


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.home = home_page()
        news = ArticleIndexPageFactory(parent=cls.home, title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Hội thảo")
        cls.contact = ContactPageFactory(parent=cls.home)
        cls.document = get_document_model().objects.create(
            title="Kế hoạch",
            file=ContentFile(b"%PDF-1.4 ke hoach", name="ke-hoach.pdf"),
            collection=Collection.get_first_root_node(),
            review_status=DocumentReview.APPROVED,
        )
        cls.editor = make_staff("editor", EDITORS_GROUP)

    def get(self, url, **extra):
        return self.client.get(url, HTTP_USER_AGENT=READER_USER_AGENT, **extra)

    def test_public_pages_allow_only_the_sites_own_and_nonced_code(self):
        for url in (self.home.url, self.article.url, self.contact.url, "/tim-kiem/?q=a"):
            with self.subTest(url=url):
                response = self.get(url)
                policy = directives(response)
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["frame-ancestors"], ["'none'"])
                self.assertEqual(policy["base-uri"], ["'self'"])
                for name in ("script-src", "style-src"):
                    self.assertNotIn("'unsafe-inline'", policy[name])
                    self.assertNotIn("'unsafe-eval'", policy[name])
                    self.assertNotIn("*", policy[name])

    def test_every_inline_script_and_style_carries_the_answers_nonce(self):
        for url in (self.home.url, self.article.url, f"{self.article.url}?luu=1"):
            with self.subTest(url=url):
                response = self.get(url)
                html = response.content.decode()
                inline = re.findall(r"<(?:script|style)(?![^>]*\ssrc=)[^>]*>", html)
                self.assertTrue(inline, "the page was expected to carry JSON-LD or a style")
                nonces = {n.strip("'")[6:] for n in directives(response)["script-src"]
                          if n.startswith("'nonce-")}  # fmt: skip
                self.assertEqual(len(nonces), 1)
                for tag in inline:
                    self.assertIn(f'nonce="{next(iter(nonces))}"', tag)
                self.assertNotRegex(html, r"\son[a-z]+=")  # no inline event handlers
                self.assertNotIn(" style=", html)

    def test_two_answers_never_share_a_nonce(self):
        first = directives(self.get(self.article.url))["script-src"]
        second = directives(self.get(self.article.url))["script-src"]
        self.assertNotEqual(first, second)

    def test_the_admin_has_its_own_policy_and_still_no_outside_code(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.article.pk,)))
        self.assertEqual(response.status_code, 200)
        policy = directives(response)
        self.assertEqual(policy["script-src"], ["'self'", "'unsafe-inline'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(response["X-Frame-Options"], "DENY")

    def test_the_admins_preview_may_be_framed_by_the_admin_only(self):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(self.article.pk,))
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        self.assertEqual(directives(response)["frame-ancestors"], ["'self'"])

    def test_no_framing_and_no_sniffing_on_every_kind_of_answer(self):
        answers = {
            "page": self.get(self.article.url),
            "search": self.get("/tim-kiem/?q=hội"),
            "not found": self.get("/khong-co-trang-nay/"),
            "document": self.get(self.document.url),
            "feed": self.get("/rss/"),
            "admin login": self.get("/admin/login/"),
            "reading counter": self.client.post(reverse("record_reading"), {}),
            "contact refused": self.client.post(self.contact.url, {}),
        }
        for kind, response in answers.items():
            with self.subTest(kind):
                self.assertLess(response.status_code, 500)
                self.assertEqual(response["X-Content-Type-Options"], "nosniff")
                self.assertEqual(response["X-Frame-Options"], "DENY")
                self.assertIn("Content-Security-Policy", response)
                self.assertIn("Referrer-Policy", response)
