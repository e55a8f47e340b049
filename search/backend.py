"""Wagtail's database search backend, with an index whose every save does not read the whole
table (setting WAGTAILSEARCH_BACKENDS).

On PostgreSQL, each page or document saved is indexed at once, and the index then works out the
weight of the new entry's title from the average title length of *every* entry, a scan of the
whole table, and looks for new entries by reading the whole table again. At 100,000 articles
that was 0.7 s per save: 1.5 s per publish (the draft is saved, then published), paid by the
editor and by the database every reader shares. One entry moves that average by a hundred-
thousandth, so it is worked out once an hour per process; the new entries are found through a
partial index (migration 0004). Rebuilding the index (`update_index`) still sets every title's
weight from the exact average. Other databases use Wagtail's backend as it is."""

import time

from django.db import connection
from django.db.models import Avg, F
from django.db.models.functions import Length
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

AVERAGE_KEPT_SECONDS = 3600
# Wagtail's value for an entry not weighed yet (and for entries with an empty title, which are
# never weighed).
UNWEIGHED = 1.0
# (average title length, monotonic time it expires), for this process
_kept_average = [None, 0.0]


class SiteIndex(PostgresIndex):
    def average_title_length(self):
        average, until = _kept_average
        if average is None or time.monotonic() >= until:
            titled = self.entries.annotate(title_length=Length("title"))
            average = titled.filter(title_length__gt=0).aggregate(Avg("title_length"))
            average = average["title_length__avg"]
            _kept_average[:] = [average, time.monotonic() + AVERAGE_KEPT_SECONDS]
        return average

    def _refresh_title_norms(self, full=False):
        if full:
            super()._refresh_title_norms(full=True)
            _kept_average[:] = [None, 0.0]
            return
        # Called right after an entry is written, so there is always one to weigh.
        unweighed = self.entries.filter(title_norm=UNWEIGHED)
        titled = unweighed.annotate(title_length=Length("title")).filter(title_length__gt=0)
        titled.update(title_norm=self.average_title_length() / F("title_length"))


class SiteSearchBackend(PostgresSearchBackend):
    index_class = SiteIndex


# Wagtail looks for this name in a backend's module.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        return SiteSearchBackend(params)
    return database.SearchBackend(params)
