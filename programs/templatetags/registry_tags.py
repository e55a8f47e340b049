from django import template

from core.frame_cache import remembered
from programs.models import ProgramIndexPage, TaskStatus
from programs.selectors import registry_tasks, status_counts

register = template.Library()

CURRENT = (TaskStatus.IN_PROGRESS, TaskStatus.CARRIED_OVER)
HIGHLIGHT_SIZE = 4


@register.inclusion_tag("programs/includes/registry_highlights.html", takes_context=True)
def registry_highlights(context, home):
    """The home page's window on the registry: tasks by status and a few current ones."""
    registry = remembered(
        f"registry-of:{home.pk}",
        lambda: ProgramIndexPage.objects.child_of(home).readable().first(),
    )
    if registry is None:
        return {"registry": None}
    current = (
        registry_tasks(registry, {})
        .filter(status__in=CURRENT)
        .select_related("host_organization")
        .order_by("-start_date", "pk")[:HIGHLIGHT_SIZE]
    )
    return {
        "request": context.get("request"),
        "registry": registry,
        "status_counts": status_counts(registry, {}),
        "current_tasks": list(current),
    }
