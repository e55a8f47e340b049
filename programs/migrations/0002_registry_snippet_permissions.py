"""Editors and approvers keep the registry's organizations and fields current themselves."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Biên tập viên", "Người duyệt")
SNIPPET_PERMISSIONS = (
    "add_organization",
    "change_organization",
    "add_researchfield",
    "change_researchfield",
)


def grant(apps, schema_editor):
    app_config = apps.get_app_config("programs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="programs", codename__in=SNIPPET_PERMISSIONS
    )
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="programs", codename__in=SNIPPET_PERMISSIONS
    )
    for group in apps.get_model("auth.Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("home", "0003_editorial_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
