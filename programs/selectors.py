"""Queries for the registry: each view costs a fixed number of queries however many tasks exist."""

from django.db.models import Count, Q

from core.visibility import site_pages
from programs.forms import SORTS
from programs.models import ProgramPage, TaskPage, TaskStatus

STATUS_ORDER = [status for status, _ in TaskStatus.choices]


def registry_tasks(registry, filters, *, ignore=()):
    """Live, public tasks in the registry matching `filters` (see RegistryFilterForm); the filter
    names in `ignore` are left out (the status counts ignore the status filter)."""
    tasks = TaskPage.objects.readable().descendant_of(registry)
    active = {name: value for name, value in filters.items() if name not in ignore}
    if query := active.get("q"):
        tasks = tasks.filter(Q(title__icontains=query) | Q(code__icontains=query))
    for name in ("status", "kind", "level"):
        if name in active:
            tasks = tasks.filter(**{name: active[name]})
    if "field" in active:
        tasks = tasks.filter(field=active["field"])
    if "host" in active:
        tasks = tasks.filter(host_organization=active["host"])
    if "program" in active:
        tasks = tasks.descendant_of(active["program"])
    if year := active.get("year"):
        tasks = tasks.filter(
            Q(start_date__year__lte=year) | Q(start_date__isnull=True),
            Q(end_date__year__gte=year) | Q(end_date__isnull=True),
        )
    return tasks.order_by(*SORTS.get(active.get("sort"), SORTS["moi-nhat"]))


def with_listing_relations(tasks):
    return tasks.select_related("field", "host_organization").defer_streamfields()


def status_counts(registry, filters):
    """[(status value, label, count)] in the order tasks move through, for the current filters
    except the status itself: one query."""
    counts = dict(
        registry_tasks(registry, filters, ignore=("status", "sort"))
        .order_by()
        .values_list("status")
        .annotate(total=Count("pk"))
    )
    return [(value, label, counts.get(value, 0)) for value, label in TaskStatus.choices]


def tasks_by_start_year(tasks):
    rows = (
        tasks.order_by()
        .exclude(start_date=None)
        .values_list("start_date__year")
        .annotate(total=Count("pk"))
    )
    return sorted(rows)


def programs_by_path(registry):
    """Each live program under the registry by its tree path: a task's program is its parent."""
    return {
        program.path: program
        for program in ProgramPage.objects.readable()
        .child_of(registry)
        .only("id", "title", "url_path", "path", "depth")
    }


def attach_programs(tasks, programs):
    for task in tasks:
        task.program = programs.get(task.path[: -TaskPage.steplen])
    return tasks


def program_overview(program):
    tasks = list(
        with_listing_relations(TaskPage.objects.readable().child_of(program).order_by("code", "pk"))
    )
    by_status = dict.fromkeys(STATUS_ORDER, 0)
    for task in tasks:
        by_status[task.status] += 1
    return {
        "tasks": tasks,
        "status_counts": [(value, label, by_status[value]) for value, label in TaskStatus.choices],
        "total_budget": sum(task.total_budget or 0 for task in tasks),
    }


def task_details(task):
    article_ids = [link.article_id for link in task.related_articles.all()]
    articles = {
        page.pk: page for page in site_pages().readable().filter(pk__in=article_ids).specific()
    }
    return {
        "decisions": sorted(
            task.decisions.select_related("document"), key=lambda d: (d.issued_on, d.pk)
        ),
        "milestones": sorted(task.milestones.all(), key=lambda m: (m.date, m.pk)),
        "documents": list(task.documents.select_related("document")),
        "related_articles": [articles[pk] for pk in article_ids if pk in articles],
        "result_users": list(task.result_users.all()),
        "program": _program_of(task),
    }


def _program_of(task):
    parent = task.get_parent().specific
    return parent if isinstance(parent, ProgramPage) else None
