"""The script production runs every minute really publishes: run as its own process against the
PostgreSQL test database, as the systemd timer runs it against the production one."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.helpers import database_url, home_page

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "publish-scheduled.sh"


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_scheduled_script_publishes_due_pages_and_unpublishes_expired_ones():
    index = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
    due = ArticlePageFactory(parent=index, title="Tin đến giờ đăng", live=False)
    due.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision = due.save_revision()
    revision.approved_go_live_at = due.go_live_at
    revision.save(update_fields=["approved_go_live_at"])
    expiring = ArticlePageFactory(parent=index, title="Tin hết hạn")
    expiring.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expiring.save()

    result = subprocess.run(  # noqa: S603 (our own script, fixed arguments)
        [str(SCRIPT)],
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_SETTINGS_MODULE": "site_config.settings.test",
            "PYTHON": sys.executable,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert ArticlePage.objects.get(pk=due.pk).live
    assert not ArticlePage.objects.get(pk=expiring.pk).live
