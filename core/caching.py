"""What caches may keep, and purging what a publish changes.

Anonymous readers are served from a front cache (deploy/varnish): their pages must be the same for
everybody and must not wait for it to expire when editors publish. So:

- `CacheHeadersMiddleware` marks a reader's page `public` (browsers keep it a minute, the front
  cache until it is purged, at most PAGE_CACHE_SECONDS), and anything personal `private`: a
  request with a session or CSRF cookie (editors, previews, password-protected pages, forms), or a
  response that sets a cookie, whatever the view said. Other responses that say for themselves
  (never-cached views, search results kept a minute) are left alone.
- What a change purges is registered in `core.invalidation`: on publish, unpublish, move (both
  addresses) and delete, the page's section listings and home page are purged with it (here:
  `purge_with_listings`), once the change is committed. The front cache takes a purged address
  to mean that path with or without its final slash and with any query string (listing pages,
  "Tin khác" pages), and an address ending in "*" as that page and everything below it. The
  "latest news" box on other pages is refreshed within PAGE_CACHE_SECONDS.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch

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


# Addresses other apps derive from a listing page (articles: its feeds), purged with it: callables
# taking a page and giving full URLs.
listing_address_providers = []


def provide_listing_addresses(addresses_of):
    """Purge `addresses_of(page)` with every listing page (from an app's `ready()`, which may run
    more than once: registered once)."""
    if addresses_of not in listing_address_providers:
        listing_address_providers.append(addresses_of)


def add_listings(batch, pages):
    batch.add_pages(pages)
    for page in pages:
        for addresses_of in listing_address_providers:
            batch.add_urls(addresses_of(page))


def purge_after_commit(batch):
    """Send `batch` once the change is committed. Sent before, a reader's request arriving in
    between would be served the old rows, and the front cache would keep them for
    PAGE_CACHE_SECONDS: publishing runs in a transaction (the workflow, bulk actions)."""
    held = _held_batch.get()
    if held is not None:
        held.add_urls(batch.urls)
        return
    transaction.on_commit(batch.purge)


_held_batch = ContextVar("purges held for one batch", default=None)


@contextmanager
def purges_batched():
    """Purges asked for within it are sent together, each address once, when it ends: for a
    bulk change (an import) whose thousands of saves would each purge the same addresses."""
    held = PurgeBatch()
    token = _held_batch.set(held)
    try:
        yield
    finally:
        _held_batch.reset(token)
        if held.urls:
            purge_after_commit(held)


def purge_addresses(urls):
    """Send these full addresses (one ending in "*" is that page and all below it) once the
    change is committed."""
    batch = PurgeBatch()
    batch.add_urls(urls)
    purge_after_commit(batch)


def purge_with_listings(page):
    batch = PurgeBatch()
    batch.add_page(page)
    add_listings(batch, listing_pages(page))
    purge_after_commit(batch)
