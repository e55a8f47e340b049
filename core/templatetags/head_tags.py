"""What the head of a page tells browsers, search engines and social networks. Each page type
answers for itself (`core.pages.SitePage`): its description, social image, dates and schema.org
fields; these tags only put the answers in place."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import saving
from core.frame_html import refuse_while_drawing
from core.pages import SitePage, site_address
from core.site_settings import site_settings_for

register = template.Library()

# Wide lead images shared on social networks: the size Facebook and Zalo show best.
SOCIAL_IMAGE_FILTER = "fill-1200x630-c100|format-jpeg"
_JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.simple_tag(takes_context=True)
def site_url(context):
    """The site's own address, e.g. for a saved copy's <base>: its images and links then open."""
    return site_address(context["request"], "/")


def csp_nonce_attribute(request):
    """` nonce="…"` for an inline script or style: the Content-Security-Policy refuses one
    without it. Never inside a stretch every reader shares (`{% frame_html %}`)."""
    refuse_while_drawing("a CSP nonce")
    nonce = getattr(request, "csp_nonce", None)  # lazy: made on first use, then in the header
    return "" if nonce is None else format_html(' nonce="{}"', str(nonce))


@register.simple_tag(takes_context=True)
def saved_copy_style(context):
    nonce = csp_nonce_attribute(context["request"])
    return mark_safe(f"<style{nonce}>{saving.saved_stylesheet()}</style>")  # noqa: S308 (our own static file)


def _description(page, request):
    """The page's own description, else the department's line."""
    text = page.description() if isinstance(page, SitePage) else ""
    return text or f"Cổng thông tin điện tử {site_settings_for(request).department_full_name}"


@register.simple_tag(takes_context=True)
def page_description(context, page):
    return _description(page, context["request"])


@register.simple_tag(takes_context=True)
def page_meta(context, page):
    """What the head tells search engines and social networks of `page`: its description,
    canonical address (with the listing page number beyond the first), type (an article when
    the page has a publication date) and wide image. Worked out once per request: the head's
    tags and the JSON-LD both ask."""
    request = context["request"]
    known = getattr(request, "_page_meta", {})
    if page.pk not in known:
        known[page.pk] = _page_meta(request, page)
        request._page_meta = known
    return known[page.pk]


def _page_meta(request, page):
    canonical = page.get_full_url(request)
    listing_page = request.GET.get("page", "")
    if listing_page.isdigit() and int(listing_page) > 1:
        canonical += f"?page={int(listing_page)}"
    site_page = isinstance(page, SitePage)
    published_on = page.published_date() if site_page else None
    meta = {
        "title": page.seo_title or page.title,
        "description": _description(page, request),
        "canonical": canonical,
        "type": "article" if published_on else "website",
        "published_on": published_on,
        "image": None,
    }
    image = page.social_image() if site_page else None
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
        meta["image"] = {
            "url": site_address(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.description or page.title,
        }
    return meta


def json_ld(request, data):
    """`data` as a JSON-LD script, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_IN_HTML)
    nonce = csp_nonce_attribute(request)
    return mark_safe(f'<script type="application/ld+json"{nonce}>{text}</script>')  # noqa: S308 (escaped above)


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org description as JSON-LD, for page types that have one
    (`schema_type`)."""
    if not isinstance(page, SitePage) or page.schema_type is None:
        return ""
    request = context["request"]
    fields = page.schema_fields(request, page_meta(context, page), site_settings_for(request))
    return json_ld(request, {"@context": "https://schema.org", "@type": page.schema_type, **fields})
