"""What every reader's page shows around its content and only editors change: the header menu,
the department's details, the newest articles, which pages are private. Read each time, they
were six of an article's nineteen queries.

They are kept in the shared cache under the current *generation*, and any change that may alter
them starts a new one: a page saved, published, unpublished, moved or deleted, a view
restriction, the site settings, a site. A value is stored under the generation read before it
was computed, so a request that read the database before a change cannot file its answer under
the generation after it. The generation moves both at the change and again when its transaction
commits (a request in between may have read the old rows). KEEP_SECONDS bounds how long a change
missed by the cache (an outage at that moment) can show."""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "site-frame-generation"
KEEP_SECONDS = 600


def remembered(name, compute):
    """`compute()`, or its value from the cache for the current generation."""
    generation = cache.get(GENERATION_KEY, 0)
    key = f"site-frame:{generation}:{name}"
    kept = cache.get(key)  # a 1-tuple, so that None is an answer too
    if kept is None:
        kept = (compute(),)
        cache.set(key, kept, KEEP_SECONDS)
    return kept[0]


def _new_generation():
    cache.set(GENERATION_KEY, time.time_ns(), None)


def frame_changed(**kwargs):
    _new_generation()
    transaction.on_commit(_new_generation)


def _page_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        frame_changed()


def connect_frame_changes():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(frame_changed, dispatch_uid=f"frame-changed-{signal!r}")
    for signal in (post_save, post_delete):
        # Any page type: pages made live by a direct save (imports, demo content) too.
        signal.connect(_page_saved_or_deleted, dispatch_uid=f"frame-page-{signal!r}")
        for model in (PageViewRestriction, Site, "home.SiteSettings"):
            signal.connect(frame_changed, sender=model, dispatch_uid=f"frame-{model}-{signal!r}")
