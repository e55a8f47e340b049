import re

from django.template.response import TemplateResponse
from django.utils.http import urlencode
from wagtail.models import Page

from home.pagination import paginate

RESULTS_PER_PAGE = 10
# Longer queries are cut: nobody types more, and the search backend should not be asked to.
MAX_QUERY_LENGTH = 200
# Search backends give punctuation meanings (quotes, operators such as & | ! : * <->); readers do
# not. Only words reach the backend.
_NOT_A_WORD = re.compile(r"[^\w]+")


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    terms = _NOT_A_WORD.sub(" ", query).strip()
    results = None
    if query:
        pages = Page.objects.live().public().specific()
        pages = pages.search(terms) if terms else pages.none()
        results = paginate(pages, request, per_page=RESULTS_PER_PAGE)
    return TemplateResponse(
        request,
        "search/search_results.html",
        {
            "search_query": query,
            "results": results,
            "extra_query": f"&{urlencode({'q': query})}",
        },
    )
