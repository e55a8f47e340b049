"""Through the real front cache: Varnish with the shipped VCL in front of two gunicorn app
processes, on loopback, against this test's PostgreSQL database."""

import urllib.request

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction, Site

from home.models import AgencyLink, Person, SiteSettings
from tests.deploy.front import HOST, fetch, free_port, free_ports, running_stack
from tests.factories import READER_USER_AGENT, ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import REDIS_HOST, REDIS_PORT, database_url, home_page, redis_db


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_readers_are_served_from_the_cache_and_see_a_publish_at_once(varnish, real_redis):
    # The app processes share the test's Redis, as production's must: each keeps the way to a
    # page for the frame's generation, which a publish moves.
    news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    article = ArticlePageFactory(parent=news, title="Hội thảo chuyển đổi số")
    env = {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db()}",
    }
    app_port, cache_port = free_ports(2), free_port()
    with running_stack(env, apps=2, app_port=app_port, cache_port=cache_port, workers=1) as front:
        status, headers, body = fetch(front, article.url)
        assert (status, headers["X-Cache"]) == (200, "MISS")
        assert "Hội thảo chuyển đổi số" in body
        assert "public" in headers["Cache-Control"]
        for _ in range(3):  # both app processes are behind it; neither is asked again
            assert fetch(front, article.url)[1]["X-Cache"] == "HIT"
        # Browsers in other languages share the one copy: the site speaks Vietnamese only.
        for language in ("en-US,en;q=0.9", "fr-FR", ""):
            assert fetch(front, article.url, language=language)[1]["X-Cache"] == "HIT"
        assert fetch(front, news.url)[1]["X-Cache"] == "MISS"
        assert fetch(front, news.url + "?page=1")[1]["X-Cache"] == "MISS"
        assert fetch(front, news.url)[1]["X-Cache"] == "HIT"

        # An editor publishes (here, on the app's code path): the page and its listings are
        # purged from the front cache at once, query-string variants included.
        purge_to_front = {
            "front": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": front,
            }
        }
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            article.title = "Hội thảo chuyển đổi số năm 2026"
            article.save_revision().publish()
        status, headers, body = fetch(front, article.url)
        assert (headers["X-Cache"], "năm 2026" in body) == ("MISS", True)
        for path in (news.url, news.url + "?page=1"):
            status, headers, body = fetch(front, path)
            assert (headers["X-Cache"], "năm 2026" in body) == ("MISS", True), path

        # The section is made private: every page of it leaves the cache at once, and its
        # articles ask for the password instead of showing.
        assert fetch(front, article.url)[1]["X-Cache"] == "HIT"
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            PageViewRestriction.objects.create(
                page=news, restriction_type=PageViewRestriction.PASSWORD, password="noi-bo"
            )
        for _ in range(2):
            status, headers, body = fetch(front, article.url)
            assert (headers["X-Cache"], 'name="password"' in body) == ("MISS", True)
            assert "năm 2026</h1>" not in body

        # A signed-in editor (session cookie) is never served from, nor stored in, the cache.
        for _ in range(2):
            headers = fetch(front, article.url, cookie="sessionid=abc")[1]
            assert headers["X-Cache"] == "MISS"
            assert "private" in headers["Cache-Control"]
        # The counters' request is never cached (for a public article: the section is made
        # public again; a private one's views are not counted).
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            PageViewRestriction.objects.filter(page=news).delete()
        request = urllib.request.Request(  # noqa: S310 (loopback)
            front + "/thong-ke/ghi/", data=f"trang={article.pk}".encode(), headers={"Host": HOST}
        )
        request.add_header("User-Agent", READER_USER_AGENT)
        for expected_views in (1, 2):
            request.headers.pop("Cookie", None)
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
                assert b'"views": %d' % expected_views in response.read()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_edit_of_the_settings_or_a_snippet_the_frame_shows_leaves_the_front_cache(
    varnish, real_redis
):
    """The footer shows the department's details and the agency links on every page: editing
    either (or a person, whom any page body may list) bans the site's pages from the front cache
    at once, instead of the old footer staying for PAGE_CACHE_SECONDS. The app processes share
    the test's Redis, so the edit's new frame generation reaches them as in production."""
    news = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    article = ArticlePageFactory(parent=news, title="Hội thảo chuyển đổi số")
    settings_row = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    env = {
        "DJANGO_SETTINGS_MODULE": "site_config.settings.test",
        "DATABASE_URL": database_url(),
        "REDIS_URL": f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db()}",
    }
    app_port, cache_port = free_ports(2), free_port()
    with running_stack(env, apps=2, app_port=app_port, cache_port=cache_port, workers=1) as front:
        purge_to_front = {
            "front": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": front,
            }
        }
        addresses = ("/", news.url, article.url)

        def cached_everywhere():
            for path in addresses:
                fetch(front, path)
            return [fetch(front, path)[1]["X-Cache"] for path in addresses]

        assert cached_everywhere() == ["HIT"] * 3
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            settings_row.phone = "0212 3999 888"
            settings_row.save()
        for path in addresses:
            status, headers, body = fetch(front, path)
            assert (headers["X-Cache"], "0212 3999 888" in body) == ("MISS", True), path

        assert cached_everywhere() == ["HIT"] * 3
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            AgencyLink.objects.create(name="Cổng Dịch vụ công tỉnh", url="https://dvc.example.vn/")
        for path in addresses:
            status, headers, body = fetch(front, path)
            assert (headers["X-Cache"], "Cổng Dịch vụ công tỉnh" in body) == ("MISS", True), path

        assert cached_everywhere() == ["HIT"] * 3
        with override_settings(WAGTAILFRONTENDCACHE=purge_to_front):
            Person.objects.create(name="Lò Văn Bình", position="Phó Giám đốc", group="lanh_dao")
        assert [fetch(front, path)[1]["X-Cache"] for path in addresses] == ["MISS"] * 3
