from django.core.paginator import Paginator
from django.http import Http404

from core.frame_cache import kept

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


def kept_window(kept_as, window, read, shared=False):
    """`read(window)`'s rows, kept for the frame's generation under `kept_as` and the window: a
    listing's first pages are what readers ask for most, the same rows for all of them. Kept by
    the process (`recently_remembered`), or with `shared` in the shared cache for every process
    (`remembered`: only for listings of a bounded number of pages). The rows are shared: callers
    only read them."""
    name = f"{kept_as}:{window.start or 0}:{window.stop}"
    return kept(name, lambda: list(read(window)), shared=shared)


class KeptWindows:
    """A queryset for `paginate` (given its `count`) whose pages are `kept_window`s, each made
    ready once by `prepare(rows)` (a list in, the rows to keep out)."""

    ordered = True

    def __init__(self, queryset, kept_as, prepare, shared=False):
        self.queryset = queryset
        self.kept_as = kept_as
        self.prepare = prepare
        self.shared = shared

    def __getitem__(self, window):
        return kept_window(
            self.kept_as,
            window,
            lambda rows: self.prepare(list(self.queryset[rows])),
            shared=self.shared,
        )
