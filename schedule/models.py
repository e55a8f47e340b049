"""The leaders' weekly work schedule (Lịch công tác) at /lich-cong-tac/: a page per week, its
entries entered inline, published through the editorial workflow like any page. Readers see one
week at a time (`?tuan=2026-W48`), by day, filtered by leader, printable, and subscribe to it as
an iCal feed."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from core.pages import SitePage
from core.reserved import SitePageForm


def monday_of(day):
    """The Monday of `day`'s week: a week is known by it."""
    return day - datetime.timedelta(days=day.weekday())


def week_label(monday):
    sunday = monday + datetime.timedelta(days=6)
    number = monday.isocalendar().week
    return f"Lịch công tác tuần {number} ({monday:%d/%m} - {sunday:%d/%m/%Y})"


def iso_week(monday):
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


class WorkScheduleIndexPage(RoutablePageMixin, SitePage):
    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["schedule.WorkWeekPage"]
    max_count = 1

    class Meta:
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")

    def lead_text(self):
        return self.intro

    @path("", name="week")
    def week(self, request):
        from schedule.views import week_view

        return week_view(request, self)

    @path("ical/", name="ical")
    def ical(self, request):
        from schedule.views import ical_feed

        return ical_feed(request, self)


class WorkWeekPageForm(SitePageForm):
    """A week is entered once: a second page for it is refused with the reason (its address,
    written from the week, would otherwise collide when saved)."""

    def clean(self):
        cleaned_data = super().clean()
        week_start = cleaned_data.get("week_start")
        if week_start and self.parent_page is not None:
            taken = (
                WorkWeekPage.objects.child_of(self.parent_page)
                .filter(week_start=monday_of(week_start))
                .exclude(pk=self.instance.pk)
            )
            if taken.exists():
                self.add_error("week_start", _("Tuần này đã có lịch; hãy sửa trang đó."))
        return cleaned_data


class WorkWeekPage(SitePage):
    """One week, Monday to Sunday; its title is written from its dates."""

    base_form_class = WorkWeekPageForm

    week_start = models.DateField(
        _("thứ Hai của tuần"), help_text=_("Ngày thứ Hai mở đầu tuần, ví dụ 23/11/2026.")
    )
    note = models.TextField(_("ghi chú chung"), blank=True, max_length=1000)

    content_panels = [
        FieldPanel("week_start"),
        "note",
        InlinePanel("entries", label=_("lịch trong tuần")),
    ]
    promote_panels = []
    parent_page_types = ["schedule.WorkScheduleIndexPage"]
    subpage_types = []
    in_site_map = False

    class Meta:
        verbose_name = _("lịch công tác tuần")
        verbose_name_plural = _("lịch công tác tuần")

    def _fill_from_week(self):
        """Any day of the week stands for its Monday; the title and slug follow from it."""
        if self.week_start:
            self.week_start = monday_of(self.week_start)
            self.title = week_label(self.week_start)
            self.slug = f"tuan-{iso_week(self.week_start).lower()}"

    def full_clean(self, *args, **kwargs):
        self._fill_from_week()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # A draft is saved with Wagtail's lighter check, which wants the title already there.
        self._fill_from_week()
        super().minimal_clean()

    def serve(self, request, *args, **kwargs):
        # A week is read on the schedule's week view; its own address leads there.
        parent = self.get_parent()
        return redirect(f"{parent.url}?tuan={iso_week(self.week_start)}")


class EntryStatus(models.TextChoices):
    SCHEDULED = "theo_lich", _("Theo lịch")
    CHANGED = "thay_doi", _("Có thay đổi")
    CANCELLED = "hoan", _("Hoãn, hủy")


class ScheduleEntry(Orderable, ClusterableModel):
    page = ParentalKey(WorkWeekPage, on_delete=models.CASCADE, related_name="entries")
    day = models.DateField(_("ngày"))
    starts_at = models.TimeField(_("bắt đầu"))
    ends_at = models.TimeField(_("kết thúc"), null=True, blank=True)
    leaders = ParentalManyToManyField(
        "home.Person", verbose_name=_("lãnh đạo"), blank=True, related_name="+"
    )
    content = models.TextField(_("nội dung"), max_length=2000)
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    presiding_unit = models.CharField(_("đơn vị chủ trì"), max_length=300, blank=True)
    participants = models.CharField(_("thành phần tham dự"), max_length=500, blank=True)
    preparing_unit = models.CharField(_("đơn vị chuẩn bị"), max_length=300, blank=True)
    notes = models.CharField(_("ghi chú"), max_length=500, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.SCHEDULED
    )
    change_reason = models.CharField(
        _("lý do thay đổi, hoãn"),
        max_length=300,
        blank=True,
        help_text=_("Hiện cùng lịch khi lịch có thay đổi hoặc bị hoãn."),
    )
    recurring = models.BooleanField(
        _("lặp lại hằng tuần"),
        default=False,
        help_text=_("Được chép sang tuần sau khi bấm “Tạo lịch tuần sau”."),
    )

    panels = [
        FieldRowPanel(["day", "starts_at", "ends_at"]),
        FieldPanel("leaders", widget=forms.CheckboxSelectMultiple),
        "content",
        FieldRowPanel(["place", "presiding_unit"]),
        FieldRowPanel(["participants", "preparing_unit"]),
        MultiFieldPanel(
            [FieldRowPanel(["status", "change_reason"]), FieldRowPanel(["notes", "recurring"])],
            heading=_("Tình trạng"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lịch")
        verbose_name_plural = _("lịch")

    def clean(self):
        super().clean()
        page = getattr(self, "page", None)
        if page is not None and page.week_start and self.day:
            monday = monday_of(page.week_start)
            if not monday <= self.day <= monday + datetime.timedelta(days=6):
                raise ValidationError({"day": _("Ngày phải nằm trong tuần của trang này.")})
        if self.status != EntryStatus.SCHEDULED and not self.change_reason.strip():
            raise ValidationError({"change_reason": _("Hãy ghi lý do để người đọc biết.")})
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Giờ kết thúc phải sau giờ bắt đầu.")})
