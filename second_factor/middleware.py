"""Two rules for every signed-in request: an admin session ends after its idle time, and someone
who must give a code and has not (a password-only sign-in elsewhere, a session from before
their enrolment or their colleague's reset) is signed out and asked for it."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from second_factor import pending
from second_factor.policy import asks_for_code

LAST_SEEN_SESSION_KEY = "staff_last_seen"
# The session is written at most this often just to note activity.
LAST_SEEN_RESOLUTION_SECONDS = 60
# How long "asks for no code" holds before the roles are read again (a promotion to approver
# takes effect within this, without reading groups on every admin request).
NO_CODE_SESSION_KEY = "second_factor_not_asked_until"
NO_CODE_RECHECK_SECONDS = 300


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")

    def __call__(self, request):
        if request.user.is_authenticated:
            answer = self.end_idle_session(request) or self.ask_for_code(request)
            if answer is not None:
                return answer
        return self.get_response(request)

    def is_admin(self, request):
        return request.path.startswith(self.admin_prefix)

    def sign_out(self, request, message):
        """End the session saying why; in the admin, back to the sign-in page (then to where
        the request was going); elsewhere the request goes on as from a reader."""
        logout(request)
        messages.info(request, message)
        return redirect_to_login(request.get_full_path()) if self.is_admin(request) else None

    def end_idle_session(self, request):
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
        if last_seen is not None and now - last_seen > settings.ADMIN_IDLE_MINUTES * 60:
            return self.sign_out(
                request,
                _(
                    "Phiên làm việc đã kết thúc sau %(minutes)d phút không thao tác. "
                    "Mời đăng nhập lại."
                )
                % {"minutes": settings.ADMIN_IDLE_MINUTES},
            )
        if last_seen is None or now - last_seen > LAST_SEEN_RESOLUTION_SECONDS:
            request.session[LAST_SEEN_SESSION_KEY] = now
        return None

    def ask_for_code(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.session.get(pending.VERIFIED_SESSION_KEY):
            # Verified once, and the device is gone: an administrator reset this account.
            return self.sign_out(
                request, _("Xác thực hai lớp của tài khoản đã được đặt lại. Mời đăng nhập lại.")
            )
        if request.session.get(NO_CODE_SESSION_KEY, 0) > time.time():
            return None
        if not asks_for_code(user):
            request.session[NO_CODE_SESSION_KEY] = time.time() + NO_CODE_RECHECK_SECONDS
            return None
        if request.path == reverse("wagtailadmin_logout"):
            return None
        backend = request.session.get(BACKEND_SESSION_KEY)
        admin = self.is_admin(request)
        logout(request)
        if request.method != "GET" and not admin:
            # A form sent to a public page goes on as from a reader, and loses nothing.
            return None
        next_url = request.get_full_path() if request.method == "GET" else self.admin_prefix
        return redirect(pending.begin(request, user, backend, next_url))
