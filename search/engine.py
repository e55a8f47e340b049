"""Site search over Wagtail's search index: Vietnamese-aware matching, exact forms first.

Wagtail keeps the index (`wagtailsearch_indexentry`: a title, a body and an autocomplete column
per page or document) up to date on publish; this module only reads it. Relevance is a small
integer computed from whole-set matches, not a per-row text rank:

    4  the query matches exactly as typed (title or body)
    2  the folded query matches the title
    1  the exact query matches the title

then the newest first. Each part is "entry id IN (ids matching a text query)", which both
databases answer from their full-text indexes without reading any page's text, so a query
that matches most of 100,000 pages costs index lookups and a join, not 100,000 text ranks.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, CharField, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from home.models.library import public_documents

FTS_TABLE = "wagtailsearch_indexentry_fts"
EXACT_MATCH = 4
FOLDED_TITLE_MATCH = 2
EXACT_TITLE_MATCH = 1


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str
    page_models: tuple = ()
    documents: bool = False


ARTICLES = Kind("tin-tuc", _("Tin tức"), ("articles.ArticlePage",))
TASKS = Kind(
    "nhiem-vu", _("Chương trình, nhiệm vụ KH&CN"), ("programs.ProgramPage", "programs.TaskPage")
)
DOCUMENTS = Kind("van-ban", _("Văn bản"), documents=True)
OTHER_PAGES = Kind("trang", _("Trang thông tin"))
KINDS = (ARTICLES, TASKS, DOCUMENTS, OTHER_PAGES)
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


def _content_type_ids(model_labels):
    models = [apps.get_model(label) for label in model_labels]
    return [ct.pk for ct in ContentType.objects.get_for_models(*models).values()]


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
    """Text queries in PostgreSQL's tsquery syntax over the index's tsvector columns."""

    QUOTE, OR, AND, PREFIX = "'", " | ", " & ", ":*"

    def entry_ids(self, columns, terms, *, folded, prefix=False):
        from django.contrib.postgres.search import SearchQuery, SearchVectorExact, SearchVectorField

        text_query = self._text_query(terms, folded=folded, prefix=prefix)
        vector = F(columns[0])
        for column in columns[1:]:
            vector = CombinedExpression(vector, "||", F(column), output_field=SearchVectorField())
        match = SearchVectorExact(
            vector, SearchQuery(text_query, search_type="raw", config="simple")
        )
        return IndexEntry.objects.filter(match).values("id")


class SQLiteMatcher(TextQuerySyntax):
    """Text queries in FTS5 syntax over Wagtail's FTS5 table (tokenizer set by our migration)."""

    QUOTE, OR, AND, PREFIX = '"', " OR ", " AND ", "*"

    def entry_ids(self, columns, terms, *, folded, prefix=False):
        from django.db.models.expressions import RawSQL

        text_query = self._text_query(terms, folded=folded, prefix=prefix)
        match = "{" + " ".join(columns) + "} : (" + text_query + ")"
        # The table name is a constant; the reader's words only ever travel as the parameter.
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"  # noqa: S608
        return RawSQL(sql, [match])  # noqa: S611


@contextmanager
def text_index_scans():
    """On PostgreSQL, keep the planner on the full-text indexes. For a common word it otherwise
    prefers a sequential scan that rebuilds `title || body` (reading every page's body vector)
    for every row: 262 ms against 41 ms for the GIN index on 25,000 entries."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def matcher():
    return PostgresMatcher() if connection.vendor == "postgresql" else SQLiteMatcher()


def _searchable_pages(site):
    """Live, public, unexpired pages of `site`, each with its index entry's id."""
    now = timezone.now()
    return (
        Page.objects.live()
        .public()
        .in_site(site)
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .annotate(entry_id=F("index_entries__id"))
    )


def _points(entries, points):
    """`points` for a row whose index entry is among `entries`, else 0."""
    return Case(
        When(entry_id__in=entries, then=Value(points)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _page_kinds():
    """Kind by page content type id, for the types that are not "other pages"."""
    return {
        content_type_id: kind
        for kind in (ARTICLES, TASKS)
        for content_type_id in _content_type_ids(kind.page_models)
    }


@dataclass
class Hit:
    object: object
    kind: Kind
    url: str
    date: object
    score: int


class SiteSearch:
    """One reader's search: `terms` (a `QueryTerms`), optional kind and year, ordered by
    relevance or by date. Counting, facets and each page of hits are separate queries."""

    def __init__(self, terms, *, site, kind=None, year=None, order="relevance"):
        self.terms = terms
        self.site = site
        self.kind = kind
        self.year = year
        self.order = order
        self.matcher = matcher()
        self._kind_counts = None

    # The matching entries, as queries the database runs inside the outer one.
    def _matching(self, columns, *, folded, prefix=False):
        return self.matcher.entry_ids(columns, self.terms, folded=folded, prefix=prefix)

    def _score(self):
        return (
            _points(self._matching(["title", "body"], folded=False), EXACT_MATCH)
            + _points(self._matching(["title"], folded=True), FOLDED_TITLE_MATCH)
            + _points(self._matching(["title"], folded=False), EXACT_TITLE_MATCH)
        )

    def _year_filter(self, queryset):
        return queryset.filter(sort_date__year=self.year) if self.year else queryset

    def _pages(self):
        """Live, public, unexpired pages of this site that match the folded query."""
        pages = (
            _searchable_pages(self.site)
            .annotate(
                sort_date=Coalesce("articlepage__published_on", TruncDate("first_published_at"))
            )
            .filter(entry_id__in=self._matching(["title", "body"], folded=True))
        )
        return self._year_filter(pages)

    def _documents(self):
        documents = public_documents().annotate(
            entry_id=F("index_entries__id"),
            sort_date=Coalesce("issued_on", TruncDate("created_at")),
        )
        documents = documents.filter(entry_id__in=self._matching(["title", "body"], folded=True))
        if self.library is None:
            return documents.none()  # without a library page, documents have no public address
        return self._year_filter(documents)

    @cached_property
    def library(self):
        library_model = apps.get_model("home", "DocumentLibraryPage")
        return library_model.objects.live().public().in_site(self.site).first()

    def kind_counts(self):
        """Matches per kind (ignoring the kind filter), for the filter tabs."""
        if self._kind_counts is None:
            with text_index_scans():
                by_type = dict(
                    self._pages()
                    .order_by()
                    .values_list("content_type_id")
                    .annotate(matches=Count("id"))
                )
                documents = self._documents().count()
            counts = dict.fromkeys((kind.slug for kind in KINDS), 0)
            page_kinds = _page_kinds()
            for content_type_id, matches in by_type.items():
                counts[page_kinds.get(content_type_id, OTHER_PAGES).slug] += matches
            counts[DOCUMENTS.slug] = documents
            self._kind_counts = counts
        return self._kind_counts

    def count(self):
        counts = self.kind_counts()
        if self.kind is None:
            return sum(counts.values())
        return counts[self.kind.slug]

    def __len__(self):
        return self.count()

    def page_ids(self):
        """Every matching page's id, unordered (for checks and benchmarks; readers get pages)."""
        return self._page_rows().values_list("pk", flat=True)

    def _page_rows(self):
        pages = self._pages()
        if self.kind in (ARTICLES, TASKS):
            pages = pages.filter(content_type_id__in=_content_type_ids(self.kind.page_models))
        elif self.kind is OTHER_PAGES:
            pages = pages.exclude(
                content_type_id__in=_content_type_ids(ARTICLES.page_models + TASKS.page_models)
            )
        return pages.annotate(source=Value("page", output_field=CharField()))

    def _document_rows(self):
        return self._documents().annotate(source=Value("document", output_field=CharField()))

    def __getitem__(self, window):
        """Hits for a slice of the ordered results (what a paginator asks for)."""
        fields = ("source", "item_id", "score", "sort_date")
        sources = []
        if self.kind is None or self.kind.page_models or self.kind is OTHER_PAGES:
            sources.append(self._page_rows())
        if self.kind is None or self.kind.documents:
            sources.append(self._document_rows())
        rows = [
            qs.annotate(
                item_id=F("pk"),
                score=self._score() if self.order == "relevance" else Value(0),
            )
            .order_by()
            .values_list(*fields)
            for qs in sources
        ]
        combined = rows[0].union(*rows[1:], all=True) if len(rows) > 1 else rows[0]
        ordering = ("-sort_date", "-item_id")
        if self.order == "relevance":
            ordering = ("-score", *ordering)
        with text_index_scans():
            rows = list(combined.order_by(*ordering)[window])
        return self._hits(rows)

    def _hits(self, rows):
        page_ids = [pk for source, pk, _, _ in rows if source == "page"]
        document_ids = [pk for source, pk, _, _ in rows if source == "document"]
        pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
        documents = get_document_model().objects.in_bulk(document_ids) if document_ids else {}
        page_kinds = _page_kinds()
        hits = []
        for source, pk, score, date in rows:
            if source == "document":
                document = documents[pk]
                url = self.library.url + self.library.reverse_subpage("document_detail", args=[pk])
                hits.append(Hit(document, DOCUMENTS, url, date, score))
                continue
            page = pages[pk]
            kind = page_kinds.get(page.content_type_id, OTHER_PAGES)
            hits.append(Hit(page, kind, page.get_url(), date, score))
        return hits


def suggestions(terms, *, site, limit=8):
    """Live, public pages whose titles start like the query (its last word taken as a prefix),
    those spelled as typed first."""
    search_matcher = matcher()
    autocomplete = ["autocomplete"]
    exact = search_matcher.entry_ids(autocomplete, terms, folded=False, prefix=True)
    folded = search_matcher.entry_ids(autocomplete, terms, folded=True, prefix=True)
    return list(
        _searchable_pages(site)
        .filter(entry_id__in=folded)
        .annotate(exact=_points(exact, 1))
        .order_by("-exact", "-first_published_at", "-pk")
        .only("id", "title", "url_path")[:limit]
    )
