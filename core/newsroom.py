"""The lists a newsroom works from, each one click from the dashboard: my drafts, what was sent
back to me, what waits for me, and what goes live or expires when. (Documents waiting for an
approver: `SiteDocument.waiting_for_review()`.)

Each list is one query for its rows, whatever their number: the section a page stands in is read
with it (the parent's title by path), and the people by join.

    my_drafts(user)        pages I own with changes not yet live and not in the workflow
    sent_back_states(user) my pages an approver sent back, with who, when and why
    waiting_for(user)      task states this user can approve, oldest first
    scheduled_between(start, end)   (when, "go_live" | "expire", page) in that window
"""

from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, WorkflowState


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def with_section(pages):
    """Pages with `section_title`: the title of the page they stand under."""
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    )
    return pages.annotate(section_title=Subquery(parent.values("title")[:1]))


def in_workflow():
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


def my_drafts(user):
    pages = Page.objects.filter(owner=user, has_unpublished_changes=True).exclude(in_workflow())
    return with_section(pages).order_by("-latest_revision_created_at", "-pk")


def own_workflow_states(user):
    owned_pages = Page.objects.filter(owner=user).annotate(key=Cast("pk", output_field=CharField()))
    return WorkflowState.objects.filter(base_content_type=page_content_type()).filter(
        Q(requested_by=user) | Q(object_id__in=owned_pages.values("key"))
    )


def sent_back_states(user):
    """Workflow states of my pages waiting for my changes, newest decision first, with the
    approver and the comment (`attach_pages` adds the pages)."""
    return (
        own_workflow_states(user)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at", "-pk")
    )


def waiting_for(user):
    """Task states this user may decide, oldest first (they have waited longest)."""
    return (
        TaskState.objects.reviewable_by(user)
        .filter(
            workflow_state__base_content_type=page_content_type(),
            status=TaskState.STATUS_IN_PROGRESS,
        )
        .select_related("workflow_state__requested_by", "revision__user", "task")
        .order_by("started_at", "pk")
    )


def attach_pages(rows, object_id=lambda row: row.object_id):
    """Give each row its `target_page` (with its section) in one query, not one a row."""
    rows = list(rows)
    ids = {int(object_id(row)) for row in rows}
    pages = with_section(Page.objects.filter(pk__in=ids)).in_bulk() if ids else {}
    for row in rows:
        row.target_page = pages.get(int(object_id(row)))
    return [row for row in rows if row.target_page is not None]


def scheduled_between(start, end):
    """What happens to pages between `start` and `end`: approved revisions due to go live, and
    live pages due to expire. [(when, kind, page)], in time order."""
    go_live = Revision.page_revisions.filter(
        approved_go_live_at__gte=start, approved_go_live_at__lt=end
    ).values_list("approved_go_live_at", "object_id")
    expiring = Page.objects.filter(live=True, expire_at__gte=start, expire_at__lt=end).values_list(
        "expire_at", "pk"
    )
    events = [(when, "go_live", int(pk)) for when, pk in go_live]
    events += [(when, "expire", pk) for when, pk in expiring]
    pages = with_section(Page.objects.filter(pk__in={pk for *_, pk in events})).in_bulk()
    return sorted(
        ((when, kind, pages[pk]) for when, kind, pk in events if pk in pages),
        key=lambda event: (event[0], event[2].pk),
    )


def week_bounds(year, week):
    """Monday 00:00 and the next Monday, in the site's time zone, of ISO week `week`."""
    monday = datetime.fromisocalendar(year, week, 1).date()
    start = timezone.make_aware(datetime.combine(monday, time.min))
    return start, start + timedelta(days=7)
