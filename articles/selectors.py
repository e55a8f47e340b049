"""Article listings, built so each costs a fixed number of queries however many articles exist."""

import hashlib
from functools import cached_property

from django.db.models import F, Func, Q, Subquery, Value, Window
from django.db.models.functions import Mod, RowNumber
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from core.frame_cache import remembered, with_addresses
from core.pagination import kept_window
from core.visibility import at_or_below, private_q, restricted_paths, site_pages

HOME_LEAD_COUNT = 5
HOME_SECTION_SIZE = 5
LATEST_SIZE = 6
# What a title-and-date list needs of a page, and nothing else.
TITLE_FIELDS = ("id", "title", "url_path", "published_on", "path", "depth")
# Newest first; the id settles articles of the same day.
SORT_KEY = (F("published_on").desc(), F("pk").desc())


def _with_renditions(queryset):
    """Lead images with all their renditions in one query: the templates ask for several sizes
    in three formats each, and none of them may cost a query per article."""
    return queryset.select_related("lead_image").prefetch_related("lead_image__renditions")


def _public_articles(paths=None):
    private = private_q(paths)
    return ArticlePage.objects.readable(private=private).order_by(*SORT_KEY)


# A section's count (`_count_in_section`) and its cuts for deep pages (which read every article)
# are kept in the frame cache until a page changes.
# Deep pages: with OFFSET the database reads every article before the page asked for (?page=5000
# of a 100,000-article section read 100,000). The sort key of every CUT_EVERY-th article is kept
# with the section's count; a page further down starts from the cut before it.
CUT_EVERY = 500


class CountedArticles:
    """A listing for the paginator whose length is already known: slicing reads one page.
    `cuts()` gives the sort keys at every CUT_EVERY-th position, for pages far down.
    `queryset` may be given as a function building it, called only when rows are read.
    With `kept_as`, the pages before the first cut are kept by the process for the frame's
    generation (`recently_remembered`): the rows readers ask for most, the same for all."""

    ordered = True

    def __init__(self, queryset, count, cuts=None, kept_as=None):
        self._queryset = queryset
        self._count = count
        self._cuts = cuts
        self._kept_as = kept_as

    @cached_property
    def queryset(self):
        return self._queryset() if callable(self._queryset) else self._queryset

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, window):
        start = window.start or 0
        if self._cuts is None or start < CUT_EVERY:
            return self._first_rows(window)
        return self._read(self.queryset, start, window.stop - start)

    def _first_rows(self, window):
        if self._kept_as is None:
            return self.queryset[window]
        return kept_window(self._kept_as, window, lambda rows: self.queryset[rows])

    def _read(self, queryset, start, length):
        """`queryset[start:start + length]`, from the last cut at or before `start`."""
        cuts = self._cuts()
        number = min(start // CUT_EVERY, len(cuts) - 1)
        published_on, pk = cuts[number]
        skipped = start - number * CUT_EVERY
        # "published_on <= cut" on its own, so that the date index starts the scan at the cut.
        from_cut = queryset.filter(published_on__lte=published_on).exclude(
            published_on=published_on, pk__gt=pk
        )
        return from_cut[skipped : skipped + length]


class OtherArticles(CountedArticles):
    """ "Tin khác": the section's listing less the article shown, its querysets built only when
    rows are read. The first pages are kept by the process for the frame's generation: every
    reader of the article asks for the same titles. Far down, it is read from the section's cuts
    with one row more, and the article dropped where it falls."""

    def __init__(self, siblings, article, count, cuts):
        super().__init__(
            lambda: self.siblings.exclude(pk=article.pk),
            count,
            cuts,
            kept_as=f"other-articles:{article.pk}",
        )
        self._siblings = siblings
        self.article = article

    @cached_property
    def siblings(self):
        return self._siblings()

    def __getitem__(self, window):
        start = window.start or 0
        if self._cuts is None or start < CUT_EVERY:
            return self._first_rows(window)
        length = window.stop - start
        rows = list(self._read(self.siblings, start, length + 1))
        if any(row.pk == self.article.pk for row in rows):
            rows = [row for row in rows if row.pk != self.article.pk]
        elif rows and (self.article.published_on, self.article.pk) > (
            rows[0].published_on,
            rows[0].pk,
        ):
            rows = rows[1:]  # it comes before this stretch: everything moves up by one
        return rows[:length]


def _cuts_of(articles):
    """(published_on, pk) of the articles at positions 0, CUT_EVERY, 2 × CUT_EVERY... of
    `articles` in their listing order: one pass in the database."""
    numbered = articles.annotate(
        position=Window(RowNumber(), order_by=SORT_KEY),
    ).annotate(from_cut=Mod(F("position") - 1, CUT_EVERY))
    return list(numbered.filter(from_cut=0).order_by(*SORT_KEY).values_list("published_on", "pk"))


def _count_of(pages):
    """`pages.count()` as a subquery."""
    counted = pages.order_by().annotate(number=Func(F("pk"), function="COUNT"))
    return Subquery(counted.values("number"))


def _count_in_section(section_path, depth, restricted):
    """How many readable articles the section at `section_path` lists, without reading them.

    Counting the listed articles reads every one of them (16-35 ms at 100,000, even from an
    index), whenever the frame cache is new. The page tree already knows how many children the
    section has (`numchild`, kept by every add, move and delete), and the articles it does not
    list are few: drafts, articles past their expiry, articles under a view restriction. Those
    are counted, the first two from an index of the pages not live or with an expiry (migration
    0008), and taken away. A news section holds articles only (`ArticleIndexPage.subpage_types`).
    """
    if any(section_path.startswith(path) for path in restricted):
        return 0
    children = Page.objects.filter(path__startswith=section_path, depth=depth)
    not_live_or_expiring = Q(live=False) | Q(expire_at__isnull=False)  # the index's condition
    unlisted = children.filter(not_live_or_expiring).filter(
        Q(live=False) | Q(expire_at__lte=timezone.now())
    )
    # Only a restriction on an article itself hides it; one further down hides nothing listed.
    child_length = len(section_path) + Page.steplen
    private = [
        path for path in restricted if path.startswith(section_path) and len(path) == child_length
    ]
    # Of those, the ones the listing would show but for their own restriction.
    hidden = site_pages().filter(path__in=private).readable(private=at_or_below(()))
    section = Page.objects.filter(path=section_path).annotate(
        unlisted=_count_of(unlisted), hidden=_count_of(hidden) if private else Value(0)
    )
    numbers = section.values_list("numchild", "unlisted", "hidden").first()
    return numbers[0] - numbers[1] - numbers[2] if numbers else 0


def _section_count(section_path, depth, restricted):
    """How many readable articles the section at `section_path` lists, kept with the frame."""
    return _section_kept(
        section_path, "count", lambda: _count_in_section(section_path, depth, restricted)
    )


def _section_kept(section_path, what, compute, tag=None):
    """`compute()` for the section's articles (their number, their cuts), kept with the frame:
    any page saved, published, unpublished, moved or deleted, or a view restriction, starts a new
    generation (core/frame_cache.py)."""
    return remembered(f"section-articles-{what}:{section_path}:{_tag_key(tag)}", compute)


def _tag_key(tag):
    return hashlib.sha256((tag or "").encode()).hexdigest()[:16]


def article_list(*, index, tag=None):
    restricted = restricted_paths()
    articles = _public_articles(restricted).child_of(index).defer_streamfields()
    if tag:
        articles = articles.filter(tags__name__iexact=tag)
        count = _section_kept(index.path, "count", articles.count, tag)
    else:
        count = _section_count(index.path, index.depth + 1, restricted)
    return CountedArticles(
        _with_renditions(articles),
        count,
        cuts=lambda: _section_kept(index.path, "cuts", lambda: _cuts_of(articles), tag),
        kept_as=f"section-rows:{index.path}:{_tag_key(tag)}",
    )


def other_articles(article):
    """ "Tin khác": the other articles of the same section, titles and dates only."""
    restricted = restricted_paths()
    section_path = article.path[: -Page.steplen]
    listed = _section_count(section_path, article.depth, restricted)

    def siblings():
        return _public_articles(restricted).sibling_of(article)

    def titles():
        return siblings().only(*TITLE_FIELDS)

    def cuts():
        return _section_kept(section_path, "cuts", lambda: _cuts_of(siblings()))

    # The section lists this article too when readers can see it there.
    private = any(article.path.startswith(path) for path in restricted)
    if article.live and not private:
        return OtherArticles(titles, article, max(listed - 1, 0), cuts)
    return CountedArticles(titles, listed, cuts)


FEED_SIZE = 20


def feed_articles(section=None):
    """The newest articles of `section`, or of the whole site, for its feeds."""
    articles = _public_articles().defer_streamfields()
    if section is not None:
        articles = articles.child_of(section)
    return list(articles[:FEED_SIZE])


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
        .readable(private=private_q(restricted))
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
