"""Addresses the site's own views answer before Wagtail's pages (site search, the site map, open
data, feeds, sitemaps...): a page under a home page whose slug is one of them could never be
reached, so editors are told when they choose it."""

from functools import cache

from django import forms
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# The depth of a page directly under a site's home (the tree's root is 1, a home 2).
TOP_LEVEL_DEPTH = 3


@cache
def reserved_slugs():
    """The first path segment of every address routed before the pages (from the URL conf)."""
    return frozenset(_first_segments(get_resolver().url_patterns))


def _first_segments(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            # Under the language's prefix: the views routed before the pages, not the pages.
            yield from _first_segments(
                [inner for inner in pattern.url_patterns if str(inner.pattern) not in ("", "^")]
            )
            continue
        route = str(pattern.pattern)
        if route in ("", "^"):
            if isinstance(pattern, URLResolver):
                yield from _first_segments(pattern.url_patterns)
            continue
        segment = route.lstrip("^").split("/")[0]
        if segment and "<" not in segment and "(" not in segment:
            yield segment


def reserved_slug_message(slug):
    return _(
        "Địa chỉ /%(slug)s/ đã dành cho một chức năng của cổng (tìm kiếm, sơ đồ cổng, dữ liệu "
        "mở...): trang này sẽ không mở được. Hãy chọn địa chỉ khác."
    ) % {"slug": slug}


class ReservedSlugFormMixin:
    """For the admin's page forms: a top-level page may not take a reserved address."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        parent = getattr(self, "parent_page", None)
        if slug in reserved_slugs() and parent is not None:
            if parent.depth + 1 == TOP_LEVEL_DEPTH:
                self.add_error("slug", forms.ValidationError(reserved_slug_message(slug)))
        return cleaned_data


class SitePageForm(ReservedSlugFormMixin, WagtailAdminPageForm):
    pass
