"""The site's own reports in the admin: visits by day and by month, and broken links."""

import datetime

from django import forms
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import charts
from core.reporting import PeriodForm, Row, SiteReportView
from home.link_checker import broken_internal_links
from home.models import ExternalLink, VisitorDay


class VisitsForm(PeriodForm):
    theo = forms.ChoiceField(
        label=_("Theo"),
        required=False,
        choices=[("ngay", _("Ngày")), ("thang", _("Tháng"))],
    )

    def by_month(self):
        return self.filters().get("theo") == "thang"


class VisitsReport(SiteReportView):
    """Visitors per day (one per browser and day, as "Thống kê truy cập" counts them) over a
    period, or per month over the twelve months up to its end."""

    page_title = _("Lượt truy cập")
    header_icon = "view"
    filter_form_class = VisitsForm
    paginate_by = 400  # a year of days on one screen, under its chart
    report_columns = [("period", _("Ngày hoặc tháng")), ("visitors", _("Lượt truy cập"))]

    def rows(self, form):
        start, end = form.period()
        if form.by_month():
            first = datetime.date(end.year - 1, end.month, 1) + datetime.timedelta(days=32)
            first = first.replace(day=1)
            counts = dict(
                VisitorDay.objects.filter(day__range=(first, end))
                .annotate(month=TruncMonth("day"))
                .values_list("month")
                .annotate(visitors=Count("pk"))
                .values_list("month", "visitors")
            )
            months = month_starts(first, end)
            return [Row(period=f"{m:%m/%Y}", visitors=counts.get(m, 0)) for m in months]
        counts = dict(
            VisitorDay.objects.filter(day__range=(start, end))
            .values_list("day")
            .annotate(visitors=Count("pk"))
            .values_list("day", "visitors")
        )
        days = [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]
        return [Row(period=day, visitors=counts.get(day, 0)) for day in days]

    def chart(self, rows, form):
        return charts.columns(
            [
                (row.period if isinstance(row.period, str) else f"{row.period:%d/%m}", row.visitors)
                for row in rows
            ],
            title=_("Lượt truy cập theo tháng")
            if form.by_month()
            else _("Lượt truy cập theo ngày"),
            width=720,
            height=220,
        )


def month_starts(first, last):
    months, month = [], first
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


class BrokenLinksReport(SiteReportView):
    """Links readers would find broken on live pages: inside the portal (from Wagtail's
    reference index, always current) and outside it (as last checked by `check_links`)."""

    page_title = _("Liên kết hỏng")
    header_icon = "warning"
    paginate_by = 100
    report_columns = [
        ("kind", _("Loại")),
        ("page", _("Trang có liên kết")),
        ("link", _("Liên kết")),
        ("problem", _("Vấn đề")),
        ("checked", _("Kiểm tra lúc")),
        ("edit_url", _("Sửa trang")),
    ]

    def rows(self, form):
        inside = [
            Row(
                kind=_("Trong cổng"),
                page=source.title,
                link=target,
                problem=problem,
                checked=None,
                edit_url=reverse("wagtailadmin_pages:edit", args=[source.pk]),
            )
            for source, target, problem in broken_internal_links()
        ]
        outside = [
            Row(
                kind=_("Ra ngoài"),
                page=page.title,
                link=link.url,
                problem=f"Mã {link.status_code}" if link.status_code else link.error,
                checked=timezone.localtime(link.checked_at).strftime("%H:%M %d/%m/%Y"),
                edit_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            for link in ExternalLink.objects.filter(broken=True)
            .prefetch_related("pages")
            .order_by("host", "url")
            for page in link.pages.all()
        ]
        return inside + outside
