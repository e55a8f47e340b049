"""What a change invalidates: one registry, read by one set of signal receivers.

Readers get pages through two caches: the frame cache (`core.frame_cache`: the menus, the
department's details, the newest lists, which pages are private, the site's homes) and the front
cache (Varnish, `core.caching`). A model whose change readers must see registers once, from its
app's `ready()`:

    invalidation.register("home.SiteSettings", frame=True, purge=invalidation.whole_site)

`frame=True`: its save or delete starts a new frame generation. `purge`: a function of the
changed object giving the full addresses that leave the front cache (an address ending in "*" is
that page and every page below it; `whole_site` bans every page of every site), sent once the
change is committed.

Pages are registered here for every page type: any save or delete starts a new frame generation
(pages made live by a direct save too: imports, demo content); a publish, unpublish, move or
delete purges the page with its section listings and home page (`core.caching`), a view
restriction the page's whole branch with its listings.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purges
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.caching import (
    add_listings,
    listing_pages,
    purge_addresses,
    purge_after_commit,
    purge_with_listings,
)
from core.frame_cache import frame_changed
from core.frame_warming import warm_after_commit


@dataclass(frozen=True)
class Invalidation:
    frame: bool
    purge: Callable | None  # instance -> full addresses


_registry = {}  # model label ("home.SiteSettings") -> [Invalidation], one per app that asks


def register(model, *, frame=False, purge=None):
    """Register what a change of `model` (a class or an "app.Model" label) invalidates. Several
    apps may register for one model (documents: the library's pages, the open data); the same
    registration twice counts once."""
    label = model if isinstance(model, str) else model._meta.label
    invalidation = Invalidation(frame=frame, purge=purge)
    registered = _registry.setdefault(label, [])
    if invalidation not in registered:
        registered.append(invalidation)


def whole_site(instance):
    """Every page of every site: for what the frame shows on all of them (the footer's details
    and links) or what page bodies may show anywhere (the staff directory)."""
    return [f"{site.root_url}/*" for site in Site.objects.all()]


def restricted_branch(restriction):
    """A page made private or public again: it and its whole branch, and the listings that
    showed (or will show) it. Nothing when the page itself is being deleted (its own purge)."""
    page = Page.objects.filter(pk=restriction.page_id).first()
    if page is None or page.depth < 2:
        return []
    url = page.get_full_url()
    if url is None:
        return []
    batch = PurgeBatch()
    add_listings(batch, listing_pages(page))
    return [url + "*", *batch.urls]


# Filled in by Wagtail the first time an image or document is shown (its size, its hash): the
# page drawn then already shows the value, so nothing kept is out of date.
_FILLED_IN_WHEN_SHOWN = {"file_size", "file_hash"}


def _model_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    invalidations = _registry.get(sender._meta.label)
    # Not for the historical models of a data migration (same label, another class) nor for
    # rows loaded from a fixture: the schema may not be the current one yet.
    if not invalidations or raw or sender is not apps.get_model(sender._meta.label):
        return
    if update_fields and set(update_fields) <= _FILLED_IN_WHEN_SHOWN:
        return
    if any(invalidation.frame for invalidation in invalidations):
        frame_changed()
        warm_after_commit()
    urls = [
        url
        for invalidation in invalidations
        if invalidation.purge is not None
        for url in invalidation.purge(instance)
    ]
    if urls:
        purge_addresses(urls)


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        frame_changed()


def _page_published_or_unpublished(instance, **kwargs):
    frame_changed()
    warm_after_commit(instance)
    purge_with_listings(instance)


def _page_moved(instance, parent_page_before, url_path_before, **kwargs):
    frame_changed()
    warm_after_commit(instance)
    if not instance.live:
        return
    at_old_address = copy.copy(instance)  # the old address, which now redirects to the new one
    at_old_address.url_path = url_path_before
    batch = PurgeBatch()
    batch.add_pages([instance, at_old_address])
    add_listings(batch, listing_pages(instance))
    add_listings(batch, [*listing_pages(parent_page_before), parent_page_before])
    purge_after_commit(batch)


def _page_deleted(instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge_with_listings(instance)  # the addresses are worked out now, while it exists
        warm_after_commit()


register(PageViewRestriction, frame=True, purge=restricted_branch)
register(Site, frame=True, purge=whole_site)


def connect_invalidation():
    # Wagtail's front-cache app purges a published page at once, inside the transaction; ours
    # purges it with its listings after the commit.
    for model in get_page_models():
        page_published.disconnect(wagtail_purges.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_purges.page_unpublished_signal_handler, sender=model)
    page_published.connect(_page_published_or_unpublished, dispatch_uid="invalidate-published")
    page_unpublished.connect(_page_published_or_unpublished, dispatch_uid="invalidate-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="invalidate-moved-page")
    pre_delete.connect(_page_deleted, dispatch_uid="invalidate-deleted-page")
    post_save.connect(_page_saved_or_deleted, dispatch_uid="invalidate-frame-page-saved")
    post_delete.connect(_page_saved_or_deleted, dispatch_uid="invalidate-frame-page-deleted")
    # Registered models are looked up when the signal comes: apps register in their own
    # `ready()`, which may run after this one.
    post_save.connect(_model_changed, dispatch_uid="invalidate-registered-saved")
    post_delete.connect(_model_changed, dispatch_uid="invalidate-registered-deleted")
