"""The database side of Vietnamese search, for every deployment and test database.

SQLite: Wagtail's FTS5 table uses the default tokenizer, which strips single diacritics, so
"khóa" and "khoa" become one token and the exact form typed could not rank first. The table is
rebuilt with a tokenizer that keeps every letter as written (folding is done by the index text,
see `search.terms`).

PostgreSQL: pages are matched on title and body together; Wagtail indexes the two columns
separately, so the combined expression gets a GIN index of its own.
"""

from django.db import migrations

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
TITLE_BODY_INDEX = "wagtailsearch_indexentry_title_body_gin"


def _fts_table_exists(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE]
        )
        return cursor.fetchone() is not None


def _rebuild_fts_table(schema_editor, tokenizer):
    connection = schema_editor.connection
    if not _fts_table_exists(connection):
        return  # SQLite built without FTS5: Wagtail falls back to its plain database search.
    tokenize = f", tokenize = '{tokenizer}'" if tokenizer else ""
    schema_editor.execute(f"DROP TABLE {FTS_TABLE}")
    schema_editor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(autocomplete, body, title{tokenize})"
    )
    schema_editor.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, title, body, autocomplete) "  # noqa: S608
        f"SELECT id, title, body, autocomplete FROM {ENTRY_TABLE}"
    )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _rebuild_fts_table(schema_editor, "unicode61 remove_diacritics 0")
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {TITLE_BODY_INDEX} ON {ENTRY_TABLE} "
            "USING gin ((title || body))"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _rebuild_fts_table(schema_editor, None)
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_BODY_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
