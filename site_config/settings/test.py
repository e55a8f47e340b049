import os
import warnings

from django.utils.deprecation import RemovedInDjango60Warning, RemovedInDjango61Warning
from wagtail.utils.deprecation import RemovedInWagtail80Warning, RemovedInWagtail90Warning

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Process memory, unless REDIS_URL is set: the app processes a test starts behind the front cache
# (tests/deploy) then share the test's own Redis database, as production's processes do.
if not os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"  # noqa: F405
DOCUMENTS_ROOT = BASE_DIR / "test-artifacts" / "documents"  # noqa: F405
STORAGES["documents"]["OPTIONS"]["location"] = DOCUMENTS_ROOT  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOW_DEMO_USERS = True
# The suite signs staff in with force_login; tests/second_factor turns the requirement on. Codes
# in a test follow one another faster than django-otp's growing pause between wrong codes allows.
SECOND_FACTOR_REQUIRED = False
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Tests never reach other sites; the link checker's tests enable it against their own server.
LINK_CHECKER_ENABLED = False

# The move to the next LTS must be a version bump: deprecations fail the suite.
for deprecation in (
    RemovedInDjango60Warning,
    RemovedInDjango61Warning,
    RemovedInWagtail80Warning,
    RemovedInWagtail90Warning,
):
    warnings.filterwarnings("error", category=deprecation)
