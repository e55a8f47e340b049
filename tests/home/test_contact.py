import pytest
from django.core import mail
from django.test import TestCase, override_settings
from wagtail.contrib.forms.models import FormSubmission

from home.models.pages import CONTACT_MESSAGE_MAX_LENGTH
from tests.factories import ContactPageFactory
from tests.helpers import ReaderClient, fill_site_settings, home_page

VALID_POST = {
    "ho_va_ten": "Nguyễn Văn Bình",
    "thu_dien_tu": "binh@example.vn",
    "noi_dung": "Xin hỏi thủ tục đăng ký nhiệm vụ khoa học và công nghệ cấp tỉnh.",
}


@override_settings(CONTACT_RATE_LIMIT=5)
class ContactFormTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.page = ContactPageFactory(parent=home_page())

    def post(self, data, **extra):
        return self.client.post(self.page.url, data, **extra)

    def submissions(self):
        return FormSubmission.objects.filter(page=self.page)

    def test_form_shows_fields_and_the_department_contacts(self):
        response = self.client.get(self.page.url)
        self.assertContains(response, 'name="ho_va_ten"')
        self.assertContains(response, 'name="thu_dien_tu"')
        self.assertContains(response, "<textarea")
        self.assertContains(response, "02123.852.791")  # fax, beside the form
        self.assertContains(response, 'class="hp-field" aria-hidden="true"')

    def test_valid_message_is_stored_and_emailed(self):
        response = self.post(VALID_POST)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sở đã nhận được thư của bạn.")
        submission = self.submissions().get()
        self.assertEqual(submission.get_data()["ho_va_ten"], "Nguyễn Văn Bình")
        self.assertNotIn("homepage_url", submission.form_data)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["vanthu@sokhcn.example"])
        self.assertIn("Nguyễn Văn Bình", mail.outbox[0].body)
        self.assertIn("thủ tục đăng ký nhiệm vụ", mail.outbox[0].body)

    @pytest.mark.attack
    def test_honeypot_filled_is_dropped_silently(self):
        response = self.post(VALID_POST | {"homepage_url": "http://spam.example"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sở đã nhận được thư của bạn.")  # the bot learns nothing
        self.assertFalse(self.submissions().exists())
        self.assertEqual(mail.outbox, [])

    def test_missing_fields_give_vietnamese_errors_and_keep_input(self):
        response = self.post({"ho_va_ten": "Nguyễn Văn Bình", "thu_dien_tu": "khong-phai-email"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Thư chưa được gửi.")
        self.assertContains(response, "Trường này là bắt buộc.")
        self.assertContains(response, "Địa chỉ thư điện tử chưa đúng")
        self.assertContains(response, 'value="Nguyễn Văn Bình"')
        self.assertFalse(self.submissions().exists())

    @pytest.mark.attack
    def test_null_bytes_and_overlong_text_are_refused_cleanly(self):
        for data in (
            VALID_POST | {"ho_va_ten": "Bình\x00"},
            VALID_POST | {"noi_dung": "a" * (CONTACT_MESSAGE_MAX_LENGTH + 1)},
            VALID_POST | {"ho_va_ten": "x" * 10_000},
        ):
            with self.subTest(field_lengths={k: len(v) for k, v in data.items()}):
                response = self.post(data)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Thư chưa được gửi.")
        self.assertFalse(self.submissions().exists())

    @pytest.mark.attack
    def test_malformed_multipart_body_is_a_client_error(self):
        response = self.client.generic(
            "POST",
            self.page.url,
            b"--xx\r\nContent-Disposition: form-data; name=\r\n\r\n",
            content_type="multipart/form-data; boundary=",
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.submissions().exists())

    @pytest.mark.attack
    def test_rate_limit_answers_429_and_keeps_what_was_typed(self):
        for _ in range(5):
            self.assertEqual(self.post(VALID_POST).status_code, 200)
        response = self.post(VALID_POST | {"ho_va_ten": "Lần thứ sáu"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Bạn đã gửi nhiều thư", status_code=429)
        self.assertContains(response, 'value="Lần thứ sáu"', status_code=429)
        self.assertEqual(self.submissions().count(), 5)

    @pytest.mark.attack
    def test_rate_limit_is_per_client(self):
        for _ in range(5):
            self.post(VALID_POST, REMOTE_ADDR="10.0.0.1")
        self.assertEqual(self.post(VALID_POST, REMOTE_ADDR="10.0.0.2").status_code, 200)

    @override_settings(EMAIL_BACKEND="tests.helpers.FailingEmailBackend")
    @pytest.mark.attack
    def test_mail_server_down_keeps_the_message_and_thanks_the_sender(self):
        with self.assertLogs("home.models.pages", level="ERROR"):
            response = self.post(VALID_POST)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Sở đã nhận được thư của bạn.")
        self.assertEqual(self.submissions().count(), 1)

    def test_submissions_are_listed_in_the_admin(self):
        from django.contrib.auth import get_user_model

        self.post(VALID_POST)
        admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")
        self.client.force_login(admin)
        response = self.client.get(f"/admin/forms/submissions/{self.page.pk}/")
        self.assertContains(response, "Nguyễn Văn Bình")
