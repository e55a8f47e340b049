"""What the catalogue and a procedure's page show."""

from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.http import urlencode
from wagtail.documents import get_document_model

from core.pagination import paginate
from core.sectors import Sector
from core.text import pks_holding
from procedures.forms import CatalogueFilterForm
from procedures.models import ProcedureIndexPage, ProcedurePage, ServiceLevel

PROCEDURES_PER_PAGE = 25
# Fields in the order the department lists them (Sector's order), not by their codes.
SECTOR_ORDER = Case(
    *(When(sector=value, then=Value(order)) for order, value in enumerate(Sector.values)),
    default=Value(len(Sector.values)),
    output_field=IntegerField(),
)


def catalogue_procedures(catalogue, filters):
    procedures = ProcedurePage.objects.readable().child_of(catalogue)
    if query := filters.get("q"):
        procedures = procedures.filter(pk__in=pks_holding(procedures, query, "title", "code"))
    if "sector" in filters:
        procedures = procedures.filter(sector=filters["sector"])
    if "level" in filters:
        procedures = procedures.filter(service_level=filters["level"])
    return procedures


def level_counts(procedures):
    """(level, label, count) of the filtered procedures, every level shown."""
    counts = dict(procedures.order_by().values_list("service_level").annotate(count=Count("pk")))
    return [(value, label, counts.get(value, 0)) for value, label in ServiceLevel.choices]


def catalogue_context(request, catalogue):
    form = CatalogueFilterForm(request.GET)
    filters = form.filters()
    procedures = catalogue_procedures(catalogue, filters)
    query = urlencode([(key, request.GET[key]) for key in filters])
    page = paginate(
        procedures.order_by(SECTOR_ORDER, "title", "pk"), request, per_page=PROCEDURES_PER_PAGE
    )
    return {
        "form": form,
        "filters": filters,
        "procedures": page,
        "sector_groups": _by_sector(page.object_list),
        "level_counts": level_counts(procedures),
        "extra_query": f"&{query}" if query else "",
    }


def _by_sector(procedures):
    groups = {}
    for procedure in procedures:
        groups.setdefault(procedure.get_sector_display(), []).append(procedure)
    return list(groups.items())


def procedure_context(procedure):
    catalogue = ProcedureIndexPage.objects.parent_of(procedure).first()
    readable = get_document_model().objects.readable()
    forms = list(procedure.forms.all())
    form_documents = readable.in_bulk([item.document_id for item in forms])
    submit_links = []
    if procedure.service_level != ServiceLevel.NONE:
        submit_links = procedure.submit_links(catalogue)
    return {
        "catalogue": catalogue,
        "submit_links": submit_links,
        "tracking_url": catalogue.tracking_url if catalogue else "",
        "legal_documents": list(
            readable.filter(pk__in=procedure.legal_documents.values("document_id")).order_by(
                "-issued_on"
            )
        ),
        "procedure_forms": [
            (item.title or form_documents[item.document_id].title, form_documents[item.document_id])
            for item in forms
            if item.document_id in form_documents
        ],
    }
