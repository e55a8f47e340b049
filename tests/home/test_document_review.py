"""Official documents through the admin as editors and approvers use it: the multiple uploader
with the library's metadata, files that stay private until an approver publishes them, parked
uploads that never reach public storage, and the approver's decision with a comment."""

import json
import os
import time
from io import StringIO

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DocumentLibraryPage, DocumentReview
from tests.helpers import ReaderClient, home_page, make_staff

Document = get_document_model()
PDF = b"%PDF-1.4 quyet dinh"
METADATA = {
    "number": "2423/QĐ-UBND",
    "document_type": "quyet_dinh",
    "issued_on": "18/11/2022",
    "issuer": "UBND tỉnh Sơn La",
    "signer": "Nguyễn Thành Công",
    "summary": "Phê duyệt danh mục nhiệm vụ khoa học và công nghệ.",
    "effect": "con_hieu_luc",
    "tags": "",
}


def inside(path, folder):
    return os.path.realpath(path).startswith(os.path.realpath(folder) + os.sep)


class DocumentReviewTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page().add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)
        cls.collection = Collection.objects.get(name="Văn bản")

    def as_staff(self, user):
        client = Client()
        client.force_login(user)
        return client

    def assert_hidden_from_readers(self, document):
        reader = ReaderClient()
        self.assertEqual(reader.get(document.url).status_code, 404)
        self.assertEqual(reader.get(f"/van-ban/{document.pk}/").status_code, 404)
        self.assertNotContains(reader.get("/van-ban/"), document.summary or document.title)

    def assert_public(self, document):
        reader = ReaderClient()
        self.assertEqual(reader.get(document.url).status_code, 200)
        self.assertContains(reader.get("/van-ban/"), document.summary)

    def form_data(self, document, prefix="", **fields):
        values = {"title": document.title, "collection": self.collection.pk, **METADATA, **fields}
        return {f"{prefix}{name}": value for name, value in values.items()}

    def upload_several(self, client, name, content=PDF, **data):
        response = client.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile(name, content),
                "collection": self.collection.pk,
                **data,
            },
        )
        self.assertEqual(response.status_code, 200)
        return json.loads(response.content)


class MultipleUploaderTests(DocumentReviewTestCase):
    def test_editor_uploads_several_fills_in_metadata_and_the_file_stays_private(self):
        editor = self.as_staff(self.editor)
        self.assertContains(editor.get(reverse("wagtaildocs:add_multiple")), "files[]")

        answer = self.upload_several(editor, "qd-2423-ubnd.pdf")
        self.assertTrue(answer["success"])
        document = Document.objects.get(pk=answer["doc_id"])
        self.assertEqual(document.title, "qd-2423-ubnd")  # not the file's name with .pdf
        self.assertTrue(inside(document.file.path, settings.DOCUMENTS_ROOT))
        self.assertEqual(document.review_status, DocumentReview.WAITING)
        self.assertFalse(UploadedFile.objects.exists())
        self.assert_hidden_from_readers(document)

        prefix = f"doc-{document.pk}-"
        response = editor.post(
            reverse("wagtaildocs:edit_multiple", args=[document.pk]),
            self.form_data(document, prefix, title="Quyết định phê duyệt danh mục"),
        )
        self.assertEqual(json.loads(response.content)["success"], True)
        document.refresh_from_db()
        self.assertEqual(document.number, "2423/QĐ-UBND")
        self.assertEqual(document.effect, "con_hieu_luc")
        self.assertEqual(document.review_status, DocumentReview.WAITING)
        self.assert_hidden_from_readers(document)

        approver = self.as_staff(self.approver)
        self.assertContains(
            approver.get(reverse("wagtaildocs:edit", args=[document.pk])),
            "Chờ duyệt: văn bản chưa hiện trên cổng.",
        )
        response = approver.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            self.form_data(document, review="approve"),
        )
        self.assertEqual(response.status_code, 302)
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.APPROVED)
        self.assertEqual(document.reviewed_by, self.approver)
        self.assert_public(document)

    def test_a_parked_upload_is_kept_private_and_becomes_a_document_without_error(self):
        editor = self.as_staff(self.editor)
        # A title the form refuses parks the file until the metadata form is filled in.
        answer = self.upload_several(editor, "ke-hoach.pdf", title="K" * 300)
        upload = UploadedFile.objects.get(pk=answer["uploaded_file_id"])
        parked = upload.file.path
        self.assertTrue(inside(parked, settings.DOCUMENTS_ROOT))
        self.assertFalse(inside(parked, settings.MEDIA_ROOT))
        self.assertFalse(Document.objects.exists())

        response = editor.post(
            reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload.pk]),
            {
                f"uploaded-document-{upload.pk}-{name}": value
                for name, value in {
                    "title": "Kế hoạch năm 2026",
                    "collection": self.collection.pk,
                    **METADATA,
                }.items()
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(json.loads(response.content)["success"])
        document = Document.objects.get()
        self.assertEqual(document.title, "Kế hoạch năm 2026")
        self.assertEqual(document.number, "2423/QĐ-UBND")
        self.assertEqual(document.review_status, DocumentReview.WAITING)
        self.assertTrue(inside(document.file.path, settings.DOCUMENTS_ROOT))
        with document.file.open("rb") as stored:
            self.assertEqual(stored.read(), PDF)
        self.assertFalse(UploadedFile.objects.exists())
        self.assertFalse(os.path.exists(parked))
        self.assert_hidden_from_readers(document)

    def test_a_disguised_file_is_refused_at_upload_and_nothing_is_parked(self):
        answer = self.upload_several(self.as_staff(self.editor), "bao-cao.pdf", b"<html>")
        self.assertFalse(answer["success"])
        self.assertIn("nội dung không phải tệp pdf", answer["error_message"])
        self.assertFalse(Document.objects.exists())
        self.assertFalse(UploadedFile.objects.exists())

    def test_abandoned_parked_uploads_are_removed_and_recent_ones_kept(self):
        editor = self.as_staff(self.editor)
        old = UploadedFile.objects.get(
            pk=self.upload_several(editor, "cu.pdf", title="C" * 300)["uploaded_file_id"]
        )
        recent = UploadedFile.objects.get(
            pk=self.upload_several(editor, "moi.pdf", title="M" * 300)["uploaded_file_id"]
        )
        two_days_ago = time.time() - 2 * 24 * 3600
        os.utime(old.file.path, (two_days_ago, two_days_ago))

        output = StringIO()
        call_command("remove_abandoned_uploads", stdout=output)

        self.assertEqual(list(UploadedFile.objects.all()), [recent])
        self.assertFalse(os.path.exists(old.file.path))
        self.assertTrue(os.path.exists(recent.file.path))
        self.assertIn("Đã xoá 1 tệp tải lên dở dang", output.getvalue())


class ApprovalTests(DocumentReviewTestCase):
    def upload_one(self, user, **fields):
        client = self.as_staff(user)
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Quyết định phê duyệt",
                "collection": self.collection.pk,
                "file": SimpleUploadedFile("qd.pdf", PDF),
                **METADATA,
                **fields,
            },
        )
        self.assertEqual(response.status_code, 302)
        return Document.objects.latest("pk")

    def test_an_editors_document_waits_and_editors_cannot_approve_it(self):
        document = self.upload_one(self.editor, review="approve")  # not a field editors have
        self.assertEqual(document.review_status, DocumentReview.WAITING)
        self.assert_hidden_from_readers(document)
        edit = self.as_staff(self.editor).get(reverse("wagtaildocs:edit", args=[document.pk]))
        self.assertNotContains(edit, 'name="review"')
        # Staff who work with documents can open it, to check it or preview a page that cites it.
        self.assertEqual(self.as_staff(self.editor).get(document.url).status_code, 200)

    def test_an_approvers_own_document_is_published_at_once(self):
        document = self.upload_one(self.approver)
        self.assertEqual(document.review_status, DocumentReview.APPROVED)
        self.assertEqual(document.reviewed_by, self.approver)
        self.assert_public(document)

    def test_sent_back_with_a_comment_the_editor_reads_it_and_a_change_resubmits(self):
        document = self.upload_one(self.editor)
        approver = self.as_staff(self.approver)
        edit_url = reverse("wagtaildocs:edit", args=[document.pk])

        without_comment = approver.post(edit_url, self.form_data(document, review="send_back"))
        self.assertContains(without_comment, "Hãy ghi ý kiến để biên tập viên biết cần sửa gì.")
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.WAITING)

        approver.post(
            edit_url,
            self.form_data(document, review="send_back", review_comment="Thiếu người ký."),
        )
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.SENT_BACK)
        self.assert_hidden_from_readers(document)

        editor = self.as_staff(self.editor)
        page = editor.get(edit_url)
        self.assertContains(page, "duyet yêu cầu sửa lúc")
        self.assertContains(page, "Thiếu người ký.")

        editor.post(edit_url, self.form_data(document, signer="Lò Văn Mừng"))
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.WAITING)

    def test_an_editors_change_to_a_published_document_takes_it_back_for_review(self):
        document = self.upload_one(self.approver)
        self.assert_public(document)
        edit_url = reverse("wagtaildocs:edit", args=[document.pk])
        editor = self.as_staff(self.editor)

        editor.post(edit_url, self.form_data(document))  # saved unchanged: still published
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.APPROVED)

        editor.post(edit_url, self.form_data(document, summary="Trích yếu đã sửa."))
        document.refresh_from_db()
        self.assertEqual(document.review_status, DocumentReview.WAITING)
        self.assert_hidden_from_readers(document)
