"""PostgreSQL: the header menu reads only pages shown in menus, but Wagtail's tree indexes make
it read every page under the home page to find them (14 ms at 100,000 articles, on every page
drawn). A partial index holds just the menu pages."""

from django.db import migrations

from core.migration_operations import PostgreSQLOnlySQL

INDEX = "home_menu_pages_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_media_collections"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [
        PostgreSQLOnlySQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(path varchar_pattern_ops) WHERE show_in_menus",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX}",
        )
    ]
