"""PostgreSQL: a section's count of readable articles (for its pages of links and "Tin khác") read
every article of the section, 35-70 ms at 100,000 articles, whenever the frame cache was new. A
partial index of the live pages' paths, with what the count filters on, answers it from the
index alone (articles/selectors.py: `_count_in_section`)."""

from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL

INDEX = "articles_live_pages_count"


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_body_album_block"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [
        PostgreSQLOnlySQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(path varchar_pattern_ops, depth, content_type_id) INCLUDE (expire_at) WHERE live",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
