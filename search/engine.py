"""Site search over Wagtail's search index: Vietnamese-aware matching, exact forms first.

Wagtail keeps the index (`wagtailsearch_indexentry`: a title, a body and an autocomplete column
per page or document) up to date on publish; this module only reads it. Each hit has a small
relevance score:

    4  the query matches exactly as typed (title or body)
    2  the folded query matches the title
    1  the exact query matches the title

then the newest first. Readers only ever see the first few hits, so no query ranks every match:
a common word matches most of 100,000 pages, and scoring them all took a second. Instead:

- counts stop at MAX_COUNTED ("hơn 1.000 kết quả"), taken from the first matching index entries;
- a kind with few matches has each of them scored;
- a kind with many matches is read tier by tier (`TierReader`): the seven-point hits newest
  first, then the six-point ones, and so on, each read stopping once a page is full.

The full-text conditions are in `search.matchers` (PostgreSQL's planner is steered where its
estimates fail for text), the tier by tier reading in `search.tiers`; the figures are in
bench/search.py's output and the notes beside each choice.
"""

import hashlib
import time
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from core.frame_cache import address_of, current_generation, recently_remembered, remembered
from core.visibility import private_q, site_pages
from search.matchers import matcher
from search.tiers import (
    EXACT,
    EXACT_MATCH,
    EXACT_TITLE,
    EXACT_TITLE_MATCH,
    FOLDED_TITLE,
    FOLDED_TITLE_MATCH,
    MATCHES,
    RELEVANCE_TIERS,
    SUGGESTION_TIERS,
    TierReader,
    entries_of,
)

# Counts are exact up to here; beyond it a reader sees "more than 1,000", can page through the
# first 1,000 hits and is asked to refine the query.
MAX_COUNTED = 1000
# A kind with at most this many matches has each one scored; more are read tier by tier.
SCORED_MATCHES = MAX_COUNTED
# A query's counts are shared by every process for this long whatever changes meanwhile: no longer
# than a front cache may keep a page of results (search/views.py), so readers see nothing older
# than they could already. Counting a common word is most of a search's cost; its hits are always
# read for the current generation.
COUNTS_KEEP_SECONDS = 60


@dataclass(frozen=True)
class Kind:
    """A kind of result. Pages of `page_models` (every other page type when empty) or documents;
    `date_field` is a date of the kind's own model that dates its hits, when it has one."""

    slug: str
    label: str
    page_models: tuple = ()
    documents: bool = False
    date_field: str = ""

    @property
    def plain_pages(self):
        """Pages dated by their first publication, all read alike (`SiteSearch._plain_pages`):
        several such kinds are counted and scored in one query."""
        return not self.documents and not self.date_field


ARTICLES = Kind("tin-tuc", _("Tin tức"), ("articles.ArticlePage",), date_field="published_on")
TASKS = Kind(
    "nhiem-vu", _("Chương trình, nhiệm vụ KH&CN"), ("programs.ProgramPage", "programs.TaskPage")
)
PROCEDURES = Kind("thu-tuc", _("Thủ tục hành chính"), ("procedures.ProcedurePage",))
QUESTIONS = Kind("hoi-dap", _("Hỏi đáp"), ("citizens.QuestionPage",))
DOCUMENTS = Kind("van-ban", _("Văn bản"), documents=True)
OTHER_PAGES = Kind("trang", _("Trang thông tin"))
KINDS = (ARTICLES, TASKS, PROCEDURES, QUESTIONS, DOCUMENTS, OTHER_PAGES)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


def _page_models(kind):
    """The page models of `kind`; every page model for None."""
    if kind is None:
        return get_page_models()
    if kind.page_models:
        return [apps.get_model(label) for label in kind.page_models]
    named = {apps.get_model(label) for other in KINDS for label in other.page_models}
    return [model for model in get_page_models() if model not in named]


def _content_type_ids(kind):
    return [ct.pk for ct in ContentType.objects.get_for_models(*_page_models(kind)).values()]


def _score(conditions):
    """The sum of the points of the conditions a row meets."""
    total = None
    for condition, points in conditions:
        part = Case(
            When(condition, then=Value(points)), default=Value(0), output_field=IntegerField()
        )
        total = part if total is None else total + part
    return total


@dataclass
class Hit:
    object: object
    kind: Kind
    url: str
    date: object
    score: int


class SiteSearch:
    """One reader's search: `terms` (a `QueryTerms`), optional kind and year, ordered by
    relevance or by date."""

    def __init__(self, terms, *, site, kind=None, year=None, order="relevance"):
        self.terms = terms
        self.site = site
        self.kind = kind
        self.year = year
        self.order = order
        self.matcher = matcher()
        self._kind_counts = None
        self._few_matches = {}  # kind slug -> ids of all its matching items, when few
        self._few_matches_read = False  # whether they were read again after counting
        self._visible = {}  # kind slug -> its visible items (reading view restrictions once)

    @cached_property
    def _private(self):
        return private_q()

    @cached_property
    def library(self):
        library_model = apps.get_model("home", "DocumentLibraryPage")
        return remembered(
            f"library-in:{self.site.pk}",
            lambda: library_model.objects.readable().in_site(self.site).first(),
        )

    def _reachable(self, kind):
        """Whether readers can reach items of `kind` (`_items` is not None), without building
        its query."""
        return not kind.documents or self.library is not None

    def _items(self, kind):
        """The visible items of `kind`, each with its `sort_date` and its index entry's columns;
        None when the kind has nothing readers can reach."""
        if kind.slug not in self._visible:
            self._visible[kind.slug] = self._visible_items(kind)
        return self._visible[kind.slug]

    def _visible_items(self, kind):
        if kind.documents:
            if self.library is None:
                return None  # without a library page, documents have no public address
            items = (
                get_document_model()
                .objects.readable()
                .annotate(sort_date=Coalesce("issued_on", TruncDate("created_at")))
            )
        elif kind.plain_pages:
            return self._plain_pages(_content_type_ids(kind))
        else:
            (model,) = _page_models(kind)
            items = model.objects.readable(self.site, self._private).annotate(
                sort_date=F(kind.date_field)
            )
        return self._with_entries(items)

    def _plain_pages(self, content_types):
        """Visible pages of `content_types`, dated by their first publication (kinds of pages
        without a date of their own)."""
        items = (
            site_pages()
            .readable(self.site, self._private)
            .filter(content_type_id__in=content_types)
            .annotate(sort_date=TruncDate("first_published_at"))
        )
        return self._with_entries(items)

    def _with_entries(self, items):
        if self.year:
            items = items.filter(sort_date__year=self.year)
        return self.matcher.with_entries(items)

    def _content_types(self, kind):
        if kind.documents:
            return [ContentType.objects.get_for_model(get_document_model()).pk]
        return _content_type_ids(kind)

    def _reader(self, kind, items):
        return TierReader(
            items.values_list("pk", "sort_date"),
            self._content_types(kind),
            # Plain descending order, which a date index serves; visible pages and documents
            # always have a date.
            ("-sort_date", "-pk"),
            terms=self.terms,
            matcher=self.matcher,
        )

    def _matching(self, kind):
        items = self._items(kind)
        if items is None:
            return None
        return items.filter(self.matcher.condition(MATCHES, self.terms, prefix="entry_"))

    def _kept(self, what, compute, *, shared=False):
        """`compute()` for this query (its words as read, the site, the year), kept by the process
        until the frame's generation moves (any page published, unpublished or restricted, any
        document changed: what the index and the counts read) among its recent searches: a
        query's tabs, its pages of results and its readers in the same minutes share one count.
        With `shared`, in the shared cache too, for every process."""
        return recently_remembered(f"search-{what}:{self._query_key}", compute, shared=shared)

    @cached_property
    def _query_key(self):
        """The query (its words as read, the site, the year) in a key of bounded length and
        plain characters, whatever the reader typed."""
        query = f"{self.site.pk}:{self.year or ''}:{self.terms}"
        return hashlib.sha256(query.encode()).hexdigest()

    def kind_counts(self):
        """Matches per kind (ignoring the kind filter), for the filter tabs; a count above
        MAX_COUNTED means "more than that"."""
        if self._kind_counts is None:
            self._kind_counts, few_matches = self._recent_counts()
            self._few_matches.update(few_matches)
        return self._kind_counts

    def _recent_counts(self):
        """(counts, the ids of each kind with few matches): as any process counted them in the
        last COUNTS_KEEP_SECONDS, or counted now. Counted before the latest change, only the
        kinds with more than MAX_COUNTED matches are taken as they were: a minute's changes do
        not bring a common word under it, while a page published since may be the one match of
        a rare word."""
        key = "site-search-counts:" + self._query_key
        generation = current_generation()  # read before counting: see core/frame_cache.py
        kept = cache.get(key)
        if kept is not None:
            counted_in, counted_at, counts, few_matches = kept
            if counted_in == generation:
                return counts, few_matches
            seconds_left = counted_at + COUNTS_KEEP_SECONDS - time.time()
            if seconds_left >= 1:
                counts = self._count_few_again(counts)
                few_matches = dict(self._few_matches)
                # For this generation, until the kinds kept as they were are a minute old.
                cache.set(key, (generation, counted_at, counts, few_matches), int(seconds_left))
                return counts, few_matches
        counts, few_matches = self._kept("counts", self._count_kinds)
        cache.set(key, (generation, time.time(), counts, few_matches), COUNTS_KEEP_SECONDS)
        return counts, few_matches

    def _count_few_again(self, counts):
        """`counts` with each kind of at most MAX_COUNTED matches counted now."""
        few_kinds = [kind for kind in KINDS if counts[kind.slug] <= MAX_COUNTED]
        with self.matcher.index_plans():
            counts = {**counts, **self._count_together(few_kinds)}
        self._few_matches_read = True
        return counts

    def _count_together(self, kinds):
        """{kind slug: visible matches} of `kinds`: their ids read in one probe (kept for the
        hits), the kinds of plain pages counted in one query, the others each on its own (their
        ids known). Each kind's own probe and count cost as much again, some 1-2 ms a query."""
        self._few_matches.update(self._matching_ids(kinds))
        plain = [kind for kind in kinds if kind.plain_pages and kind.slug in self._few_matches]
        counts = self._count_plain_pages(plain)
        counts.update({kind.slug: self._count(kind) for kind in kinds if kind not in plain})
        return counts

    def _probed_together(self):
        """Kinds whose index entries, all together, are few enough to be probed row by row in
        one read (`TierReader.ROW_WISE_ENTRIES`): every kind but the biggest, usually."""
        chosen, entries = [], 0
        for kind in KINDS:
            if not self._reachable(kind):
                continue
            kind_entries = entries_of(self._content_types(kind))
            if entries + kind_entries <= TierReader.ROW_WISE_ENTRIES:
                chosen.append(kind)
                entries += kind_entries
        return chosen

    def _kind_of_type(self, kinds):
        """{content type id: its kind} for `kinds`."""
        return {content_type: kind for kind in kinds for content_type in self._content_types(kind)}

    def _count_plain_pages(self, kinds):
        """{kind slug: visible matches} of kinds of plain pages whose matching ids are known."""
        kind_of_type = self._kind_of_type(kinds)
        counts = {kind.slug: 0 for kind in kinds}
        ids = [pk for kind in kinds for pk in self._few_matches[kind.slug]]
        if ids:
            per_type = (
                self._plain_pages(list(kind_of_type))
                .filter(pk__any_of=ids)
                .order_by()
                .values_list("content_type_id")
                .annotate(visible=Count("pk"))
            )
            for content_type, visible in per_type:
                counts[kind_of_type[content_type].slug] += visible
        return counts

    def _count_kinds(self):
        with self.matcher.index_plans():
            together = self._probed_together()
            counts = self._count_together(together)
            counts.update({kind.slug: self._count(kind) for kind in KINDS if kind not in together})
        return counts, dict(self._few_matches)

    def _few_ids(self, kind):
        """Ids of the matching entries of `kind`, which has few matches: as counted, or read
        again when counted before the latest change (for every such kind at once) or when the
        kind has more entries than visible matches. Read from the kind's entries (along the
        content type index for a small kind): joined to the whole index instead, a common word's
        matches in other kinds were read too (56 ms at 100,000 articles)."""
        if kind.slug not in self._few_matches and not self._few_matches_read:
            self._few_matches_read = True
            counts = self.kind_counts()
            unknown = [
                other
                for other in KINDS
                if counts[other.slug] <= SCORED_MATCHES and other.slug not in self._few_matches
            ]
            self._few_matches.update(self._matching_ids(unknown))
        few = self._few_matches.get(kind.slug)
        if few is None:
            few = self._reader(kind, self._items(kind)).probe((MATCHES,), SCORED_MATCHES + 1)
        return few

    def _relevance(self):
        """A hit's score: the points of the readings of the query its index entry meets."""
        return _score(
            [
                (self.matcher.condition(criterion, self.terms, prefix="entry_"), points)
                for criterion, points in (
                    (EXACT, EXACT_MATCH),
                    (FOLDED_TITLE, FOLDED_TITLE_MATCH),
                    (EXACT_TITLE, EXACT_TITLE_MATCH),
                )
            ]
        )

    def _matching_ids(self, kinds):
        """{kind slug: ids of its matching entries} for `kinds`, each expected to have few, in
        one read of the index; {} when there are more (each kind then reads its own)."""
        types = {kind.slug: self._content_types(kind) for kind in kinds if self._reachable(kind)}
        if not types:
            return {}
        reader = TierReader(
            None,
            [pk for kind_types in types.values() for pk in kind_types],
            (),
            terms=self.terms,
            matcher=self.matcher,
        )
        limit = (SCORED_MATCHES + 1) * len(types)
        found = reader.probe_by_type((MATCHES,), limit)
        if sum(len(ids) for ids in found.values()) >= limit:
            return {}
        matching = {
            slug: [pk for content_type in kind_types for pk in found.get(content_type, [])]
            for slug, kind_types in types.items()
        }
        return {slug: ids for slug, ids in matching.items() if len(ids) <= MAX_COUNTED}

    def _count(self, kind):
        """Visible matches of `kind`, counted up to MAX_COUNTED + 1. The full-text index gives
        the first matching entries' ids; when there are few, they are the matches (and are kept
        for scoring)."""
        items = self._items(kind)
        if items is None:
            return 0
        ids = self._few_matches.get(kind.slug)
        if ids is None:
            ids = self._reader(kind, items).probe((MATCHES,), MAX_COUNTED + 1)
        visible = items.filter(pk__any_of=ids).count()
        if len(ids) <= MAX_COUNTED:
            self._few_matches[kind.slug] = ids
            return visible
        if visible > MAX_COUNTED:
            return visible
        # Drafts, private pages or another site's pages among those entries: count properly.
        return self._matching(kind).order_by()[: MAX_COUNTED + 1].count()

    def matches(self):
        """Matches of the chosen kind (or all kinds); above MAX_COUNTED means "more"."""
        counts = self.kind_counts()
        if self.kind is None:
            return sum(counts.values())
        return counts[self.kind.slug]

    def count(self):
        """How many hits a reader can page through."""
        return min(self.matches(), MAX_COUNTED)

    def __len__(self):
        return self.count()

    def page_ids(self):
        """Every matching page's id, unordered (for checks and benchmarks; readers get pages)."""
        kinds = KINDS if self.kind is None else (self.kind,)
        ids = []
        for kind in kinds:
            if not kind.documents:
                ids += self._matching(kind).values_list("pk", flat=True)
        return ids

    def _top(self, kind, wanted):
        """The first `wanted` hits of `kind` in reading order, as (score, pk, date)."""
        items = self._items(kind)
        if items is None:
            return []
        reader = self._reader(kind, items)
        if self.order != "relevance":
            tiers = RELEVANCE_TIERS[-1:]
        elif self.kind_counts()[kind.slug] <= SCORED_MATCHES:
            # Few matches: scoring each costs less than reading tier by tier.
            few = self._few_ids(kind)
            matching = (
                items.filter(pk__any_of=few)
                if len(few) <= SCORED_MATCHES
                else items.filter(reader.condition([MATCHES]))
            )
            rows = matching.annotate(score=self._relevance())
            rows = rows.values_list("score", "pk", "sort_date")
            return list(rows.order_by("-score", *reader.ordering)[:wanted])
        else:
            tiers = RELEVANCE_TIERS
        return [(points, *row) for points, row in reader.read(tiers, wanted)]

    def __getitem__(self, window):
        """Hits for a slice of the ordered results (what a paginator asks for), kept: the same
        page of results for every reader of it."""
        kind = self.kind.slug if self.kind else ""
        name = f"{kind}:{self.order}:{window.start or 0}:{window.stop}"
        return self._kept(f"hits:{name}", lambda: self._hits(self._window_rows(name, window)))

    def _window_rows(self, name, window):
        """The rows of a slice of the ordered results, as (score, date, pk, kind slug). Those of
        the first page are kept in the shared cache as well: it is the page most readers see, and
        after a change core.frame_warming works it out again for the searches asked most, so
        that no reader of another process waits for the index to be read (four reads, 20-30 ms
        for a common word at 100,000 articles)."""
        return self._kept(
            f"rows:{name}",
            lambda: [
                (score, date, pk, kind.slug)
                for score, date, _position, pk, kind in self._rows(window)[window]
            ],
            shared=not window.start,
        )

    def _rows(self, window):
        """The first `window.stop` hits in reading order, as (score, date, -kind's position, pk,
        kind)."""
        kinds = KINDS if self.kind is None else (self.kind,)
        self.kind_counts()
        with self.matcher.index_plans():
            together = self._scored_together(kinds)
            rows = self._top_of_plain_pages(together, kinds, window.stop)
            rows += [
                (score, date, -position, pk, kind)
                for position, kind in enumerate(kinds)
                if kind not in together
                for score, pk, date in self._top(kind, window.stop)
            ]
        # Reading order across kinds: score, then date (undated last), then a fixed kind order.
        rows.sort(
            key=lambda row: (row[0], row[1] is not None, row[1], row[2], row[3]), reverse=True
        )
        return rows

    def _scored_together(self, kinds):
        """Kinds of plain pages, each with few matches, that one query scores together: each
        kind's own costs as much again (4-5 ms at 100,000 articles)."""
        if self.order != "relevance":
            return []
        counts = self.kind_counts()
        together = [
            kind
            for kind in kinds
            if kind.plain_pages
            and counts[kind.slug] <= SCORED_MATCHES
            and len(self._few_ids(kind)) <= SCORED_MATCHES
        ]
        return together if len(together) > 1 else []

    def _top_of_plain_pages(self, kinds, in_order, wanted):
        """`_top` for `kinds` (from `_scored_together`) at once, in reading order across them,
        as `_rows` gives them."""
        if not kinds:
            return []
        positions = {kind: position for position, kind in enumerate(in_order)}
        kind_of_type = self._kind_of_type(kinds)
        items = self._plain_pages(list(kind_of_type))
        # Kinds tie in the order `_rows` sorts them, so that the first `wanted` are the same.
        position = Case(
            *[
                When(content_type_id__in=self._content_types(kind), then=Value(-positions[kind]))
                for kind in kinds
            ],
            output_field=IntegerField(),
        )
        rows = (
            items.filter(pk__any_of=[pk for kind in kinds for pk in self._few_ids(kind)])
            .annotate(score=self._relevance(), kind_position=position)
            .values_list("score", "sort_date", "kind_position", "pk", "content_type_id")
            .order_by("-score", "-sort_date", "-kind_position", "-pk")
        )
        return [
            (score, date, kind_position, pk, kind_of_type[content_type])
            for score, date, kind_position, pk, content_type in rows[:wanted]
        ]

    def _hits(self, rows):
        rows = [(score, date, pk, KINDS_BY_SLUG[slug]) for score, date, pk, slug in rows]
        page_ids = [pk for *_, pk, kind in rows if not kind.documents]
        document_ids = [pk for *_, pk, kind in rows if kind.documents]
        pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
        documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
        hits = []
        for score, date, pk, kind in rows:
            if kind.documents:
                detail = self.library.reverse_subpage("document_detail", args=[pk])
                hits.append(Hit(documents[pk], kind, self.library.url + detail, date, score))
            else:
                hits.append(Hit(pages[pk], kind, address_of(pages[pk]), date, score))
        return hits


def suggestions(terms, *, site, limit=8):
    """Live, public pages whose titles start like the query (its last word taken as a prefix),
    those spelled as typed first, then the newest."""
    search_matcher = matcher()
    pages = search_matcher.with_entries(site_pages().readable(site))
    reader = TierReader(
        pages.values_list("pk"),
        _content_type_ids(None),
        ("-first_published_at", "-pk"),
        terms=terms,
        matcher=search_matcher,
    )
    with search_matcher.index_plans():
        chosen = reader.read(SUGGESTION_TIERS, limit)
    by_id = Page.objects.only("id", "title", "url_path").in_bulk([row[0] for _, row in chosen])
    return [by_id[pk] for _, (pk,) in chosen]
