from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage, ArticleViews
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import ContactPage, SiteSettings, StandardPage
from programs.models import ProgramPage, TaskPage
from tests.helpers import ReaderClient


def load_demo(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def site_census():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
        "views": list(ArticleViews.objects.order_by("pk").values_list("views", flat=True)),
    }


class DemoContentTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.first_output = load_demo()

    def get(self, url):
        return self.client.get(url)

    def test_builds_a_believable_site(self):
        self.assertGreaterEqual(ArticlePage.objects.live().count(), 30)
        self.assertGreaterEqual(ArticleIndexPage.objects.live().count(), 3)
        self.assertFalse(ArticlePage.objects.filter(lead_image=None).exists())
        self.assertTrue(ContactPage.objects.get(slug="lien-he").form_fields.exists())
        self.assertTrue(
            StandardPage.objects.filter(url_path__startswith="/home/gioi-thieu/")
            .exclude(slug="gioi-thieu")
            .exists()
        )
        for url in (
            "/",
            "/tin-tuc/",
            "/thong-bao/",
            "/hoat-dong-khcn/",
            "/gioi-thieu/",
            "/gioi-thieu/chuc-nang-nhiem-vu/",
            "/lien-he/",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.get(url).status_code, 200)

    def test_leaders_and_the_focal_official_are_listed_with_contacts(self):
        response = self.get("/gioi-thieu/lanh-dao-so/")
        self.assertContains(response, "Giám đốc Sở")
        self.assertContains(response, "Cán bộ đầu mối cung cấp thông tin")
        self.assertContains(response, 'href="mailto:sokhcn@sonla.gov.vn"')

    def test_organization_functions_leadership_and_contact_exist_in_english(self):
        for url, title in (
            ("/en/about/", "About the Department"),
            ("/en/about/functions-and-tasks/", "Functions and tasks"),
            ("/en/about/organization/", "Organization"),
            ("/en/about/leadership/", "Leadership"),
            ("/en/contact/", "Contact"),
        ):
            with self.subTest(url=url):
                self.assertContains(self.get(url), f"{title}</h1>", html=False)
        self.assertContains(self.get("/en/contact/"), "Full name")

    def test_what_decree_42_asks_is_there_from_the_first_run(self):
        from procedures.models import ProcedurePage

        procedures = ProcedurePage.objects.live()
        self.assertGreaterEqual(procedures.count(), 30)
        self.assertEqual(procedures.filter(is_example=False).count(), 0)  # never shown as official
        self.assertGreaterEqual(len(set(procedures.values_list("sector", flat=True))), 7)
        self.assertContains(self.get("/thu-tuc-hanh-chinh/"), "Dữ liệu minh họa")
        disclosure = self.get("/cong-khai/")
        for text in ("Danh mục thông tin phải được công khai", "Yêu cầu cung cấp thông tin",
                     "Công khai dự toán ngân sách", "Kết quả lựa chọn nhà thầu",
                     "Báo cáo thống kê"):  # fmt: skip
            self.assertContains(disclosure, text)
        self.assertContains(
            self.get("/cong-khai/yeu-cau-cung-cap-thong-tin/"), "Đồng ý xử lý dữ liệu cá nhân"
        )
        self.assertContains(self.get("/so-do-cong/"), 'href="/thu-tuc-hanh-chinh/"')
        self.assertGreaterEqual(self.get("/api/thu-tuc/").json()["count"], 30)
        self.assertContains(self.get("/gioi-thieu/lanh-dao-so/"), "Người phát ngôn")

    def test_the_footer_links_the_province_and_the_ministry(self):
        footer = self.get("/").content.decode().split('<footer class="footer">')[1]
        for portal in ("https://sonla.gov.vn", "https://mst.gov.vn"):
            self.assertIn(f'href="{portal}"', footer)

    def test_registry_has_programs_and_tasks_across_statuses_and_levels(self):
        tasks = TaskPage.objects.live()
        self.assertGreaterEqual(ProgramPage.objects.live().count(), 2)
        self.assertGreaterEqual(tasks.count(), 30)
        self.assertGreaterEqual(len(set(tasks.values_list("status", flat=True))), 5)
        self.assertGreaterEqual(len(set(tasks.values_list("level", flat=True))), 2)
        # As the department reported: 24 provincial topics, 4 projects of the mountainous rural
        # program and 1 national topic started in 2021.
        started_2021 = tasks.filter(start_date__year=2021)
        self.assertEqual(started_2021.filter(level="tinh", kind="de_tai").count(), 24)
        self.assertEqual(started_2021.filter(code__startswith="NTMN").count(), 4)
        self.assertEqual(started_2021.filter(code__startswith="ĐTQG").count(), 1)
        response = self.get("/chuong-trinh/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.get("/chuong-trinh/tai-ve/csv/").status_code, 200)
        self.assertContains(self.get("/"), 'id="home-registry-title"')

    def test_document_library_holds_the_departments_documents(self):
        documents = get_document_model().objects
        self.assertGreaterEqual(documents.count(), 15)
        self.assertTrue(
            documents.filter(
                number="2423/QĐ-UBND", document_type="quyet_dinh", issued_on="2022-11-18"
            ).exists()
        )
        response = self.get("/van-ban/?q=2423")
        self.assertContains(response, "Quyết định số 2423/QĐ-UBND")
        decision = documents.get(number="2423/QĐ-UBND")
        self.assertEqual(self.get(decision.url).status_code, 200)

    def test_demo_images_have_their_public_renditions_ready(self):
        image = get_image_model().objects.first()
        self.assertGreaterEqual(image.renditions.count(), 12)

    def test_the_working_session_of_5_june_2023(self):
        article = ArticlePage.objects.get(
            slug="pho-chu-tich-ubnd-tinh-lam-viec-voi-so-khoa-hoc-va-cong-nghe"
        )
        self.assertEqual(article.url, f"/tin-tuc/{article.slug}/")
        response = self.get(article.url)
        self.assertContains(response, "Ngày 05/6/2023")
        self.assertContains(
            response, "Lượt xem: <span data-view-count>398</span>"
        )  # as on the old site
        self.assertContains(response, '<p class="article__author">Ánh Nguyệt - Tú Hảo</p>')
        for fact in (
            "Nguyễn Thành Công",
            "29 nhiệm vụ",
            "2423/QĐ-UBND",
            "54/2023/NQ-HĐND",
            "12 kết quả",
        ):
            self.assertContains(response, fact)

    def test_site_settings_carry_the_department_details(self):
        settings = SiteSettings.objects.get()
        self.assertEqual(settings.phone, "02123.852.224")
        self.assertEqual(settings.fax, "02123.852.791")
        self.assertIn("Khu Quảng trường Tây Bắc", settings.address)
        self.assertContains(self.get("/"), "Khu Quảng trường Tây Bắc")

    def test_running_again_changes_nothing(self):
        before = site_census()
        output = load_demo()
        self.assertEqual(site_census(), before)
        self.assertIn("tạo mới 0 mục", output)

    def test_reports_progress_and_a_one_line_summary(self):
        self.assertIn("• Tin bài", self.first_output)
        self.assertTrue(self.first_output.strip().splitlines()[-1].startswith("Xong: tạo mới"))

    def test_editors_changes_survive_a_rerun(self):
        article = ArticlePage.objects.get(slug="tong-ket-cong-tac-khoa-hoc-va-cong-nghe-nam-2025")
        article.title = "Tổng kết năm 2025 (đã biên tập)"
        article.save_revision().publish()
        load_demo()
        article.refresh_from_db()
        self.assertEqual(article.title, "Tổng kết năm 2025 (đã biên tập)")

    def test_demo_accounts_exist_under_dev_settings_with_their_roles(self):
        users = get_user_model().objects
        self.assertTrue(users.get(username="admin").is_superuser)
        editor = users.get(username="editor")
        approver = users.get(username="approver")
        self.assertFalse(editor.is_superuser or approver.is_superuser)
        self.assertEqual(list(editor.groups.values_list("name", flat=True)), [EDITORS_GROUP])
        self.assertEqual(list(approver.groups.values_list("name", flat=True)), [APPROVERS_GROUP])
        response = self.client.post(
            "/admin/login/", {"username": "editor", "password": "quantri-sonla-2026"}
        )
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)

    def test_one_article_waits_in_moderation_on_the_approver_dashboard(self):
        state = WorkflowState.objects.get(status=WorkflowState.STATUS_IN_PROGRESS)
        self.assertEqual(state.requested_by.username, "editor")
        article = state.content_object
        self.assertFalse(article.live)
        self.assertEqual(self.get(article.url).status_code, 404)
        self.client.force_login(get_user_model().objects.get(username="approver"))
        self.assertContains(self.client.get("/admin/"), article.title)


class DemoContentProductionTests(TestCase):
    client_class = ReaderClient

    @override_settings(ALLOW_DEMO_USERS=False)
    def test_production_settings_refuse_to_create_users(self):
        output = load_demo("--without-renditions")  # the accounts are what this is about
        self.assertFalse(get_user_model().objects.exists())
        self.assertIn("không tạo tài khoản mẫu", output)
        self.assertNotIn("Tạo sẵn các bản ảnh", output)  # skipped on request
        self.assertGreaterEqual(ArticlePage.objects.count(), 30)
