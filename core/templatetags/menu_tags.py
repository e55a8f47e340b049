"""The ways through the site every page shows: the menu, the breadcrumbs, the language switch,
and page addresses read once per frame generation."""

import copy

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Page, Site, get_page_models

from core.frame_cache import address_of, remembered, with_addresses
from core.routing import site_home
from core.visibility import address_below, site_homes, site_pages

register = template.Library()


def _site_root(request):
    """The site's home page in the language of the request, from the frame cache (`.localized`
    reads the locale table each time): one copy shared by the menus, which only read it, drawn
    from the one the routing keeps."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = translation.get_language()
    return remembered(f"home-in:{site.pk}:{language}", lambda: site_home(site))


def _menu_of(root):
    """Pages shown in menus below `root`, each with its own menu children."""
    menu_pages = (
        site_pages()
        .readable()
        .in_menu()
        .descendant_of(root)
        .filter(depth__in=(root.depth + 1, root.depth + 2))
        .only("id", "title", "url_path", "path", "depth", "slug")
        .order_by("path")
    )
    items = []
    for page in menu_pages:
        if page.depth == root.depth + 1:
            page.menu_children = []
            items.append(page)
        elif items and page.path.startswith(items[-1].path):
            items[-1].menu_children.append(page)
    for item in items:
        with_addresses([item, *item.menu_children])
    return items


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site's menu, from the frame cache; kept on the request for the header and the
    footer. Each item says whether the page shown is in its branch."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_menu", None)
    if cached is not None:
        return cached
    root = _site_root(request)
    if root is None:
        return []
    current_path = getattr(context.get("page"), "path", "")
    items = []
    for shared_item in remembered(f"menu:{root.pk}", lambda: _menu_of(root)):
        item = copy.copy(shared_item)  # the cached items are every reader's
        item.is_active = bool(current_path) and current_path.startswith(item.path)
        items.append(item)
    request._main_menu = items
    return items


# How deep the site map goes below the home page: sections, their pages and those pages' own.
SITE_MAP_DEPTH = 3


def _site_map_of(root):
    """The readable pages below `root` as a tree of `map_children`, down to SITE_MAP_DEPTH,
    without the item types a section lists by the hundred (`in_site_map = False`: news, tasks,
    procedures): their section stands for them."""
    item_types = ContentType.objects.get_for_models(
        *(model for model in get_page_models() if not getattr(model, "in_site_map", True))
    ).values()
    pages = with_addresses(
        list(
            site_pages()
            .readable()
            .descendant_of(root)
            .filter(depth__lte=root.depth + SITE_MAP_DEPTH)
            .exclude(content_type__in=list(item_types))
            .only("id", "title", "url_path", "path", "depth")
            .order_by("path")
        )
    )
    top, parents = [], {}
    for page in pages:
        page.map_children = []
        if page.depth == root.depth + 1:
            top.append(page)
        elif parent := parents.get(page.path[: -Page.steplen]):
            parent.map_children.append(page)
        else:
            continue  # below a page the map leaves out
        parents[page.path] = page
    return top


@register.simple_tag(takes_context=True)
def site_map(context):
    """The site map's tree for the request's site and language, from the frame cache."""
    request = context.get("request")
    root = _site_root(request) if request else None
    if root is None:
        return []
    return remembered(f"site-map:{root.pk}", lambda: _site_map_of(root))


@register.simple_tag(takes_context=True)
def page_href(context, page):
    """A page's address: the one kept with the frame cache's copies (`with_addresses`), else
    worked out from its tree path for a page of the request's site (Wagtail's `get_url` costs a
    `reverse()` per link, a tenth of a millisecond, and a listing shows dozens), else Wagtail's."""
    href = getattr(page, "href", None)
    if href is not None:
        return href
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)
    if site is not None and getattr(page, "url_path", None) and getattr(page, "path", None):
        address = address_below(site_homes(site), page)
        if address is not None:
            return address
    return page.get_url(request=request)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """The page in the site's other languages, for the header's switch: its translation where one
    is live, else that language's home page."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    page = context.get("page")
    current = translation.get_language()
    homes = {home.language: home.prefix for home in site_homes(site)}
    translated = {}
    if isinstance(page, Page):
        # Every language's version, the page's own too: pages sharing a translation key share
        # this entry.
        translated = remembered(
            f"translations:{page.translation_key}",
            lambda: {
                version.locale.language_code: address_of(version)
                for version in page.get_translations(inclusive=True).live().select_related("locale")
            },
        )
    return [
        {"code": code, "name": name, "url": translated.get(code) or f"{homes[code]}/"}
        for code, name in settings.LANGUAGES
        if code != current and code in homes
    ]


@register.simple_tag(takes_context=True)
def site_root(context):
    request = context.get("request")
    return _site_root(request) if request else None


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    if hasattr(page, "breadcrumb_ancestors"):
        ancestors = page.breadcrumb_ancestors()
    else:
        ancestors = page.get_ancestors().live().filter(depth__gt=1).only("id", "title", "url_path")
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}
