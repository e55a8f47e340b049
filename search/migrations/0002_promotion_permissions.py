"""Editors and approvers pin results to search terms and read the search terms report."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups

PROMOTION_PERMISSIONS = (
    "add_searchpromotion",
    "change_searchpromotion",
    "delete_searchpromotion",
    "view_searchpromotion",
)


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "wagtailsearchpromotions", PROMOTION_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "wagtailsearchpromotions", PROMOTION_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_vietnamese_search_index"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("home", "0003_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
