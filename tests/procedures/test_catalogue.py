"""The procedures catalogue (/thu-tuc-hanh-chinh/) and a procedure's page, as readers get them,
and the way they are made in the admin: editors draft, approvers publish."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DocumentReview
from procedures.models import ProcedureForm, ProcedureLegalDocument, ProcedurePage, ServiceLevel
from tests.helpers import ReaderClient, make_staff
from tests.home.test_documents import make_document
from tests.procedures.helpers import make_catalogue, make_procedure


class CatalogueTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.catalogue = make_catalogue()
        cls.post = make_procedure(cls.catalogue, "Cấp giấy phép bưu chính", "1.004470")
        cls.radiation = make_procedure(
            cls.catalogue,
            "Cấp giấy phép tiến hành công việc bức xạ",
            "1.002145",
            sector="an_toan_buc_xa",
            level=ServiceLevel.PARTIAL,
        )
        cls.technology = make_procedure(
            cls.catalogue,
            "Cho ý kiến về công nghệ của dự án đầu tư",
            "2.001507",
            sector="chuyen_giao_cong_nghe",
            level=ServiceLevel.NONE,
        )
        draft = make_procedure(cls.catalogue, "Thủ tục đang soạn", "9.000001")
        draft.unpublish()
        hidden = make_procedure(cls.catalogue, "Thủ tục nội bộ", "9.000002")
        PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    def titles(self, response):
        return [
            procedure.title for _, items in response.context["sector_groups"] for procedure in items
        ]

    def test_lists_what_readers_may_open_grouped_by_field_in_the_departments_order(self):
        response = self.client.get("/thu-tuc-hanh-chinh/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            [sector for sector, _ in response.context["sector_groups"]],
            ["Chuyển giao công nghệ", "An toàn bức xạ và hạt nhân", "Bưu chính"],
        )
        self.assertNotContains(response, "Thủ tục đang soạn")
        self.assertNotContains(response, "Thủ tục nội bộ")
        self.assertEqual(
            response.context["level_counts"],
            [
                ("toan_trinh", "Trực tuyến toàn trình", 1),
                ("mot_phan", "Trực tuyến một phần", 1),
                ("khong", "Nộp trực tiếp hoặc qua bưu chính", 1),
            ],
        )

    def test_filters_by_field_and_level(self):
        response = self.client.get("/thu-tuc-hanh-chinh/?sector=an_toan_buc_xa")
        self.assertEqual(self.titles(response), ["Cấp giấy phép tiến hành công việc bức xạ"])
        response = self.client.get("/thu-tuc-hanh-chinh/?level=khong")
        self.assertEqual(self.titles(response), ["Cho ý kiến về công nghệ của dự án đầu tư"])

    def test_finds_a_name_typed_without_diacritics_or_by_code(self):
        response = self.client.get("/thu-tuc-hanh-chinh/?q=giay+phep+buu+chinh")
        self.assertEqual(self.titles(response), ["Cấp giấy phép bưu chính"])
        response = self.client.get("/thu-tuc-hanh-chinh/?q=1.002145")
        self.assertEqual(self.titles(response), ["Cấp giấy phép tiến hành công việc bức xạ"])

    def test_bad_filter_values_are_dropped_with_a_notice_not_an_error(self):
        response = self.client.get("/thu-tuc-hanh-chinh/?sector=khong-co&level=5&q=" + "x" * 500)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.titles(response)), 3)
        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ")
        self.assertContains(response, "Lĩnh vực")

    def test_a_bad_page_number_is_not_found(self):
        for page in ("abc", "0", "99", "1e3"):
            with self.subTest(page=page):
                response = self.client.get(f"/thu-tuc-hanh-chinh/?page={page}")
                self.assertEqual(response.status_code, 404)

    def test_search_finds_procedures_as_their_own_kind(self):
        response = self.client.get("/tim-kiem/?q=buu+chinh&loai=thu-tuc")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'href="/thu-tuc-hanh-chinh/cap-giay-phep-buu-chinh/"')
        self.assertContains(response, "result__kind--thu-tuc")


class ProcedurePageTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.catalogue = make_catalogue()
        law = make_document(
            "49/2010/QH12", "khac", datetime.date(2010, 6, 17), "Quốc hội", "Luật Bưu chính"
        )
        waiting = make_document(
            "12/2026/TT-BKHCN",
            "khac",
            datetime.date(2026, 1, 2),
            "Bộ KH&CN",
            "Thông tư chưa duyệt",
            review_status=DocumentReview.WAITING,
        )
        form = make_document(
            "Mẫu 01", "bieu_mau", datetime.date(2024, 1, 1), "Sở", "Đơn đề nghị cấp phép"
        )
        cls.online = make_procedure(
            cls.catalogue,
            "Cấp giấy phép bưu chính",
            "1.004470",
            processing_time="20 ngày làm việc",
            fee="Theo biểu phí hiện hành",
            applicants="Doanh nghiệp",
            steps="<ol><li>Nộp hồ sơ.</li></ol>",
            legal_basis_text="Luật Bưu chính số 49/2010/QH12.",
            national_submit_url="https://dichvucong.example/nop/1.004470",
            is_example=True,
        )
        ProcedureLegalDocument.objects.create(procedure=cls.online, document=law)
        ProcedureLegalDocument.objects.create(procedure=cls.online, document=waiting)
        ProcedureForm.objects.create(procedure=cls.online, document=form, title="")
        cls.offline = make_procedure(
            cls.catalogue, "Cho ý kiến về công nghệ", "2.001507", level=ServiceLevel.NONE
        )

    def test_shows_the_facts_the_forms_and_the_approved_legal_basis(self):
        response = self.client.get(self.online.url)
        self.assertEqual(response.status_code, 200)
        for text in (
            "Mã thủ tục 1.004470",
            "Bưu chính",
            "Trực tuyến toàn trình",
            "20 ngày làm việc",
            "Theo biểu phí hiện hành",
            "Doanh nghiệp",
            "Nộp hồ sơ.",
            "Luật Bưu chính số 49/2010/QH12.",
            "Đơn đề nghị cấp phép",
        ):
            self.assertContains(response, text)
        self.assertEqual(
            [document.number for document in response.context["legal_documents"]],
            ["49/2010/QH12"],
        )
        self.assertNotContains(response, "Thông tư chưa duyệt")

    def test_example_data_is_marked_as_such(self):
        self.assertContains(self.client.get(self.online.url), "Dữ liệu minh họa")
        self.assertNotContains(self.client.get(self.offline.url), "Dữ liệu minh họa")

    def test_links_out_to_submit_its_own_deep_link_then_the_provinces_portal(self):
        response = self.client.get(self.online.url)
        self.assertContains(response, 'href="https://dichvucong.example/nop/1.004470"')
        self.assertContains(response, 'href="https://dichvucong.sonla.example"')
        self.assertContains(response, 'href="https://dichvucong.sonla.example/tra-cuu"')

    def test_a_procedure_not_done_online_says_where_to_go_and_offers_no_submit_link(self):
        response = self.client.get(self.offline.url)
        self.assertEqual(response.context["submit_links"], [])
        self.assertContains(response, "chưa nộp trực tuyến được")

    def test_the_page_reads_a_constant_number_of_queries_whatever_its_documents(self):
        for _ in range(2):  # the frame cache and the site's addresses read
            self.client.get(self.online.url)
        before = self.queries(self.online.url)
        for number in range(5):
            extra = make_document(
                f"{number}/QĐ-UBND", "quyet_dinh", datetime.date(2025, 1, 1), "UBND", f"VB {number}"
            )
            ProcedureLegalDocument.objects.create(procedure=self.online, document=extra)
            ProcedureForm.objects.create(procedure=self.online, document=extra)
        response = self.client.get(self.online.url)
        self.assertEqual(len(response.context["legal_documents"]), 6)
        self.assertEqual(len(response.context["procedure_forms"]), 6)
        self.assertEqual(self.queries(self.online.url), before)

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            self.client.get(url)
        return len(captured)


class ProcedureAdminTests(TestCase):
    """A procedure goes through the same workflow as every page: the editor's draft waits, the
    approver's approval publishes it."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.catalogue = make_catalogue()
        cls.editor = make_staff("bientap", EDITORS_GROUP)
        cls.approver = make_staff("nguoiduyet", APPROVERS_GROUP)

    def form_data(self, **actions):
        return nested_form_data(
            {
                "title": "Cấp văn bản xác nhận thông báo hoạt động bưu chính",
                "slug": "cap-van-ban-xac-nhan-thong-bao-hoat-dong-buu-chinh",
                "code": "1.004471",
                "sector": "buu_chinh",
                "service_level": "toan_trinh",
                "is_example": "",
                "applicants": "Doanh nghiệp",
                "agency": "Sở Khoa học và Công nghệ tỉnh Sơn La",
                "processing_time": "7 ngày làm việc",
                "fee": "",
                "result": "",
                "steps": rich_text("<p>Nộp hồ sơ trực tuyến.</p>"),
                "dossier": rich_text(""),
                "legal_basis_text": "",
                "legal_documents": inline_formset([]),
                "forms": inline_formset([]),
                "national_submit_url": "",
                "provincial_submit_url": "",
                **actions,
            }
        )

    def test_the_editors_procedure_waits_for_the_approver_then_goes_live(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=("procedures", "procedurepage", self.catalogue.pk)
        )
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(add_url).status_code, 200)
        response = self.client.post(add_url, self.form_data(**{"action-submit": "1"}))
        self.assertEqual(response.status_code, 302, response.content.decode()[-3000:])
        procedure = ProcedurePage.objects.get(code="1.004471")
        self.assertFalse(procedure.live)
        self.client.logout()
        self.assertEqual(
            self.client.get("/thu-tuc-hanh-chinh/").context["procedures"].paginator.count, 0
        )

        state = WorkflowState.objects.get(object_id=str(procedure.pk), status="in_progress")
        self.client.force_login(self.approver)
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=(procedure.pk, "approve", state.current_task_state.pk),
            ),
            {"comment": ""},
        )
        procedure.refresh_from_db()
        self.assertTrue(procedure.live)
        self.client.logout()
        self.assertContains(self.client.get(procedure.url), "7 ngày làm việc")

    def test_the_editor_cannot_publish_a_procedure_alone(self):
        add_url = reverse(
            "wagtailadmin_pages:add", args=("procedures", "procedurepage", self.catalogue.pk)
        )
        self.client.force_login(self.editor)
        self.client.post(add_url, self.form_data(**{"action-publish": "1"}))
        self.assertFalse(ProcedurePage.objects.get(code="1.004471").live)
