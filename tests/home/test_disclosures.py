"""What the department discloses (Decree 42/2022/NĐ-CP): the "Công khai" page by year and kind,
documents' field, date in force and official copy, the spokesperson with the leaders, people's
positions in English, and the information request form."""

import datetime

from django.test import TestCase
from django.urls import reverse

from core.people import PersonGroup
from core.roles import APPROVERS_GROUP, EDITORS_GROUP
from home.models import DisclosurePage, DocumentLibraryPage, DocumentReview, Person
from tests.factories import ContactPageFactory, StandardPageFactory
from tests.helpers import ReaderClient, home_page, make_staff
from tests.home.test_documents import make_document
from tests.home.test_english_pages import publish_translation


def disclosed(number, kind, issued_on, summary, **fields):
    document = make_document(number, kind, issued_on, "Sở Khoa học và Công nghệ", summary)
    for name, value in fields.items():
        setattr(document, name, value)
    document.save()
    return document


class DisclosurePageTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        home.add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        cls.page = home.add_child(instance=DisclosurePage(title="Công khai", slug="cong-khai"))
        StandardPageFactory(parent=cls.page, title="Danh mục thông tin phải được công khai")
        ContactPageFactory(parent=cls.page, title="Yêu cầu cung cấp thông tin")
        disclosed("28/QĐ", "du_toan", datetime.date(2026, 1, 12), "Dự toán ngân sách năm 2026")
        disclosed("35/QĐ", "du_toan", datetime.date(2025, 1, 10), "Dự toán ngân sách năm 2025")
        disclosed("112/QĐ", "quyet_toan", datetime.date(2025, 6, 20), "Quyết toán năm 2024")
        disclosed("141/QĐ", "ket_qua_lcnt", datetime.date(2025, 7, 15), "Kết quả chọn nhà thầu")
        disclosed("95/BC", "bao_cao_thong_ke", datetime.date(2025, 12, 28), "Thống kê năm 2025")
        make_document(
            "1/QĐ",
            "du_toan",
            datetime.date(2026, 2, 1),
            "Sở",
            "Dự toán chờ duyệt",
            review_status=DocumentReview.WAITING,
        )
        make_document("2/QĐ", "quyet_dinh", datetime.date(2026, 2, 1), "Sở", "Quyết định khác")

    def groups(self, response):
        return [
            (year, [(str(kind), [document.number for document in items]) for kind, items in kinds])
            for year, kinds in response.context["years"]
        ]

    def test_lists_approved_disclosures_by_year_then_kind(self):
        response = self.client.get("/cong-khai/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            self.groups(response),
            [
                (2026, [("Công khai dự toán ngân sách", ["28/QĐ"])]),
                (
                    2025,
                    [
                        ("Công khai dự toán ngân sách", ["35/QĐ"]),
                        ("Công khai quyết toán ngân sách", ["112/QĐ"]),
                        ("Kết quả lựa chọn nhà thầu", ["141/QĐ"]),
                        ("Báo cáo thống kê", ["95/BC"]),
                    ],
                ),
            ],
        )
        self.assertNotContains(response, "Dự toán chờ duyệt")
        self.assertNotContains(response, "Quyết định khác")

    def test_links_the_pages_editors_keep_under_it(self):
        response = self.client.get("/cong-khai/")
        self.assertContains(response, "Danh mục thông tin phải được công khai")
        self.assertContains(response, "Yêu cầu cung cấp thông tin")

    def test_filters_by_year_and_kind_and_drops_bad_values_with_a_notice(self):
        response = self.client.get("/cong-khai/?year=2025&kind=du_toan")
        self.assertEqual(
            self.groups(response), [(2025, [("Công khai dự toán ngân sách", ["35/QĐ"])])]
        )
        response = self.client.get("/cong-khai/?year=1900&kind=bi-mat")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self.groups(response)), 2)
        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ: Năm, Loại")

    def test_the_request_form_takes_a_request_under_the_contact_forms_protections(self):
        form_page = ContactPageFactory._meta.model.objects.get(slug="yeu-cau-cung-cap-thong-tin")
        response = self.client.get(form_page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="homepage_url"')  # the honeypot


class InformationRequestPrivacyTests(TestCase):
    """A request for information (Law on Access to Information) is personal data (Decree
    13/2023): stored for staff, never shown on a public page, feed, search, sitemap or the open
    data."""

    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home = home_page()
        disclosure = home.add_child(instance=DisclosurePage(title="Công khai", slug="cong-khai"))
        cls.form_page = ContactPageFactory(
            parent=disclosure,
            title="Yêu cầu cung cấp thông tin",
            fields=[
                ("Họ và tên", "singleline", True),
                ("Số định danh cá nhân", "singleline", True),
                ("Thư điện tử", "email", True),
                ("Thông tin cần cung cấp", "multiline", True),
                ("Đồng ý xử lý dữ liệu cá nhân", "checkbox", True),
            ],
        )

    def test_the_requesters_data_is_stored_and_reaches_no_public_surface(self):
        personal = ("Lò Thị Mai", "012345678901", "lothimai@nguoidan.example")
        response = self.client.post(
            self.form_page.url,
            {
                "ho_va_ten": personal[0],
                "so_dinh_danh_ca_nhan": personal[1],
                "thu_dien_tu": personal[2],
                "thong_tin_can_cung_cap": "Quyết định giao nhiệm vụ năm 2025",
                "dong_y_xu_ly_du_lieu_ca_nhan": "on",
            },
        )
        self.assertContains(response, "Sở đã nhận được thư của bạn.")
        stored = self.form_page.get_submission_class().objects.get(page=self.form_page)
        self.assertEqual(stored.get_data()["so_dinh_danh_ca_nhan"], personal[1])
        self.assertTrue(stored.get_data()["dong_y_xu_ly_du_lieu_ca_nhan"])  # consent, with its time

        # Searches ask for parts of the values: the results page repeats what the reader typed.
        public = [
            "/", "/cong-khai/", self.form_page.url, "/so-do-cong/", "/du-lieu-mo/", "/api/tin-tuc/",
            "/api/van-ban/", "/api/thu-tuc/", "/rss/", "/atom/", "/sitemap.xml",
            "/sitemap-trang.xml", "/tim-kiem/?q=Lo+Thi+Mai", "/tim-kiem/?q=0123456789",
            "/tim-kiem/?q=lothimai",
        ]  # fmt: skip
        for url in public:
            with self.subTest(url=url):
                content = self.client.get(url).content.decode()
                for value in personal:
                    self.assertNotIn(value, content)


class LibraryFieldsTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        home_page().add_child(instance=DocumentLibraryPage(title="Văn bản", slug="van-ban"))
        cls.decree = disclosed(
            "60/2021/NĐ-CP",
            "nghi_dinh",
            datetime.date(2021, 6, 21),
            "Tự chủ tài chính",
            sector="tai_chinh",
            effective_from=datetime.date(2021, 8, 15),
            official_url="https://vbpl.example/60-2021",
        )
        cls.post = disclosed(
            "5/QĐ", "quyet_dinh", datetime.date(2025, 1, 1), "Bưu chính", sector="buu_chinh"
        )

    def test_the_library_filters_by_field(self):
        response = self.client.get("/van-ban/?sector=buu_chinh")
        self.assertEqual([document.number for document in response.context["documents"]], ["5/QĐ"])
        response = self.client.get("/van-ban/?sector=khong-co")
        self.assertEqual(len(response.context["documents"]), 2)
        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ: Lĩnh vực")

    def test_the_detail_page_shows_field_date_in_force_and_official_copy(self):
        response = self.client.get(f"/van-ban/{self.decree.pk}/")
        self.assertContains(
            response, "<dt>Lĩnh vực</dt><dd>Tài chính, ngân sách, mua sắm công</dd>"
        )
        self.assertContains(response, "<dt>Ngày có hiệu lực</dt><dd>15/8/2021</dd>")
        self.assertContains(response, 'href="https://vbpl.example/60-2021"')

    def test_an_editor_fills_the_new_fields_and_the_document_waits_for_approval(self):
        editor = make_staff("bientap", EDITORS_GROUP)
        self.client.force_login(editor)
        response = self.client.post(
            reverse("wagtaildocs:edit", args=(self.post.pk,)),
            {
                "title": self.post.title,
                "collection": self.post.collection_id,
                "number": "5/QĐ",
                "document_type": "quyet_dinh",
                "issued_on": "01/01/2025",
                "issuer": "Sở",
                "signer": "",
                "summary": "Bưu chính",
                "sector": "vien_thong",
                "effect": "con_hieu_luc",
                "effective_from": "15/01/2025",
                "official_url": "https://vbpl.example/5",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.post.refresh_from_db()
        self.assertEqual(
            (self.post.sector, self.post.effective_from, self.post.review_status),
            ("vien_thong", datetime.date(2025, 1, 15), DocumentReview.WAITING),
        )


class SpokespersonAndEnglishPositionsTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        Person.objects.create(
            name="Nguyễn Văn A",
            position="Giám đốc Sở",
            position_en="Director",
            group=PersonGroup.LEADERSHIP,
        )
        Person.objects.create(
            name="Trần Thị B",
            position="Phó Giám đốc Sở, Người phát ngôn",
            unit="Sở Khoa học và Công nghệ",
            unit_en="Department of Science and Technology",
            phone="02123.852.224",
            email="phatngon@sokhcn.example",
            group=PersonGroup.SPOKESPERSON,
        )
        home = home_page()
        body = [
            {"type": "people", "value": {"heading": "Lãnh đạo Sở", "group": "lanh_dao"}},
            {"type": "people", "value": {"heading": "Người phát ngôn", "group": "phat_ngon"}},
        ]
        cls.page = StandardPageFactory(parent=home, title="Lãnh đạo Sở", body=body)
        publish_translation(home, title="Son La Department of Science and Technology")
        cls.english = publish_translation(cls.page, title="Leadership", slug="leadership")

    def test_the_spokesperson_is_shown_with_the_leaders_and_their_contacts(self):
        response = self.client.get(self.page.url)
        self.assertContains(response, "Người phát ngôn")
        self.assertContains(response, "Phó Giám đốc Sở, Người phát ngôn, Sở Khoa học và Công nghệ")
        self.assertContains(response, "mailto:phatngon@sokhcn.example")

    def test_english_pages_show_positions_and_units_in_english(self):
        response = self.client.get("/en/leadership/")
        self.assertContains(response, "Director")
        self.assertContains(response, "Phó Giám đốc Sở, Người phát ngôn, Department of Science")
        self.assertNotContains(response, "Giám đốc Sở<")

    def test_approvers_keep_the_english_positions_in_the_admin(self):
        self.client.force_login(make_staff("duyet", APPROVERS_GROUP))
        response = self.client.get(reverse("wagtailsnippets_home_person:add"))
        self.assertContains(response, "Chức vụ (tiếng Anh)")
        self.assertContains(response, "Trên trang tiếng Anh")
