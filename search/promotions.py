"""Promoted results that editors pin to a search term (Wagtail's search promotions).

Editors write the term once, usually with diacritics; readers type it either way. A promotion
applies when the reader's query and the promoted term fold to the same words."""

from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.frame_cache import remembered
from core.visibility import site_pages
from search.terms import QueryTerms


def _folded(query_string):
    return " ".join(QueryTerms(query_string).folded)


def promotions_for(query, *, site):
    wanted = _folded(query)
    if not wanted:
        return []
    promoted_queries = remembered(
        "promoted-queries",
        lambda: [
            (pk, _folded(text))
            for pk, text in Query.objects.filter(editors_picks__isnull=False)
            .distinct()
            .values_list("pk", "query_string")
        ],
    )
    matching = [pk for pk, folded in promoted_queries if folded == wanted]
    if not matching:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__in=matching)
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    visible_pages = set(
        site_pages()
        .readable()
        .in_site(site)
        .filter(pk__in=[pick.page_id for pick in picks if pick.page_id])
        .values_list("pk", flat=True)
    )
    # A promoted page that was unpublished or made private must not be shown by its promotion.
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible_pages]


def count_asked(query_string):
    """One more reader asked `query_string` today, for the search terms report: one UPDATE when
    someone asked it earlier today (Wagtail's `Query.get(...).add_hit()` reads both rows first,
    three queries for every search)."""
    asked_today = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query_string), date=timezone.now().date()
    )
    if not asked_today.update(hits=F("hits") + 1):
        Query.get(query_string).add_hit()
