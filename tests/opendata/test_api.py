"""Open data (/api/): read-only JSON of news, documents and procedures. Nothing a reader could not
open leaves through it (drafts, private pages, documents waiting for approval or in a private
collection, staff and personal fields); it pages, filters, is kept by the front cache and
purged on publish, and reads the same number of queries however much it holds."""

import datetime

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.models import DisclosurePage, DocumentLibraryPage, DocumentReview
from opendata.views import PAGE_SIZE
from tests.factories import ArticlePageFactory
from tests.front_cache import RecordingBackend
from tests.helpers import ReaderClient, home_page, news_and_notices
from tests.home.test_documents import make_document
from tests.procedures.helpers import make_catalogue, make_procedure

FRONT_CACHE = {"front": {"BACKEND": "tests.front_cache.RecordingBackend"}}
NEWS_FIELDS = {
    "id", "title", "url", "published_on", "updated_at", "section", "summary", "author_line",
}  # fmt: skip
DOCUMENT_FIELDS = {
    "id", "number", "title", "type", "type_label", "issued_on", "issuer", "signer", "summary",
    "sector", "effect", "effective_from", "official_url", "download_url", "url",
}  # fmt: skip
PROCEDURE_FIELDS = {
    "id", "code", "title", "url", "sector", "sector_label", "service_level",
    "service_level_label", "agency", "applicants", "processing_time", "fee", "result",
    "national_submit_url", "provincial_submit_url", "is_example", "updated_at",
}  # fmt: skip


class OpenDataTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.news, cls.notices = news_and_notices()
        cls.article = ArticlePageFactory(
            parent=cls.news, title="Hội thảo chuyển đổi số", published_on=datetime.date(2026, 3, 2)
        )
        cls.notice = ArticlePageFactory(
            parent=cls.notices, title="Thông báo tuyển chọn", published_on=datetime.date(2025, 5, 1)
        )
        draft = ArticlePageFactory(parent=cls.news, title="Tin còn là bản nháp")
        draft.unpublish()
        private = ArticlePageFactory(parent=cls.news, title="Tin nội bộ")
        PageViewRestriction.objects.create(page=private, restriction_type="login")

        cls.approved = make_document(
            "35/QĐ-SKHCN", "du_toan", datetime.date(2026, 1, 10), "Sở", "Dự toán ngân sách 2026"
        )
        cls.approved.sector = "tai_chinh"
        cls.approved.official_url = "https://vbpl.example/35"
        cls.approved.save()
        make_document(
            "1/QĐ-SKHCN",
            "quyet_dinh",
            datetime.date(2026, 1, 1),
            "Sở",
            "Văn bản chờ duyệt",
            review_status=DocumentReview.WAITING,
        )
        hidden = Collection.get_first_root_node().add_child(name="Nội bộ")
        CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")
        make_document(
            "2/QĐ-SKHCN", "quyet_dinh", datetime.date(2026, 1, 2), "Sở", "Văn bản mật", hidden
        )

        catalogue = make_catalogue()
        cls.procedure = make_procedure(catalogue, "Cấp giấy phép bưu chính", "1.004470")
        make_procedure(catalogue, "Thủ tục nháp", "9.000001").unpublish()

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response["Content-Type"], "application/json")
        return response, response.json()

    def test_the_index_names_every_dataset(self):
        response, data = self.get("/api/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [dataset["url"] for dataset in data["datasets"]],
            [
                "http://testserver/api/tin-tuc/",
                "http://testserver/api/van-ban/",
                "http://testserver/api/thu-tuc/",
            ],
        )

    def test_the_readers_page_explains_each_dataset_and_the_footer_links_it(self):
        response = self.client.get("/du-lieu-mo/")
        self.assertEqual(response.status_code, 200)
        for text in (
            'href="http://testserver/api/tin-tuc/"',
            'href="http://testserver/api/van-ban/?linh_vuc=tai_chinh"',
            'href="http://testserver/api/thu-tuc/?linh_vuc=buu_chinh"',
            "<code>buu_chinh</code>",
            "ghi rõ nguồn",
        ):
            self.assertContains(response, text)
        self.assertContains(self.client.get("/"), '<a href="/du-lieu-mo/">Dữ liệu mở</a>')

    def test_only_what_readers_may_open_with_only_public_fields(self):
        _, news = self.get("/api/tin-tuc/")
        self.assertEqual(
            [item["title"] for item in news["results"]],
            ["Hội thảo chuyển đổi số", "Thông báo tuyển chọn"],
        )
        _, documents = self.get("/api/van-ban/")
        self.assertEqual([item["number"] for item in documents["results"]], ["35/QĐ-SKHCN"])
        _, procedures = self.get("/api/thu-tuc/")
        self.assertEqual([item["code"] for item in procedures["results"]], ["1.004470"])

        for dataset, fields in (
            (news, NEWS_FIELDS),
            (documents, DOCUMENT_FIELDS),
            (procedures, PROCEDURE_FIELDS),
        ):
            for item in dataset["results"]:
                self.assertEqual(set(item), fields)
        raw = b"".join(
            self.client.get(url).content
            for url in ("/api/tin-tuc/", "/api/van-ban/", "/api/thu-tuc/")
        )
        for secret in ("owner", "review", "uploaded_by", "sokhcn.example", "nháp", "nội bộ", "mật"):
            self.assertNotIn(secret.encode(), raw)

    def test_items_carry_their_addresses_and_section(self):
        _, news = self.get("/api/tin-tuc/")
        first = news["results"][0]
        self.assertEqual(first["url"], "http://testserver/tin-tuc/hoi-thao-chuyen-doi-so/")
        self.assertEqual(first["published_on"], "2026-03-02")
        self.assertEqual(
            first["section"],
            {"title": "Tin tức", "slug": "tin-tuc", "url": "http://testserver/tin-tuc/"},
        )
        _, documents = self.get("/api/van-ban/")
        document = documents["results"][0]
        self.assertEqual(document["official_url"], "https://vbpl.example/35")
        self.assertTrue(document["download_url"].startswith("http://testserver/documents/"))

    def test_filters_by_date_and_section(self):
        _, data = self.get("/api/tin-tuc/?chuyen_muc=thong-bao")
        self.assertEqual([item["title"] for item in data["results"]], ["Thông báo tuyển chọn"])
        _, data = self.get("/api/tin-tuc/?tu_ngay=2026-01-01")
        self.assertEqual([item["title"] for item in data["results"]], ["Hội thảo chuyển đổi số"])
        _, data = self.get("/api/tin-tuc/?den_ngay=2025-12-31")
        self.assertEqual([item["title"] for item in data["results"]], ["Thông báo tuyển chọn"])
        _, data = self.get("/api/tin-tuc/?chuyen_muc=khong-co")
        self.assertEqual(data["count"], 0)
        _, data = self.get("/api/van-ban/?linh_vuc=buu_chinh")
        self.assertEqual(data["count"], 0)
        _, data = self.get("/api/thu-tuc/?linh_vuc=buu_chinh")
        self.assertEqual(data["count"], 1)

    def test_bad_filter_values_are_ignored_and_named(self):
        response, data = self.get("/api/tin-tuc/?tu_ngay=hom-qua&chuyen_muc=<script>")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(data["ignored"], ["chuyen_muc", "tu_ngay"])
        self.assertEqual(data["count"], 2)

    def test_a_bad_page_is_a_json_404(self):
        for page in ("abc", "0", "2", "9" * 20):
            with self.subTest(page=page):
                response, data = self.get(f"/api/tin-tuc/?page={page}")
                self.assertEqual(response.status_code, 404)
                self.assertIn("Số trang không hợp lệ", data["error"])

    def test_answers_are_public_for_the_front_cache(self):
        response, _ = self.get("/api/tin-tuc/")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("s-maxage", response["Cache-Control"])

    def test_pages_through_a_long_list(self):
        for number in range(PAGE_SIZE):
            ArticlePageFactory(parent=self.news, title=f"Tin số {number}")
        _, first = self.get("/api/tin-tuc/?chuyen_muc=tin-tuc")
        self.assertEqual((first["count"], first["pages"], len(first["results"])), (51, 2, 50))
        self.assertEqual(first["next"], "http://testserver/api/tin-tuc/?chuyen_muc=tin-tuc&page=2")
        _, second = self.get(first["next"].removeprefix("http://testserver"))
        self.assertEqual(len(second["results"]), 1)
        self.assertIsNone(second["next"])

    def test_query_counts_stay_flat_as_items_grow(self):
        urls = ("/api/tin-tuc/", "/api/van-ban/", "/api/thu-tuc/")
        for url in urls:  # the frame cache and the site's homes read once
            self.client.get(url)
        before = {url: self.queries(url) for url in urls}
        catalogue = self.procedure.get_parent()
        for number in range(10):
            ArticlePageFactory(parent=self.notices, title=f"Thông báo {number}")
            make_document(
                f"{number}/TB", "thong_bao", datetime.date(2026, 2, 1), "Sở", f"TB {number}"
            )
            make_procedure(catalogue, f"Thủ tục {number}", f"1.10{number}")
        for url in urls:
            self.client.get(url)
        self.assertEqual({url: self.queries(url) for url in urls}, before)

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            self.client.get(url)
        return len(captured)


@override_settings(WAGTAILFRONTENDCACHE=FRONT_CACHE)
class OpenDataPurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.news, _ = news_and_notices()
        cls.article = ArticlePageFactory(parent=cls.news, title="Hội thảo")

    def setUp(self):
        RecordingBackend.purged.clear()

    def test_a_publish_purges_the_datasets(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.article.save_revision().publish()
        self.assertIn("http://localhost/api/*", RecordingBackend.purged)

    def test_a_document_change_purges_the_documents_dataset_and_the_pages_listing_them(self):
        home = home_page()
        home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        home.add_child(instance=DisclosurePage(title="Công khai", slug="cong-khai"))
        RecordingBackend.purged.clear()
        with self.captureOnCommitCallbacks(execute=True):
            make_document("3/QĐ", "quyet_dinh", datetime.date(2026, 1, 3), "Sở", "Quyết định")
        self.assertEqual(
            sorted(RecordingBackend.purged),
            [
                "http://localhost/",  # the home page lists the newest documents
                "http://localhost/api/van-ban/*",
                "http://localhost/cong-khai/*",
                "http://localhost/van-ban/*",
            ],
        )
