from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Site

from core.visibility import site_pages
from core.visitors import is_bot
from home.visits import (
    VISITOR_COOKIE,
    VISITOR_COOKIE_MAX_AGE,
    new_visitor_key,
    record_visit,
    visit_statistics,
    visitor_key,
)

# Longer than any page id; a longer value is not a page but an attack or a typo.
_MAX_PAGE_PARAM_LENGTH = 10


def _readable_page(request, raw_id):
    """The live, public, unexpired page of this site with id `raw_id`, as its specific type."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site_pages().readable(site).filter(pk=int(raw_id)).specific().first()


@csrf_exempt  # sent by every page, which carries no token so that it can be cached
@never_cache
@require_POST
def record_reading(request):
    """What a page sends once a reader sees it: counts the visit and, for pages that count their
    own views (`record_reader_view`), the view; answers the current figures, which the page puts
    in place of those it was drawn with. Robots get the figures and are not counted."""
    raw_id = request.POST.get("trang", "").strip()
    if raw_id and not (
        raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= _MAX_PAGE_PARAM_LENGTH
    ):
        return JsonResponse({"error": "Mã trang không hợp lệ."}, status=400)
    page = _readable_page(request, raw_id) if raw_id else None
    key = visitor_key(request)
    issued = None
    if not is_bot(request):
        if key is None:
            key = issued = new_visitor_key()
        record_visit(key)
        if page is not None and hasattr(page, "record_reader_view"):
            page.record_reader_view(key)
    figures = {"visits": visit_statistics()}
    if page is not None and hasattr(page, "reader_views"):
        figures["views"] = page.reader_views()
    response = JsonResponse(figures)
    if issued:
        response.set_cookie(
            VISITOR_COOKIE,
            issued,
            max_age=VISITOR_COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response
