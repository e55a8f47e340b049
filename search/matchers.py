"""How a query meets the search index: the full-text conditions of each database.

A `Criterion` is the query's exact or folded reading in some index columns; a matcher writes it
in its database's full-text syntax (`PostgresMatcher`: tsquery on the index entry's tsvector
columns, with the planner steered where its estimates fail for text; `SQLiteMatcher`: FTS5)."""

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import CombinedExpression, RawSQL

from core import planner

FTS_TABLE = "wagtailsearch_indexentry_fts"


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

    def index_plans(self):
        """Plan the queries inside on indexes only. The planner prices a sequential scan of the
        index entries without the cost of reading each row's body vector and picks it for
        common words (115 ms against 20 ms for the GIN index at 10,000 pages)."""
        return planner.index_plans()

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
