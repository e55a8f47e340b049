"""Approvers keep the footer's links to other agencies: they show on every page and, unlike pages,
go live on saving, so editors (whose work an approver checks) do not get them."""

from django.db import migrations

from core.role_permissions import grant_to_editorial_groups, revoke_from_editorial_groups
from core.roles import APPROVERS_GROUP

PERMISSIONS = ("add_agencylink", "change_agencylink", "delete_agencylink")


def grant(apps, schema_editor):
    grant_to_editorial_groups(apps, "home", PERMISSIONS, groups=(APPROVERS_GROUP,))


def revoke(apps, schema_editor):
    revoke_from_editorial_groups(apps, "home", PERMISSIONS, groups=(APPROVERS_GROUP,))


class Migration(migrations.Migration):
    dependencies = [("home", "0007_agency_links")]

    operations = [migrations.RunPython(grant, revoke)]
