"""Deployment checks (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache_check(app_configs, **kwargs):
    """Every app process must see the same cache: the frame cache's generation (core/frame_cache)
    tells all of them that an editor changed the menu or the newest articles, the counters and
    rate limits are counted there. Process memory is one process's alone."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        return [
            Warning(
                "REDIS_URL is not set: each app process keeps its own cache.",
                hint=(
                    "With more than one process (gunicorn workers, app servers), set REDIS_URL, "
                    "or a process may show an old menu or newest-articles box for up to 10 "
                    "minutes after a publish."
                ),
                id="home.W001",
            )
        ]
    return []
