"""What an anonymous reader may open: one definition for every surface that lists or counts
pages outside Wagtail's own serving (listings, menus, search, the sitemap, the counters).

Every call site asks the queryset: `SomePage.objects.readable(site)` for a page type of ours,
`site_pages().readable(site)` for pages of any type. Readable means live, not expired, not at or
below a page with a view restriction and, when a site is given, on that site (in any of its
languages); without a site the caller has already narrowed the pages to one (`descendant_of`,
`child_of` its home)."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction

from core.frame_cache import remembered
from core.sites import site_homes as known_site_homes


def restricted_paths():
    """Tree paths of the pages with a view restriction: they and their descendants are private."""
    return remembered(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def at_or_below(paths):
    """Pages at or below any of the tree `paths`."""
    pages = Q(pk__in=[])
    for path in paths:
        pages |= Q(path__startswith=path)
    return pages


def private_q(paths=None):
    """Pages at or below any of `paths` (default: `restricted_paths()`): Wagtail's
    `PageQuerySet.private_q()`, without its query on every call."""
    return at_or_below(restricted_paths() if paths is None else paths)


def site_homes(site):
    """The site's home page in each language (`core.sites.SiteHome`): each is a translation of
    the site's root, beside it under the tree's root."""
    return remembered(f"site-language-homes:{site.pk}", lambda: known_site_homes(site.pk))


def address_below(homes, page):
    """`page`'s address on its site ("/tin-tuc/bai/", "/en/about/") from its path and the site's
    `homes`, with no query; None when it is under none of them."""
    for home in homes:
        if page.path.startswith(home.path):
            return f"{home.prefix}/{page.url_path[len(home.url_path) :]}"
    return None


def site_q(site):
    """Pages of `site`, in every language."""
    return at_or_below(home.path for home in site_homes(site))


class ReadablePageQuerySet(PageQuerySet):
    def readable(self, site=None, private=None):
        """The pages of this queryset an anonymous reader may open. `private` (`private_q()`)
        can be built once and passed in for several querysets."""
        if private is None:
            private = private_q()
        now = timezone.now()
        pages = (
            self.live().exclude(private).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        )
        if site is not None:
            pages = pages.filter(site_q(site))
        return pages


class ReadablePageManager(PageManager.from_queryset(ReadablePageQuerySet)):
    """The manager of every page type of ours (`core.pages.SitePage.objects`)."""


def site_pages():
    """Pages of every type (Wagtail's own `Page` too), with `readable()`."""
    return ReadablePageQuerySet(Page).order_by("path")
