"""Settings shared by every environment, driven by environment variables (see README)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site_config"


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First, so that its purge handlers are connected before `core` takes them over
    # (core/invalidation.py).
    "wagtail.contrib.frontend_cache",
    "core",
    "home",
    "articles",
    "programs",
    "procedures",
    "opendata",
    "search.apps.SearchConfig",
    "demo",
    "site_import",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "second_factor",
    "citizens",
    "schedule",
    "galleries",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.content_security.SiteCSPMiddleware",
    # Above the session and CSRF middleware, so that it sees the cookies they set.
    "core.caching.CacheHeadersMiddleware",
    "core.frame_cache.FrameGenerationMiddleware",
    "core.routing.KnownSitesMiddleware",
    # Old query-string addresses on paths this site answers too (`/?details=..`).
    "site_import.middleware.LegacyAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the messages, which tell a signed-out user why: idle time, the second factor.
    "second_factor.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "site_config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_config.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login brute force (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name from
# one client address, that pair is refused for the cool-off time, on Wagtail's login as on any
# other. Keyed on the pair, so that someone guessing from elsewhere cannot lock an editor out of
# their own office. Attempts are kept in the database: a Redis outage does not lift the lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.visitors.client_ip"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False
# A wrong second-factor code counts as a wrong password (second_factor/views.py); like the
# password, it is masked in the attempt's record.
AXES_SENSITIVE_PARAMETERS = ["code"]
# The front servers in front of the app (nginx, Varnish): their X-Forwarded-For is believed,
# nobody else's (core.visitors.client_ip). Addresses or networks, comma separated.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese site, Vietnamese admin, Vietnamese dates.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
FORMAT_MODULE_PATH = ["site_config.formats"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Document files: never under MEDIA_ROOT, only downloadable through the permission-checked view.
DOCUMENTS_ROOT = Path(os.environ.get("DJANGO_DOCUMENTS_ROOT", BASE_DIR / "private_documents"))
STORAGES = {
    # MEDIA_ROOT, except the multiple uploader's parked files, which go with the documents.
    "default": {"BACKEND": "home.storage.MediaStorage"},
    "documents": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": DOCUMENTS_ROOT, "base_url": "/documents/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: Django keeps large request bodies out of memory; limits on images are Wagtail's.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Raster formats only: an SVG can carry script.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "gif"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.media_forms.SiteImageForm"
WAGTAILIMAGES_AVIF_QUALITY = 60
WAGTAILIMAGES_WEBP_QUALITY = 75
WAGTAILIMAGES_JPEG_QUALITY = 80
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# Office and PDF files, archives and plain data: nothing a browser would run as a page.
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "rtf",
    "txt",
    "csv",
    "zip",
    "rar",
    "7z",
    "jpg",
    "jpeg",
    "png",
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.media_forms.SiteDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]

# Wagtail
WAGTAIL_SITE_NAME = "Sở Khoa học và Công nghệ tỉnh Sơn La"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"
# The department's details and contacts (core.site_settings).
SITE_SETTINGS_MODEL = "home.SiteSettings"
WAGTAILDOCS_DOCUMENT_MODEL = "home.SiteDocument"
# Words are indexed as written ("simple": no English stemming or stop words, which would drop
# Vietnamese syllables such as "an" or "so"); Vietnamese folding is done by `search.index`.
# After changing this, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "SEARCH_CONFIG": "simple"}}
# Wagtail's responsive wrapper is an inline style, which the Content-Security-Policy refuses; the
# site's stylesheet sizes embedded video instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
WAGTAILADMIN_USER_LOGIN_FORM = "core.admin_forms.StaffLoginForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Avatars from an outside service would leak who works in the admin; use the built-in one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True
# What goes live is exactly what an approver approved: an edit during moderation restarts it.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILFORMS_HELP_TEXT_ALLOW_HTML = False
TAGGIT_CASE_INSENSITIVE = True

# Background work (search index, reference index) runs in the request by default: a site of
# this size does not need a queue. Production can point this at a worker backend, no code change.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Cache: Redis when REDIS_URL is set (shared by every app process: rate limits, counters), else
# process memory. A Redis outage costs features, never pages (core/resilient_cache.py).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "sokhcn",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The front cache anonymous readers are served from (deploy/varnish), purged on publish,
# unpublish, move and delete: its address, e.g. http://127.0.0.1:6081. Unset: nothing to purge.
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "front": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@sokhoahoc.sonla.gov.vn")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Contact form spam control: at most this many submissions per client in the window.
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW_SECONDS = int(os.environ.get("CONTACT_RATE_WINDOW_SECONDS", "600"))
# Hỏi đáp and Góp ý dự thảo (citizens/): the largest file a commenter may attach, and how long
# the personal data of questions not answered (declined, or left) and of comments on closed
# drafts is kept before `manage.py purge_citizen_data` erases it (Decree 13/2023).
CITIZEN_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
CITIZEN_DATA_RETENTION_DAYS = int(os.environ.get("CITIZEN_DATA_RETENTION_DAYS", "365"))

# Outside links of live pages are checked in the background (manage.py check_links, run by
# deploy/publish-scheduled.sh); "0" where the machine must not reach other sites. Addresses on
# this machine or a private network are never checked unless allowed (tests serve their own).
LINK_CHECKER_ENABLED = os.environ.get("DJANGO_LINK_CHECKER", "1") == "1"
LINK_CHECKER_ALLOW_PRIVATE = False

# A visitor counts as online for this long after their last page view.
VISITS_ONLINE_WINDOW_SECONDS = 300

LOGIN_URL = "wagtailadmin_login"

# Staff sign-in's second factor (second_factor/, README "Xác thực hai lớp"). Required for
# administrators and approvers, and for editors when the "Đăng nhập an toàn" setting says so;
# "0" turns the requirement off (dev settings: the demo users sign in with a password alone).
# Whoever has enrolled is asked for a code either way.
SECOND_FACTOR_REQUIRED = os.environ.get("DJANGO_SECOND_FACTOR_REQUIRED", "1") == "1"
# Between the password and the code: after this, the password must be typed again.
SECOND_FACTOR_PENDING_SECONDS = 300
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = "Cổng Sở KH&CN Sơn La"
# Passkeys: a second factor only, never a sign-in by passkey alone; the relying party is the
# address the admin is on (second_factor/passkeys.py).
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "second_factor.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
# The addresses the admin is used at: the site's own and any other trusted origin, as far as
# browsers allow passkeys there (https, or http on localhost while developing).
OTP_WEBAUTHN_ALLOWED_ORIGINS = sorted(
    origin
    for origin in {
        WAGTAILADMIN_BASE_URL.rstrip("/"),
        "http://localhost:8000",
        *CSRF_TRUSTED_ORIGINS,
    }
    if origin.startswith(("https://", "http://localhost:"))
)
# A signed-in admin session ends after this long without a request.
ADMIN_IDLE_MINUTES = int(os.environ.get("DJANGO_ADMIN_IDLE_MINUTES", "30"))

# Content-Security-Policy (django-csp; core/content_security.py). Public pages: scripts, styles,
# fonts and images from the site itself, and an inline script or style only with the response's
# nonce; embedded video from https sites; the page in no one's frame. Those answers can be kept
# by the front cache with their header, so a cached page repeats its nonce until it is purged:
# the nonce still keeps out whatever markup did not come from our templates.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin writes small inline scripts (date pickers, inline panels) and style attributes,
# and shows a page's preview in a frame of its own: the admin's policy allows inline code from the
# admin's own pages, still nothing from other sites, and framing by the site only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", "https:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
ADMIN_PATH_PREFIXES = ("/admin/",)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    # Task states and page events are in the audit log already; keep the console for problems.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # Each login and lockout is in django-axes' tables (admin: Access attempts).
        "axes": {"level": "WARNING"},
    },
}

# The old portal's own query parameters (its profile's `legacy_query_keys`): a request carrying
# one is checked against the imported redirects before the page is served.
LEGACY_QUERY_KEYS = ["details", "menuID", "newsid", "articleid", "catid"]
