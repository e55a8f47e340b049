"""Enrolled staff and the codes their authenticator app would show, computed with pyotp from
the device's own secret."""

import base64
import binascii
import re
import time

import pyotp
from django.test import override_settings

LOGIN = "/admin/login/"
CODE_STEP = "/admin/xac-thuc/ma/"
ENROLMENT = "/admin/xac-thuc/dang-ky/"
RECOVERY_CODES = "/admin/bao-mat/ma-du-phong/"

# Production's rule: administrators and approvers must have a second factor.
second_factor_required = override_settings(
    SECOND_FACTOR_REQUIRED=True, AXES_FAILURE_LIMIT=5, TRUSTED_PROXIES=["127.0.0.1"]
)


def authenticator_app(secret):
    """The app, from the secret shown at enrolment (base32, maybe in groups) or a device."""
    if hasattr(secret, "key"):
        secret = base64.b32encode(binascii.unhexlify(secret.key)).decode()
    return pyotp.TOTP(secret.replace(" ", ""))


def enrolled(user):
    """`user` with a confirmed authenticator and recovery codes: (app, codes)."""
    from second_factor import devices

    device = devices.authenticator_being_added(user)
    app = authenticator_app(device)
    codes = devices.confirm_authenticator(device, app.now())
    assert codes, "the first code confirms the authenticator"
    # As if enrolled minutes ago: the current code has not been used yet.
    type(device).objects.filter(pk=device.pk).update(last_t=-1)
    return app, codes


def next_code(app):
    """A code the server has not seen: the next time step's (the server accepts one step of
    clock drift), since a code once used is refused."""
    return app.at(time.time() + 30)


def secret_on_page(html):
    return re.search(r'class="second-factor__secret">([A-Z2-7 ]+)<', html).group(1)


def codes_on_page(html):
    return re.findall(r"<li><code>([a-z2-7]+)</code></li>", html)


def signed_in(client):
    return "_auth_user_id" in client.session
