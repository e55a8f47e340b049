import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from home.models import DocumentLibraryPage, DocumentReview
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import ReaderClient, home_page

Document = get_document_model()


def make_document(
    number,
    kind,
    issued_on,
    issuer,
    summary,
    collection=None,
    name="vb.pdf",
    content=b"%PDF-1.4 van ban",
    review_status=DocumentReview.APPROVED,
):
    return Document.objects.create(
        title=summary[:60],
        number=number,
        document_type=kind,
        issued_on=issued_on,
        issuer=issuer,
        summary=summary,
        file=ContentFile(content, name=name),
        collection=collection or Collection.objects.get(name="Văn bản"),
        review_status=review_status,
    )


class DocumentLibraryTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        cls.library = home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        cls.decision = make_document(
            "2423/QĐ-UBND",
            "quyet_dinh",
            datetime.date(2022, 11, 18),
            "UBND tỉnh Sơn La",
            "Phê duyệt danh mục nhiệm vụ KH&CN",
        )
        cls.resolution = make_document(
            "54/2023/NQ-HĐND",
            "nghi_quyet",
            datetime.date(2023, 4, 18),
            "HĐND tỉnh Sơn La",
            "Mức chi xét tặng Giải thưởng KH&CN",
        )
        cls.plan = make_document(
            "145/KH-SKHCN",
            "ke_hoach",
            datetime.date(2026, 1, 15),
            "Sở Khoa học và Công nghệ tỉnh Sơn La",
            "Kế hoạch năm 2026",
        )
        internal = Collection.get_first_root_node().add_child(name="Nội bộ")
        CollectionViewRestriction.objects.create(
            collection=internal, restriction_type=CollectionViewRestriction.LOGIN
        )
        cls.private = make_document(
            "01/NB",
            "bao_cao",
            datetime.date(2026, 2, 1),
            "Sở Khoa học và Công nghệ tỉnh Sơn La",
            "Báo cáo nội bộ mật",
            collection=internal,
        )
        news = ArticleIndexPageFactory(parent=home, title="Tin tức")
        cls.article = ArticlePageFactory(
            parent=news,
            title="UBND tỉnh phê duyệt danh mục",
            body=[{"type": "document", "value": {"document": cls.decision.pk, "title": ""}}],
        )
        cls.article.save_revision().publish()

    def get(self, url, data=None):
        return self.client.get(url, data or {})

    def listed(self, data=None):
        response = self.get("/van-ban/", data)
        self.assertEqual(response.status_code, 200)
        return [document.number for document in response.context["documents"]]

    def test_lists_public_documents_newest_first(self):
        self.assertEqual(self.listed(), ["145/KH-SKHCN", "54/2023/NQ-HĐND", "2423/QĐ-UBND"])

    def test_filters_and_search(self):
        cases = {
            "type": ({"document_type": "nghi_quyet"}, ["54/2023/NQ-HĐND"]),
            "issuer": ({"issuer": "UBND tỉnh Sơn La"}, ["2423/QĐ-UBND"]),
            "year": ({"year": "2026"}, ["145/KH-SKHCN"]),
            "number": ({"q": "2423"}, ["2423/QĐ-UBND"]),
            "summary": ({"q": "giải thưởng"}, ["54/2023/NQ-HĐND"]),
            "combined": ({"q": "KH&CN", "year": "2022"}, ["2423/QĐ-UBND"]),
            "private never": ({"q": "nội bộ"}, []),
        }
        for name, (data, expected) in cases.items():
            with self.subTest(case=name):
                self.assertEqual(self.listed(data), expected)

    @pytest.mark.attack
    def test_bad_values_give_a_notice_not_an_error(self):
        for data in (
            {"year": "abc"},
            {"year": "99999"},
            {"document_type": "x"},
            {"issuer": "không có"},
            {"q": "x" * 5000},
            {"page": "-1"},
            {"year": "\x00"},
        ):
            with self.subTest(data={k: v[:10] for k, v in data.items()}):
                response = self.get("/van-ban/", data)
                self.assertEqual(response.status_code, 404 if "page" in data else 200)
                if "page" not in data and "q" not in data:
                    self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ")

    def test_detail_shows_metadata_download_and_the_pages_citing_it(self):
        response = self.get(f"/van-ban/{self.decision.pk}/")
        self.assertContains(response, '<h1 class="page-title">Quyết định số 2423/QĐ-UBND</h1>')
        self.assertContains(response, "<dd>18/11/2022</dd>")
        self.assertContains(response, "<dd>UBND tỉnh Sơn La</dd>")
        self.assertContains(response, f'href="{self.decision.url}"')
        self.assertContains(response, "UBND tỉnh phê duyệt danh mục")  # the article linking it

    @pytest.mark.attack
    def test_private_documents_are_neither_listed_nor_downloadable_anonymously(self):
        self.assertEqual(self.get(f"/van-ban/{self.private.pk}/").status_code, 404)
        response = self.get(self.private.url)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/_util/login/", response["Location"])
        self.assertFalse(response.has_header("Content-Disposition"))

    @pytest.mark.attack
    def test_a_collection_restricted_later_leaves_the_pages_already_drawn(self):
        # The home page's newest documents and the library are kept with the frame's generation:
        # a restriction added afterwards must start a new one, or the titles would stay public.
        reports = Collection.get_first_root_node().add_child(name="Báo cáo")
        report = make_document(
            "09/BC-SKHCN",
            "bao_cao",
            datetime.date(2026, 3, 1),
            "Sở Khoa học và Công nghệ tỉnh Sơn La",
            "Báo cáo tình hình ứng dụng",
            collection=reports,
        )
        self.assertContains(self.get("/"), report.title)
        self.assertIn(report.number, self.listed())

        CollectionViewRestriction.objects.create(
            collection=reports, restriction_type=CollectionViewRestriction.LOGIN
        )
        self.assertNotContains(self.get("/"), report.title)
        self.assertNotIn(report.number, self.listed())
        self.assertEqual(self.get(f"/van-ban/{report.pk}/").status_code, 404)

    @pytest.mark.attack
    def test_files_are_served_only_through_the_checked_view(self):
        self.assertFalse(str(settings.DOCUMENTS_ROOT).startswith(str(settings.MEDIA_ROOT)))
        self.assertTrue(self.decision.file.path.startswith(str(settings.DOCUMENTS_ROOT)))
        self.assertTrue(self.decision.url.startswith("/documents/"))

    @pytest.mark.attack
    def test_downloads_carry_safe_headers(self):
        response = self.get(self.decision.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        self.assertEqual(response["Content-Security-Policy"], "default-src 'none'")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        sheet = make_document(
            "02/BC", "bao_cao", None, "", "Bảng số liệu", name="so-lieu.xlsx", content=b"PK\x03\x04"
        )
        download = self.get(sheet.url)
        self.assertTrue(download["Content-Disposition"].startswith("attachment"))


class DocumentUploadTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")

    def setUp(self):
        self.client.force_login(self.admin)

    def upload(self, name, content, **fields):
        return self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Quyết định phê duyệt",
                "collection": Collection.objects.get(name="Văn bản").pk,
                "file": SimpleUploadedFile(name, content),
                "number": "2423/QĐ-UBND",
                "document_type": "quyet_dinh",
                "issued_on": "18/11/2022",
                "issuer": "UBND tỉnh Sơn La",
                "signer": "Nguyễn Thành Công",
                "summary": "Phê duyệt danh mục nhiệm vụ.",
                "effect": "con_hieu_luc",
                **fields,
            },
        )

    def test_editor_records_the_official_metadata(self):
        response = self.upload("qd-2423.pdf", b"%PDF-1.4")
        self.assertEqual(response.status_code, 302)
        document = Document.objects.get()
        self.assertEqual(document.number, "2423/QĐ-UBND")
        self.assertEqual(document.issued_on, datetime.date(2022, 11, 18))
        self.assertEqual(document.display_title, "Quyết định số 2423/QĐ-UBND")

    @pytest.mark.attack
    def test_active_content_is_refused(self):
        for name, content in (
            ("trang.html", b"<script>alert(1)</script>"),
            ("hinh.svg", b"<svg onload='alert(1)'/>"),
            ("chay.js", b"alert(1)"),
        ):
            with self.subTest(file=name):
                response = self.upload(name, content)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Không nhận tệp")
        self.assertFalse(Document.objects.exists())

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
    @pytest.mark.attack
    def test_oversized_documents_are_refused(self):
        response = self.upload("lon.pdf", b"%PDF-1.4" + b"0" * 500)
        self.assertContains(response, "Tệp quá lớn")
        self.assertFalse(Document.objects.exists())
