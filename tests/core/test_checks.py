"""`manage.py check --deploy` says when app processes would not share one cache."""

from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import SimpleTestCase, override_settings

REDIS = {
    "default": {
        "BACKEND": "core.resilient_cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/15",
    }
}


class SharedCacheCheckTests(SimpleTestCase):
    def deploy_check(self):
        try:
            call_command("check", deploy=True, fail_level="WARNING")
        except SystemCheckError as problems:
            return str(problems)
        return ""

    def test_process_memory_is_reported(self):
        self.assertIn("home.W001", self.deploy_check())

    @override_settings(CACHES=REDIS)
    def test_redis_is_not(self):
        self.assertNotIn("home.W001", self.deploy_check())
