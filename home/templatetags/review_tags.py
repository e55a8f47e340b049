from django import template

from home.reviews import Awaiting, SentBack, review_note, sent_back_revision_ids

register = template.Library()


@register.inclusion_tag("wagtailadmin/pages/includes/review_note.html", takes_context=True)
def page_review_note(context, page):
    """The approver's comment, or "waiting for you", above the page editor."""
    note = review_note(page, context["request"].user) if page.pk else None
    return {
        "note": note,
        "sent_back": isinstance(note, SentBack),
        "awaiting": isinstance(note, Awaiting),
    }


@register.simple_tag
def sent_back_revisions(states):
    """For the approver's dashboard rows: {workflow state id: revision sent back}, one query."""
    return sent_back_revision_ids([state["task_state"].workflow_state_id for state in states])


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
