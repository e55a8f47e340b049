"""The contact form's submissions as a spreadsheet for staff, with nothing a spreadsheet would run.

A reader can type `=HYPERLINK("http://…")` or `@SUM(…)` into a letter; opened from a CSV, that
text would become a live formula on a staff member's computer. Wagtail already stores such
text as text in its XLSX export; in the CSV export we prefix it with an apostrophe, which
spreadsheets read as "this cell is text" and do not show."""

from wagtail.contrib.forms.views import SubmissionsListView

# What spreadsheets take as the start of a formula (OWASP, "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def as_inert_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class InertCsvMixin:
    """For any of Wagtail's spreadsheet exports (SpreadsheetExportMixin): CSV cells as text."""

    def write_csv_row(self, writer, row_dict):
        return super().write_csv_row(
            writer, {field: as_inert_text(value) for field, value in row_dict.items()}
        )


class InertSubmissionsListView(InertCsvMixin, SubmissionsListView):
    pass
