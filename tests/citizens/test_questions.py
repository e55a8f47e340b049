"""Hỏi đáp as readers use it: asking (stored first, then mailed), tracking by code, the list of
answers with its filters and feed, and an answer's page."""

import smtplib
from unittest import mock

from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from citizens.models import Question, QuestionStatus
from tests.citizens.helpers import ASKER, asked_question, make_answer, make_question_index
from tests.helpers import fill_site_settings

ASK = "/hoi-dap/gui-cau-hoi/"
TRACK = "/hoi-dap/tra-cuu/"


class AskingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index(notify_address="vanphong@sokhcn.example")

    def setUp(self):
        cache.clear()  # the rate limit's counts

    def test_the_form_asks_for_consent_in_the_departments_words(self):
        response = self.client.get(ASK)
        self.assertContains(response, self.index.consent_text)
        self.assertContains(response, 'name="homepage_url"')  # the trap field

    def test_a_question_is_stored_with_its_consent_and_the_asker_gets_the_code(self):
        response = self.client.post(ASK, ASKER)
        question = Question.objects.get()
        self.assertContains(response, question.tracking_code)
        self.assertEqual(question.status, QuestionStatus.NEW)
        self.assertEqual(question.consent_text, self.index.consent_text)
        self.assertIsNotNone(question.consented_at)
        to_asker, to_staff = mail.outbox
        self.assertEqual(to_asker.to, [ASKER["email"]])
        self.assertIn(question.tracking_code, to_asker.body)
        self.assertIn(f"/hoi-dap/tra-cuu/?ma={question.tracking_code}", to_asker.body)
        self.assertEqual(to_staff.to, ["vanphong@sokhcn.example"])
        # Staff are told a question came, not who asked.
        self.assertNotIn(ASKER["email"], to_staff.body)

    def test_without_consent_nothing_is_stored(self):
        response = self.client.post(ASK, {k: v for k, v in ASKER.items() if k != "consent"})
        self.assertContains(response, "Cần đồng ý", status_code=400)
        self.assertFalse(Question.objects.exists())

    def test_a_bot_filling_the_trap_is_thanked_and_forgotten(self):
        response = self.client.post(ASK, ASKER | {"homepage_url": "http://spam.example"})
        self.assertContains(response, "Đã gửi câu hỏi")
        self.assertFalse(Question.objects.exists())
        self.assertEqual(mail.outbox, [])

    def test_a_mail_outage_loses_no_question_and_logs_no_address(self):
        refused = smtplib.SMTPRecipientsRefused({ASKER["email"]: (550, b"no such user")})
        with (
            mock.patch("citizens.views.send_mail", side_effect=refused),
            self.assertLogs("citizens", level="ERROR") as logs,
        ):
            response = self.client.post(ASK, ASKER)
        self.assertContains(response, "Mã tra cứu")
        self.assertEqual(Question.objects.count(), 1)
        self.assertIn("SMTPRecipientsRefused", logs.output[0])
        self.assertNotIn(ASKER["email"], "\n".join(logs.output))

    @override_settings(CONTACT_RATE_LIMIT=2)
    def test_a_flood_is_slowed_and_the_readers_text_kept(self):
        for _ in range(2):
            self.client.post(ASK, ASKER)
        response = self.client.post(ASK, ASKER | {"title": "Câu hỏi thứ ba"})
        self.assertContains(response, "nhiều lần trong thời gian ngắn", status_code=429)
        self.assertContains(response, "Câu hỏi thứ ba", status_code=429)
        self.assertEqual(Question.objects.count(), 2)


class TrackingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()

    def setUp(self):
        cache.clear()

    def test_the_code_shows_the_status_and_nothing_else(self):
        question = asked_question(status=QuestionStatus.ASSIGNED, unit="Phòng Quản lý công nghệ")
        response = self.client.get(TRACK, {"ma": question.tracking_code.lower()})
        self.assertContains(response, "Đã giao đơn vị")
        for private in (ASKER["name"], ASKER["email"], ASKER["phone"], ASKER["title"]):
            self.assertNotContains(response, private)
        self.assertIn("no-cache", response["Cache-Control"])

    def test_a_published_answer_is_linked(self):
        question = asked_question(self.index, answered=True)
        response = self.client.get(TRACK, {"ma": question.tracking_code})
        self.assertContains(response, "Đã đăng trả lời")
        self.assertContains(response, question.answer_page.url)

    def test_an_unknown_code_is_said_so(self):
        self.assertContains(self.client.get(TRACK, {"ma": "HD-ZZZZZZZZ"}), "Không tìm thấy")
        self.assertContains(self.client.get(TRACK, {"ma": "x" * 500}), "Mã tra cứu")


class AnswersListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()
        cls.trademark = make_answer(cls.index, "Đăng ký nhãn hiệu chè")
        cls.post = make_answer(
            cls.index, "Giấy phép bưu chính nội tỉnh", sector="buu_chinh", answered_on=None
        )
        make_answer(
            cls.index,
            "Kiểm định cân năm trước",
            sector="tieu_chuan_do_luong",
            answered_on=__import__("datetime").date(2025, 3, 2),
        )

    def titles(self, **query):
        response = self.client.get(self.index.url, query)
        self.assertEqual(response.status_code, 200)
        return [page.title for page in response.context["questions"]]

    def test_filters_by_field_year_and_words_with_or_without_diacritics(self):
        self.assertEqual(self.titles(sector="buu_chinh"), ["Giấy phép bưu chính nội tỉnh"])
        self.assertEqual(self.titles(year=2025), ["Kiểm định cân năm trước"])
        self.assertEqual(self.titles(q="nhan hieu"), ["Đăng ký nhãn hiệu chè"])
        self.assertEqual(self.titles(q="nhãn hiệu"), ["Đăng ký nhãn hiệu chè"])

    def test_bad_filters_and_pages_get_a_clear_answer(self):
        response = self.client.get(self.index.url, {"year": "abc", "sector": "khong-co"})
        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ")
        self.assertEqual(self.client.get(self.index.url, {"page": "999"}).status_code, 404)

    def test_the_feed_carries_the_answers(self):
        response = self.client.get("/hoi-dap/rss/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertContains(response, "Đăng ký nhãn hiệu chè")

    def test_an_answer_shows_related_questions_of_its_field(self):
        other = make_answer(self.index, "Gia hạn văn bằng bảo hộ")
        response = self.client.get(self.trademark.url)
        self.assertContains(response, "Trả lời của Sở.")
        self.assertContains(response, other.title)
        self.assertNotContains(response, self.post.title)

    def test_the_list_costs_the_same_queries_for_three_answers_or_twelve(self):
        def queries():
            self.client.get(self.index.url)
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get(self.index.url).status_code, 200)
            return len(captured)

        few = queries()
        for number in range(9):
            make_answer(self.index, f"Câu hỏi thêm số {number}")
        self.assertEqual(queries(), few)
