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

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from core.frame_cache import address_of, recently_remembered, remembered
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
)

# Counts are exact up to here; beyond it a reader sees "more than 1,000", can page through the
# first 1,000 hits and is asked to refine the query.
MAX_COUNTED = 1000
# A kind with at most this many matches has each one scored; more are read tier by tier.
SCORED_MATCHES = MAX_COUNTED


@dataclass(frozen=True)
class Kind:
    """A kind of result. Pages of `page_models` (every other page type when empty) or documents;
    `date_field` is a date of the kind's own model that dates its hits, when it has one."""

    slug: str
    label: str
    page_models: tuple = ()
    documents: bool = False
    date_field: str = ""


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
        elif kind.date_field:
            (model,) = _page_models(kind)
            items = model.objects.readable(self.site, self._private).annotate(
                sort_date=F(kind.date_field)
            )
        else:
            items = (
                site_pages()
                .readable(self.site, self._private)
                .filter(content_type_id__in=_content_type_ids(kind))
                .annotate(sort_date=TruncDate("first_published_at"))
            )
        if self.year:
            items = items.filter(sort_date__year=self.year)
        return self.matcher.with_entries(items)

    def _reader(self, kind, items):
        if kind.documents:
            content_types = [ContentType.objects.get_for_model(get_document_model()).pk]
        else:
            content_types = _content_type_ids(kind)
        return TierReader(
            items.values_list("pk", "sort_date"),
            content_types,
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

    def _kept(self, what, compute):
        """`compute()` for this query (its words as read, the site, the year), kept by the process
        until the frame's generation moves (any page published, unpublished or restricted, any
        document changed: what the index and the counts read) among its recent searches: a
        query's tabs, its pages of results and its readers in the same minutes share one count."""
        return recently_remembered(
            f"search-{what}:{self.site.pk}:{self.year or ''}:{self.terms}", compute
        )

    def kind_counts(self):
        """Matches per kind (ignoring the kind filter), for the filter tabs; a count above
        MAX_COUNTED means "more than that"."""
        if self._kind_counts is None:
            self._kind_counts, few_matches = self._kept("counts", self._count_kinds)
            self._few_matches.update(few_matches)
        return self._kind_counts

    def _count_kinds(self):
        with self.matcher.index_plans():
            counts = {kind.slug: self._count(kind) for kind in KINDS}
        return counts, dict(self._few_matches)

    def _count(self, kind):
        """Visible matches of `kind`, counted up to MAX_COUNTED + 1. The full-text index gives
        the first matching entries' ids; when there are few, they are the matches (and are kept
        for scoring)."""
        items = self._items(kind)
        if items is None:
            return 0
        ids = self._reader(kind, items).probe((MATCHES,), MAX_COUNTED + 1)
        visible = items.filter(pk__in=ids).count()
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
            score = _score(
                [
                    (reader.condition([EXACT]), EXACT_MATCH),
                    (reader.condition([FOLDED_TITLE]), FOLDED_TITLE_MATCH),
                    (reader.condition([EXACT_TITLE]), EXACT_TITLE_MATCH),
                ]
            )
            few = self._few_matches.get(kind.slug)
            matching = (
                items.filter(reader.condition([MATCHES]))
                if few is None
                else items.filter(pk__in=few)
            )
            rows = matching.annotate(score=score).values_list("score", "pk", "sort_date")
            return list(rows.order_by("-score", *reader.ordering)[:wanted])
        else:
            tiers = RELEVANCE_TIERS
        return [(points, *row) for points, row in reader.read(tiers, wanted)]

    def __getitem__(self, window):
        """Hits for a slice of the ordered results (what a paginator asks for), kept: the same
        page of results for every reader of it."""
        kind = self.kind.slug if self.kind else ""
        return self._kept(
            f"hits:{kind}:{self.order}:{window.start or 0}:{window.stop}",
            lambda: self._hits(self._rows(window)[window]),
        )

    def _rows(self, window):
        """The first `window.stop` hits in reading order, as (score, date, -kind's position, pk,
        kind)."""
        kinds = KINDS if self.kind is None else (self.kind,)
        self.kind_counts()
        with self.matcher.index_plans():
            rows = [
                (score, date, -position, pk, kind)
                for position, kind in enumerate(kinds)
                for score, pk, date in self._top(kind, window.stop)
            ]
        # Reading order across kinds: score, then date (undated last), then a fixed kind order.
        rows.sort(
            key=lambda row: (row[0], row[1] is not None, row[1], row[2], row[3]), reverse=True
        )
        return rows

    def _hits(self, rows):
        page_ids = [pk for *_, pk, kind in rows if not kind.documents]
        document_ids = [pk for *_, pk, kind in rows if kind.documents]
        pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
        documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
        hits = []
        for score, date, _position, pk, kind in rows:
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
