"""The second factor in chromium: an approver's first sign-in once it is required (the password,
enrolment from the QR code's secret, the recovery codes, out, and in again with a code), and a
passkey added from the account page and used at the next sign-in; the Content-Security-Policy
blocks nothing on the way."""

import time

from django.test import override_settings
from wagtail.models import ModelLogEntry

from core.roles import APPROVERS_GROUP
from tests.e2e.browser import save_screenshot
from tests.e2e.test_content_security import RECORD_VIOLATIONS, violations
from tests.helpers import STAFF_PASSWORD, fill_site_settings, make_staff
from tests.second_factor.helpers import authenticator_app, enrolled


@override_settings(SECOND_FACTOR_REQUIRED=True)
def test_an_approver_enrols_signs_out_and_signs_in_with_a_code(live_server, in_browser):
    fill_site_settings()
    make_staff("approver", APPROVERS_GROUP)
    base = live_server.url

    def steps(browser):
        found = {}
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)

        def password():
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", "approver")
            page.fill("#id_password", STAFF_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state("load")

        password()
        assert page.url == f"{base}/admin/xac-thuc/dang-ky/"
        assert page.locator(".second-factor__qr svg").is_visible()
        found["enrolment"] = violations(page)
        save_screenshot(page, "second-factor-enrolment-1280")
        page.set_viewport_size({"width": 390, "height": 844})
        save_screenshot(page, "second-factor-enrolment-390")
        page.set_viewport_size({"width": 1280, "height": 900})
        app = authenticator_app(page.inner_text(".second-factor__secret"))
        page.fill("#id_code", app.now())
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/bao-mat/ma-du-phong/")
        codes = page.locator(".second-factor__codes code").all_inner_texts()
        found["recovery codes"] = violations(page)
        save_screenshot(page, "second-factor-recovery-codes-1280")
        page.get_by_role("button", name="Tôi đã lưu các mã, tiếp tục").click()
        page.wait_for_url(f"{base}/admin/")
        found["dashboard"] = violations(page)

        page.locator(".sidebar-footer__account").click()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url(f"{base}/admin/login/")
        page.goto(f"{base}/admin/pages/")
        assert "/admin/login/" in page.url
        password()
        assert page.url == f"{base}/admin/xac-thuc/ma/"
        save_screenshot(page, "second-factor-code-step-1280")
        # The next time step's code: the one used at enrolment may not be used again.
        page.fill("#id_code", app.at(time.time() + 30))
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        found["code step"] = violations(page)
        context.close()
        return codes, found

    codes, found = in_browser(steps)
    assert len(codes) == 10
    assert found == {name: [] for name in found}


def test_an_approver_adds_a_passkey_and_signs_in_with_it(live_server, in_browser, settings):
    """Chromium's virtual authenticator stands in for the fingerprint reader or security key."""
    fill_site_settings()
    settings.SECOND_FACTOR_REQUIRED = True
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    app, _codes = enrolled(make_staff("approver", APPROVERS_GROUP))
    base = live_server.url

    def steps(browser):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        authenticator = context.new_cdp_session(page)
        authenticator.send("WebAuthn.enable")
        authenticator.send(
            "WebAuthn.addVirtualAuthenticator",
            {
                "options": {
                    "protocol": "ctap2",
                    "transport": "internal",
                    "hasResidentKey": True,
                    "hasUserVerification": True,
                    "isUserVerified": True,
                }
            },
        )
        found = {}

        def password():
            page.goto(f"{base}/admin/login/")
            page.fill("#id_username", "approver")
            page.fill("#id_password", STAFF_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/admin/xac-thuc/ma/")

        password()
        page.fill("#id_code", app.now())
        page.click("form.login-form button[type=submit]")
        page.wait_for_url(f"{base}/admin/")
        page.goto(f"{base}/admin/bao-mat/")
        page.click("#passkey-register-button")
        page.wait_for_selector(".second-factor__passkeys tbody tr")
        found["account page"] = violations(page)
        save_screenshot(page, "second-factor-account-1280")

        page.locator(".sidebar-footer__account").click()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url(f"{base}/admin/login/")
        password()
        page.click("#passkey-verification-button")
        page.wait_for_url(f"{base}/admin/")
        found["code step"] = violations(page)
        context.close()
        return found

    found = in_browser(steps)
    assert found == {name: [] for name in found}
    assert ModelLogEntry.objects.filter(action="second_factor.passkey_added").exists()
