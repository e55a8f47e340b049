"""The sign-in between a right password and a right code. Nobody is signed in meanwhile: the
session holds only whose password was right, when, and where to go after, so no admin address
(nor a page restricted to signed-in readers) answers before the code."""

import time

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.urls import reverse
from django_otp import login as otp_login
from django_otp import user_has_device

SESSION_KEY = "second_factor_pending"
# Set once a code has verified the session: if its device then disappears (an administrator's
# reset), the middleware signs the session out.
VERIFIED_SESSION_KEY = "second_factor_verified"


def begin(request, user, backend, next_url, remember=False):
    request.session.cycle_key()
    request.session[SESSION_KEY] = {
        "user": user.pk,
        "backend": backend,
        "next": next_url,
        "remember": bool(remember),
        "since": time.time(),
    }
    return reverse("second_factor_verify" if user_has_device(user) else "second_factor_enrol")


def pending_user(request):
    """The user whose password was right, or None once the time to type the code has passed."""
    state = request.session.get(SESSION_KEY)
    if not state:
        return None
    if time.time() - state["since"] > settings.SECOND_FACTOR_PENDING_SECONDS:
        del request.session[SESSION_KEY]
        return None
    return get_user_model().objects.filter(pk=state["user"], is_active=True).first()


def complete(request, user, device):
    """Sign `user` in, verified by `device`; the address to go on to."""
    state = request.session.pop(SESSION_KEY)
    login(request, user, backend=state["backend"])
    mark_verified(request, device)
    # As Wagtail's own sign-in: "remember me" keeps the session past the browser's closing.
    request.session.set_expiry(settings.SESSION_COOKIE_AGE if state["remember"] else 0)
    return state["next"]


def mark_verified(request, device):
    otp_login(request, device)
    request.session[VERIFIED_SESSION_KEY] = True
