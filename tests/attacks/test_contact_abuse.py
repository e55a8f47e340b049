"""Abuse of the contact form: forged posts, injected mail headers, spreadsheet formulas, stray
fields, floods from one client across several app processes. The department keeps every real
letter and nothing else."""

import csv
import io

import pytest
import redis
from django.core import mail
from django.core.cache import cache
from django.test import Client, TestCase, override_settings
from wagtail.contrib.forms.models import FormSubmission

from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.factories import READER_USER_AGENT, ContactPageFactory
from tests.helpers import REDIS_HOST, REDIS_PORT, fill_site_settings, home_page, redis_db
from tests.home.test_contact import VALID_POST

pytestmark = pytest.mark.attack


@override_settings(CONTACT_RATE_LIMIT=5)
class ContactAbuseTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.page = ContactPageFactory(parent=home_page())

    def post(self, data, client=None, **extra):
        return (client or self.client).post(
            self.page.url, data, HTTP_USER_AGENT=READER_USER_AGENT, **extra
        )

    def test_a_post_without_the_forms_token_is_refused(self):
        with self.assertDatabaseUnchanged():
            response = self.post(VALID_POST, client=Client(enforce_csrf_checks=True))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(mail.outbox, [])

    def test_a_line_break_in_the_address_cannot_add_recipients(self):
        with self.assertDatabaseUnchanged():
            response = self.post(
                VALID_POST | {"thu_dien_tu": "binh@example.vn\r\nBcc: all@example.vn"}
            )
        self.assertContains(response, "Địa chỉ thư điện tử chưa đúng")
        self.assertEqual(mail.outbox, [])

    def test_header_lines_typed_into_the_letter_stay_in_its_body(self):
        injected = "Bình\r\nBcc: all@example.vn\r\nSubject: Trúng thưởng"
        response = self.post(VALID_POST | {"ho_va_ten": injected})
        self.assertContains(response, "Sở đã nhận được thư của bạn.")
        self.assertEqual(FormSubmission.objects.get().get_data()["ho_va_ten"], injected)
        (message,) = mail.outbox
        self.assertEqual(message.bcc, [])
        self.assertEqual(message.to, ["vanthu@sokhcn.example"])
        self.assertEqual(message.reply_to, ["binh@example.vn"])
        headers = message.message()
        self.assertIsNone(headers["Bcc"])
        self.assertNotIn("Trúng thưởng", str(headers["Subject"]))

    def test_a_broken_subject_an_editor_typed_loses_no_letter(self):
        self.page.subject = "Thư mới\r\nBcc: all@example.vn"
        self.page.save()
        with self.assertLogs("home.models.pages", level="ERROR"):
            response = self.post(VALID_POST)
        self.assertContains(response, "Sở đã nhận được thư của bạn.")
        self.assertEqual(FormSubmission.objects.count(), 1)
        self.assertEqual(mail.outbox, [])

    def test_formulas_in_letters_reach_the_spreadsheet_as_text(self):
        from django.contrib.auth import get_user_model

        for text in ('=HYPERLINK("http://x.example","Bấm")', "+1+1", "-2+3", "@SUM(A1)"):
            self.post(VALID_POST | {"noi_dung": text})
        admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")
        self.client.force_login(admin)
        exported = self.client.get(f"/admin/forms/submissions/{self.page.pk}/?export=csv")
        self.assertEqual(exported.status_code, 200)
        rows = list(
            csv.DictReader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig")))
        )
        messages = sorted(row[next(k for k in row if "dung" in k.lower())] for row in rows)
        self.assertEqual(
            messages, ["'+1+1", "'-2+3", '\'=HYPERLINK("http://x.example","Bấm")', "'@SUM(A1)"]
        )

    def test_fields_the_form_does_not_have_are_not_stored(self):
        self.post(VALID_POST | {"page_id": "1", "is_superuser": "on", "submit_time": "2000-01-01"})
        self.assertEqual(set(FormSubmission.objects.get().get_data()) & {"page_id", "is_superuser"},
                         set())  # fmt: skip
        self.assertEqual(
            set(FormSubmission.objects.get().form_data), {"ho_va_ten", "thu_dien_tu", "noi_dung"}
        )

    def test_a_flood_of_fields_is_a_client_error(self):
        flood = VALID_POST | {f"f{n}": "x" for n in range(2000)}
        with self.assertDatabaseUnchanged():
            response = self.post(flood)
        self.assertEqual(response.status_code, 400)

    def test_a_forged_forwarded_address_does_not_escape_the_limit(self):
        for n in range(5):
            self.post(VALID_POST, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        with self.assertDatabaseUnchanged():
            response = self.post(
                VALID_POST, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="10.1.1.1"
            )
        self.assertEqual(response.status_code, 429)


@pytest.mark.django_db
@override_settings(CONTACT_RATE_LIMIT=3)
def test_the_limit_is_shared_by_every_app_process_through_redis(real_redis, client):
    fill_site_settings()
    page = ContactPageFactory(parent=home_page())
    for _ in range(3):
        assert client.post(page.url, VALID_POST).status_code == 200
    # Another app process has its own connection: the count is in Redis, not in this process.
    other_process = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=redis_db())
    (key,) = other_process.keys("*contact-rate*")
    assert int(other_process.get(key)) == 3
    cache.close()  # drop this process's connections, as a fresh worker would start
    refused = client.post(page.url, VALID_POST)
    assert refused.status_code == 429
    assert FormSubmission.objects.count() == 3
