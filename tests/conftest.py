import os

import pytest
from django.conf import settings
from django.core.cache import cache


def on_postgres():
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


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
