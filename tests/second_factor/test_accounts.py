"""What happens around the sign-in: an administrator's reset for a lost phone, the account page,
idle sessions, and a password change."""

import time

from django.contrib.auth import get_user_model
from django.test import Client, TestCase, override_settings
from wagtail.models import ModelLogEntry

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from second_factor.middleware import LAST_SEEN_SESSION_KEY
from tests.helpers import STAFF_PASSWORD, fill_site_settings, make_staff
from tests.second_factor.helpers import (
    CODE_STEP,
    ENROLMENT,
    LOGIN,
    RECOVERY_CODES,
    codes_on_page,
    enrolled,
    next_code,
    second_factor_required,
    signed_in,
)

MANAGE = "/admin/bao-mat/"


def account_form_data(client):
    """Wagtail's account page as it comes: every panel's fields with their current values."""
    page = client.get("/admin/account/")
    data = {}
    for panels in page.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                value = form.initial.get(name, field.initial)
                if value not in (None, False, "") and not hasattr(value, "field"):
                    data[form.add_prefix(name)] = value
    return data


def signed_in_with_code(username, app):
    client = Client()
    client.post(LOGIN, {"username": username, "password": STAFF_PASSWORD})
    client.post(CODE_STEP, {"code": next_code(app)})
    assert signed_in(client)
    return client


@second_factor_required
class ResetByAdministratorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)
        cls.admin = get_user_model().objects.create_superuser(
            "quantri", "quantri@sokhcn.example", STAFF_PASSWORD
        )

    def test_an_administrator_resets_a_lost_phone_and_the_log_says_who(self):
        approver_app, _ = enrolled(self.approver)
        approver = signed_in_with_code("approver", approver_app)
        admin_app, _ = enrolled(self.admin)
        admin = signed_in_with_code("quantri", admin_app)
        listing = admin.get("/admin/users/")
        reset = f"/admin/bao-mat/dat-lai/{self.approver.pk}/"
        self.assertContains(listing, reset)
        self.assertContains(admin.get(reset), "Đặt lại xác thực hai lớp")
        response = admin.post(reset)
        self.assertRedirects(response, "/admin/users/", fetch_redirect_response=False)
        self.assertContains(admin.get("/admin/users/"), "sẽ đăng ký lại")
        entry = ModelLogEntry.objects.get(action="second_factor.reset")
        self.assertEqual((entry.object_id, entry.user_id), (str(self.approver.pk), self.admin.pk))
        self.assertContains(admin.get("/admin/reports/site-history/"), "Đặt lại xác thực hai lớp")
        # The approver's open session ends; the next sign-in enrols a new phone.
        self.assertRedirects(
            approver.get("/admin/"), "/admin/login/?next=/admin/", fetch_redirect_response=False
        )
        self.assertFalse(signed_in(approver))
        response = approver.post(LOGIN, {"username": "approver", "password": STAFF_PASSWORD})
        self.assertRedirects(response, ENROLMENT)

    def test_only_administrators_may_reset(self):
        enrolled(self.approver)
        editor = make_staff("editor", EDITORS_GROUP)
        client = Client()
        client.force_login(editor)
        self.assertNotContains(client.get("/admin/"), "bao-mat/dat-lai")
        response = client.post(f"/admin/bao-mat/dat-lai/{self.approver.pk}/")
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(ModelLogEntry.objects.filter(action="second_factor.reset").exists())


@second_factor_required
class AccountPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.approver = make_staff("approver", APPROVERS_GROUP)
        cls.editor = make_staff("editor", EDITORS_GROUP)

    def test_the_account_page_leads_to_the_second_factor(self):
        app, _ = enrolled(self.approver)
        client = signed_in_with_code("approver", app)
        self.assertContains(client.get("/admin/account/"), MANAGE)
        page = client.get(MANAGE)
        self.assertContains(page, "Đang bật")
        self.assertContains(page, "Mã dự phòng còn lại")
        # An approver may not turn it off.
        self.assertNotContains(page, 'name="tat"')
        client.post(MANAGE, {"tat": ""})
        self.assertContains(client.get(MANAGE), "Đang bật")

    def test_new_recovery_codes_replace_the_old_ones(self):
        app, old_codes = enrolled(self.approver)
        client = signed_in_with_code("approver", app)
        response = client.post(MANAGE, {"tao-lai-ma": ""})
        self.assertRedirects(response, RECOVERY_CODES)
        new_codes = codes_on_page(client.get(RECOVERY_CODES).content.decode())
        self.assertEqual(len(new_codes), 10)
        self.assertFalse(set(new_codes) & set(old_codes))
        client.post(RECOVERY_CODES)
        # The session is still verified, and an old code no longer signs in.
        self.assertEqual(client.get(MANAGE).status_code, 200)
        other = Client()
        other.post(LOGIN, {"username": "approver", "password": STAFF_PASSWORD})
        self.assertContains(other.post(CODE_STEP, {"code": old_codes[0]}), "Mã không đúng")
        self.assertTrue(
            ModelLogEntry.objects.filter(action="second_factor.recovery_codes_renewed").exists()
        )

    def test_an_editor_turns_it_on_and_off_by_choice(self):
        client = Client()
        client.post(LOGIN, {"username": "editor", "password": STAFF_PASSWORD})
        self.assertContains(client.get(MANAGE), "Chưa bật")
        page = client.get(ENROLMENT)
        self.assertEqual(page.status_code, 200)
        from tests.second_factor.helpers import authenticator_app, secret_on_page

        app = authenticator_app(secret_on_page(page.content.decode()))
        self.assertRedirects(client.post(ENROLMENT, {"code": app.now()}), RECOVERY_CODES)
        client.post(RECOVERY_CODES)
        self.assertContains(client.get(MANAGE), 'name="tat"')
        client.post(MANAGE, {"tat": ""})
        self.assertContains(client.get(MANAGE), "Chưa bật")
        self.assertTrue(ModelLogEntry.objects.filter(action="second_factor.turn_off").exists())


class SessionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill_site_settings()
        cls.editor = make_staff("editor", EDITORS_GROUP)

    @override_settings(ADMIN_IDLE_MINUTES=30)
    def test_an_idle_admin_session_ends(self):
        self.client.post(LOGIN, {"username": "editor", "password": STAFF_PASSWORD})
        self.assertEqual(self.client.get("/admin/").status_code, 200)
        session = self.client.session
        session[LAST_SEEN_SESSION_KEY] = time.time() - 29 * 60
        session.save()
        self.assertEqual(self.client.get("/admin/").status_code, 200)  # still within
        session = self.client.session
        session[LAST_SEEN_SESSION_KEY] = time.time() - 31 * 60
        session.save()
        response = self.client.get("/admin/pages/")
        self.assertRedirects(
            response, "/admin/login/?next=/admin/pages/", fetch_redirect_response=False
        )
        self.assertFalse(signed_in(self.client))
        self.assertContains(self.client.get(response.url), "30 phút không thao tác")

    def test_a_password_change_ends_the_other_sessions(self):
        office, phone = Client(), Client()
        for client in (office, phone):
            client.post(LOGIN, {"username": "editor", "password": STAFF_PASSWORD})
        response = office.post(
            "/admin/account/",
            account_form_data(office)
            | {
                "name_email-first_name": "Lò Thị",
                "name_email-last_name": "Biên",
                "password-old_password": STAFF_PASSWORD,
                "password-new_password1": "mat-khau-moi-rat-dai-2026",
                "password-new_password2": "mat-khau-moi-rat-dai-2026",
            },
        )
        self.assertRedirects(response, "/admin/account/", fetch_redirect_response=False)
        self.assertEqual(office.get("/admin/").status_code, 200)
        self.assertRedirects(
            phone.get("/admin/"), "/admin/login/?next=/admin/", fetch_redirect_response=False
        )
