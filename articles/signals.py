"""Keep the cached article counts of section listings true: any change to which articles a
section shows forgets its counts (`articles.selectors.section_changed`)."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticlePage
from articles.selectors import section_changed


def _section_path(page):
    return page.path[: -Page.steplen]


def _changed(instance, **kwargs):
    section_changed(_section_path(instance))


def _moved(instance, parent_page_before, parent_page_after, **kwargs):
    section_changed(parent_page_before.path)
    section_changed(parent_page_after.path)


def _restriction_changed(instance, **kwargs):
    # A section made private, or one article in it: both counts may change.
    section_changed(instance.page.path)
    section_changed(_section_path(instance.page))


def connect_listing_counts():
    # Publishing goes through the workflow or scheduled publishing; pages made live directly
    # (imports, the demo content) are saved live: each of these is a change.
    for signal in (page_published, page_unpublished, post_save, pre_delete):
        signal.connect(_changed, sender=ArticlePage, dispatch_uid=f"section-count-{signal!r}")
    post_page_move.connect(_moved, sender=ArticlePage, dispatch_uid="section-count-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"section-count-restriction-{signal is post_save}",
        )
