from django.core.paginator import Paginator
from django.http import Http404

# Longer than any real page number; a longer value is not a page number but an attack or a typo.
_MAX_PAGE_PARAM_LENGTH = 6


def paginate(queryset, request, *, per_page, param="page", count=None):
    """The requested page of `queryset`. A missing or empty parameter is page 1; anything else that
    is not a page that exists (abc, 0, -1, 99999, 1e3, huge numbers) is a 404, never a 500.
    `count`: the number of items when the caller knows it (kept), saving the paginator's count."""
    raw = request.GET.get(param, "").strip()
    if not raw:
        number = 1
    elif raw.isascii() and raw.isdigit() and len(raw) <= _MAX_PAGE_PARAM_LENGTH:
        number = int(raw)
    else:
        raise Http404
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    if number < 1 or (number > paginator.num_pages):
        raise Http404
    page = paginator.page(number)
    page.elided_range = list(paginator.get_elided_page_range(number, on_each_side=2, on_ends=1))
    page.param = param
    return page
