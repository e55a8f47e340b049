"""Migration operations of our own."""

from django.db import migrations


class PostgreSQLOnlySQL(migrations.RunSQL):
    """`RunSQL` run on PostgreSQL only: what it sets up (partial and covering indexes, operator
    classes, storage parameters) serves PostgreSQL's planner and has no SQLite counterpart, so
    the embedded database skips it in both directions."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
