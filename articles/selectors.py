"""Article listings, built so each costs a fixed number of queries however many articles exist."""

import hashlib
import time

from django.core.cache import cache
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from home.frame_cache import remembered, with_addresses
from home.visibility import private_q, restricted_paths

HOME_LEAD_COUNT = 5
HOME_SECTION_SIZE = 5
LATEST_SIZE = 6
# What a title-and-date list needs of a page, and nothing else.
TITLE_FIELDS = ("id", "title", "url_path", "published_on", "path", "depth")


def _with_renditions(queryset):
    """Lead images with all their renditions in one query: the templates ask for several sizes
    in three formats each, and none of them may cost a query per article."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")


def _public_articles(paths=None):
    private = private_q(paths)
    return ArticlePage.objects.live().exclude(private).order_by("-published_on", "-pk")


# Counting a section's articles reads all of them (35 ms at 100,000); the count is kept until an
# article of the section is published, unpublished, moved or deleted, or for this long.
SECTION_COUNT_SECONDS = 600


class CountedArticles:
    """A listing for the paginator whose length is already known: slicing reads one page."""

    ordered = True

    def __init__(self, queryset, count):
        self.queryset = queryset
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, window):
        return self.queryset[window]


def _generation_key(section_path):
    return f"section-articles-generation:{section_path}"


def section_changed(section_path):
    """Forget the cached counts of the section at `section_path` (its articles changed)."""
    cache.set(_generation_key(section_path), time.time_ns(), None)


def _section_count(section_path, count_articles, tag=None):
    """The number of articles the section lists, from the cache or `count_articles()`."""
    generation = cache.get(_generation_key(section_path), 0)
    tag_part = hashlib.sha256((tag or "").encode()).hexdigest()[:16]
    key = f"section-articles:{section_path}:{generation}:{tag_part}"
    count = cache.get(key)
    if count is None:
        count = count_articles()
        cache.set(key, count, SECTION_COUNT_SECONDS)
    return count


def article_list(*, index, tag=None):
    articles = _public_articles().child_of(index).defer_streamfields()
    if tag:
        articles = articles.filter(tags__name__iexact=tag)
    count = _section_count(index.path, articles.count, tag)
    return CountedArticles(_with_renditions(articles), count)


def other_articles(article):
    """ "Tin khác": the other articles of the same section, titles and dates only."""
    restricted = restricted_paths()
    siblings = _public_articles(restricted).sibling_of(article)
    others = siblings.exclude(pk=article.pk).only(*TITLE_FIELDS)
    listed = _section_count(article.path[: -Page.steplen], siblings.count)
    # The section's count includes this article when readers can see it there.
    private = any(article.path.startswith(path) for path in restricted)
    shown_there = article.live and not private
    return CountedArticles(others, max(listed - 1, 0) if shown_there else listed)


def latest_articles(limit=LATEST_SIZE):
    """ "Thông tin mới nhất": the newest articles site-wide."""
    return remembered(
        f"latest-articles:{limit}",
        lambda: with_addresses(list(_public_articles().only(*TITLE_FIELDS)[:limit])),
    )


def home_news(home):
    """The home page's news: the lead stories (chosen by editors, else the newest with a photo)
    and one column of the newest titles per section, from the frame cache (a short query per
    section when it is cold)."""
    featured_ids = list(home.featured_articles.values_list("article_id", flat=True))
    leads = _with_renditions(_public_articles().defer_streamfields())
    if featured_ids:
        by_id = {article.pk: article for article in leads.filter(pk__in=featured_ids)}
        leads = [by_id[pk] for pk in featured_ids if pk in by_id]
    else:
        leads = list(leads.exclude(lead_image=None)[:HOME_LEAD_COUNT])
    columns = remembered(f"home-columns:{home.pk}", lambda: _section_columns(home))
    return {"leads": leads, "columns": columns}


def _section_columns(home):
    """Each news section under `home` with its newest titles: one short query per section, each
    reading a few rows along the date index (a single ranked query over every article took
    136 ms at 100,000)."""
    restricted = restricted_paths()
    sections = list(
        ArticleIndexPage.objects.child_of(home)
        .live()
        .exclude(private_q(restricted))
        .order_by("path")
    )
    return [
        (
            section,
            with_addresses(
                list(
                    _public_articles(restricted)
                    .child_of(section)
                    .only(*TITLE_FIELDS)[:HOME_SECTION_SIZE]
                )
            ),
        )
        for section in with_addresses(sections)
    ]
