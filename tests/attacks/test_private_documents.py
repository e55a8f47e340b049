"""A document in a restricted collection stays private under every header trick: conditional
requests, ranges, HEAD, other methods; and what its readers get is never kept by a shared cache."""

import datetime

import pytest
from django.test import TestCase
from wagtail.models import Collection, CollectionViewRestriction

from core.roles import EDITORS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.factories import READER_USER_AGENT
from tests.helpers import make_staff
from tests.home.test_documents import make_document

pytestmark = pytest.mark.attack

SECRET = b"%PDF-1.4 bao cao noi bo: so lieu chua cong bo"


class PrivateDocumentTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        internal = Collection.get_first_root_node().add_child(name="Nội bộ")
        CollectionViewRestriction.objects.create(
            collection=internal, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.document = make_document(
            "01/NB", "bao_cao", datetime.date(2026, 2, 1), "Sở", "Báo cáo nội bộ",
            collection=internal, name="bao-cao.pdf", content=SECRET,
        )  # fmt: skip
        cls.staff = make_staff("editor", EDITORS_GROUP)

    def anonymous(self, method="get", **headers):
        return getattr(self.client, method)(
            self.document.url, HTTP_USER_AGENT=READER_USER_AGENT, **headers
        )

    def assertKeptPrivate(self, response):
        self.assertEqual(response.status_code, 302)
        self.assertIn("/_util/login/", response["Location"])
        self.assertNotIn(b"so lieu", b"".join(getattr(response, "streaming_content", [])))
        self.assertNotIn(b"so lieu", getattr(response, "content", b""))
        self.assertFalse(response.has_header("ETag"))
        self.assertFalse(response.has_header("Content-Disposition"))

    def test_a_range_request_gets_no_bytes(self):
        with self.assertDatabaseUnchanged():
            self.assertKeptPrivate(self.anonymous(HTTP_RANGE="bytes=0-40"))

    def test_a_guessed_etag_does_not_confirm_the_file(self):
        etag = f'"{self.document.file_hash}"'
        for headers in ({"HTTP_IF_NONE_MATCH": etag}, {"HTTP_IF_NONE_MATCH": "*"},
                        {"HTTP_IF_MATCH": etag}, {"HTTP_IF_RANGE": etag, "HTTP_RANGE": "bytes=0-9"},
                        {"HTTP_IF_MODIFIED_SINCE": "Sat, 01 Jan 2100 00:00:00 GMT"}):  # fmt: skip
            with self.subTest(headers=headers):
                self.assertKeptPrivate(self.anonymous(**headers))

    def test_head_and_other_methods_reveal_nothing(self):
        for method in ("head", "post", "options"):
            with self.subTest(method=method), self.assertDatabaseUnchanged():
                response = self.anonymous(method)
                self.assertIn(response.status_code, (302, 403, 405))
                self.assertFalse(
                    response.has_header("Content-Length") and response.status_code == 200
                )
                self.assertFalse(response.has_header("Content-Disposition"))

    def test_a_signed_in_reader_gets_it_and_no_shared_cache_keeps_it(self):
        self.client.force_login(self.staff)
        response = self.anonymous()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), SECRET)
        cache_control = response["Cache-Control"]
        self.assertTrue("private" in cache_control or "no-store" in cache_control, cache_control)
        self.assertNotIn("public", cache_control)
        self.client.logout()
        self.assertKeptPrivate(self.anonymous(HTTP_IF_NONE_MATCH=response["ETag"]))
