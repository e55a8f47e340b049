"""The frame's HTML, drawn once per generation instead of on every page.

The header, the menu, the footer and the side boxes show the same thing on every page of a site
and language until an editor changes something (`core.frame_cache`). Drawing them with Django's
templates cost an article about a third of its time, so a template marks such a stretch with
`{% frame_html "name" %}…{% endframe_html %}` (`core.templatetags.frame_tags`): its HTML is kept
under the frame's generation, the site and the language, and reused by every page.

What differs from page to page inside such a stretch is a *hole*, `{% frame_hole "kind" arg %}`:
kept as a marker, it is filled for each request by the kind's function below (the menu item of
the section shown, the page's versions in other languages, the words searched for). Nothing
else of a request may be drawn inside: a nonce asked for while drawing is refused
(`refuse_while_drawing`), since a kept nonce would be every reader's.

Markers are NUL characters around the hole's kind and argument: no text an editor can enter holds
one (Django's forms refuse them, PostgreSQL cannot store them)."""

import contextvars
import re

from django.utils.html import escape, format_html_join

from core.frame_cache import remembered

MARK = "\x00"
_HOLE = re.compile(f"{MARK}([a-z_]+):([^{MARK}]*){MARK}")

# Set while a stretch is drawn to be kept.
_drawing = contextvars.ContextVar("frame_html_drawing", default=False)

_hole_fillers = {}


def hole_filler(kind):
    """Registers `function(context, argument) -> str` (safe HTML) as what fills holes of `kind`."""

    def register(function):
        _hole_fillers[kind] = function
        return function

    return register


class DrawnPerRequest(Exception):
    """Something of one request was asked for inside a stretch that every request shares."""


def refuse_while_drawing(what):
    if _drawing.get():
        raise DrawnPerRequest(f"{what} inside {{% frame_html %}}: it would be every reader's")


def hole(kind, argument, context):
    """The hole's marker while drawing a kept stretch; else its content straight away."""
    if _drawing.get():
        return f"{MARK}{kind}:{argument}{MARK}"
    return _hole_fillers[kind](context, str(argument))


def fill_holes(html, context):
    if MARK not in html:
        return html
    return _HOLE.sub(lambda match: _hole_fillers[match[1]](context, match[2]), html)


def kept_html(key, draw, context):
    """The stretch's HTML for this request: drawn by `draw()` once per generation under `key`,
    its holes filled for this request."""

    def draw_with_holes():
        token = _drawing.set(True)
        try:
            html = draw()
        finally:
            _drawing.reset(token)
        if "csrfmiddlewaretoken" in html:
            raise DrawnPerRequest("a form's CSRF token inside {% frame_html %}")
        return html

    return fill_holes(remembered(f"html:{key}", draw_with_holes), context)


def _page(context):
    return context.get("page")


@hole_filler("branch")
def _branch_class(context, path):
    """The menu item of the section the page shown is in."""
    page_path = getattr(_page(context), "path", "")
    return " is-active" if page_path and page_path.startswith(path) else ""


@hole_filler("current_class")
def _current_class(context, pk):
    return " is-active" if str(getattr(_page(context), "pk", "")) == pk else ""


@hole_filler("current")
def _aria_current(context, pk):
    return ' aria-current="page"' if str(getattr(_page(context), "pk", "")) == pk else ""


@hole_filler("search_query")
def _search_query(context, _argument):
    return escape(context.get("search_query") or "")


@hole_filler("language_versions")
def _language_versions(context, _argument):
    """The header's links to the page shown in the site's other languages."""
    from core.templatetags.menu_tags import language_versions

    return format_html_join(
        "",
        '<a class="topbar__language" href="{}" lang="{}" hreflang="{}">{}</a>',
        (
            (version["url"], version["code"], version["code"], version["name"])
            for version in language_versions(context)
        ),
    )
