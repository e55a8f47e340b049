"""PostgreSQL: find the index entries whose title is not weighed yet without reading the table.

After each save the search backend (search/backend.py) weighs the titles of new entries, which
Wagtail marks with a title_norm of 1.0; this partial index holds only those (and the few entries
with an empty title), instead of a scan of 100,000 entries per save.
"""

from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL

INDEX = "site_search_unweighed_entries"


class Migration(migrations.Migration):
    dependencies = [("site_search", "0003_compact_index_rows")]

    operations = [
        PostgreSQLOnlySQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry (id) "
            "WHERE title_norm = 1.0",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
