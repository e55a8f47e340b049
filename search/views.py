from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Site

from core.pagination import paginate
from core.text import vn_number
from core.visitors import is_bot
from search import engine
from search.engine import KINDS, KINDS_BY_SLUG, SiteSearch, suggestions
from search.forms import SearchForm
from search.promotions import count_asked, promotions_for
from search.snippets import display_text, highlight, snippet
from search.terms import QueryTerms

RESULTS_PER_PAGE = 10


def count_label(count):
    """A result count as readers see it: counting stops after MAX_COUNTED."""
    if count > engine.MAX_COUNTED:
        return _("hơn %(count)s") % {"count": vn_number(engine.MAX_COUNTED)}
    return vn_number(count)


def _read_query(request):
    """The reader's form, its valid filters, the query as typed and its words."""
    form = SearchForm(request.GET)
    filters = form.filters()
    query = filters.get("q", "")
    return form, filters, query, QueryTerms(query)


@require_GET
def search(request):
    form, filters, query, terms = _read_query(request)
    site = Site.find_for_request(request)
    context = {"form": form, "search_query": query, "results": None, "promotions": []}
    if terms and site is not None:
        site_search = SiteSearch(
            terms,
            site=site,
            kind=KINDS_BY_SLUG.get(filters.get("loai")),
            year=filters.get("nam"),
            order="date" if filters.get("sap_xep") else "relevance",
        )
        results = paginate(site_search, request, per_page=RESULTS_PER_PAGE)
        for hit in results:
            hit.title_html = highlight(str(hit.object.title), terms)
            hit.snippet_html = snippet(display_text(hit.object), terms)
        kind_counts = site_search.kind_counts()
        kept = [(name, request.GET[name]) for name in filters if name != "page"]
        context.update(
            {
                "results": results,
                "kind_tabs": [(kind, count_label(kind_counts[kind.slug])) for kind in KINDS],
                "all_count": count_label(sum(kind_counts.values())),
                "found_count": count_label(site_search.matches()),
                "window_is_capped": site_search.matches() > engine.MAX_COUNTED,
                "max_results": engine.MAX_COUNTED,
                "extra_query": f"&{urlencode(kept)}",
                "query_without_kind": urlencode([(k, v) for k, v in kept if k != "loai"]),
            }
        )
        if results.number == 1 and not filters.get("loai"):
            context["promotions"] = promotions_for(query, site=site)
        if results.number == 1 and not is_bot(request):
            # Feeds the search terms report; crawlers following links are not readers asking.
            count_asked(str(terms))
    response = TemplateResponse(request, "search/search_results.html", context)
    # Results are not purged on publish: a front cache may keep them a minute only.
    patch_cache_control(response, public=True, max_age=60, s_maxage=60)
    return response


@require_GET
def suggest(request):
    """Title suggestions as the reader types: {"query": ..., "suggestions": [{"title", "url"}]}."""
    _, _, query, terms = _read_query(request)
    site = Site.find_for_request(request)
    found = suggestions(terms, site=site) if terms and site is not None else []
    return JsonResponse(
        {
            "query": query,
            "suggestions": [{"title": page.title, "url": page.get_url(request)} for page in found],
        },
        json_dumps_params={"ensure_ascii": False},
    )
