"""Editors and approvers take in questions and answer them, and read the comments on drafts."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups

PERMISSIONS = ("add_question", "change_question", "view_question", "view_draftcomment")


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "citizens", PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "citizens", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("citizens", "0001_initial"),
        ("home", "0003_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
