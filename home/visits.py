"""Visit statistics ("Thống kê truy cập"): visitors counted per browser and day.

Pages are served to anonymous readers from a front cache, so nothing is counted while a page is
drawn: once shown, the page sends a small request (`home.views.record_reading`) that is never
cached, and the visitor is known by a cookie only that request sets. Pages stay cookie-free."""

import datetime
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from core.counters import update_or_insert
from home.models import VisitorDay

VISITOR_COOKIE = "khach"
VISITOR_COOKIE_MAX_AGE = 365 * 24 * 3600
_VISITOR_KEY = re.compile(r"[0-9a-f]{32}")
# A visitor's row is refreshed at most this often; "online" is measured against a longer window.
REFRESH_SECONDS = 60
STATISTICS_CACHE_KEY = "visit-statistics"
STATISTICS_CACHE_SECONDS = 30


def visitor_key(request):
    """The key in the visitor cookie when it is one this site issued, else None."""
    value = request.COOKIES.get(VISITOR_COOKIE, "")
    return value if _VISITOR_KEY.fullmatch(value) else None


def new_visitor_key():
    return secrets.token_hex(16)


def record_visit(key):
    """Note that the visitor with `key` read a page today. Their row is written at most once a
    minute; the shared cache decides, atomically, across app processes."""
    now = timezone.now()
    today = timezone.localdate(now).isoformat()
    if not cache.add(f"visit-recorded:{today}:{key}", 1, REFRESH_SECONDS):
        return
    created = update_or_insert(
        VisitorDay,
        lookup={"visitor_key": key, "day": today},
        updates={"last_seen": now},
        defaults={"first_seen": now, "last_seen": now},
    )
    if created:
        # A new visitor today changes every figure but "online"; show it at once.
        cache.delete(STATISTICS_CACHE_KEY)


def visit_statistics():
    """Online now, today, this week (Monday on), and all visits: one query, briefly cached."""
    statistics = cache.get(STATISTICS_CACHE_KEY)
    if statistics is None:
        now = timezone.now()
        today = timezone.localdate(now)
        monday = today - datetime.timedelta(days=today.weekday())
        online_since = now - datetime.timedelta(seconds=settings.VISITS_ONLINE_WINDOW_SECONDS)
        statistics = VisitorDay.objects.aggregate(
            online=Count("pk", filter=Q(last_seen__gte=online_since)),
            today=Count("pk", filter=Q(day=today)),
            this_week=Count("visitor_key", filter=Q(day__gte=monday), distinct=True),
            total=Count("pk"),
        )
        cache.set(STATISTICS_CACHE_KEY, statistics, STATISTICS_CACHE_SECONDS)
    return statistics
