"""What caches may keep, and purging what a publish changes.

Anonymous readers are served from a front cache (deploy/varnish): their pages must be the same for
everybody and must not wait for it to expire when editors publish. So:

- `CacheHeadersMiddleware` marks a reader's page `public` (browsers keep it a minute, the front
  cache until it is purged, at most PAGE_CACHE_SECONDS), and anything personal `private`: a
  request with a session or CSRF cookie (editors, previews, password-protected pages, forms), or a
  response that sets a cookie, whatever the view said. Other responses that say for themselves
  (never-cached views, search results kept a minute) are left alone.
- On publish, unpublish, move and delete, the page's section listings and home page are purged
  with it (Wagtail's front-cache app purges the page's own address on publish and unpublish, its
  redirects app the old address of a moved page); a view restriction added or removed purges
  the page's whole branch and its listings. The front cache takes a purged address to mean that
  path with or without its final slash and with any query string (listing pages, "Tin khác"
  pages). The "latest news" box on other pages is refreshed within PAGE_CACHE_SECONDS.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

BROWSER_CACHE_SECONDS = 60
PAGE_CACHE_SECONDS = 600
NOT_FOUND_CACHE_SECONDS = 60
_PUBLIC_STATUSES = {200: PAGE_CACHE_SECONDS, 301: PAGE_CACHE_SECONDS, 404: NOT_FOUND_CACHE_SECONDS}


def _is_personal(request, response):
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or settings.CSRF_COOKIE_NAME in cookies
        or bool(response.cookies)
    )


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        if _is_personal(request, response):
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in _PUBLIC_STATUSES and not response.has_header("Cache-Control"):
            shared_seconds = _PUBLIC_STATUSES[response.status_code]
            patch_cache_control(
                response,
                public=True,
                max_age=min(BROWSER_CACHE_SECONDS, shared_seconds),
                s_maxage=shared_seconds,
            )
        return response


def listing_pages(page):
    """The pages that list or feature `page`: its ancestors below the tree's root (its section
    listings, the home page)."""
    return list(page.get_ancestors().filter(depth__gt=1).specific())


def purge_listings(page, *, with_page=False):
    batch = PurgeBatch()
    batch.add_pages(listing_pages(page))
    if with_page:
        batch.add_page(page)
    batch.purge()


def _published_or_unpublished(instance, **kwargs):
    purge_listings(instance)  # Wagtail's own handler purges the page's address


def _moved(instance, parent_page_before, **kwargs):
    # The old address is purged by Wagtail's redirects app, which redirects it to the new one.
    if not instance.live:
        return
    batch = PurgeBatch()
    batch.add_pages([instance, *listing_pages(instance)])
    batch.add_pages([*listing_pages(parent_page_before), parent_page_before])
    batch.purge()


def _deleted(instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge_listings(instance, with_page=True)


def _restriction_changed(instance, **kwargs):
    # Made private or public again: the page and its whole branch change, and the listings that
    # showed (or will show) it. Not when the page itself is being deleted (purged above).
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None or page.depth < 2:
        return
    url = page.get_full_url()
    if url is None:
        return
    batch = PurgeBatch()
    batch.add_url(url + "*")
    batch.add_pages(listing_pages(page))
    batch.purge()


def connect_purges():
    page_published.connect(_published_or_unpublished, dispatch_uid="purge-listings-published")
    page_unpublished.connect(_published_or_unpublished, dispatch_uid="purge-listings-unpublished")
    post_page_move.connect(_moved, dispatch_uid="purge-moved-page")
    pre_delete.connect(_deleted, dispatch_uid="purge-deleted-page")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"purge-restricted-branch-{signal is post_save}",
        )
