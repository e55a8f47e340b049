"""Signing in with a second factor through the real views: the password, then the code from
the authenticator app (computed here from the enrolled secret), or a recovery code."""

from axes.models import AccessAttempt
from django.test import TestCase, override_settings
from wagtail.models import ModelLogEntry

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from second_factor.models import SignInSettings
from tests.helpers import STAFF_PASSWORD, fill_site_settings, make_staff
from tests.second_factor.helpers import (
    CODE_STEP,
    ENROLMENT,
    LOGIN,
    RECOVERY_CODES,
    authenticator_app,
    codes_on_page,
    enrolled,
    next_code,
    second_factor_required,
    secret_on_page,
    signed_in,
)


@second_factor_required
class SignInWithCodeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)
        cls.editor = make_staff("editor", EDITORS_GROUP)

    def password(self, username="approver", password=STAFF_PASSWORD, next_url=""):
        return self.client.post(
            LOGIN, {"username": username, "password": password, "next": next_url}
        )

    def code(self, code):
        return self.client.post(CODE_STEP, {"code": code})

    def test_the_password_alone_leads_to_the_code_and_signs_nobody_in(self):
        enrolled(self.approver)
        response = self.password()
        self.assertRedirects(response, CODE_STEP)
        self.assertFalse(signed_in(self.client))
        page = self.client.get(CODE_STEP)
        self.assertContains(page, "Nhập mã xác thực")
        self.assertContains(page, 'autocomplete="one-time-code"')
        # The admin still asks for a sign-in.
        self.assertRedirects(
            self.client.get("/admin/"), "/admin/login/?next=/admin/", fetch_redirect_response=False
        )

    def test_the_right_code_signs_in_and_goes_where_the_reader_was_going(self):
        app, _codes = enrolled(self.approver)
        self.password(next_url="/admin/pages/")
        response = self.code(app.now())
        self.assertRedirects(response, "/admin/pages/", fetch_redirect_response=False)
        self.assertTrue(signed_in(self.client))
        self.assertEqual(self.client.get("/admin/").status_code, 200)

    def test_a_code_typed_with_a_space_as_apps_show_it_is_taken(self):
        app, _codes = enrolled(self.approver)
        self.password()
        code = app.now()
        self.assertEqual(self.code(f"{code[:3]} {code[3:]}").status_code, 302)

    def test_a_wrong_code_is_refused_and_counted_with_the_passwords(self):
        app, _codes = enrolled(self.approver)
        self.password()
        wrong = str((int(app.now()) + 1) % 1_000_000).zfill(6)
        response = self.code(wrong)
        self.assertContains(response, "Mã không đúng")
        self.assertFalse(signed_in(self.client))
        attempt = AccessAttempt.objects.get(username="approver")
        self.assertEqual(attempt.failures_since_start, 1)
        # The code is never kept with the attempt.
        self.assertNotIn(wrong, attempt.post_data)

    def test_a_code_used_once_is_refused_the_second_time(self):
        app, _codes = enrolled(self.approver)
        code = app.now()
        self.password()
        self.code(code)
        self.client.post("/admin/logout/")
        self.password()
        response = self.code(code)
        self.assertContains(response, "đã được dùng")
        self.assertFalse(signed_in(self.client))
        self.assertEqual(AccessAttempt.objects.get(username="approver").failures_since_start, 1)
        # The next code from the app is fine.
        self.assertEqual(self.code(next_code(app)).status_code, 302)
        self.assertTrue(signed_in(self.client))

    def test_a_recovery_code_signs_in_once_and_is_recorded(self):
        _app, codes = enrolled(self.approver)
        self.password()
        response = self.code(codes[0].upper())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(signed_in(self.client))
        page = self.client.get("/admin/")
        self.assertContains(page, "còn 9 mã")
        entry = ModelLogEntry.objects.get(action="second_factor.recovery_code_used")
        self.assertEqual(entry.object_id, str(self.approver.pk))
        self.client.post("/admin/logout/")
        self.password()
        self.assertContains(self.code(codes[0]), "Mã không đúng")
        self.assertFalse(signed_in(self.client))

    def test_the_time_to_type_the_code_runs_out(self):
        app, _codes = enrolled(self.approver)
        self.password()
        with override_settings(SECOND_FACTOR_PENDING_SECONDS=-1):
            response = self.code(app.now())
        self.assertRedirects(response, LOGIN, fetch_redirect_response=False)
        self.assertFalse(signed_in(self.client))

    def test_remember_me_carries_through_the_code(self):
        app, _codes = enrolled(self.approver)
        self.client.post(
            LOGIN, {"username": "approver", "password": STAFF_PASSWORD, "remember": "on"}
        )
        self.code(app.now())
        self.assertFalse(self.client.session.get_expire_at_browser_close())

    def test_an_approver_without_a_second_factor_is_taken_to_enrolment_and_nowhere_else(self):
        response = self.password()
        self.assertRedirects(response, ENROLMENT)
        self.assertFalse(signed_in(self.client))
        page = self.client.get(ENROLMENT)
        self.assertContains(page, "<svg")  # the QR code, drawn on the server
        self.assertContains(page, "approver")
        self.assertNotContains(page, "<script>")
        # The code step has nothing to check yet: it sends back to enrolment.
        self.assertRedirects(self.client.get(CODE_STEP), ENROLMENT)
        app = authenticator_app(secret_on_page(page.content.decode()))
        wrong = self.client.post(ENROLMENT, {"code": "12345"})
        self.assertContains(wrong, "Mã gồm đúng sáu chữ số")
        response = self.client.post(ENROLMENT, {"code": app.now()})
        self.assertRedirects(response, RECOVERY_CODES)
        self.assertTrue(signed_in(self.client))
        codes = codes_on_page(self.client.get(RECOVERY_CODES).content.decode())
        self.assertEqual(len(codes), 10)
        self.assertEqual(
            self.client.get(RECOVERY_CODES, {"tai-ve": 1}).content.decode().split("\n")[1:11],
            codes,
        )
        self.assertRedirects(
            self.client.post(RECOVERY_CODES), "/admin/", fetch_redirect_response=False
        )
        # Shown once.
        self.assertRedirects(
            self.client.get(RECOVERY_CODES), "/admin/bao-mat/", fetch_redirect_response=False
        )
        self.assertTrue(
            ModelLogEntry.objects.filter(
                action="second_factor.enrol", object_id=str(self.approver.pk)
            ).exists()
        )
        # Next time: the code.
        self.client.post("/admin/logout/")
        self.assertRedirects(self.password(), CODE_STEP)
        self.assertEqual(self.code(next_code(app)).status_code, 302)

    def test_a_password_only_sign_in_elsewhere_still_meets_the_code_in_the_admin(self):
        # Wagtail's sign-in for private pages takes a password alone.
        app, _codes = enrolled(self.approver)
        self.client.post("/_util/login/", {"username": "approver", "password": STAFF_PASSWORD})
        self.assertTrue(signed_in(self.client))
        response = self.client.get("/admin/pages/")
        self.assertRedirects(response, CODE_STEP)
        self.assertFalse(signed_in(self.client))
        self.assertRedirects(self.code(app.now()), "/admin/pages/", fetch_redirect_response=False)

    def test_editors_without_the_requirement_sign_in_with_their_password(self):
        response = self.password("editor")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertTrue(signed_in(self.client))

    def test_the_site_setting_puts_editors_under_the_requirement(self):
        SignInSettings.objects.create(editors_need_second_factor=True)
        self.assertRedirects(self.password("editor"), ENROLMENT)
        self.assertFalse(signed_in(self.client))

    def test_an_editor_who_enrolled_by_choice_is_asked_for_the_code(self):
        app, _codes = enrolled(self.editor)
        self.assertRedirects(self.password("editor"), CODE_STEP)
        self.assertEqual(self.code(app.now()).status_code, 302)

    def test_a_right_password_during_the_code_step_lock_does_not_help(self):
        app, _codes = enrolled(self.approver)
        for _ in range(3):
            self.password(password="doan-mo")
        self.password()
        self.code("000000")
        response = self.code("111111")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "mã xác thực", status_code=429)
        self.assertEqual(self.password().status_code, 429)
        self.assertFalse(signed_in(self.client))


@override_settings(SECOND_FACTOR_REQUIRED=False)
class DemoSettingsTests(TestCase):
    def test_without_the_requirement_an_approver_signs_in_with_the_password(self):
        make_staff("approver", APPROVERS_GROUP)
        response = self.client.post(LOGIN, {"username": "approver", "password": STAFF_PASSWORD})
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
