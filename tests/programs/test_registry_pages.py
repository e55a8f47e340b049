import datetime

from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from programs.models import (
    MilestoneKind,
    ProgramIndexPage,
    ProgramPage,
    TaskDecision,
    TaskMilestone,
    TaskPage,
    TaskRelatedArticle,
    TaskStatus,
)
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    OrganizationFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    ResearchFieldFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, home_page


class RegistryPageTests(WagtailPageTestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.registry = ProgramIndexPageFactory(parent=cls.home)
        cls.host = OrganizationFactory(name="Trường Đại học Tây Bắc")
        cls.user_of_results = OrganizationFactory(name="Sở Nông nghiệp và PTNT")
        cls.field = ResearchFieldFactory(name="Nông nghiệp", slug="nong-nghiep")
        cls.program = ProgramPageFactory(
            parent=cls.registry,
            title="Chương trình Nông thôn miền núi",
            start_year=2016,
            end_year=2025,
            managing_body=cls.host,
        )
        news = ArticleIndexPageFactory(parent=cls.home, title="Tin tức")
        cls.article = ArticlePageFactory(parent=news, title="Nghiệm thu đề tài cà phê")
        cls.draft_article = ArticlePageFactory(parent=news, title="Tin nháp về đề tài", live=False)
        cls.task = TaskPageFactory(
            parent=cls.program,
            title="Tuyển chọn giống cà phê chè kháng bệnh gỉ sắt",
            code="ĐT.2021.01",
            field=cls.field,
            host_organization=cls.host,
            principal_investigator="TS. Lò Văn Thành",
            status=TaskStatus.HANDED_OVER,
            total_budget=2_450_000_000,
            state_budget=1_960_000_000,
        )
        cls.task.result_users.add(cls.user_of_results)
        TaskDecision.objects.create(
            task=cls.task,
            number="2423/QĐ-UBND",
            issued_on=datetime.date(2022, 11, 18),
            summary="Phê duyệt",
        )
        TaskMilestone.objects.create(
            task=cls.task, kind=MilestoneKind.HANDOVER, date=datetime.date(2025, 9, 1)
        )
        TaskMilestone.objects.create(
            task=cls.task, kind=MilestoneKind.CONTRACT, date=datetime.date(2021, 6, 1)
        )
        TaskRelatedArticle.objects.create(task=cls.task, article=cls.article)
        TaskRelatedArticle.objects.create(task=cls.task, article=cls.draft_article)
        cls.task.save()
        cls.admin = get_user_model().objects.create_superuser("quantri", "qt@example.invalid", "x")

    def get(self, url):
        return self.client.get(url)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ProgramIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgramIndexPage, {ProgramPage, TaskPage})
        self.assertAllowedParentPageTypes(ProgramPage, {ProgramIndexPage})
        self.assertAllowedSubpageTypes(ProgramPage, {TaskPage})
        self.assertAllowedParentPageTypes(TaskPage, {ProgramIndexPage, ProgramPage})
        self.assertAllowedSubpageTypes(TaskPage, set())
        self.assertCanNotCreateAt(StandardPage, TaskPage)
        self.assertFalse(ProgramIndexPage.can_create_at(self.home))  # one registry per site

    def test_registry_lives_at_chuong_trinh(self):
        self.assertEqual(self.registry.url, "/chuong-trinh/")
        self.assertEqual(self.get("/chuong-trinh/").status_code, 200)

    def test_task_page_shows_everything_readably(self):
        response = self.get(self.task.url)
        self.assertContains(response, "Tuyển chọn giống cà phê chè kháng bệnh gỉ sắt")
        self.assertContains(
            response, '<span class="status status--ban_giao">Bàn giao ứng dụng</span>'
        )
        self.assertContains(response, "Mã số ĐT.2021.01")
        self.assertContains(response, "<dd>2.450.000.000 đồng</dd>")
        self.assertContains(response, "<dd>1.960.000.000 đồng</dd>")
        self.assertContains(response, "Trường Đại học Tây Bắc")
        self.assertContains(response, "TS. Lò Văn Thành")
        self.assertContains(response, "Sở Nông nghiệp và PTNT")
        self.assertContains(response, "<strong>Quyết định số 2423/QĐ-UBND</strong> ngày 18/11/2022")
        self.assertContains(response, 'href="/chuong-trinh/chuong-trinh-nong-thon-mien-nui/"')
        html = response.content.decode()
        self.assertLess(html.index("Ký hợp đồng"), html.index("Bàn giao kết quả"))  # by date
        self.assertContains(response, "Nghiệm thu đề tài cà phê")
        self.assertNotContains(response, "Tin nháp về đề tài")

    def test_program_page_shows_its_tasks_and_progress(self):
        response = self.get(self.program.url)
        self.assertContains(response, "2016 - 2025")
        self.assertContains(response, "Tuyển chọn giống cà phê chè kháng bệnh gỉ sắt")
        self.assertContains(
            response,
            '<span class="status status--ban_giao">Bàn giao ứng dụng</span> <strong>1</strong>',
        )
        self.assertContains(response, "2.450.000.000 đồng")

    def test_task_is_created_with_decisions_and_milestones_through_the_admin(self):
        self.client.force_login(self.admin)
        self.assertCanCreate(
            self.registry,
            TaskPage,
            nested_form_data(
                {
                    "title": "Ứng dụng IoT nuôi cá lồng",
                    "slug": "ung-dung-iot-nuoi-ca-long",
                    "code": "ĐT.2024.03",
                    "kind": "de_tai",
                    "level": "tinh",
                    "status": "dang_thuc_hien",
                    "field": self.field.pk,
                    "host_organization": self.host.pk,
                    "principal_investigator": "TS. Trần Quốc Việt",
                    "start_date": "01/03/2024",
                    "end_date": "28/02/2027",
                    "total_budget": "2100000000",
                    "state_budget": "1800000000",
                    "summary": "Giám sát môi trường nước.",
                    "results": rich_text(""),
                    "decisions": inline_formset(
                        [
                            {
                                "number": "338/QĐ-UBND",
                                "issued_on": "07/03/2023",
                                "issuer": "UBND tỉnh Sơn La",
                                "summary": "",
                                "document": "",
                            }
                        ]
                    ),
                    "milestones": inline_formset(
                        [{"kind": "ky_hop_dong", "date": "01/03/2024", "note": ""}]
                    ),
                    "documents": inline_formset([]),
                    "related_articles": inline_formset([]),
                }
            ),
        )
        task = TaskPage.objects.get(code="ĐT.2024.03")
        self.assertEqual(task.decisions.get().number, "338/QĐ-UBND")
        self.assertEqual(task.milestones.get().kind, "ky_hop_dong")

    def test_inconsistent_dates_and_budgets_are_refused(self):
        task = TaskPage(
            title="Sai số liệu",
            start_date=datetime.date(2024, 1, 1),
            end_date=datetime.date(2023, 1, 1),
            total_budget=100,
            state_budget=200,
        )
        with self.assertRaises(Exception) as caught:
            self.registry.add_child(instance=task)
        self.assertIn("end_date", str(caught.exception))
        self.assertIn("state_budget", str(caught.exception))
        self.assertFalse(Page.objects.filter(title="Sai số liệu").exists())
