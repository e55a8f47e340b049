"""The sign-in steps after the password. Outside Wagtail's admin URLs, which would ask a
not-yet-signed-in visitor to sign in first."""

from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn.views import BeginCredentialRegistrationView

from second_factor import passkeys, views

# The names django-otp-webauthn's scripts are configured with (its `otp_webauthn` namespace).
passkey_patterns = [
    path(
        "dang-ky/bat-dau/",
        BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "dang-ky/xong/",
        passkeys.PasskeyRegisterCompleteView.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "xac-thuc/bat-dau/",
        passkeys.PasskeyBeginView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "xac-thuc/xong/",
        passkeys.PasskeyCompleteView.as_view(),
        name="credential-authentication-complete",
    ),
    # The package's script messages; Vietnamese from site_config/locale/vi/.../djangojs.po.
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]

urlpatterns = [
    path("ma/", views.CodeStepView.as_view(), name="second_factor_verify"),
    path("dang-ky/", views.EnrolView.as_view(), name="second_factor_enrol"),
    path("khoa/", include((passkey_patterns, "otp_webauthn"))),
]
