"""The registry and a task page cost the same number of queries with 20 tasks as with 300."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from core import frame_cache
from programs.models import TaskDecision, TaskMilestone
from tests.factories import (
    OrganizationFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    ResearchFieldFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, assert_follows_publishing, home_page

# The registry's counts, charts and first pages of rows are kept per filter combination
# (programs/views.py): what is left is checking the chosen field against its queryset.
REGISTRY_QUERIES = 1
TASK_QUERIES = 6


class RegistryQueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.registry = ProgramIndexPageFactory(parent=home_page())
        cls.programs = [ProgramPageFactory(parent=cls.registry) for _ in range(2)]
        cls.fields = ResearchFieldFactory.create_batch(3)
        cls.organizations = OrganizationFactory.create_batch(4)
        cls.add_tasks(20)
        cls.task = cls.registry.get_descendants().type(TaskPageFactory._meta.model).first().specific
        for number in range(3):
            TaskDecision.objects.create(
                task=cls.task, number=f"{number}/QĐ-UBND", issued_on="2022-11-18"
            )
            TaskMilestone.objects.create(task=cls.task, kind="nghiem_thu", date="2024-01-01")

    @classmethod
    def add_tasks(cls, count):
        parents = [cls.registry, *cls.programs]
        for number in range(count):
            TaskPageFactory(
                parent=parents[number % len(parents)],
                field=cls.fields[number % len(cls.fields)],
                host_organization=cls.organizations[number % len(cls.organizations)],
                status=["dang_thuc_hien", "nghiem_thu", "ban_giao"][number % 3],
            )

    def setUp(self):
        self.client = ReaderClient()
        self.client.get("/")  # the session and statistics exist, as for a returning reader

    def queries(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(url).status_code, 200)
        return len(captured)

    def test_pinned_query_counts(self):
        self.assertEqual(
            self.queries(self.registry.url + "?field=" + self.fields[0].slug), REGISTRY_QUERIES
        )
        self.assertEqual(self.queries(self.task.url), TASK_QUERIES)

    def test_counts_stay_flat_as_tasks_grow(self):
        small = (
            self.queries(self.registry.url),
            self.queries(self.task.url),
            self.queries(self.programs[0].url),
        )
        self.add_tasks(280)
        large = (
            self.queries(self.registry.url),
            self.queries(self.task.url),
            self.queries(self.programs[0].url),
        )
        self.assertEqual(small, large)


class KeptRegistryRowsTests(TestCase):
    """The registry's pages of rows are kept by the process for the frame's generation: a task
    published or unpublished shows or leaves at once."""

    def test_a_published_task_shows_in_the_kept_rows_at_once(self):
        registry = ProgramIndexPageFactory(parent=home_page())
        field = ResearchFieldFactory(name="Nông nghiệp công nghệ cao")
        client = ReaderClient()
        url = f"{registry.url}?field={field.slug}"
        self.assertContains(client.get(url), "Không có nhiệm vụ nào khớp")  # kept, empty
        task = TaskPageFactory(parent=registry, field=field, title="Nhiệm vụ vừa duyệt", live=False)
        assert_follows_publishing(
            self, task, lambda: "Nhiệm vụ vừa duyệt" in client.get(url).content.decode()
        )

    def test_the_registry_as_it_opens_is_shared_by_every_process(self):
        registry = ProgramIndexPageFactory(parent=home_page())
        field = ResearchFieldFactory(name="Nông nghiệp công nghệ cao")
        TaskPageFactory(parent=registry, field=field, title="Nhiệm vụ dùng chung")
        client = ReaderClient()
        client.get("/")  # the site's settings are made on the first visit: a change of the frame
        filtered = f"{registry.url}?field={field.slug}"
        for url in (registry.url, filtered):
            self.assertContains(client.get(url), "Nhiệm vụ dùng chung")
        frame_cache.forget_this_process()  # what another app process starts with

        def queries(url):
            with CaptureQueriesContext(connection) as captured:
                self.assertContains(client.get(url), "Nhiệm vụ dùng chung")
            return len(captured)

        # A filter combination is worked out again by each process (and the way to the page,
        # which each process keeps for itself)...
        self.assertGreater(queries(filtered), REGISTRY_QUERIES + 2)
        # ...the registry as it opens comes whole from the shared cache.
        self.assertEqual(queries(registry.url), 0)
