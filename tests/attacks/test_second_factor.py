"""Attacks on the second factor: the admin between the password and the code, guessing codes
(from one address or many), replaying a code, and one person's code for another account."""

import threading

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from core.roles import APPROVERS_GROUP
from tests.attacks.fingerprint import UnchangedDatabaseMixin
from tests.helpers import STAFF_PASSWORD, fill_site_settings, home_page, make_staff
from tests.second_factor.helpers import (
    CODE_STEP,
    ENROLMENT,
    LOGIN,
    enrolled,
    second_factor_required,
    signed_in,
)

pytestmark = pytest.mark.attack

# Under /admin/ and answering before anyone signs in, by design.
OPEN_ADMIN_ADDRESSES = {
    "/admin/login/",
    "/admin/password_reset/",
    "/admin/password_reset/done/",
    "/admin/password_reset/complete/",
    "/admin/jsi18n/",  # the admin's translations for its scripts
    "/admin/sprite/",  # its icons
    "/admin/xac-thuc/khoa/jsi18n/",  # the passkey script's messages
    CODE_STEP,
    ENROLMENT,
}


def admin_addresses():
    """Every admin address without a parameter that the URL configuration knows, as an attacker
    with Wagtail's source would list them, and a few with one (a page, a user)."""
    found = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and route.startswith("admin/"):
                if not any(mark in route for mark in "<^$(\\"):
                    found.add(f"/{route}")

    walk(get_resolver().url_patterns, "")
    return sorted(found)


def password_step(client, username="approver"):
    return client.post(LOGIN, {"username": username, "password": STAFF_PASSWORD})


@second_factor_required
class BetweenPasswordAndCodeTests(UnchangedDatabaseMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)

    def assert_admin_closed(self, pending_step):
        addresses = admin_addresses()
        self.assertGreater(len(addresses), 100)  # the whole admin, not a sample
        home = home_page()
        addresses += [
            f"/admin/pages/{home.pk}/",
            f"/admin/pages/{home.pk}/edit/",
            f"/admin/users/{self.approver.pk}/",
            f"/admin/bao-mat/dat-lai/{self.approver.pk}/",
            f"/admin/api/main/pages/{home.pk}/",
        ]
        answered = []
        with self.assertDatabaseUnchanged():
            for address in addresses:
                response = self.client.get(address)
                if address not in OPEN_ADMIN_ADDRESSES and (
                    response.status_code == 200
                    or signed_in(self.client)
                    or b"approver@sokhcn.example" in response.content
                ):
                    answered.append(address)
        self.assertEqual(answered, [])
        # And the step itself is still waiting for the code.
        self.assertEqual(self.client.get(pending_step).status_code, 200)

    def test_no_admin_address_answers_between_the_password_and_the_code(self):
        enrolled(self.approver)
        self.assertRedirects(password_step(self.client), CODE_STEP)
        self.assert_admin_closed(CODE_STEP)

    def test_no_admin_address_answers_during_a_forced_enrolment(self):
        self.assertRedirects(password_step(self.client), ENROLMENT)
        self.assert_admin_closed(ENROLMENT)

    def test_the_session_changes_key_at_the_password(self):
        enrolled(self.approver)
        self.client.get(LOGIN)
        before = self.client.session.session_key
        password_step(self.client)
        self.assertNotEqual(self.client.session.session_key, before)

    def test_the_code_step_without_a_password_does_nothing(self):
        app, _ = enrolled(self.approver)
        response = self.client.post(CODE_STEP, {"code": app.now()})
        self.assertRedirects(response, LOGIN, fetch_redirect_response=False)
        self.assertFalse(signed_in(self.client))

    def test_another_accounts_code_does_not_open_this_one(self):
        enrolled(self.approver)
        other_app, _ = enrolled(make_staff("approver2", APPROVERS_GROUP))
        password_step(self.client)
        response = self.client.post(CODE_STEP, {"code": other_app.now()})
        self.assertContains(response, "Mã không đúng")
        self.assertFalse(signed_in(self.client))


@second_factor_required
class CodeGuessingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)

    def guess(self, code, **client_address):
        return self.client.post(CODE_STEP, {"code": code}, **client_address)

    def test_five_wrong_codes_lock_the_account_for_that_address(self):
        app, _ = enrolled(self.approver)
        password_step(self.client)
        for _ in range(4):
            self.assertEqual(self.guess("000000").status_code, 200)
        self.assertEqual(self.guess("000000").status_code, 429)
        # The lock ends the half-done sign-in; the right password and code wait it out.
        self.assertEqual(password_step(self.client).status_code, 429)
        self.assertFalse(signed_in(self.client))
        self.assertEqual(AccessAttempt.objects.get().failures_since_start, 6)

    def test_a_forged_forwarded_address_does_not_reset_the_count(self):
        enrolled(self.approver)
        self.client.post(
            LOGIN,
            {"username": "approver", "password": STAFF_PASSWORD},
            REMOTE_ADDR="203.0.113.5",
        )
        for n in range(5):
            response = self.guess(
                "000000", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}"
            )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(AccessAttempt.objects.get().ip_address, "203.0.113.5")

    @override_settings(OTP_TOTP_THROTTLE_FACTOR=1)
    def test_guesses_from_many_addresses_meet_the_devices_own_pause(self):
        # Someone with the password and many addresses escapes the per-address lock; the
        # authenticator itself then refuses even the right code for a while after a wrong one.
        app, _ = enrolled(self.approver)
        for n in range(3):
            guesser = Client(REMOTE_ADDR=f"198.51.100.{n}")
            password_step(guesser)
            guesser.post(CODE_STEP, {"code": "000000"})
        self.client.post(
            LOGIN, {"username": "approver", "password": STAFF_PASSWORD}, REMOTE_ADDR="192.0.2.9"
        )
        response = self.guess(app.now(), REMOTE_ADDR="192.0.2.9")
        self.assertContains(response, "Mã không đúng")
        self.assertFalse(signed_in(self.client))


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_code_sent_twice_at_once_signs_in_once(settings):
    settings.SECOND_FACTOR_REQUIRED = True
    fill_site_settings()
    app, _ = enrolled(make_staff("approver", APPROVERS_GROUP))
    clients = [Client(), Client()]
    for client in clients:
        password_step(client)
    code = app.now()
    start = threading.Barrier(len(clients))

    def send(client):
        start.wait()
        try:
            client.post(CODE_STEP, {"code": code})
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(signed_in(client) for client in clients) == [False, True]


PASSKEY_BEGIN = "/admin/xac-thuc/khoa/xac-thuc/bat-dau/"


@second_factor_required
class PasskeyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)

    def begin(self):
        return self.client.post(PASSKEY_BEGIN, content_type="application/json", data={})

    def test_no_sign_in_by_passkey_alone(self):
        response = self.begin()
        self.assertGreaterEqual(response.status_code, 400)
        self.assertLess(response.status_code, 500)
        self.assertNotIn("challenge", response.json())

    def test_after_the_password_the_ceremony_is_for_that_account(self):
        enrolled(self.approver)
        password_step(self.client)
        response = self.begin()
        self.assertEqual(response.status_code, 200)
        self.assertIn("challenge", response.json())
        self.assertFalse(signed_in(self.client))

    def test_a_locked_account_gets_no_ceremony(self):
        enrolled(self.approver)
        password_step(self.client)
        # Meanwhile someone at the same address guesses the password until the lock.
        guesser = Client()
        for _ in range(5):
            guesser.post(LOGIN, {"username": "approver", "password": "doan-mo"})
        response = self.begin()
        self.assertEqual(response.status_code, 429)
        self.assertNotIn("challenge", response.json())
