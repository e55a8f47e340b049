"""Editors and approvers make the English version of a page ("Dịch" in the page's menu): the copy
goes to the English tree as a draft, and through the same approval as any page."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups

PERMISSIONS = ("submit_translation",)


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "simple_translation", PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "simple_translation", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0012_english_locale"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
