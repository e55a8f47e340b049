"""The public library of official documents (văn bản) at /van-ban/."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from core.filters import GetFilterForm
from core.pages import SitePage
from core.pagination import paginate
from core.sectors import Sector
from core.visibility import site_pages
from home.models.media import DocumentType

DOCUMENTS_PER_PAGE = 20


class LibraryFilterForm(GetFilterForm):
    q = forms.CharField(label=_("Số, ký hiệu hoặc trích yếu"), required=False, max_length=200)
    document_type = forms.ChoiceField(
        label=_("Loại văn bản"), required=False, choices=[("", _("Tất cả")), *DocumentType.choices]
    )
    sector = forms.ChoiceField(
        label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả")), *Sector.choices]
    )
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False, choices=[])
    year = forms.IntegerField(
        label=_("Năm ban hành"), required=False, min_value=1945, max_value=2100
    )

    def __init__(self, data, *, issuers):
        super().__init__(data)
        self.fields["issuer"].choices = [("", _("Tất cả")), *((name, name) for name in issuers)]


def filter_documents(documents, filters):
    if query := filters.get("q"):
        documents = documents.filter(
            Q(number__icontains=query) | Q(summary__icontains=query) | Q(title__icontains=query)
        )
    if "document_type" in filters:
        documents = documents.filter(document_type=filters["document_type"])
    if "sector" in filters:
        documents = documents.filter(sector=filters["sector"])
    if "issuer" in filters:
        documents = documents.filter(issuer=filters["issuer"])
    if "year" in filters:
        documents = documents.filter(issued_on__year=filters["year"])
    return documents.order_by(models.F("issued_on").desc(nulls_last=True), "-created_at", "-pk")


class DocumentLibraryPage(RoutablePageMixin, SitePage):
    intro = models.TextField(_("lời dẫn"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("thư viện văn bản")
        verbose_name_plural = _("thư viện văn bản")

    def lead_text(self):
        return self.intro

    @path("")
    def library(self, request):
        documents = get_document_model().objects.readable()
        issuers = list(
            documents.exclude(issuer="")
            .order_by("issuer")
            .values_list("issuer", flat=True)
            .distinct()
        )
        form = LibraryFilterForm(request.GET, issuers=issuers)
        filters = form.filters()
        query = urlencode([(key, request.GET[key]) for key in filters])
        context = self.get_context(request)
        context.update(
            {
                "form": form,
                "filters": filters,
                "documents": paginate(
                    filter_documents(documents.select_related("collection"), filters),
                    request,
                    per_page=DOCUMENTS_PER_PAGE,
                ),
                "extra_query": f"&{query}" if query else "",
            }
        )
        return TemplateResponse(request, "home/document_library_page.html", context)

    @path("<int:document_id>/")
    def document_detail(self, request, document_id):
        document = get_document_model().objects.readable().filter(pk=document_id).first()
        if document is None:
            raise Http404
        context = self.get_context(request)
        context.update({"document": document, "mentioned_on": self.pages_mentioning(document)})
        return TemplateResponse(request, "home/document_detail.html", context)

    @staticmethod
    def pages_mentioning(document):
        """Live, public pages that link the document (Wagtail's reference index)."""
        page_ids = (
            ReferenceIndex.get_references_to(document)
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .values_list("object_id", flat=True)
        )
        return list(
            site_pages()
            .readable()
            .filter(pk__in=[int(pk) for pk in page_ids])
            .order_by("-first_published_at")[:20]
        )
