import os
import smtplib
import socket

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from wagtail.models import Locale, Site

from home.models import HomePage, SiteSettings
from tests.factories import READER_USER_AGENT

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def redis_db():
    """Database 15 for the tests, 14 for the second parallel worker (pytest-xdist), and so on:
    each worker empties its own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return 15 - int(worker.removeprefix("gw"))


def redis_is_up():
    try:
        with socket.create_connection((REDIS_HOST, REDIS_PORT), timeout=0.5):
            return True
    except OSError:
        return False


class ReaderClient(Client):
    """A reader's browser (a phone's user agent): counted as a visitor, unlike the test client's
    default, which sends none and is taken for a robot."""

    def __init__(self, *args, **defaults):
        super().__init__(*args, **{"HTTP_USER_AGENT": READER_USER_AGENT, **defaults})


def home_page():
    """The home page the first migration put at the site root."""
    return HomePage.objects.get(pk=Site.objects.get(is_default_site=True).root_page_id)


def assert_follows_publishing(test, draft, shows):
    """`shows()` (does a reader's page show `draft`?) is false for the draft, true once it is
    published and false again once it is unpublished: nothing kept outlives the change."""
    test.assertFalse(shows(), "shown before it was published")
    draft.save_revision().publish()
    test.assertTrue(shows(), "not shown once published")
    draft.refresh_from_db()
    draft.unpublish()
    test.assertFalse(shows(), "still shown once unpublished")


def fill_site_settings(**overrides):
    values = {
        "department_full_name": "Sở Khoa học và Công nghệ tỉnh Sơn La",
        "address": "Khu Quảng trường Tây Bắc, Thành phố Sơn La",
        "phone": "02123.852.224",
        "fax": "02123.852.791",
        "email": "sokhcn@sonla.gov.vn",
        "website": "sokhoahoc.sonla.gov.vn",
        "footer_text": "Ghi rõ nguồn khi phát hành lại thông tin.",
        "operator_line": "Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo",
        "trust_badge_url": "https://tinnhiemmang.vn/xac-nhan",
    } | overrides
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in values.items():
        setattr(site_settings, field, value)
    site_settings.save()
    return site_settings


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPConnectError(421, "Service not available")


def article_form_data(title, **fields):
    """What the admin's article form posts, for a minimal article."""
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    from core.text import vietnamese_slugify

    data = {
        "title": title,
        "slug": vietnamese_slugify(title),
        "published_on": "20/11/2026",
        "summary": "Tóm tắt.",
        "author_line": "",
        "tags": "",
        "lead_image": "",
        "lead_image_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
    }
    data.update(fields)
    return nested_form_data(data)


# The password of every account the tests make.
STAFF_PASSWORD = "mat-khau-dai-12"


def make_staff(username, group_name):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username, f"{username}@sokhcn.example", STAFF_PASSWORD
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def news_and_notices():
    """Two news sections under the home page, "Tin tức" and "Thông báo": for moves between them."""
    from tests.factories import ArticleIndexPageFactory

    home = home_page()
    return (
        ArticleIndexPageFactory(parent=home, title="Tin tức"),
        ArticleIndexPageFactory(parent=home, title="Thông báo"),
    )


def redis_cache(url):
    """CACHES for production's shared cache at `url`."""
    return {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "sokhcn",
        }
    }


def database_url(name=None):
    """The address of the test database (or of database `name` on the same server), for a
    program a test starts or a connection of the test's own."""
    from urllib.parse import quote

    from django.db import connection

    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{name or db['NAME']}"


def own_connection(name=None):
    """A PostgreSQL connection beside Django's, in autocommit: to the test database, or to
    database `name` (e.g. "postgres", to create and drop databases)."""
    import psycopg2

    own = psycopg2.connect(database_url(name))
    own.autocommit = True
    return own


def publish_translation(page, **fields):
    """`page`'s English translation, with `fields` set, published."""
    translated = page.copy_for_translation(Locale.objects.get(language_code="en"))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated
