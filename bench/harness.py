"""What every benchmark script starts with: the project importable, Django set up with the test
settings, and (for those that need one) a throwaway database.

    import harness  # noqa: F401  (first import of a bench script: sets Django up)
"""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_config.settings.test")

import django  # noqa: E402

django.setup()


@contextmanager
def throwaway_database():
    """A test database made by migrations (SQLite, or PostgreSQL when DATABASE_URL says so),
    destroyed afterwards whatever happens."""
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
