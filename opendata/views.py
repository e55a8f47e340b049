"""Open data: read-only JSON of the news, the document library and the procedures catalogue.

Only what the public pages show: live, public, unexpired pages and approved documents outside
private collections, with the fields their pages print. Paged (PAGE_SIZE items, `?page=`),
filtered by date (`tu_ngay`, `den_ngay`) and by section (`chuyen_muc`) or field (`linh_vuc`).
Answers are public and kept by the front cache like pages; a publish purges them
(`api_addresses`, `document_api_addresses`)."""

from django.apps import apps
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from wagtail.documents import get_document_model
from wagtail.models import Site

from core.pagination import paginate
from core.sectors import Sector
from core.visibility import address_below, site_homes, site_pages
from opendata.forms import NewsFilterForm, SectorFilterForm

PAGE_SIZE = 50


def _json(request, data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # public data, for other sites' pages too
    return response


def _paged(request, items, form, serialise):
    """The requested page of `items` as the answer every dataset gives (a `?page=` that is not
    a page raises Http404, as on the site's own lists)."""
    page = paginate(items, request, per_page=PAGE_SIZE)
    kept = [(key, value) for key, value in request.GET.items() if key != "page"]

    def link(to):
        return request.build_absolute_uri(f"{request.path}?{urlencode([*kept, ('page', to)])}")

    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "next": link(page.number + 1) if page.has_next() else None,
        "previous": link(page.number - 1) if page.has_previous() else None,
        "ignored": sorted(form.errors),
        "results": serialise(list(page.object_list)),
    }


def _answer(request, build):
    site = Site.find_for_request(request)
    if site is None:
        return _json(request, {"error": "Không có trang này."}, status=404)
    try:
        return _json(request, build(request, site))
    except Http404:
        return _json(
            request,
            {"error": "Số trang không hợp lệ: ?page= nhận số từ 1 đến số trang có dữ liệu."},
            status=404,
        )


def _date_range(items, filters, field):
    if "tu_ngay" in filters:
        items = items.filter(**{f"{field}__gte": filters["tu_ngay"]})
    if "den_ngay" in filters:
        items = items.filter(**{f"{field}__lte": filters["den_ngay"]})
    return items


def _news(request, site):
    article_model = apps.get_model("articles", "ArticlePage")
    homes = site_homes(site)
    sections = {
        section.path: section
        for section in site_pages()
        .readable(site)
        .type(apps.get_model("articles", "ArticleIndexPage"))
        .only("id", "path", "url_path", "title", "slug")
    }
    form = NewsFilterForm(request.GET)
    filters = form.filters()
    articles = article_model.objects.readable(site)
    articles = _date_range(articles, filters, "published_on")
    if "chuyen_muc" in filters:
        below_chosen = Q(pk__in=[])  # an unknown section: nothing
        for path, section in sections.items():
            if section.slug == filters["chuyen_muc"]:
                below_chosen |= Q(path__startswith=path)
        articles = articles.filter(below_chosen)
    articles = articles.only(
        "id", "title", "path", "url_path", "published_on", "summary", "author_line",
        "last_published_at",
    ).order_by("-published_on", "-pk")  # fmt: skip

    def serialise(page_items):
        return [
            {
                "id": article.pk,
                "title": article.title,
                "url": _absolute(request, address_below(homes, article)),
                "published_on": article.published_on.isoformat(),
                "updated_at": _iso(article.last_published_at),
                "section": _section_of(article, sections, homes, request),
                "summary": article.summary,
                "author_line": article.author_line,
            }
            for article in page_items
        ]

    return _paged(request, articles, form, serialise)


def _section_of(article, sections, homes, request):
    section = sections.get(article.path[: -article.steplen])
    if section is None:
        return None
    return {
        "title": section.title,
        "slug": section.slug,
        "url": _absolute(request, address_below(homes, section)),
    }


def _iso(value):
    """A date or moment as JSON gives it (ISO 8601), or null."""
    return value.isoformat() if value else None


def _absolute(request, address):
    return request.build_absolute_uri(address) if address else None


def _documents(request, site):
    form = SectorFilterForm(request.GET)
    filters = form.filters()
    documents = get_document_model().objects.readable()
    documents = _date_range(documents, filters, "issued_on")
    if "linh_vuc" in filters:
        documents = documents.filter(sector=filters["linh_vuc"])
    library = (
        apps.get_model("home", "DocumentLibraryPage")
        .objects.readable(site)
        .only("id", "path", "url_path")
        .first()
    )
    library_address = address_below(site_homes(site), library) if library else None
    documents = documents.order_by("-issued_on", "-pk")

    def serialise(page_items):
        return [
            {
                "id": document.pk,
                "number": document.number,
                "title": document.title,
                "type": document.document_type,
                "type_label": document.get_document_type_display(),
                "issued_on": _iso(document.issued_on),
                "issuer": document.issuer,
                "signer": document.signer,
                "summary": document.summary,
                "sector": document.sector,
                "effect": document.effect,
                "effective_from": _iso(document.effective_from),
                "official_url": document.official_url or None,
                "download_url": _absolute(request, document.url),
                "url": _absolute(request, f"{library_address}{document.pk}/")
                if library_address
                else None,
            }
            for document in page_items
        ]

    return _paged(request, documents, form, serialise)


def _procedures(request, site):
    procedure_model = apps.get_model("procedures", "ProcedurePage")
    homes = site_homes(site)
    form = SectorFilterForm(request.GET)
    filters = form.filters()
    procedures = procedure_model.objects.readable(site)
    # A procedure is dated by its last publication: "what changed since" for a mirror.
    procedures = _date_range(procedures, filters, "last_published_at__date")
    if "linh_vuc" in filters:
        procedures = procedures.filter(sector=filters["linh_vuc"])
    procedures = procedures.order_by("code", "pk")

    def serialise(page_items):
        return [
            {
                "id": procedure.pk,
                "code": procedure.code,
                "title": procedure.title,
                "url": _absolute(request, address_below(homes, procedure)),
                "sector": procedure.sector,
                "sector_label": procedure.get_sector_display(),
                "service_level": procedure.service_level,
                "service_level_label": procedure.get_service_level_display(),
                "agency": procedure.agency,
                "applicants": procedure.applicants,
                "processing_time": procedure.processing_time,
                "fee": procedure.fee,
                "result": procedure.result,
                "national_submit_url": procedure.national_submit_url or None,
                "provincial_submit_url": procedure.provincial_submit_url or None,
                "is_example": procedure.is_example,
                "updated_at": _iso(procedure.last_published_at),
            }
            for procedure in page_items
        ]

    return _paged(request, procedures, form, serialise)


DATASETS = {
    "news": ("opendata_news", "Tin bài đã đăng", "tu_ngay, den_ngay (ngày đăng), chuyen_muc"),
    "documents": (
        "opendata_documents",
        "Văn bản đã công bố",
        "tu_ngay, den_ngay (ngày ban hành), linh_vuc",
    ),
    "procedures": (
        "opendata_procedures",
        "Thủ tục hành chính",
        "tu_ngay, den_ngay (ngày cập nhật), linh_vuc",
    ),
}


LICENCE = "Dữ liệu công khai của cơ quan nhà nước; ghi rõ nguồn khi sử dụng."
# What a reader may try from the readers' page, per dataset.
EXAMPLES = {
    "news": "?tu_ngay=2026-01-01",
    "documents": "?linh_vuc=tai_chinh",
    "procedures": "?linh_vuc=buu_chinh",
}


def _datasets(request):
    return [
        {
            "name": name,
            "title": title,
            "url": request.build_absolute_uri(reverse(url_name)),
            "filters": filters,
        }
        for name, (url_name, title, filters) in DATASETS.items()
    ]


@require_GET
def index(request):
    return _json(
        request,
        {
            "datasets": _datasets(request),
            "page_size": PAGE_SIZE,
            "sectors": {value: str(label) for value, label in Sector.choices},
            "licence": LICENCE,
        },
    )


@require_GET
def readers_page(request):
    """The same index for people: what each dataset holds, its filters, an example to open."""
    if Site.find_for_request(request) is None:
        raise Http404
    datasets = [
        {**dataset, "example": dataset["url"] + EXAMPLES[dataset["name"]]}
        for dataset in _datasets(request)
    ]
    return TemplateResponse(
        request,
        "opendata/open_data.html",
        {
            "datasets": datasets,
            "index_url": request.build_absolute_uri(reverse("open_data")),
            "page_size": PAGE_SIZE,
            "sectors": Sector.choices,
            "licence": LICENCE,
        },
    )


@require_GET
def news(request):
    return _answer(request, _news)


@require_GET
def documents(request):
    return _answer(request, _documents)


@require_GET
def procedures(request):
    return _answer(request, _procedures)


def api_addresses(page):
    """Every dataset leaves the front cache with the home page, which every publish purges."""
    if page.depth != 2:
        return []
    site = page.get_site()
    return [f"{site.root_url}{reverse('open_data')}*"] if site else []


def document_api_addresses(document):
    return [f"{site.root_url}{reverse('opendata_documents')}*" for site in Site.objects.all()]
