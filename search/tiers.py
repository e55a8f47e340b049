"""Reading the best hits first without ranking every match (`TierReader`): relevance tiers, best
first, each read newest first and only while the better tiers have not filled a page."""

import time
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.functional import cached_property
from wagtail.search.models import IndexEntry

from search.matchers import Criterion

# Points of a hit, summed into its score.
EXACT_MATCH = 4
FOLDED_TITLE_MATCH = 2
EXACT_TITLE_MATCH = 1
ENTRY_SIZES_CACHE_KEY = "site-search:entries-per-content-type"
ENTRY_SIZES_KEEP_SECONDS = 600
# This process's copy, [sizes, monotonic time it expires], read again from the shared cache
# after a minute: a process must not go on probing a kind row by row for ten minutes after an
# import made it big (each process would keep its own copy that long).
ENTRY_SIZES_PROCESS_SECONDS = 60
_entry_sizes = [None, 0.0]

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
    """How many index entries each content type has, remembered for ten minutes (by this
    process for one: a search asks once per kind): it decides how a kind is probed, never what
    is found."""
    sizes, until = _entry_sizes
    if until > time.monotonic():
        return sizes
    sizes = cache.get(ENTRY_SIZES_CACHE_KEY)
    if sizes is None:
        per_type = IndexEntry.objects.order_by().values_list("content_type_id")
        sizes = dict(per_type.annotate(entries=Count("id")))
        cache.set(ENTRY_SIZES_CACHE_KEY, sizes, ENTRY_SIZES_KEEP_SECONDS)
    _entry_sizes[:] = [sizes, time.monotonic() + ENTRY_SIZES_PROCESS_SECONDS]
    return sizes


def entries_of(content_types):
    """How many index entries `content_types` have together (as of the last ten minutes)."""
    sizes = _entries_per_content_type()
    return sum(sizes.get(pk, 0) for pk in content_types)


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
    # type index (2 µs a document entry: 2,100 in 4 ms; 13 µs a page entry, whose body is stored
    # out of line), or the planner joins both indexes for a rare word; bigger kinds ask the GIN
    # index alone, which costs 20-40 ms for a word on every page but never grows with the kind.
    ROW_WISE_ENTRIES = 5000

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
        tier)."""
        return entries_of(self.content_types) <= self.ROW_WISE_ENTRIES

    def _entries(self, criteria):
        entries = IndexEntry.objects.filter(self.condition(criteria, prefix=""))
        if self._probed_row_wise:
            return entries.filter(content_type_id__in=self.content_types)
        # Compared as an expression, the content type cannot lead the planner to read every
        # entry of the type along its B-tree index testing each one's text (47 ms for a word on
        # a third of 10,000 pages), which it prefers to the GIN index.
        return entries.alias(entry_type=F("content_type_id") + 0).filter(
            entry_type__in=self.content_types
        )

    def probe(self, criteria, limit):
        """Ids of up to `limit` items whose index entries meet every criterion, visible or not,
        straight from the full-text index."""
        ids = self._entries(criteria).values_list("object_id", flat=True)[:limit]
        return [int(pk) for pk in ids]

    def probe_by_type(self, criteria, limit):
        """`probe` for several kinds at once: {content type id: ids}."""
        entries = self._entries(criteria).values_list("content_type_id", "object_id")[:limit]
        found = defaultdict(list)
        for content_type, pk in entries:
            found[content_type].append(int(pk))
        return found

    def newest(self, criteria, wanted):
        """The newest `wanted` rows that meet every criterion."""
        ordered = self.items.order_by(*self.ordering)
        ids = self.probe(criteria, self.PROBED + 1)
        if len(ids) <= self.PROBED:
            return list(ordered.filter(pk__any_of=ids)[:wanted])
        condition = self.condition(criteria)
        rows = []
        newest_ids = ordered.values_list("pk", flat=True)
        with self.matcher.row_by_row():
            for start in range(0, self.MAX_WALKED, self.WALK_BATCH):
                batch = list(newest_ids[start : start + self.WALK_BATCH])
                rows += ordered.filter(condition, pk__any_of=batch)[: wanted - len(rows)]
                if len(rows) >= wanted or len(batch) < self.WALK_BATCH:
                    return rows
        return list(ordered.filter(condition)[:wanted])
