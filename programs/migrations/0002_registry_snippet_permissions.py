"""Editors and approvers keep the registry's organizations and fields current themselves."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups

SNIPPET_PERMISSIONS = (
    "add_organization",
    "change_organization",
    "add_researchfield",
    "change_researchfield",
)


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "programs", SNIPPET_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "programs", SNIPPET_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("home", "0003_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
