"""What an anonymous reader may open: one definition for every surface that lists or counts
pages outside Wagtail's own serving (listings, search, the counters)."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.frame_cache import remembered


def restricted_paths():
    """Tree paths of the pages with a view restriction: they and their descendants are private."""
    return remembered(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def private_q(paths=None):
    """Pages at or below any of `paths` (default: `restricted_paths()`): Wagtail's
    `PageQuerySet.private_q()`, without its query on every call."""
    if paths is None:
        paths = restricted_paths()
    private = Q(pk__in=[])
    for path in paths:
        private |= Q(path__startswith=path)
    return private


def readable_pages(pages, site, private=None):
    """Live, public, unexpired pages of `site` from the page queryset `pages`. `private`
    (`private_q()`) can be built once and passed in for several querysets."""
    if private is None:
        private = private_q()
    now = timezone.now()
    return (
        pages.live()
        .exclude(private)
        .in_site(site)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
