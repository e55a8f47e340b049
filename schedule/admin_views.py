"""Entering a week quickly: the next week's page, made as a draft with last week's recurring
entries already in it, opened in the page editor."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from schedule.models import ScheduleEntry, WorkScheduleIndexPage, WorkWeekPage, monday_of

WEEK = datetime.timedelta(days=7)
COPIED_FIELDS = (
    "starts_at",
    "ends_at",
    "content",
    "place",
    "presiding_unit",
    "participants",
    "preparing_unit",
    "notes",
    "recurring",
)


def next_monday(index):
    this_monday = monday_of(timezone.localdate())
    latest = WorkWeekPage.objects.child_of(index).order_by("-week_start").first()
    if latest is None:
        return this_monday, None
    return max(latest.week_start + WEEK, this_monday), latest


def create_next_week(index, user):
    monday, latest = next_monday(index)
    existing = WorkWeekPage.objects.child_of(index).filter(week_start=monday).first()
    if existing is not None:
        return existing
    week = WorkWeekPage(week_start=monday, live=False, owner=user)
    if latest is not None:
        shift = monday - latest.week_start
        week.entries = [
            ScheduleEntry(
                day=entry.day + shift,
                leaders=list(entry.leaders.all()),
                **{name: getattr(entry, name) for name in COPIED_FIELDS},
            )
            for entry in latest.entries.filter(recurring=True).prefetch_related("leaders")
        ]
    with transaction.atomic():
        index.add_child(instance=week)
        week.save_revision(user=user, log_action=True)
    return week


def next_week(request, index_id):
    index = get_object_or_404(WorkScheduleIndexPage, pk=index_id)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if request.method != "POST":
        monday, latest = next_monday(index)
        recurring = latest.entries.filter(recurring=True).count() if latest else 0
        return TemplateResponse(
            request,
            "schedule/admin/next_week.html",
            {"index": index, "monday": monday, "latest": latest, "recurring": recurring},
        )
    week = create_next_week(index, request.user)
    return redirect("wagtailadmin_pages:edit", week.pk)
