"""Who is asked for a second factor at sign-in, and who may not go without one."""

from django.conf import settings
from django_otp import user_has_device
from wagtail.models import GroupApprovalTask, GroupPagePermission

from core.roles import APPROVERS_GROUP


def can_publish_or_approve(user):
    """Administrators, and whoever can put content live: a group with the right to publish
    pages, the approvers' group, or a group that approves a workflow task."""
    if user.is_superuser or user.has_perm("auth.change_user"):
        return True
    groups = user.groups.all()
    return (
        groups.filter(name=APPROVERS_GROUP).exists()
        or GroupPagePermission.objects.filter(
            group__in=groups, permission__codename="publish_page"
        ).exists()
        or GroupApprovalTask.objects.filter(groups__in=groups, active=True).exists()
    )


def must_have_second_factor(user):
    if not settings.SECOND_FACTOR_REQUIRED or not user.is_active:
        return False
    if can_publish_or_approve(user):
        return True
    from second_factor.models import SignInSettings

    return (
        user.has_perm("wagtailadmin.access_admin")
        and SignInSettings.load().editors_need_second_factor
    )


def asks_for_code(user):
    """Whoever has enrolled is asked, required or not; whoever must have enrolled is too (and is
    taken to enrolment)."""
    return user_has_device(user) or must_have_second_factor(user)
