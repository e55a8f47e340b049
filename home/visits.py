"""Visit statistics ("Thống kê truy cập"): visitors counted per browser session and day."""

import datetime
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from home.db import update_or_insert
from home.models import VisitorDay
from home.visitors import is_bot

VISITOR_KEY = "visitor_key"
LAST_RECORDED_KEY = "visit_recorded_at"
# A visitor's row is refreshed at most this often; "online" is measured against a longer window.
REFRESH_SECONDS = 60
STATISTICS_CACHE_KEY = "visit-statistics"
STATISTICS_CACHE_SECONDS = 30


def record_visit(request):
    """Note that this browser session looked at a page today."""
    if is_bot(request):
        return
    session = request.session
    now = timezone.now()
    today = timezone.localdate(now).isoformat()
    visitor_key = session.get(VISITOR_KEY)
    if not visitor_key:
        visitor_key = secrets.token_hex(16)
        session[VISITOR_KEY] = visitor_key
    last_day, last_timestamp = session.get(LAST_RECORDED_KEY) or (None, 0)
    if last_day == today and now.timestamp() - last_timestamp < REFRESH_SECONDS:
        return
    created = update_or_insert(
        VisitorDay,
        lookup={"visitor_key": visitor_key, "day": today},
        updates={"last_seen": now},
        defaults={"first_seen": now, "last_seen": now},
    )
    if created:
        # A new visitor today changes every figure but "online"; show it at once.
        cache.delete(STATISTICS_CACHE_KEY)
    session[LAST_RECORDED_KEY] = (today, now.timestamp())


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
