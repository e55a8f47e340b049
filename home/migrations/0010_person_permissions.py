"""Approvers keep the people shown with their contacts (leaders, unit heads, focal officials):
a change goes live on saving, without the approval pages go through."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups
from core.roles import APPROVERS_GROUP

PERMISSIONS = ("add_person", "change_person", "delete_person")


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "home", PERMISSIONS, groups=(APPROVERS_GROUP,))


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "home", PERMISSIONS, groups=(APPROVERS_GROUP,))


class Migration(migrations.Migration):
    dependencies = [("home", "0009_people")]

    operations = [migrations.RunPython(grant, revoke)]
