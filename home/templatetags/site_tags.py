import copy
import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, translation
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from wagtail.models import Page, Site

from home import saving
from home.frame_cache import remembered, with_addresses
from home.models import AgencyLink
from home.visibility import private_q, site_homes
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
    """The site's home page in the language of the request (/en/: the English one, if made),
    from the frame cache (`.localized` reads the locale table each time)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = translation.get_language()
    return remembered(f"home-in:{site.pk}:{language}", lambda: site.root_page.localized)


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


@register.simple_tag
def agency_links():
    """Links to other state agencies' portals, for the footer."""
    return remembered("agency-links", lambda: list(AgencyLink.objects.all()))


@register.simple_tag(takes_context=True)
def site_url(context):
    """The site's own address, e.g. for a saved copy's <base>: its images and links then open."""
    return site_address(context["request"], "/")


@register.simple_tag(takes_context=True)
def saved_copy_style(context):
    nonce = csp_nonce_attribute(context["request"])
    return mark_safe(f"<style{nonce}>{saving.saved_stylesheet()}</style>")  # noqa: S308 (our own static file)


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
                version.locale.language_code: version.get_url()
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


@register.inclusion_tag("includes/visit_statistics.html")
def visit_stats():
    return {"statistics": visit_statistics()}


DESCRIPTION_CHARACTERS = 200
# Wide lead images shared on social networks: the size Facebook and Zalo show best.
SOCIAL_IMAGE_FILTER = "fill-1200x630-c100|format-jpeg"
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def site_address(request, path):
    """`path` on the site's own address (as canonical links are), not the host asked."""
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + path


@register.simple_tag
def page_description(page, site_settings):
    """The page's own description for search results and shares: what the editor wrote for
    search engines, else its summary or lead text, else the department's line."""
    for field in ("search_description", "summary", "intro", "tagline"):
        text = getattr(page, field, "")
        if isinstance(text, str) and text.strip():
            return Truncator(strip_tags(text).strip()).chars(DESCRIPTION_CHARACTERS)
    return f"Cổng thông tin điện tử {site_settings.department_full_name}"


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """What the head tells search engines and social networks of `page`: its description,
    canonical address (with the listing page number beyond the first), type (an article is one
    when it has a publication date) and wide image (its lead image)."""
    request = context["request"]
    # The head's tags and an article's JSON-LD both ask: worked out once per request.
    known = getattr(request, "_page_meta", {})
    if page.pk not in known:
        known[page.pk] = _page_meta(request, page, context["settings"]["home"]["SiteSettings"])
        request._page_meta = known
    return known[page.pk]


def _page_meta(request, page, site_settings):
    canonical = page.get_full_url(request)
    listing_page = request.GET.get("page", "")
    if listing_page.isdigit() and int(listing_page) > 1:
        canonical += f"?page={int(listing_page)}"
    meta = {
        "title": page.seo_title or page.title,
        "description": page_description(page, site_settings),
        "canonical": canonical,
        "type": "article" if getattr(page, "published_on", None) else "website",
        "published_on": getattr(page, "published_on", None),
        "image": None,
    }
    lead_image = getattr(page, "lead_image", None)
    if lead_image is not None:
        rendition = lead_image.get_rendition(SOCIAL_IMAGE_FILTER)
        meta["image"] = {
            "url": site_address(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": lead_image.description or page.title,
        }
    return meta


def csp_nonce_attribute(request):
    """` nonce="…"` for an inline script or style: the Content-Security-Policy refuses one
    without it."""
    nonce = getattr(request, "csp_nonce", None)  # lazy: made on first use, then in the header
    return "" if nonce is None else format_html(' nonce="{}"', str(nonce))


def json_ld(request, data):
    """`data` as a JSON-LD script, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_IN_HTML)
    nonce = csp_nonce_attribute(request)
    return mark_safe(f'<script type="application/ld+json"{nonce}>{text}</script>')  # noqa: S308 (escaped above)


@register.simple_tag(takes_context=True)
def organization_ld(context):
    """The department as a GovernmentOrganization (schema.org), for the home page."""
    site_settings = context["settings"]["home"]["SiteSettings"]
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": site_settings.department_full_name,
        "url": site_address(request, "/"),
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": site_settings.parent_authority,
        },
    }
    for key, value in (
        ("address", site_settings.address),
        ("telephone", site_settings.phone),
        ("faxNumber", site_settings.fax),
        ("email", site_settings.email),
    ):
        if value:
            data[key] = value
    return json_ld(request, data)
