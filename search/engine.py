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

PostgreSQL's planner is steered where its estimates fail for text (`PostgresMatcher`); the
figures are in bench/search.py's output and the notes beside each choice.
"""

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Coalesce, TruncDate
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models
from wagtail.search.models import IndexEntry

from core.visibility import private_q, site_pages

FTS_TABLE = "wagtailsearch_indexentry_fts"
EXACT_MATCH = 4
FOLDED_TITLE_MATCH = 2
EXACT_TITLE_MATCH = 1
# Counts are exact up to here; beyond it a reader sees "more than 1,000", can page through the
# first 1,000 hits and is asked to refine the query.
MAX_COUNTED = 1000
# A kind with at most this many matches has each one scored; more are read tier by tier.
SCORED_MATCHES = MAX_COUNTED
ENTRY_SIZES_CACHE_KEY = "site-search:entries-per-content-type"


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
DOCUMENTS = Kind("van-ban", _("Văn bản"), documents=True)
OTHER_PAGES = Kind("trang", _("Trang thông tin"))
KINDS = (ARTICLES, TASKS, DOCUMENTS, OTHER_PAGES)
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


class TextQuerySyntax:
    """Writes a query's token groups in a full-text engine's syntax: tokens of a group are
    alternatives, groups must all match, and the last group may be a prefix (suggestions)."""

    QUOTE = OR = AND = PREFIX = ""

    def _text_query(self, terms, *, folded, prefix):
        groups = terms.token_groups(folded=folded)
        parts = []
        for position, tokens in enumerate(groups):
            tail = self.PREFIX if prefix and position == len(groups) - 1 else ""
            quoted = [f"{self.QUOTE}{token}{self.QUOTE}{tail}" for token in tokens]
            parts.append("(" + self.OR.join(quoted) + ")")
        return self.AND.join(parts)


class PostgresMatcher(TextQuerySyntax):
    """Conditions in PostgreSQL's tsquery syntax on an index entry's tsvector columns."""

    QUOTE, OR, AND, PREFIX = "'", " | ", " & ", ":*"
    COLUMNS = ("title", "body", "autocomplete")

    def with_entries(self, items):
        return items.alias(
            **{f"entry_{column}": F(f"index_entries__{column}") for column in self.COLUMNS}
        )

    @contextmanager
    def index_plans(self):
        """Plan the queries inside on indexes only. The planner prices a sequential scan of the
        index entries without the cost of reading each row's body vector and picks it for
        common words (115 ms against 20 ms for the GIN index at 10,000 pages)."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield

    @contextmanager
    def row_by_row(self):
        """Inside `index_plans`: check conditions on each row read instead of asking the GIN
        indexes, which only bitmap scans use. For a batch of known rows, the planner's guess
        that a query's words are rare (it takes them as independent) would otherwise fetch
        every match."""
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_bitmapscan = on")

    def condition(self, criterion, terms, *, prefix):
        from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField

        text_query = self._text_query(terms, folded=criterion.folded, prefix=criterion.prefix)
        # `title || body` is spelled as the expression index is, so that index serves it.
        columns = [F(f"{prefix}{column}") for column in criterion.columns]
        vector = columns[0]
        for column in columns[1:]:
            vector = CombinedExpression(vector, "||", column, output_field=SearchVectorField())
        return SearchVectorExact(
            vector, SearchQuery(text_query, search_type="raw", config="simple")
        )


class SQLiteMatcher(TextQuerySyntax):
    """Conditions in FTS5 syntax: the index entry is among the FTS table's matches (tokenizer
    set by our migration)."""

    QUOTE, OR, AND, PREFIX = '"', " OR ", " AND ", "*"

    def with_entries(self, items):
        return items.alias(entry_id=F("index_entries__id"))

    # SQLite reads the FTS matches once per query whatever the plan.
    def index_plans(self):
        return nullcontext()

    def row_by_row(self):
        return nullcontext()

    def condition(self, criterion, terms, *, prefix):
        text_query = self._text_query(terms, folded=criterion.folded, prefix=criterion.prefix)
        match = "{" + " ".join(criterion.columns) + "} : (" + text_query + ")"
        # The table name is a constant; the reader's words only ever travel as the parameter.
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        return Q(**{f"{prefix}id__in": RawSQL(sql, [match])})  # noqa: S611


def matcher():
    return PostgresMatcher() if connection.vendor == "postgresql" else SQLiteMatcher()


@dataclass(frozen=True)
class Criterion:
    """A full-text condition: the query's exact or folded reading in some index columns."""

    columns: tuple
    folded: bool
    prefix: bool = False


MATCHES = Criterion(("title", "body"), folded=True)
EXACT = Criterion(("title", "body"), folded=False)
FOLDED_TITLE = Criterion(("title",), folded=True)
EXACT_TITLE = Criterion(("title",), folded=False)
# Relevance tiers, best first, each as the criteria its rows meet. Each tier's criteria also hold
# for every better tier (an exact match is a folded match too), which `TierReader` relies on.
RELEVANCE_TIERS = (
    (EXACT_MATCH + FOLDED_TITLE_MATCH + EXACT_TITLE_MATCH, (EXACT_TITLE,)),
    (EXACT_MATCH + FOLDED_TITLE_MATCH, (EXACT, FOLDED_TITLE)),
    (EXACT_MATCH, (EXACT,)),
    (FOLDED_TITLE_MATCH, (FOLDED_TITLE,)),
    (0, (MATCHES,)),
)
SUGGESTION_TIERS = (
    (1, (Criterion(("autocomplete",), folded=False, prefix=True),)),
    (0, (Criterion(("autocomplete",), folded=True, prefix=True),)),
)


def _entries_per_content_type():
    """How many index entries each content type has, remembered for ten minutes: it decides how
    a kind is probed, never what is found."""
    sizes = cache.get(ENTRY_SIZES_CACHE_KEY)
    if sizes is None:
        per_type = IndexEntry.objects.order_by().values_list("content_type_id")
        sizes = dict(per_type.annotate(entries=Count("id")))
        cache.set(ENTRY_SIZES_CACHE_KEY, sizes, 600)
    return sizes


class TierReader:
    """Reads the first rows of `items` (a values_list queryset whose first value is the pk, with
    index entries aliased by the matcher) in tier order, then `ordering`, without ranking every
    match: a common word matches most of 100,000 pages.

    Each tier is read on its own, newest first, and only while the better tiers have not filled
    the window; they were then read whole, so `wanted` rows of a tier's criteria, less those
    already seen, are enough. How a tier is read depends on how many index entries meet it,
    which the full-text index tells at once for the index entries of `content_types`:

    - up to `PROBED` entries: their items, newest first;
    - more: the newest items a batch at a time, keeping those that meet it. A common tier fills
      the window from the first batch; `MAX_WALKED` bounds the walk for a tier that is common
      but old, which falls back to asking the full-text index.

    The database's planner cannot make this choice itself: it assumes the words of a query are
    independent, so "khoa học công nghệ" looks a hundred times rarer than it is."""

    PROBED = 1000
    WALK_BATCH = 400
    MAX_WALKED = 4000
    # Up to this many index entries of its types, a kind is probed row by row along the content
    # type index (about 10 µs an entry); bigger kinds ask the GIN index, which costs up to 25 ms
    # for a word on every page but never grows with the kind.
    ROW_WISE_ENTRIES = 1000

    def __init__(self, items, content_types, ordering, *, terms, matcher):
        self.items = items
        self.content_types = content_types
        self.ordering = ordering
        self.terms = terms
        self.matcher = matcher

    def condition(self, criteria, prefix="entry_"):
        condition = Q()
        for criterion in criteria:
            condition &= self.matcher.condition(criterion, self.terms, prefix=prefix)
        return condition

    def read(self, tiers, wanted):
        """The first `wanted` rows as (tier points, row)."""
        chosen, seen = [], set()
        for points, criteria in tiers:
            if len(chosen) >= wanted:
                break
            rows = self.newest(criteria, wanted)
            chosen += [(points, row) for row in rows if row[0] not in seen]
            seen.update(row[0] for row in rows)
        return chosen[:wanted]

    @cached_property
    def _probed_row_wise(self):
        """Whether the kind is small enough to probe row by row (read once per reader, not per
        tier: the sizes come from the shared cache)."""
        sizes = _entries_per_content_type()
        return sum(sizes.get(pk, 0) for pk in self.content_types) <= self.ROW_WISE_ENTRIES

    def probe(self, criteria, limit):
        """Ids of up to `limit` items whose index entries meet every criterion, visible or not,
        straight from the full-text index."""
        entries = IndexEntry.objects.filter(self.condition(criteria, prefix=""))
        if self._probed_row_wise:
            entries = entries.filter(content_type_id__in=self.content_types)
        else:
            # Compared as an expression, the content type cannot lead the planner to read every
            # entry of the type along its B-tree index testing each one's text (47 ms for a
            # word on a third of 10,000 pages), which it prefers to the GIN index.
            entries = entries.alias(entry_type=F("content_type_id") + 0).filter(
                entry_type__in=self.content_types
            )
        return [int(pk) for pk in entries.values_list("object_id", flat=True)[:limit]]

    def newest(self, criteria, wanted):
        """The newest `wanted` rows that meet every criterion."""
        ordered = self.items.order_by(*self.ordering)
        ids = self.probe(criteria, self.PROBED + 1)
        if len(ids) <= self.PROBED:
            return list(ordered.filter(pk__in=ids)[:wanted])
        condition = self.condition(criteria)
        rows = []
        newest_ids = ordered.values_list("pk", flat=True)
        with self.matcher.row_by_row():
            for start in range(0, self.MAX_WALKED, self.WALK_BATCH):
                batch = list(newest_ids[start : start + self.WALK_BATCH])
                rows += ordered.filter(condition, pk__in=batch)[: wanted - len(rows)]
                if len(rows) >= wanted or len(batch) < self.WALK_BATCH:
                    return rows
        return list(ordered.filter(condition)[:wanted])


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
        return library_model.objects.readable().in_site(self.site).first()

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

    def kind_counts(self):
        """Matches per kind (ignoring the kind filter), for the filter tabs; a count above
        MAX_COUNTED means "more than that"."""
        if self._kind_counts is None:
            with self.matcher.index_plans():
                self._kind_counts = {kind.slug: self._count(kind) for kind in KINDS}
        return self._kind_counts

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
        """Hits for a slice of the ordered results (what a paginator asks for)."""
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
        return self._hits(rows[window])

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
                hits.append(Hit(pages[pk], kind, pages[pk].get_url(), date, score))
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
