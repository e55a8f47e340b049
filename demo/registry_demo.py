"""Demo content of the S&T registry: organizations, fields, programs and tasks with decisions,
milestones and links to the demo news. Idempotent: existing items (by name, slug) are kept.

`build_registry_demo(tally)` builds it and returns what it made; `load_demo_content` calls it
with the rest of the site, `load_registry_demo` on its own."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

from core.text import short_slug
from demo import registry as content
from programs.models import (
    MilestoneKind,
    Organization,
    ProgramIndexPage,
    ProgramPage,
    ResearchField,
    TaskDecision,
    TaskMilestone,
    TaskPage,
    TaskRelatedArticle,
    TaskStatus,
)

MILLION = 1_000_000
FINISHED = {TaskStatus.ACCEPTANCE, TaskStatus.HANDED_OVER}
NOT_STARTED = {TaskStatus.PROPOSED, TaskStatus.SELECTION}


def add_months(day, months):
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


@dataclass
class RegistryDemo:
    registry: ProgramIndexPage
    programs: dict  # key -> ProgramPage
    tasks: list  # TaskPage, created or found


def build_registry_demo(tally):
    """Build the registry's demo (in a transaction), counting into `tally`."""
    with transaction.atomic():
        return _RegistryBuilder(tally).build()


class _RegistryBuilder:
    def __init__(self, tally):
        self.count = tally.count

    def build(self):
        organizations = self.organizations()
        fields = self.fields()
        registry = self.registry()
        programs = self.programs(registry, organizations)
        tasks = self.tasks(registry, programs, organizations, fields)
        return RegistryDemo(registry, programs, tasks)

    def organizations(self):
        organizations = {}
        for name, short_name in content.ORGANIZATIONS:
            organization, created = Organization.objects.get_or_create(
                name=name, defaults={"short_name": short_name}
            )
            self.count(created)
            organizations[short_name] = organization
        organizations["UBND tỉnh Sơn La"] = Organization.objects.get_or_create(
            name="UBND tỉnh Sơn La", defaults={"short_name": "UBND tỉnh"}
        )[0]
        return organizations

    def fields(self):
        fields = {}
        for order, (name, slug) in enumerate(content.FIELDS):
            field, created = ResearchField.objects.get_or_create(
                slug=slug, defaults={"name": name, "sort_order": order}
            )
            self.count(created)
            fields[slug] = field
        return fields

    def publish_child(self, parent, page):
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            self.count(False)
            return existing.specific, False
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.count(True)
        return page, True

    def registry(self):
        home = Site.objects.get(is_default_site=True).root_page
        existing = ProgramIndexPage.objects.child_of(home).first()
        if existing:
            self.count(False)
            return existing
        data = content.REGISTRY
        registry, _ = self.publish_child(
            home,
            ProgramIndexPage(
                title=data["title"], slug=data["slug"], intro=data["intro"], show_in_menus=True
            ),
        )
        return registry

    def programs(self, registry, organizations):
        programs = {}
        for key, title, (start, end), body, summary, goals in content.PROGRAMS:
            program, _ = self.publish_child(
                registry,
                ProgramPage(
                    title=title,
                    slug=short_slug(title),
                    summary=summary,
                    start_year=start,
                    end_year=end,
                    managing_body=organizations.get(body)
                    or Organization.objects.filter(name=body).first(),
                    goals=[{"type": "paragraph", "value": f"<p>{text}</p>"} for text in goals],
                    show_in_menus=True,
                ),
            )
            programs[key] = program
        return programs

    def tasks(self, registry, programs, organizations, fields):
        tasks = []
        for number, spec in enumerate(content.TASKS):
            (
                program_key,
                code,
                title,
                kind,
                level,
                field,
                host,
                investigator,
                (year, month),
                months,
                budget,
                state_share,
                status,
                article_slug,
            ) = spec
            start = datetime.date(year, month, 1)
            end = add_months(start, months) - datetime.timedelta(days=1)
            total = budget * MILLION
            task = TaskPage(
                title=title,
                slug=short_slug(title),
                code=code,
                kind=kind,
                level=level,
                field=fields[field],
                status=status,
                host_organization=organizations[host],
                principal_investigator=investigator,
                start_date=start,
                end_date=end,
                total_budget=total,
                state_budget=total * state_share // 100,
                summary=(
                    f"{title}: xác định cơ sở khoa học, xây dựng quy trình và mô hình ứng dụng "
                    "phù hợp với điều kiện tỉnh Sơn La."
                ),
                results=self.results_text(status, organizations[host]),
            )
            task.decisions = self.decisions(number, start)
            task.milestones = self.milestones(status, start, end)
            if article_slug and (article := Page.objects.filter(slug=article_slug).first()):
                task.related_articles = [TaskRelatedArticle(article=article)]
            parent = programs[program_key] if program_key else registry
            task, created = self.publish_child(parent, task)
            if created and status == TaskStatus.HANDED_OVER:
                task.result_users.set([organizations["SNN"], organizations[host]])
                task.save_revision().publish()
            tasks.append(task)
        return tasks

    @staticmethod
    def results_text(status, host):
        if status == TaskStatus.HANDED_OVER:
            return (
                "<p>Nhiệm vụ đã được nghiệm thu, xếp loại Đạt. Kết quả đã bàn giao cho các đơn vị "
                f"tiếp nhận ứng dụng; {host.name} tiếp tục hỗ trợ kỹ thuật.</p>"
            )
        if status == TaskStatus.ACCEPTANCE:
            return "<p>Hội đồng khoa học đã đánh giá, nghiệm thu nhiệm vụ, xếp loại Đạt.</p>"
        return ""

    @staticmethod
    def decisions(number, start):
        if start.year == 2023:
            number_text, (year, month, day), summary = content.SELECTION_DECISIONS[number % 2]
            return [
                TaskDecision(
                    number=number_text, issued_on=datetime.date(year, month, day), summary=summary
                )
            ]
        approved = add_months(start, -1)
        return [
            TaskDecision(
                number=f"{1800 + number * 7}/QĐ-UBND",
                issued_on=approved,
                summary="Phê duyệt tổ chức, cá nhân chủ trì, kinh phí và thời gian thực hiện",
            )
        ]

    @staticmethod
    def milestones(status, start, end):
        if status == TaskStatus.PROPOSED:
            return []
        steps = [
            TaskMilestone(
                kind=MilestoneKind.SELECTION_COUNCIL,
                date=add_months(start, -2),
                note="Hội đồng tư vấn tuyển chọn tổ chức, cá nhân chủ trì",
            )
        ]
        if status in NOT_STARTED:
            return steps
        steps.append(TaskMilestone(kind=MilestoneKind.CONTRACT, date=start))
        steps.append(TaskMilestone(kind=MilestoneKind.MIDTERM, date=start + (end - start) / 2))
        if status == TaskStatus.CARRIED_OVER:
            steps.append(
                TaskMilestone(
                    kind=MilestoneKind.EXTENSION,
                    date=end,
                    note="Chuyển tiếp sang năm sau theo kế hoạch",
                )
            )
        if status in FINISHED:
            steps.append(TaskMilestone(kind=MilestoneKind.ACCEPTANCE, date=add_months(end, 1)))
        if status == TaskStatus.HANDED_OVER:
            steps.append(TaskMilestone(kind=MilestoneKind.HANDOVER, date=add_months(end, 3)))
        return steps
