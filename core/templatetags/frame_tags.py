"""`{% frame_html "name" [vary …] %}…{% endframe_html %}`: a stretch of a template drawn once
per frame generation, site and language, and `{% frame_hole "kind" arg %}`: what differs per page
inside it (core/frame_html.py)."""

from django import template
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from core.frame_html import hole, kept_html

register = template.Library()


class FrameHtmlNode(template.Node):
    def __init__(self, name, vary, nodelist):
        self.name = name
        self.vary = vary
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        # Previews and saved copies are drawn for one person and never kept.
        if request is None or getattr(request, "is_preview", False) or context.get("saved_copy"):
            return self.nodelist.render(context)
        site = Site.find_for_request(request)
        parts = [
            self.name.resolve(context),
            str(site.pk if site else ""),
            translation.get_language() or "",
            *(str(value.resolve(context)) for value in self.vary),
        ]
        return mark_safe(  # noqa: S308 (drawn by our templates, holes filled escaped)
            kept_html(":".join(parts), lambda: self.nodelist.render(context), context)
        )


@register.tag("frame_html")
def frame_html(parser, token):
    name, *vary = (parser.compile_filter(bit) for bit in token.split_contents()[1:])
    nodelist = parser.parse(("endframe_html",))
    parser.delete_first_token()
    return FrameHtmlNode(name, vary, nodelist)


@register.simple_tag(takes_context=True)
def frame_hole(context, kind, argument=""):
    return mark_safe(hole(kind, argument, context))  # noqa: S308 (the fillers escape)
