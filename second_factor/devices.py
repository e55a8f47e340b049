"""A staff member's authenticator (a django-otp TOTP device) and their recovery codes (a static
device): one of each at most."""

import base64
import binascii

import segno
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10


def authenticator_of(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def recovery_codes_of(user):
    return StaticDevice.objects.filter(user=user, confirmed=True).first()


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def authenticator_being_added(user):
    """The unconfirmed authenticator that enrolment shows: the same one on every reload, so the
    QR code scanned a minute ago stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Ứng dụng xác thực"), confirmed=False)
    return device


def readable_secret(device):
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    secret = base64.b32encode(binascii.unhexlify(device.key)).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The otpauth:// address as an inline SVG drawn here: no script, no image from elsewhere."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, omitsize=True, dark="#1b2a3a", light="#ffffff"
    )


@transaction.atomic
def confirm_authenticator(device, code):
    """Confirm the authenticator being added with its first code; it replaces any earlier one.
    The new recovery codes, or None when the code is wrong."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return renew_recovery_codes(device.user)


@transaction.atomic
def renew_recovery_codes(user):
    """A fresh set of single-use codes, replacing the old ones: the list to show once."""
    # The same device with new tokens: a session verified by a recovery code stays verified.
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": _("Mã dự phòng"), "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _number in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def forget_all(user):
    """Every second factor of `user`: authenticator, recovery codes, passkeys."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
