"""The staff's round through the admin: a question comes in, an editor assigns it and writes the
answer on a draft page, submits it, an approver approves; the asker is mailed the link."""

from django.core import mail
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from citizens.models import Question, QuestionPage, QuestionStatus
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from tests.citizens.helpers import ASKER, asked_question, make_question_index
from tests.helpers import fill_site_settings, make_staff


def answer_form_data(page, answer):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "asker_initials": page.asker_initials,
            "asker_area": page.asker_area,
            "sector": page.sector,
            "asked_on": page.asked_on.isoformat(),
            "answered_on": page.answered_on.isoformat(),
            "answering_unit": page.answering_unit,
            "question": page.question,
            "answer": rich_text(answer),
            "related_documents": inline_formset([]),
            "comments": inline_formset([]),
            "action-submit": "1",
        }
    )


class StaffRoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.index = make_question_index()
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.approver = make_staff("duyet", APPROVERS_GROUP)

    def test_from_question_to_published_answer_and_the_askers_mail(self):
        question = asked_question()
        self.client.force_login(self.editor)
        listing = self.client.get(reverse("citizens_question:index"))
        self.assertContains(listing, question.title)
        self.assertContains(listing, "Mới nhận")

        edit_url = reverse("citizens_question:edit", args=[question.pk])
        form = self.client.get(edit_url)
        self.assertContains(form, "Soạn câu trả lời")
        response = self.client.post(
            edit_url,
            {
                **{k: v for k, v in ASKER.items() if k != "consent"},
                "status": QuestionStatus.ASSIGNED,
                "unit": "Phòng Quản lý công nghệ",
                "source": "web",
                "staff_note": "",
                "declined_reason": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        question.refresh_from_db()
        self.assertEqual(question.unit, "Phòng Quản lý công nghệ")

        answer_url = reverse("citizens_question:answer", args=[question.pk])
        self.assertContains(self.client.get(answer_url), "Tạo bản nháp")
        response = self.client.post(answer_url)
        question.refresh_from_db()
        page = question.answer_page.specific
        self.assertRedirects(
            response,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            fetch_redirect_response=False,
        )
        self.assertFalse(page.live)
        self.assertEqual(question.status, QuestionStatus.ANSWERED)
        self.assertEqual((page.asker_initials, page.asker_area), ("L.V.S.", "Xã Tà Xùa"))
        self.assertEqual(page.answering_unit, "Phòng Quản lý công nghệ")

        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            answer_form_data(page, "<p>Hồ sơ gồm tờ khai và mẫu nhãn hiệu.</p>"),
        )
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
        self.assertEqual(mail.outbox and [m for m in mail.outbox if ASKER["email"] in m.to], [])

        self.client.force_login(self.approver)
        # The mail goes once the publish is committed.
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(
                reverse(
                    "wagtailadmin_pages:workflow_action",
                    args=(page.pk, "approve", state.current_task_state.pk),
                ),
                {"comment": ""},
            )
        page = Page.objects.get(pk=page.pk).specific
        self.assertTrue(page.live)
        question.refresh_from_db()
        self.assertEqual(question.status, QuestionStatus.PUBLISHED)
        to_asker = [m for m in mail.outbox if m.to == [ASKER["email"]]]
        self.assertEqual(len(to_asker), 1)
        self.assertIn(page.full_url, to_asker[0].body)
        public = self.client.get(page.url)
        self.assertContains(public, "Hồ sơ gồm tờ khai và mẫu nhãn hiệu.")
        self.assertContains(public, "L.V.S.")
        # A correction later mails nobody again.
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision(user=self.approver).publish()
        self.assertEqual(len([m for m in mail.outbox if m.to == [ASKER["email"]]]), 1)

    def test_a_question_by_phone_is_entered_by_staff_with_how_it_came(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            reverse("citizens_question:add"),
            {
                "status": QuestionStatus.NEW,
                "source": "dien_thoai",
                "sector": "buu_chinh",
                "title": "Hỏi qua điện thoại về bưu chính",
                "body": "Người dân hỏi thủ tục cấp giấy phép bưu chính.",
                "name": "Cầm Văn Ba",
                "email": "",
                "phone": "0987 000 111",
                "organization": "",
                "area": "",
                "unit": "",
                "staff_note": "",
                "declined_reason": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        question = Question.objects.get()
        self.assertIn("điện thoại", question.consent_text)

    def test_a_declined_question_tells_the_asker_why(self):
        question = asked_question()
        self.client.force_login(self.editor)
        self.client.post(
            reverse("citizens_question:edit", args=[question.pk]),
            {
                **{k: v for k, v in ASKER.items() if k != "consent"},
                "status": QuestionStatus.DECLINED,
                "declined_reason": "Câu hỏi thuộc thẩm quyền của Sở Y tế.",
                "unit": "",
                "source": "web",
                "staff_note": "",
            },
        )
        (message,) = mail.outbox
        self.assertEqual(message.to, [ASKER["email"]])
        self.assertIn("Sở Y tế", message.body)

    def test_readers_never_reach_the_incoming_questions(self):
        asked_question()
        response = self.client.get(reverse("citizens_question:index"))
        self.assertEqual(response.status_code, 302)
        self.assertFalse(QuestionPage.objects.exists())
