from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-secret-key-not-for-production"  # noqa: F405
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Demo users (admin, editor, approver) may only be created under these settings.
ALLOW_DEMO_USERS = True

# Demo users sign in with their password alone; production requires the second factor.
SECOND_FACTOR_REQUIRED = False
