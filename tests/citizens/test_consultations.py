"""Góp ý dự thảo: a status that follows the clock, the list's order, the comment form the
server closes on time, private comments with a count, attachments checked and kept private, the
drafting unit's export, and the home page's reminder."""

import csv
import datetime
import io

from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from citizens.models import ConsultationStatus, DraftComment
from core.roles import EDITORS_GROUP
from tests.citizens.helpers import (
    COMMENTER,
    add_comment,
    make_consultation,
    make_consultation_index,
)
from tests.helpers import fill_site_settings, make_staff
from tests.home.test_documents import make_document


def draft_document():
    return make_document(
        "",
        "khac",
        datetime.date(2026, 11, 1),
        "Sở Khoa học và Công nghệ",
        "Toàn văn dự thảo quy chế hạ tầng viễn thông",
    )


class ConsultationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_consultation_index()
        document = draft_document()
        cls.open = make_consultation(cls.index, "Dự thảo đang mở", document=document)
        cls.upcoming = make_consultation(
            cls.index, "Dự thảo sắp mở", opens_in_days=3, closes_in_days=30
        )
        cls.closed = make_consultation(
            cls.index, "Dự thảo đã đóng", opens_in_days=-40, closes_in_days=-10
        )
        cls.answered = make_consultation(
            cls.index,
            "Dự thảo đã tiếp thu",
            opens_in_days=-90,
            closes_in_days=-60,
            report="<p>Tiếp thu 9 ý kiến, giải trình 5 ý kiến.</p>",
            report_published_on=datetime.date(2026, 9, 1),
        )

    def setUp(self):
        cache.clear()

    def comment_url(self, page):
        return page.url + "gop-y/"

    def test_the_status_follows_the_clock(self):
        self.assertEqual(self.open.status, ConsultationStatus.OPEN)
        self.assertEqual(self.upcoming.status, ConsultationStatus.UPCOMING)
        self.assertEqual(self.closed.status, ConsultationStatus.CLOSED)
        self.assertEqual(self.answered.status, ConsultationStatus.ANSWERED)
        later = self.open.closes_at + datetime.timedelta(seconds=1)
        self.assertEqual(self.open.status_at(later), ConsultationStatus.CLOSED)

    def test_the_list_shows_open_drafts_first_then_upcoming_then_closed(self):
        response = self.client.get(self.index.url)
        titles = [page.title for page in response.context["consultations"]]
        self.assertEqual(
            titles, ["Dự thảo đang mở", "Dự thảo sắp mở", "Dự thảo đã đóng", "Dự thảo đã tiếp thu"]
        )

    def test_a_comment_is_stored_privately_and_only_counted_on_the_page(self):
        response = self.client.post(self.comment_url(self.open), COMMENTER)
        self.assertContains(response, "Cảm ơn bạn")
        comment = DraftComment.objects.get()
        self.assertEqual(comment.consultation_id, self.open.pk)
        self.assertIn("tiếp thu", comment.consent_text)
        page = self.client.get(self.open.url)
        self.assertContains(page, "Số ý kiến đã nhận")
        self.assertContains(page, "<dd>1</dd>", html=True)
        for private in (COMMENTER["name"], COMMENTER["email"], COMMENTER["body"]):
            self.assertNotContains(page, private)
        self.assertContains(page, "Dự thảo lần 1")

    def test_after_closing_time_the_server_refuses_the_comment(self):
        for page, message in ((self.closed, "Đã hết hạn góp ý"), (self.upcoming, "chưa mở")):
            self.assertContains(self.client.get(self.comment_url(page)), message, status_code=403)
            response = self.client.post(self.comment_url(page), COMMENTER)
            self.assertContains(response, message, status_code=403)
        self.assertFalse(DraftComment.objects.exists())
        self.assertNotContains(self.client.get(self.closed.url), "Gửi ý kiến góp ý")

    def test_a_report_is_shown_once_published(self):
        response = self.client.get(self.answered.url)
        self.assertContains(response, "Tiếp thu 9 ý kiến")
        self.assertContains(response, "01/9/2026")

    def test_an_attachment_is_checked_and_kept_out_of_public_storage(self):
        pdf = SimpleUploadedFile("y-kien.pdf", b"%PDF-1.4 y kien", content_type="application/pdf")
        self.client.post(self.comment_url(self.open), COMMENTER | {"attachment": pdf})
        comment = DraftComment.objects.get()
        path = comment.attachment.path
        self.assertTrue(path.startswith(str(settings.DOCUMENTS_ROOT)))
        self.assertFalse(path.startswith(str(settings.MEDIA_ROOT)))

    def test_a_disguised_or_oversized_attachment_is_refused_and_the_text_kept(self):
        page = SimpleUploadedFile("y-kien.pdf", b"<html><script>", content_type="application/pdf")
        response = self.client.post(self.comment_url(self.open), COMMENTER | {"attachment": page})
        self.assertContains(response, "nội dung không phải tệp pdf", status_code=400)
        self.assertContains(response, COMMENTER["body"], status_code=400)
        script = SimpleUploadedFile("y-kien.exe", b"MZ", content_type="application/octet-stream")
        response = self.client.post(self.comment_url(self.open), COMMENTER | {"attachment": script})
        self.assertContains(response, "Không nhận tệp .exe", status_code=400)
        with override_settings(CITIZEN_UPLOAD_MAX_BYTES=10):
            big = SimpleUploadedFile("y-kien.pdf", b"%PDF-1.4 " + b"x" * 100)
            response = self.client.post(
                self.comment_url(self.open), COMMENTER | {"attachment": big}
            )
        self.assertContains(response, "Tệp quá lớn", status_code=400)
        self.assertFalse(DraftComment.objects.exists())

    def test_the_home_page_reminds_of_open_drafts_only(self):
        response = self.client.get("/")
        self.assertContains(response, "Dự thảo đang lấy ý kiến")
        self.assertContains(response, "Dự thảo đang mở")
        self.assertNotContains(response, "Dự thảo sắp mở")
        self.assertNotContains(response, "Dự thảo đã đóng")


class CommentExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        index = make_consultation_index()
        cls.consultation = make_consultation(index, "Dự thảo quy chế")
        add_comment(cls.consultation, body='=HYPERLINK("http://x.example","bấm")')
        cls.editor = make_staff("bientap", EDITORS_GROUP)

    def export(self, kind):
        self.client.force_login(self.editor)
        return self.client.get(reverse("citizens_comment:index"), {"export": kind})

    def test_csv_cells_that_would_run_as_formulas_are_text(self):
        response = self.export("csv")
        self.assertEqual(response.status_code, 200)
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
        body_column = rows[0].index("Nội dung góp ý")
        self.assertEqual(rows[1][body_column], '\'=HYPERLINK("http://x.example","bấm")')

    def test_xlsx_cells_are_strings(self):
        response = self.export("xlsx")
        workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        cell = next(
            cell
            for row in workbook.active.iter_rows()
            for cell in row
            if str(cell.value).startswith("=HYPERLINK")
        )
        self.assertEqual(cell.data_type, "s")


class CachingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        index = make_consultation_index()
        cls.closing_soon = make_consultation(
            index,
            "Dự thảo sắp hết hạn",
            closes_in_days=2 / (24 * 60),  # in two minutes
        )
        cls.open_long = make_consultation(index, "Dự thảo còn lâu")

    def test_a_page_is_kept_no_longer_than_until_its_status_changes(self):
        response = self.client.get(self.closing_soon.url)
        max_age = dict(
            part.strip().split("=") for part in response["Cache-Control"].split(",") if "=" in part
        )
        self.assertLessEqual(int(max_age["s-maxage"]), 120)
        self.assertIn("s-maxage=600", self.client.get(self.open_long.url)["Cache-Control"])


class ListQueriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_consultation_index()

    def queries(self):
        self.client.get(self.index.url)
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(self.index.url).status_code, 200)
        return len(captured)

    def test_the_list_costs_the_same_queries_for_two_drafts_or_eight(self):
        for number in range(2):
            add_comment(make_consultation(self.index, f"Dự thảo số {number}"))
        few = self.queries()
        for number in range(6):
            add_comment(
                make_consultation(self.index, f"Dự thảo thêm {number}", opens_in_days=number - 3)
            )
        self.assertEqual(self.queries(), few)
