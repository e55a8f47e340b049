"""The sites, their root pages and their home pages in each language: what routing a request and
writing any page's address start from, read together once per frame generation.

Wagtail reads them piece by piece: the site for the request's host, the sites' root paths (one
query for the sites and one per site for its translations), the active locale, the home page's
translation and its own type. After an editor's change, or with the shared cache emptied, the
first reader paid for each of them; here they come from four short queries (one more for each
further type of root page), and the pieces the routing and the menus keep (`site-for`,
`site-root-paths`, `site-home`, `site-language-homes` in the frame cache) are worked out from
them with none."""

from typing import NamedTuple

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import (
    MATCH_DEFAULT,
    MATCH_HOSTNAME,
    MATCH_HOSTNAME_DEFAULT,
    MATCH_HOSTNAME_PORT,
    SiteRootPath,
)

from core.frame_cache import remembered


class SiteHome(NamedTuple):
    """The site's home page in one language."""

    path: str  # in the tree
    url_path: str
    language: str
    prefix: str  # of its addresses: "" for the default language, else "/en"...


class KnownSite(NamedTuple):
    site: Site  # with its root page
    root_paths: list  # of Wagtail's `SiteRootPath`, as `Site.get_site_root_paths()` lists them
    homes: list  # a `SiteHome` per language the root page is translated into
    home_pages: dict  # language code -> the home page readers of it get, of its own type
    language: str  # of the root page


def _prefix(language):
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def _read_sites():
    language_of = dict(Locale.objects.values_list("pk", "language_code"))
    sites = list(
        Site.objects.select_related("root_page").order_by(
            "-root_page__url_path", "-is_default_site", "hostname"
        )
    )
    # `specific()` reads the base rows, then each type's own: two queries for one type of home
    # page.
    translations = {}
    for page in (
        Page.objects.filter(translation_key__in={site.root_page.translation_key for site in sites})
        .order_by("path")
        .specific()
    ):
        translations.setdefault(page.translation_key, []).append(
            (page, language_of[page.locale_id])
        )
    known = []
    for site in sites:
        root = site.root_page
        versions = translations.get(root.translation_key, [])
        own_root = next((page for page, _ in versions if page.pk == root.pk), root)
        # Page.localized: a live translation in the reader's language, else the root itself.
        home_pages = {language_of[root.locale_id]: own_root}
        for page, language in versions:
            if page.live and page.pk != root.pk:
                home_pages.setdefault(language, page)
        known.append(
            KnownSite(
                site,
                [
                    SiteRootPath(site.id, page.url_path, site.root_url, language)
                    for page, language in versions
                ],
                [
                    SiteHome(page.path, page.url_path, language, _prefix(language))
                    for page, language in versions
                ],
                home_pages,
                language_of[root.locale_id],
            )
        )
    return known, set(language_of.values())


def known_sites():
    """([KnownSite], the language codes of the locales made). Shared by the process's requests,
    as every frame value is: what is handed on to be changed is copied by its taker (the routing
    keeps the site and the home page with `core.routing.own_copy`)."""
    return remembered("known-sites", _read_sites)


def site_root_paths():
    """Wagtail's `Site.get_site_root_paths()`."""
    sites, _ = known_sites()
    return [root_path for known in sites for root_path in known.root_paths]


def site_for_host(hostname, port):
    """The site Wagtail's `Site.find_for_request` finds for `hostname` and `port`, or None: the
    exact host and port, else the host on the default site, else the default site unless exactly
    one other site has the host. `port` as Django's `request.get_port()` gives it, a string."""
    sites, _ = known_sites()
    try:
        port = int(port)
    except (TypeError, ValueError):
        port = None  # matches no site's port

    def match(site):
        if site.hostname == hostname:
            if site.port == port:
                return MATCH_HOSTNAME_PORT
            return MATCH_HOSTNAME_DEFAULT if site.is_default_site else MATCH_HOSTNAME
        return MATCH_DEFAULT

    candidates = sorted(
        (
            known.site
            for known in sites
            if known.site.hostname == hostname or known.site.is_default_site
        ),
        key=match,
    )
    if len(candidates) == 1 or (
        candidates and match(candidates[0]) in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT)
    ):
        return candidates[0]
    if candidates and match(candidates[0]) == MATCH_DEFAULT:
        return candidates[len(candidates) == 2]
    return None


def _known(site_pk):
    sites, locales = known_sites()
    return next((known for known in sites if known.site.pk == site_pk), None), locales


def site_homes(site_pk):
    """The `SiteHome` of each language of the site."""
    known, _ = _known(site_pk)
    return known.homes if known else []


def localized_home(site_pk):
    """`site.root_page.localized.specific`: the site's home page in the active language when it is
    live, else its root page, of its own type; None for a site not known (deleted since)."""
    known, locales = _known(site_pk)
    if known is None:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        language = None
    if language not in locales:  # Locale.get_active() falls back to the default locale
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    return known.home_pages.get(language, known.home_pages[known.language])
