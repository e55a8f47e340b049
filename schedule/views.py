"""The week view, its print layout and the iCal feed."""

import datetime
import re

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from core.site_settings import site_settings_for
from schedule.models import (
    EntryStatus,
    ScheduleEntry,
    WorkScheduleIndexPage,
    WorkWeekPage,
    iso_week,
    monday_of,
    week_label,
)

WEEK_PARAM = re.compile(r"^(\d{4})-W(\d{1,2})$")
# Weeks further than this from today are not asked for by people; a clear page, not a search.
FARTHEST_YEARS = 5
FEED_DAYS_BEHIND = 30
FEED_DAYS_AHEAD = 120
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def parse_week(value, today):
    """The Monday of `2026-W48`; None for today's week; ValueError when it is not a week."""
    if not value:
        return monday_of(today)
    match = WEEK_PARAM.match(value.strip())
    if not match:
        raise ValueError(value)
    return datetime.date.fromisocalendar(int(match[1]), int(match[2]), 1)


def week_entries(index, monday, leader_id=None):
    week = WorkWeekPage.objects.readable().child_of(index).filter(week_start=monday).first()
    if week is None:
        return None, []
    entries = ScheduleEntry.objects.filter(page=week).prefetch_related("leaders")
    if leader_id:
        entries = entries.filter(leaders__pk=leader_id)
    return week, list(entries.order_by("day", "starts_at", "sort_order"))


def leader_choices():
    from django.apps import apps

    person = apps.get_model("home", "Person")
    return list(person.objects.filter(group="lanh_dao").order_by("sort_order", "name"))


def week_view(request, index):
    today = timezone.localdate()
    context = index.get_context(request)
    try:
        monday = parse_week(request.GET.get("tuan", ""), today)
    except ValueError:
        context["bad_week"] = request.GET.get("tuan", "")[:40]
        return TemplateResponse(request, "schedule/week_unknown.html", context, status=400)
    if abs(monday.year - today.year) > FARTHEST_YEARS:
        context["bad_week"] = iso_week(monday)
        return TemplateResponse(request, "schedule/week_unknown.html", context, status=404)
    leaders = leader_choices()
    raw_leader = request.GET.get("lanh-dao", "").strip()
    leader = next((p for p in leaders if str(p.pk) == raw_leader), None)
    week, entries = week_entries(index, monday, leader.pk if leader else None)
    days = []
    for offset, name in enumerate(WEEKDAYS):
        day = monday + datetime.timedelta(days=offset)
        days.append(
            {
                "name": name,
                "date": day,
                "is_today": day == today,
                "entries": [entry for entry in entries if entry.day == day],
            }
        )
    leader_query = f"&lanh-dao={leader.pk}" if leader else ""
    context.update(
        {
            "week": week,
            "week_title": week_label(monday),
            "days": days,
            "has_entries": bool(entries),
            "leaders": leaders,
            "leader": leader,
            "leader_dropped": bool(raw_leader) and leader is None,
            "this_week": iso_week(monday),
            "previous_week": iso_week(monday - datetime.timedelta(days=7)) + leader_query,
            "next_week": iso_week(monday + datetime.timedelta(days=7)) + leader_query,
            "current_week": iso_week(monday_of(today)),
            "statuses": EntryStatus,
        }
    )
    return TemplateResponse(request, "schedule/work_schedule_index_page.html", context)


def ical_feed(request, index):
    """Every published entry from a month back to four months ahead, for calendar applications
    (all leaders, or `?lanh-dao=<id>`)."""
    today = timezone.localdate()
    entries = (
        ScheduleEntry.objects.filter(
            page__in=WorkWeekPage.objects.readable().child_of(index),
            day__gte=today - datetime.timedelta(days=FEED_DAYS_BEHIND),
            day__lte=today + datetime.timedelta(days=FEED_DAYS_AHEAD),
        )
        .prefetch_related("leaders")
        .order_by("day", "starts_at")
    )
    raw_leader = request.GET.get("lanh-dao", "").strip()
    if raw_leader.isdigit():
        entries = entries.filter(leaders__pk=int(raw_leader))
    calendar = Calendar()
    calendar.add("prodid", "-//So KH&CN Son La//Lich cong tac//VI")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{index.title} - {site_settings_for(request).department_name}")
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    zone = timezone.get_current_timezone()
    host = request.get_host().split(":")[0]
    for entry in entries:
        event = Event()
        starts = datetime.datetime.combine(entry.day, entry.starts_at, tzinfo=zone)
        ends = (
            datetime.datetime.combine(entry.day, entry.ends_at, tzinfo=zone)
            if entry.ends_at
            else starts + datetime.timedelta(hours=1)
        )
        summary = entry.content
        if entry.status == EntryStatus.CANCELLED:
            summary = _("[Hoãn] %(content)s") % {"content": summary}
            event.add("status", "CANCELLED")
        elif entry.status == EntryStatus.CHANGED:
            summary = _("[Thay đổi] %(content)s") % {"content": summary}
        event.add("uid", f"lich-cong-tac-{entry.pk}@{host}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", starts)
        event.add("dtend", ends)
        event.add("summary", summary)
        if entry.place:
            event.add("location", entry.place)
        event.add("description", entry_description(entry))
        calendar.add_component(event)
    calendar.add_missing_timezones()  # the VTIMEZONE that TZID=Asia/Ho_Chi_Minh refers to
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response


def entry_description(entry):
    lines = []
    if leaders := ", ".join(person.name for person in entry.leaders.all()):
        lines.append(_("Lãnh đạo: %(names)s") % {"names": leaders})
    for label, value in (
        (_("Chủ trì"), entry.presiding_unit),
        (_("Thành phần"), entry.participants),
        (_("Chuẩn bị"), entry.preparing_unit),
        (_("Ghi chú"), entry.notes),
        (_("Lý do"), entry.change_reason),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def feed_addresses(page):
    """The iCal feed changes with the schedule's page: purged with it."""
    if isinstance(page, WorkScheduleIndexPage):
        return [page.full_url + "ical/"]
    return []
