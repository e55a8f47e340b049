"""What an anonymous reader may open: one definition for every surface that lists or counts
pages outside Wagtail's own serving (search, the counters)."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page


def readable_pages(pages, site, private=None):
    """Live, public, unexpired pages of `site` from the page queryset `pages`. `private`
    (`PageQuerySet.private_q()`) can be read once and passed in for several querysets."""
    if private is None:
        private = Page.objects.private_q()
    now = timezone.now()
    return (
        pages.live()
        .exclude(private)
        .in_site(site)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )
