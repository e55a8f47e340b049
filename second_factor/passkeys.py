"""Passkeys (WebAuthn) as a second method beside the authenticator app, through
django-otp-webauthn: added from the account page, used at the code step in place of a code."""

from axes.handlers.proxy import AxesProxyHandler
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from second_factor import audit, pending


def relying_party_id(request):
    """The host name the admin is used at (one of ALLOWED_HOSTS), without its port. A passkey
    belongs to it; browsers refuse an IP address here, so in development use localhost."""
    return request.get_host().rsplit(":", 1)[0]


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


class AccountLocked(exceptions.OTPWebAuthnApiError):
    status_code = 429
    code = "account_locked"
    default_detail = "Tài khoản tạm khóa đăng nhập từ địa chỉ này."


class PendingSignInMixin:
    """At the code step nobody is signed in: the ceremony is for whoever typed the password,
    with their passkeys only (never a sign-in by passkey alone), and not during a lockout."""

    def get_user(self):
        return pending.pending_user(self.request)

    def check_can_authenticate(self):
        user = self.get_user()
        if user is None:
            raise exceptions.NotAuthenticated()
        if not AxesProxyHandler.is_allowed(self.request, {"username": user.get_username()}):
            raise AccountLocked()


class PasskeyBeginView(PendingSignInMixin, BeginCredentialAuthenticationView):
    pass


class PasskeyCompleteView(PendingSignInMixin, CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        self.next_url = pending.complete(self.request, device.user, device)

    def get_success_url(self):
        return self.next_url


class PasskeyRegisterCompleteView(CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            audit.record(self.request.user, audit.PASSKEY_ADDED, by=self.request.user)
        return response
