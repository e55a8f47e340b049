"""The newsroom's article reports: most read over a period, and articles published by section,
author and month (what the department counts for royalties and its reports)."""

from django import forms
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.models import ArticlePage, ArticleViewDay
from core.filters import GetFilterForm
from core.newsroom import with_section
from core.reporting import PeriodForm, Row, SiteReportView

MOST_READ_LIMIT = 100


class MostReadReport(SiteReportView):
    page_title = _("Tin đọc nhiều nhất")
    header_icon = "view"
    filter_form_class = PeriodForm
    report_columns = [
        ("rank", _("Hạng")),
        ("title", _("Tin bài")),
        ("section", _("Chuyên mục")),
        ("published_on", _("Ngày đăng")),
        ("views", _("Lượt xem trong khoảng")),
    ]

    def rows(self, form):
        start, end = form.period()
        totals = list(
            ArticleViewDay.objects.filter(day__range=(start, end))
            .values("page_id")
            .annotate(total=Sum("views"))
            .order_by("-total", "page_id")[:MOST_READ_LIMIT]
        )
        pages = with_section(
            ArticlePage.objects.filter(pk__in=[row["page_id"] for row in totals]).only(
                "title", "path", "published_on"
            )
        ).in_bulk()
        return [
            Row(
                rank=rank,
                title=pages[row["page_id"]].title,
                section=pages[row["page_id"]].section_title,
                published_on=pages[row["page_id"]].published_on,
                views=row["total"],
            )
            for rank, row in enumerate(totals, start=1)
            if row["page_id"] in pages
        ]


class YearForm(GetFilterForm):
    nam = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)

    def year(self):
        return self.filters().get("nam") or timezone.localdate().year


class PublishedArticlesReport(SiteReportView):
    """Live articles by month of their date, section and author line, for one year."""

    page_title = _("Tin đăng theo chuyên mục, tác giả và tháng")
    header_icon = "doc-full"
    filter_form_class = YearForm
    paginate_by = 200
    report_columns = [
        ("month", _("Tháng")),
        ("section", _("Chuyên mục")),
        ("author", _("Tác giả")),
        ("articles", _("Số tin")),
    ]

    def rows(self, form):
        groups = (
            with_section(ArticlePage.objects.live().filter(published_on__year=form.year()))
            .annotate(month=TruncMonth("published_on"))
            .values("month", "section_title", "author_line")
            .annotate(articles=Count("pk"))
            .order_by("month", "section_title", "author_line")
        )
        return [
            Row(
                month=group["month"].strftime("%m/%Y"),
                section=group["section_title"],
                author=group["author_line"] or _("(không ghi tác giả)"),
                articles=group["articles"],
            )
            for group in groups
        ]
