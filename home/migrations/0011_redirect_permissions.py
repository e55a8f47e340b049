"""Editors and approvers manage redirects (Cài đặt › Chuyển hướng, with its CSV import): the old
site's addresses keep leading readers and search engines to the new pages."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups

PERMISSIONS = ("add_redirect", "change_redirect", "delete_redirect")


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "wagtailredirects", PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "wagtailredirects", PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0010_person_permissions"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
