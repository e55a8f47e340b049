"""The "Công khai" page: what the department must disclose (budget estimates and settlements,
procurement plans and results, statistics reports), by year and kind, from the document library,
with the pages editors keep under it (the list of information to disclose, the request form)."""

from django import forms
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from core.filters import GetFilterForm
from core.pages import SitePage
from core.visibility import site_pages
from home.models.library import DocumentLibraryPage
from home.models.media import DISCLOSED_TYPES


class DisclosureFilterForm(GetFilterForm):
    year = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int, choices=[])
    kind = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[("", _("Tất cả")), *((kind.value, kind.label) for kind in DISCLOSED_TYPES)],
    )

    def __init__(self, data, *, years):
        super().__init__(data)
        self.fields["year"].choices = [("", _("Tất cả")), *((year, year) for year in years)]


class DisclosurePage(SitePage):
    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage", "home.ContactPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang công khai")
        verbose_name_plural = _("trang công khai")

    def lead_text(self):
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        disclosed = (
            get_document_model().objects.readable().filter(document_type__in=DISCLOSED_TYPES)
        )
        years = list(
            disclosed.exclude(issued_on=None)
            .annotate(year=ExtractYear("issued_on"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        form = DisclosureFilterForm(request.GET, years=years)
        filters = form.filters()
        if "year" in filters:
            disclosed = disclosed.filter(issued_on__year=filters["year"])
        if "kind" in filters:
            disclosed = disclosed.filter(document_type=filters["kind"])
        context.update(
            {
                "form": form,
                "filters": filters,
                "years": by_year_and_kind(disclosed.order_by("-issued_on", "-pk")),
                "pages": site_pages().readable().child_of(self).specific().order_by("path"),
                "library": DocumentLibraryPage.objects.readable().first(),
            }
        )
        return context


def by_year_and_kind(documents):
    """[(year, [(kind label, [documents])])], newest year first, kinds in DISCLOSED_TYPES' order."""
    labels = {kind.value: kind.label for kind in DISCLOSED_TYPES}
    years = {}
    for document in documents:
        year = document.issued_on.year if document.issued_on else None
        years.setdefault(year, {kind: [] for kind in labels})[document.document_type].append(
            document
        )
    return [
        (year, [(labels[kind], items) for kind, items in kinds.items() if items])
        for year, kinds in years.items()
    ]
