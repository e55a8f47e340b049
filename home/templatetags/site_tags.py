import copy

from django import template
from django.utils import formats
from wagtail.models import Page, Site

from home.frame_cache import remembered, with_addresses
from home.visibility import private_q
from home.visits import visit_statistics

register = template.Library()


@register.filter
def vn_date(value):
    """05/6/2023: the way the department has always dated its news."""
    if not value:
        return ""
    return formats.date_format(value, "d/n/Y")


@register.filter
def vn_number(value):
    """1.250.000.000: thousands grouped with dots."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


@register.filter
def vnd(value):
    """1.250.000.000 đồng"""
    if value in (None, ""):
        return ""
    return f"{vn_number(value)} đồng"


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


def _menu_of(root):
    """Pages shown in menus below `root`, each with its own menu children."""
    menu_pages = (
        Page.objects.live()
        .exclude(private_q())
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


@register.simple_tag(takes_context=True)
def page_href(context, page):
    """A page's address: the one kept with the frame cache's copies (`with_addresses`), else
    Wagtail's."""
    href = getattr(page, "href", None)
    if href is not None:
        return href
    return page.get_url(request=context.get("request"))


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


@register.inclusion_tag("includes/visit_statistics.html")
def visit_stats():
    return {"statistics": visit_statistics()}
