"""Guessing passwords at Wagtail's login: django-axes locks the user name for the guessing
client, known by its real address behind our front servers, and weak passwords are refused."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.urls import reverse

from core.roles import EDITORS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.helpers import STAFF_PASSWORD, fill_site_settings, make_staff

pytestmark = pytest.mark.attack

LOGIN = "/admin/login/"


@override_settings(AXES_FAILURE_LIMIT=5, TRUSTED_PROXIES=["127.0.0.1"])
class LoginGuessingTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.editor = make_staff("editor", EDITORS_GROUP)

    def log_in(self, password, **client_address):
        return self.client.post(
            LOGIN, {"username": "editor", "password": password}, **client_address
        )

    def logged_in(self):
        return "_auth_user_id" in self.client.session

    def test_five_wrong_passwords_lock_out_even_the_right_one(self):
        with self.assertDatabaseUnchanged():
            for _ in range(4):
                self.assertEqual(self.log_in("doan-mo").status_code, 200)  # the form again
            self.assertEqual(self.log_in("doan-mo").status_code, 429)  # the fifth locks
            response = self.log_in(STAFF_PASSWORD)
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Tạm khóa đăng nhập", status_code=429)
        self.assertContains(response, "30 phút", status_code=429)
        self.assertFalse(self.logged_in())
        # The right password during the lock is one more guess, not a way in.
        self.assertEqual(AccessAttempt.objects.get().failures_since_start, 6)

    def test_a_forged_forwarded_address_does_not_reset_the_count(self):
        # Straight from the internet (not through our proxy): X-Forwarded-For is the client's
        # own writing, and a new one each time must not make a new client.
        for n in range(5):
            self.log_in("doan-mo", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
        response = self.log_in(
            STAFF_PASSWORD, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="10.9.9.9"
        )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(AccessAttempt.objects.get().ip_address, "203.0.113.5")

    def test_behind_our_proxy_the_lock_holds_the_guesser_not_the_editor(self):
        via_proxy = {"REMOTE_ADDR": "127.0.0.1"}
        # The guesser prepends a forged hop; the proxy appends the address it really saw.
        guesser = via_proxy | {"HTTP_X_FORWARDED_FOR": "10.0.0.1, 198.51.100.7"}
        for _ in range(5):
            self.log_in("doan-mo", **guesser)
        self.assertEqual(self.log_in(STAFF_PASSWORD, **guesser).status_code, 429)
        self.assertEqual(AccessAttempt.objects.get().ip_address, "198.51.100.7")
        editor_at_the_office = via_proxy | {"HTTP_X_FORWARDED_FOR": "198.51.100.8"}
        response = self.log_in(STAFF_PASSWORD, **editor_at_the_office)
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertTrue(self.logged_in())

    def test_a_success_before_the_limit_starts_the_count_again(self):
        for _ in range(4):
            self.log_in("doan-mo")
        self.assertEqual(self.log_in(STAFF_PASSWORD).status_code, 302)
        self.client.logout()
        for _ in range(4):
            self.log_in("doan-mo")
        self.assertEqual(self.log_in(STAFF_PASSWORD).status_code, 302)

    def test_weak_new_passwords_are_refused(self):
        self.client.force_login(self.editor)
        for weak in ("12345678901234", "matkhau", "editor-sokhcn", "password1234"):
            with self.subTest(weak), self.assertDatabaseUnchanged():
                response = self.client.post(
                    reverse("wagtailadmin_account"),
                    {
                        "password-old_password": STAFF_PASSWORD,
                        "password-new_password1": weak,
                        "password-new_password2": weak,
                    },
                )
                self.assertEqual(response.status_code, 200)  # the form again, with the reason
        self.assertTrue(
            get_user_model().objects.get(pk=self.editor.pk).check_password(STAFF_PASSWORD)
        )
