"""Hostile input on Hỏi đáp and Góp ý dự thảo: oversized text, markup and scripts in every field,
forged status, codes and page ids, a closed draft posted to directly, floods. Each gets a clear
4xx or is stored as plain text; nothing is lost, nothing runs."""

import pytest
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse

from citizens.models import QUESTION_MAX_LENGTH, DraftComment, Question, QuestionStatus
from core.roles import EDITORS_GROUP
from tests.citizens.helpers import (
    ASKER,
    COMMENTER,
    make_consultation,
    make_consultation_index,
    make_question_index,
)
from tests.helpers import fill_site_settings, make_staff

pytestmark = pytest.mark.attack

ASK = "/hoi-dap/gui-cau-hoi/"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class CitizenInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()
        consultations = make_consultation_index()
        cls.open = make_consultation(consultations, "Dự thảo đang mở")
        cls.closed = make_consultation(
            consultations, "Dự thảo đã đóng", opens_in_days=-30, closes_in_days=-1
        )

    def setUp(self):
        cache.clear()

    def test_oversized_text_is_refused_with_the_reason_and_kept_on_the_form(self):
        response = self.client.post(ASK, ASKER | {"body": "a" * (QUESTION_MAX_LENGTH + 1)})
        self.assertContains(response, "Câu hỏi chưa được gửi", status_code=400)
        self.assertFalse(Question.objects.exists())
        response = self.client.post(ASK, ASKER | {"title": "t" * 5000})
        self.assertEqual(response.status_code, 400)

    def test_markup_in_every_field_is_stored_as_text_and_shown_escaped(self):
        fields = dict.fromkeys(("name", "organization", "area", "title", "body"), SCRIPT)
        self.client.post(ASK, ASKER | fields)
        question = Question.objects.get()
        self.assertEqual(question.title, SCRIPT)
        editor = make_staff("bientap", EDITORS_GROUP)
        self.client.force_login(editor)
        listing = self.client.get(reverse("citizens_question:index"))
        self.assertNotContains(listing, SCRIPT)
        self.assertContains(listing, "&lt;script&gt;")
        self.client.post(reverse("citizens_question:answer", args=[question.pk]))
        question.refresh_from_db()
        page = question.answer_page
        page.save_revision().publish()
        self.client.logout()
        public = self.client.get(page.url)
        self.assertNotContains(public, "<script>alert")
        self.assertNotContains(public, "<img src=x")

    def test_forged_status_code_and_answer_are_ignored(self):
        self.client.post(
            ASK,
            ASKER
            | {
                "status": QuestionStatus.PUBLISHED,
                "tracking_code": "HD-AAAAAAAA",
                "answer_page": "1",
                "unit": "Giám đốc Sở",
                "consent_text": "không",
            },
        )
        question = Question.objects.get()
        self.assertEqual(question.status, QuestionStatus.NEW)
        self.assertNotEqual(question.tracking_code, "HD-AAAAAAAA")
        self.assertIsNone(question.answer_page_id)
        self.assertEqual(question.unit, "")
        self.assertNotEqual(question.consent_text, "không")

    def test_a_comment_goes_to_the_draft_of_its_address_whatever_id_is_posted(self):
        self.client.post(self.open.url + "gop-y/", COMMENTER | {"consultation": self.closed.pk})
        self.assertEqual(DraftComment.objects.get().consultation_id, self.open.pk)

    def test_a_closed_draft_posted_to_directly_is_refused(self):
        response = self.client.post(self.closed.url + "gop-y/", COMMENTER)
        self.assertContains(response, "Đã hết hạn góp ý", status_code=403)
        self.assertFalse(DraftComment.objects.exists())

    @override_settings(CONTACT_RATE_LIMIT=3)
    def test_a_flood_across_both_forms_is_slowed(self):
        for _ in range(2):
            self.client.post(ASK, ASKER)
        self.client.post(self.open.url + "gop-y/", COMMENTER)
        response = self.client.post(self.open.url + "gop-y/", COMMENTER)
        self.assertEqual(response.status_code, 429)
        self.assertEqual(Question.objects.count() + DraftComment.objects.count(), 3)

    @override_settings(CONTACT_RATE_LIMIT=5)
    def test_guessing_tracking_codes_is_slowed(self):
        statuses = [
            self.client.get("/hoi-dap/tra-cuu/", {"ma": f"HD-AAAAAAA{n}"}).status_code
            for n in range(7)
        ]
        self.assertEqual(statuses[:5], [200] * 5)
        self.assertEqual(statuses[-1], 429)
