"""PostgreSQL: a section's count of readable articles is its number of children in the page tree
less those it does not list (articles/selectors.py: `_count_in_section`). A partial index of the
pages that are not live or have an expiry, the only ones that can be drafts or past their expiry,
finds them without reading the listed articles."""

from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL

INDEX = "articles_unlisted_pages"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_live_pages_count_index"),
    ]

    operations = [
        PostgreSQLOnlySQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(path varchar_pattern_ops, depth) WHERE NOT live OR expire_at IS NOT NULL",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
