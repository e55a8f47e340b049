"""The base of the newsroom's reports in the admin (Báo cáo): a period or other filters read from
plain GET parameters, a table of rows, an optional SVG chart, and Wagtail's XLSX and CSV export of
the same rows (the CSV without anything a spreadsheet would run).

A report names its columns once; they head the table and the exported sheet alike:

    class VisitsReport(SiteReportView):
        report_columns = [("day", _("Ngày")), ("visitors", _("Khách"))]
        filter_form_class = PeriodForm

        def rows(self, form):
            start, end = form.period()
            return [Row(day=..., visitors=...), ...]
"""

import datetime
from types import SimpleNamespace

from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView

from core.filters import GetFilterForm
from core.form_exports import as_inert_text

Row = SimpleNamespace
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_WIDGET = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
# A period longer than this is almost surely a typo; it would also read every row of a table.
MAX_PERIOD_DAYS = 3 * 366


class PeriodForm(GetFilterForm):
    """From and to dates (dd/mm/yyyy); by default the last 30 days up to today."""

    tu = forms.DateField(
        label=_("Từ ngày"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET
    )
    den = forms.DateField(
        label=_("Đến ngày"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET
    )
    default_days = 30

    def period(self):
        filters = self.filters()
        today = timezone.localdate()
        end = filters.get("den") or today
        start = filters.get("tu") or end - datetime.timedelta(days=self.default_days - 1)
        if start > end:
            start, end = end, start
        start = max(start, end - datetime.timedelta(days=MAX_PERIOD_DAYS))
        return start, end


class SiteReportView(ReportView):
    results_template_name = "home/admin/report_results.html"
    report_columns = []
    filter_form_class = None
    paginate_by = 50
    # Dates as Vietnamese readers write them (05/06/2023) in the CSV; the XLSX keeps real dates.
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        datetime.date: {
            ReportView.FORMAT_CSV: lambda day: f"{day.day:02d}/{day.month:02d}/{day.year}"
        },
    }

    @property
    def list_export(self):
        return [field for field, _heading in self.report_columns]

    @property
    def export_headings(self):
        return dict(self.report_columns)

    @property
    def export_filename(self):
        return f"bao-cao-{self.request.resolver_match.url_name.replace('_', '-')}"

    def get_filter_form(self):
        if self.filter_form_class is None:
            return None
        if not hasattr(self, "_filter_form"):
            self._filter_form = self.filter_form_class(self.request.GET)
        return self._filter_form

    def rows(self, form):
        raise NotImplementedError

    def chart(self, rows, form):
        return ""

    def get_queryset(self):
        return self.rows(self.get_filter_form())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_filter_form()
        context.update(
            {
                "report_form": form,
                "dropped_filters": form.dropped if form is not None else [],
                "report_columns": self.report_columns,
                "report_rows": [
                    [getattr(row, field) for field, _heading in self.report_columns]
                    for row in context["object_list"]
                ],
                "report_chart": self.chart(self.object_list, form),
            }
        )
        return context

    def stream_csv(self, queryset):
        yield "\ufeff"  # so that Excel reads the file as UTF-8 and shows Vietnamese
        yield from super().stream_csv(queryset)

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {field: as_inert_text(value) for field, value in row_dict.items()}
        )


def register_report(route, view_class, name, *, order):
    """Add a report to the admin: its address under /admin/ and its entry in "Báo cáo", named and
    drawn with the report's own title and icon."""
    hooks.register("register_admin_urls", lambda: [path(route, view_class.as_view(), name=name)])
    hooks.register(
        "register_reports_menu_item",
        lambda: MenuItem(
            view_class.page_title, reverse(name), icon_name=view_class.header_icon, order=order
        ),
    )
