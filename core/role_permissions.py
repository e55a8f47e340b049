"""Data-migration helpers: give the editorial groups permissions on an app's models.

Kept in plain functions so every app's migration grants the same way and a test can call them."""

from django.contrib.auth.management import create_permissions

from core.roles import APPROVERS_GROUP, EDITORS_GROUP

EDITORIAL_GROUPS = (EDITORS_GROUP, APPROVERS_GROUP)


def _permissions(apps, app_label, codenames):
    app_config = apps.get_app_config(app_label)
    # Permissions are normally created after all migrations; a data migration needs them now.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth.Permission").objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )


def grant_to_editorial_groups(apps, app_label, codenames, groups=EDITORIAL_GROUPS):
    permissions = _permissions(apps, app_label, codenames)
    for group in apps.get_model("auth.Group").objects.filter(name__in=groups):
        group.permissions.add(*permissions)


def revoke_from_editorial_groups(apps, app_label, codenames, groups=EDITORIAL_GROUPS):
    permissions = _permissions(apps, app_label, codenames)
    for group in apps.get_model("auth.Group").objects.filter(name__in=groups):
        group.permissions.remove(*permissions)
