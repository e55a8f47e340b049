"""The production settings pass Django's deployment checks (HSTS, SSL redirect behind the proxy,
secure cookies, exact hosts, a strong secret from the environment, referrer and opener
policies), and refuse to start without a secret or hosts."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "REDIS_URL"
    }
    env.update({"DJANGO_SETTINGS_MODULE": "site_config.settings.production", **environment})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = run_check(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="sokhoahoc.sonla.gov.vn",
        REDIS_URL="redis://127.0.0.1:6379/11",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_refuses_to_start_without_a_secret_or_hosts():
    for missing in (
        {"DJANGO_ALLOWED_HOSTS": "sokhoahoc.sonla.gov.vn"},
        {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)},
    ):
        result = run_check(**missing)
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
