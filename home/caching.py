"""What caches may keep, and purging what a publish changes.

Anonymous readers are served from a front cache (deploy/varnish): their pages must be the same for
everybody and must not wait for it to expire when editors publish. So:

- `CacheHeadersMiddleware` marks a reader's page `public` (browsers keep it a minute, the front
  cache until it is purged, at most PAGE_CACHE_SECONDS), and anything personal `private`: a
  request with a session or CSRF cookie (editors, previews, password-protected pages, forms), or a
  response that sets a cookie, whatever the view said. Other responses that say for themselves
  (never-cached views, search results kept a minute) are left alone.
- On publish, unpublish, move (both addresses) and delete, the page's section listings and home
  page are purged with it, once the change is committed; a view restriction added or removed
  purges the page's whole branch and its listings. The front cache takes a purged address to
  mean that path with or without its final slash and with any query string (listing pages, "Tin
  khác" pages). The "latest news" box on other pages is refreshed within PAGE_CACHE_SECONDS.
"""

import copy

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purges
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, get_page_models
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


# Addresses other apps derive from a listing page (articles: its feeds), purged with it: callables
# taking a page and giving full URLs.
listing_address_providers = []


def _add_listings(batch, pages):
    batch.add_pages(pages)
    for page in pages:
        for addresses_of in listing_address_providers:
            batch.add_urls(addresses_of(page))


def _purge_after_commit(batch):
    """Send `batch` once the change is committed. Sent before, a reader's request arriving in
    between would be served the old rows, and the front cache would keep them for
    PAGE_CACHE_SECONDS: publishing runs in a transaction (the workflow, bulk actions)."""
    transaction.on_commit(batch.purge)


def purge_with_listings(page):
    batch = PurgeBatch()
    batch.add_page(page)
    _add_listings(batch, listing_pages(page))
    _purge_after_commit(batch)


def _published_or_unpublished(instance, **kwargs):
    purge_with_listings(instance)


def _moved(instance, parent_page_before, url_path_before, **kwargs):
    if not instance.live:
        return
    at_old_address = copy.copy(instance)  # the old address, which now redirects to the new one
    at_old_address.url_path = url_path_before
    batch = PurgeBatch()
    batch.add_pages([instance, at_old_address])
    _add_listings(batch, listing_pages(instance))
    _add_listings(batch, [*listing_pages(parent_page_before), parent_page_before])
    _purge_after_commit(batch)


def _deleted(instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge_with_listings(instance)  # the addresses are worked out now, while it exists


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
    _add_listings(batch, listing_pages(page))
    _purge_after_commit(batch)


def connect_purges():
    # Wagtail's front-cache app purges a published page at once, inside the transaction; ours
    # purges it with its listings after the commit.
    for model in get_page_models():
        page_published.disconnect(wagtail_purges.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_purges.page_unpublished_signal_handler, sender=model)
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
