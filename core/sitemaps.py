"""sitemap.xml and robots.txt for search engines, and the site map for readers.

Wagtail's own sitemap loads every page as its specific type and asks each for its address: at
100,000 articles, 200,000 objects for one request. Ours reads four columns of the readable pages
(live, public, unexpired, of the site in every language: `core.visibility.readable_pages`) and
builds each address from the page's path below its language's home, in pages of PAGE_SIZE
addresses under an index."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Site

from core.visibility import address_below, site_homes, site_pages

PAGE_SIZE = 10_000
SECTION = "trang"


class ReadablePagesSitemap(Sitemap):
    limit = PAGE_SIZE

    def __init__(self, site):
        self.site = site
        self.homes = site_homes(site)

    def items(self):
        return (
            site_pages()
            .readable(self.site)
            .order_by("path")
            .only("id", "path", "url_path", "last_published_at")
        )

    def location(self, page):
        return address_below(self.homes, page)

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        # Django's own reads every item to find the newest date.
        return self.items().aggregate(newest=Max("last_published_at"))["newest"]


def _sitemaps(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return {SECTION: ReadablePagesSitemap(site)}


@require_GET
def sitemap_index(request):
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="sitemap_section")


@require_GET
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Result pages are endless variations of the same pages; the pages themselves are in
        # the sitemap.
        "Disallow: /tim-kiem/",
        "Disallow: /thong-ke/",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def site_map(request):
    """The HTML site map ("Sơ đồ cổng", linked from every page's footer) for readers; its tree
    comes from the frame cache (template tag `site_map`)."""
    if Site.find_for_request(request) is None:
        raise Http404
    return TemplateResponse(request, "site_map.html", {})


def site_map_address(page):
    """The site map lists every section: it leaves the front cache with the home page, in the
    home page's language (/so-do-cong/, /en/so-do-cong/)."""
    if page.depth != 2:
        return []
    site = page.get_site()
    if site is None:
        return []
    with translation.override(page.locale.language_code):
        return [f"{site.root_url}{reverse('site_map')}"]
