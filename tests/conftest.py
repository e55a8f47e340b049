import os
import shutil

import pytest
from django.core.cache import cache
from django.test import override_settings

from tests.helpers import REDIS_HOST, REDIS_PORT, on_postgres, redis_cache, redis_db, redis_is_up


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only tests are skipped on SQLite, except where REQUIRE_POSTGRES is set (CI's
    PostgreSQL run): there a wrong DATABASE_URL must fail loudly, not skip silently."""
    if on_postgres():
        return
    postgres_items = [item for item in items if "postgres" in item.keywords]
    if postgres_items and os.environ.get("REQUIRE_POSTGRES"):
        raise pytest.UsageError(
            "REQUIRE_POSTGRES is set but DATABASE_URL does not point at PostgreSQL."
        )
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in postgres_items:
        item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate limits and cached statistics must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def real_redis():
    """The default cache on a real Redis (a database of the tests' own, emptied before and after),
    as production has it; in CI a Redis that does not answer fails the test, not skips it."""
    if not redis_is_up():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis is not answering on {REDIS_HOST}:{REDIS_PORT}")
        pytest.skip(f"Redis is not answering on {REDIS_HOST}:{REDIS_PORT}")
    with override_settings(CACHES=redis_cache(f"redis://{REDIS_HOST}:{REDIS_PORT}/{redis_db()}")):
        cache.clear()
        yield cache
        cache.clear()


@pytest.fixture
def varnish():
    """Debian's varnishd, for the tests through the real front cache (tests/deploy/front.py);
    in CI a missing one fails the test, not skips it."""
    if not shutil.which("varnishd") and not os.path.exists("/usr/sbin/varnishd"):
        if os.environ.get("CI") == "true":
            pytest.fail("varnishd is missing: apt-get install varnish")
        pytest.skip("varnishd is missing: apt-get install varnish")
