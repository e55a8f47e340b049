"""What the editorial workflow says to the person looking at a page in the admin.

Wagtail keeps an approver's "Yêu cầu sửa" comment on the task state it closed, and shows it only
in the page's workflow history. A newsroom needs it where the work is: above the page editor and
on the dashboard row, with who wrote it and when. An approver opening a page that waits for them
needs to be told so, with the two comparisons that matter after a resubmission: against the
version they sent back, and against what readers see now.

    note = review_note(page, request.user)
    SentBack(reviewer=<duyet>, at=..., comment="Bổ sung số đơn vị tham dự.", task_name=...)
    Awaiting(for_you=True, submitted_by=<bientap>, ..., compare_sent_back_url="/admin/pages/7/...")
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState


@dataclass(frozen=True)
class SentBack:
    reviewer: object
    at: datetime
    comment: str
    task_name: str


@dataclass(frozen=True)
class Awaiting:
    """The page waits in a task; `for_you` when the person looking can approve it."""

    for_you: bool
    submitted_by: object
    at: datetime
    task_name: str
    compare_sent_back_url: str = ""
    compare_live_url: str = ""


def review_note(page, user):
    """The workflow's news for `user` about `page`, or None when it is in no workflow."""
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None:
        return None
    task = task_state.task.specific
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return SentBack(
            reviewer=task_state.finished_by,
            at=task_state.finished_at,
            comment=task_state.comment,
            task_name=task.name,
        )
    for_you = bool(task.get_actions(page, user))
    # The comparisons are for the approver only; nobody else pays for the lookup.
    sent_back = sent_back_revision_ids([state.pk]).get(state.pk) if for_you else None
    return Awaiting(
        for_you=for_you,
        submitted_by=task_state.revision.user if task_state.revision else state.requested_by,
        at=task_state.started_at,
        task_name=task.name,
        compare_sent_back_url=compare_url(page.pk, sent_back, task_state.revision_id)
        if sent_back and task_state.revision_id
        else "",
        compare_live_url=compare_url(page.pk, "live", task_state.revision_id)
        if for_you and page.live and task_state.revision_id
        else "",
    )


def compare_url(page_id, revision_a, revision_b):
    return reverse("wagtailadmin_pages:revisions_compare", args=[page_id, revision_a, revision_b])


def sent_back_revision_ids(workflow_state_ids):
    """{workflow state id: the revision its approver last sent back}, in one query, for the
    states that were sent back at least once."""
    last_rejected = (
        TaskState.objects.filter(workflow_state=OuterRef("pk"), status=TaskState.STATUS_REJECTED)
        .order_by("-finished_at", "-pk")
        .values("revision_id")[:1]
    )
    rows = (
        WorkflowState.objects.filter(pk__in=workflow_state_ids)
        .annotate(sent_back=Subquery(last_rejected))
        .exclude(sent_back=None)
        .values_list("pk", "sent_back")
    )
    return dict(rows)
