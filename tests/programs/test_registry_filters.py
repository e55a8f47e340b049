import csv
import datetime
import io
import json

import pytest
from django.test import TestCase

from programs.models import TaskKind, TaskLevel, TaskStatus
from tests.factories import (
    OrganizationFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    ResearchFieldFactory,
    TaskPageFactory,
)
from tests.helpers import ReaderClient, home_page

BAD_VALUES = {
    "status": ["xyz", "' OR 1=1", "\x00"],
    "kind": ["de tai", "[]"],
    "level": ["tinh;", "9" * 300],
    "field": ["khong-co", "%00"],
    "program": ["abc", "999999", "-1", "1.5"],
    "host": ["abc", "0", "9" * 40],
    "year": ["abc", "1e3", "99999", "-2021", "\x00"],
    "sort": ["zz", "title; DROP TABLE"],
    "q": ["x" * 5000],
    "page": ["abc", "0", "-1"],
}


class RegistryFilterTests(TestCase):
    client_class = ReaderClient

    @classmethod
    def setUpTestData(cls):
        cls.registry = ProgramIndexPageFactory(parent=home_page())
        cls.agri = ResearchFieldFactory(name="Nông nghiệp", slug="nong-nghiep")
        cls.health = ResearchFieldFactory(name="Y dược", slug="y-duoc")
        cls.university = OrganizationFactory(name="Trường Đại học Tây Bắc")
        cls.hospital = OrganizationFactory(name="Bệnh viện Đa khoa tỉnh")
        cls.rural = ProgramPageFactory(parent=cls.registry, title="Chương trình Nông thôn miền núi")
        make = TaskPageFactory
        cls.coffee = make(
            parent=cls.registry,
            title="Giống cà phê chè",
            code="ĐT.2021.01",
            field=cls.agri,
            host_organization=cls.university,
            status=TaskStatus.HANDED_OVER,
            start_date=datetime.date(2021, 1, 1),
            end_date=datetime.date(2023, 12, 31),
        )
        cls.xray = make(
            parent=cls.registry,
            title="Chẩn đoán X-quang",
            code="ĐT.2022.07",
            field=cls.health,
            host_organization=cls.hospital,
            status=TaskStatus.IN_PROGRESS,
            start_date=datetime.date(2022, 6, 1),
            end_date=datetime.date(2026, 5, 31),
        )
        cls.fish = make(
            parent=cls.rural,
            title="Nuôi cá lồng lòng hồ",
            code="NTMN.01",
            kind=TaskKind.PROJECT,
            level=TaskLevel.NATIONAL,
            field=cls.agri,
            host_organization=cls.university,
            status=TaskStatus.CARRIED_OVER,
            start_date=datetime.date(2021, 3, 1),
            end_date=datetime.date(2025, 2, 28),
        )
        cls.proposal = make(
            parent=cls.registry,
            title='=HYPERLINK("http://x")',
            code="ĐX.01",
            status=TaskStatus.PROPOSED,
            start_date=None,
            end_date=None,
            total_budget=None,
            state_budget=None,
        )
        make(parent=cls.registry, title="Đề tài nháp", live=False)

    def get(self, data=None, url=None):
        return self.client.get(url or self.registry.url, data or {})

    def titles(self, data=None):
        response = self.get(data)
        self.assertEqual(response.status_code, 200)
        return {task.title for task in response.context["tasks"]}

    def test_lists_live_tasks_of_programs_and_the_registry(self):
        self.assertEqual(
            self.titles(),
            {"Giống cà phê chè", "Chẩn đoán X-quang", "Nuôi cá lồng lòng hồ", self.proposal.title},
        )

    def test_the_total_counts_the_tasks_listed(self):
        # The status chart counts every status for the other filters; the total is what matches.
        for data, expected in (({}, 4), ({"status": "ban_giao"}, 1), ({"field": "y-duoc"}, 1)):
            with self.subTest(data=data):
                self.assertContains(
                    self.get(data), f'<p class="registry-total"><strong>{expected}</strong>'
                )

    def test_each_filter(self):
        cases = {
            "status": ({"status": "ban_giao"}, {"Giống cà phê chè"}),
            "kind": ({"kind": "du_an"}, {"Nuôi cá lồng lòng hồ"}),
            "level": ({"level": "quoc_gia"}, {"Nuôi cá lồng lòng hồ"}),
            "field": ({"field": "y-duoc"}, {"Chẩn đoán X-quang"}),
            "program": ({"program": self.rural.pk}, {"Nuôi cá lồng lòng hồ"}),
            "host": ({"host": self.hospital.pk}, {"Chẩn đoán X-quang"}),
            "year": (
                {"year": "2025"},
                {"Chẩn đoán X-quang", "Nuôi cá lồng lòng hồ", self.proposal.title},
            ),
            "q title": ({"q": "x-quang"}, {"Chẩn đoán X-quang"}),
            "q code": ({"q": "NTMN"}, {"Nuôi cá lồng lòng hồ"}),
        }
        for name, (data, expected) in cases.items():
            with self.subTest(filter=name):
                self.assertEqual(self.titles(data), expected)

    def test_filters_combine(self):
        self.assertEqual(
            self.titles({"field": "nong-nghiep", "host": self.university.pk}),
            {"Giống cà phê chè", "Nuôi cá lồng lòng hồ"},
        )
        self.assertEqual(
            self.titles({"field": "nong-nghiep", "host": self.university.pk, "year": "2024"}),
            {"Nuôi cá lồng lòng hồ"},
        )
        self.assertEqual(
            self.titles({"level": "tinh", "status": "ban_giao", "q": "cà phê"}),
            {"Giống cà phê chè"},
        )
        self.assertEqual(self.titles({"program": self.rural.pk, "status": "ban_giao"}), set())

    def test_sorting(self):
        response = self.get({"sort": "ma-so"})
        codes = [task.code for task in response.context["tasks"]]
        self.assertEqual(codes, sorted(codes))
        response = self.get({"sort": "kinh-phi", "status": "chuyen_tiep"})
        self.assertEqual([t.title for t in response.context["tasks"]], ["Nuôi cá lồng lòng hồ"])

    def test_status_counts_follow_the_other_filters(self):
        response = self.get({"field": "nong-nghiep", "status": "ban_giao"})
        counts = {value: count for value, _, count in response.context["status_counts"]}
        self.assertEqual(counts["ban_giao"], 1)
        self.assertEqual(counts["chuyen_tiep"], 1)
        self.assertEqual(counts["dang_thuc_hien"], 0)
        self.assertContains(response, '<svg class="chart"')

    @pytest.mark.attack
    def test_bad_values_are_dropped_with_a_notice_never_an_error(self):
        for name, values in BAD_VALUES.items():
            for value in values:
                with self.subTest(parameter=name, value=value[:20]):
                    response = self.get({name: value})
                    # A bad page number is a page that does not exist; a bad filter is dropped.
                    self.assertEqual(response.status_code, 404 if name == "page" else 200)
                    if name not in ("q", "page"):
                        self.assertContains(response, "Đã bỏ qua điều kiện lọc không hợp lệ")
                    for export in ("tai-ve/csv/", "tai-ve/json/"):
                        exported = self.get({name: value}, url=self.registry.url + export)
                        self.assertEqual(exported.status_code, 200)

    def test_filter_form_keeps_the_readers_choices(self):
        response = self.get({"status": "ban_giao", "q": "cà phê"})
        self.assertContains(response, '<option value="ban_giao" selected>')
        self.assertContains(response, 'value="cà phê"')

    def test_csv_export_opens_in_excel_with_vietnamese_and_the_filter_applied(self):
        response = self.get({"field": "nong-nghiep"}, url=self.registry.url + "tai-ve/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        body = response.content.decode("utf-8")
        self.assertTrue(body.startswith("\ufeff"))
        rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
        self.assertEqual(rows[0][:3], ["Mã số", "Tên nhiệm vụ", "Loại"])
        by_code = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_code), {"ĐT.2021.01", "NTMN.01"})
        self.assertEqual(by_code["NTMN.01"][5], "Chương trình Nông thôn miền núi")
        self.assertEqual(by_code["NTMN.01"][3], "Cấp quốc gia")
        self.assertEqual(by_code["ĐT.2021.01"][10], "1250000000")

    @pytest.mark.attack
    def test_csv_neutralises_spreadsheet_formulas(self):
        response = self.get({"status": "de_xuat"}, url=self.registry.url + "tai-ve/csv/")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8").lstrip("\ufeff"))))
        self.assertEqual(rows[1][1], '\'=HYPERLINK("http://x")')

    def test_json_export_is_open_data_with_the_filter_it_applied(self):
        response = self.get(
            {"level": "quoc_gia", "bogus": "1"}, url=self.registry.url + "tai-ve/json/"
        )
        data = json.loads(response.content)
        self.assertEqual(data["bo_loc"], {"level": "quoc_gia"})
        self.assertEqual(data["so_luong"], 1)
        task = data["nhiem_vu"][0]
        self.assertEqual(task["ten"], "Nuôi cá lồng lòng hồ")
        self.assertEqual(task["tinh_trang"], "Chuyển tiếp")
        self.assertEqual(task["bat_dau"], "2021-03-01")
        self.assertEqual(task["tong_kinh_phi"], 1_250_000_000)
        self.assertTrue(
            task["dia_chi"].endswith(
                "/chuong-trinh/chuong-trinh-nong-thon-mien-nui/nuoi-ca-long-long-ho/"
            )
        )
        self.assertIn("Nuôi cá lồng lòng hồ".encode(), response.content)  # not \\u-escaped

    def test_budget_is_shown_in_vietnamese_format(self):
        response = self.get()
        self.assertContains(response, "1.250.000.000 đồng")
