"""Screens of our own inside the Wagtail admin."""

import datetime
import re

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core import newsroom
from core.pagination import paginate
from home.media_forms import APPROVE_PERMISSION
from home.models import SiteDocument
from home.reviews import sent_back_revision_ids


class AdminScreen(WagtailAdminTemplateMixin, TemplateView):
    """A screen of ours with the admin's header, its breadcrumbs ending at the screen's title."""

    _show_breadcrumbs = True

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]


class EditorGuideView(AdminScreen):
    """The department's short guide for editors and approvers, in place of Wagtail's English
    one: the way this portal's newsroom works, step by step."""

    page_title = _("Hướng dẫn biên tập")
    header_icon = "help"
    template_name = "home/admin/editor_guide.html"


class NewsroomListView(AdminScreen):
    """One of the newsroom's work lists (core.newsroom), a page of it at a time."""

    template_name = "home/admin/newsroom_list.html"
    header_icon = "list-ul"
    per_page = 30
    list_kind = ""
    empty_text = ""

    def rows(self):
        raise NotImplementedError

    def prepare(self, rows):
        """The rows of one page, made ready to show (one query for all of them)."""
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = paginate(self.rows(), self.request, per_page=self.per_page)
        page.object_list = self.prepare(page.object_list)
        context.update({"rows": page, "list_kind": self.list_kind, "empty_text": self.empty_text})
        return context


class MyDraftsView(NewsroomListView):
    page_title = _("Bản nháp của tôi")
    list_kind = "drafts"
    empty_text = _("Bạn không có bản nháp nào đang chờ gửi duyệt.")

    def rows(self):
        return newsroom.my_drafts(self.request.user)


class SentBackView(NewsroomListView):
    page_title = _("Bị trả lại cho tôi")
    list_kind = "sent_back"
    empty_text = _("Không có bài nào bị yêu cầu sửa.")

    def rows(self):
        return newsroom.sent_back_states(self.request.user)

    def prepare(self, rows):
        return newsroom.attach_pages(rows)


class WaitingForMeView(NewsroomListView):
    page_title = _("Chờ tôi duyệt")
    list_kind = "waiting"
    empty_text = _("Không có bài nào chờ bạn duyệt.")

    def rows(self):
        return newsroom.waiting_for(self.request.user)

    def prepare(self, rows):
        rows = newsroom.attach_pages(rows, object_id=lambda row: row.workflow_state.object_id)
        sent_back = sent_back_revision_ids([row.workflow_state_id for row in rows])
        for row in rows:
            row.sent_back_revision_id = sent_back.get(row.workflow_state_id)
        return rows


class DocumentsWaitingView(NewsroomListView):
    page_title = _("Văn bản chờ duyệt")
    list_kind = "documents"
    empty_text = _("Không có văn bản nào chờ duyệt.")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(APPROVE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def rows(self):
        return SiteDocument.waiting_for_review().select_related("uploaded_by_user")


class ScheduledWeekView(AdminScreen):
    """What goes live and what expires, one week at a time (?tuan=2026-W48)."""

    page_title = _("Lịch đăng và hết hạn")
    header_icon = "calendar"
    template_name = "home/admin/scheduled_week.html"

    def requested_week(self):
        """(year, week) asked for, or this week with a notice when the value is not a week."""
        today = timezone.localdate()
        raw = self.request.GET.get("tuan", "")
        if match := re.fullmatch(r"(\d{4})-W(\d{1,2})", raw.strip()):
            year, week = int(match.group(1)), int(match.group(2))
            try:
                datetime.date.fromisocalendar(year, week, 1)
            except ValueError:
                pass
            else:
                if abs(year - today.year) <= MAX_YEARS_AWAY:
                    return year, week, None
        notice = _("“%(value)s” không phải một tuần; đang xem tuần này.") % {"value": raw[:20]}
        return *today.isocalendar()[:2], notice if raw else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year, week, notice = self.requested_week()
        start, end = newsroom.week_bounds(year, week)
        events = newsroom.scheduled_between(start, end)
        days = []
        for offset in range(7):
            day = start.date() + datetime.timedelta(days=offset)
            day_events = [e for e in events if timezone.localtime(e[0]).date() == day]
            days.append({"date": day, "events": day_events})
        previous_monday = start.date() - datetime.timedelta(days=7)
        next_monday = start.date() + datetime.timedelta(days=7)
        context.update(
            {
                "days": days,
                "today": timezone.localdate(),
                "notice": notice,
                "week_label": f"{week}/{year}",
                "first_day": start.date(),
                "last_day": start.date() + datetime.timedelta(days=6),
                "previous_week": week_param(previous_monday),
                "next_week": week_param(next_monday),
                "event_count": len(events),
            }
        )
        return context


# Further than this from today, a week asked for is a typo or a probe, not a plan.
MAX_YEARS_AWAY = 5


def week_param(day):
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"
