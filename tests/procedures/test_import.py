"""`manage.py import_procedures`: the CSV of a province's decision announcing procedures, loaded
by code. New rows make pages, changed rows update them, bad rows are reported by line and
skipped, and a second run of the same file changes nothing."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.test import TestCase

from procedures.models import ProcedurePage, ServiceLevel
from tests.home.test_documents import make_document
from tests.procedures.helpers import make_catalogue, make_procedure

HEADER = (
    "STT,Mã TTHC,Tên thủ tục hành chính,Lĩnh vực,Mức độ DVC,Thời hạn giải quyết,"
    '"Phí, lệ phí",Căn cứ pháp lý\n'
)


def csv_file(tmp_path, rows, header=HEADER, encoding="utf-8-sig", name="quyet-dinh.csv"):
    path = tmp_path / name
    path.write_bytes((header + "".join(rows)).encode(encoding))
    return str(path)


class ImportProceduresTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.catalogue = make_catalogue()
        cls.decision = make_document(
            "2423/QĐ-UBND", "quyet_dinh", datetime.date(2022, 11, 18), "UBND", "Quyết định"
        )
        cls.known = make_procedure(
            cls.catalogue,
            "Cấp giấy phép bưu chính",
            "1.004470",
            processing_time="20 ngày",
            is_example=True,
        )

    def setUp(self):
        import tempfile
        from pathlib import Path

        self.tmp = tempfile.TemporaryDirectory()
        self.tmp_path = Path(self.tmp.name)
        self.addCleanup(self.tmp.cleanup)

    def run_import(self, path, *args):
        out = io.StringIO()
        call_command("import_procedures", path, *args, stdout=out)
        return out.getvalue()

    ROWS = [
        '1,1.004470,Cấp giấy phép bưu chính,Bưu chính,Toàn trình,15 ngày làm việc,"Theo '
        'Thông tư 291/2016/TT-BTC",Luật Bưu chính số 49/2010/QH12\n',
        "2,2.002145,Cấp giấy phép tiến hành công việc bức xạ,AN TOAN BUC XA VA HAT NHAN,"
        'Mức độ 3,10 ngày làm việc,,"Quyết định số 2423/QĐ-UBND ngày 18/11/2022"\n',
        "3,,Thủ tục không mã,Bưu chính,Toàn trình,,,\n",
        "4,3.000001,Thủ tục lĩnh vực lạ,Nông nghiệp,Toàn trình,,,\n",
        "5,3.000002,Thủ tục mức độ lạ,Viễn thông,Mức độ 9,,,\n",
        "6,2.002145,Dòng trùng mã,Viễn thông,Toàn trình,,,\n",
    ]

    def test_creates_updates_and_reports_bad_rows_by_line(self):
        output = self.run_import(csv_file(self.tmp_path, self.ROWS))

        self.known.refresh_from_db()
        self.assertEqual(self.known.processing_time, "15 ngày làm việc")
        self.assertFalse(self.known.is_example)  # a decision's row is the official text
        self.assertTrue(self.known.live)
        new = ProcedurePage.objects.get(code="2.002145")
        self.assertTrue(new.live)
        self.assertEqual(new.sector, "an_toan_buc_xa")
        self.assertEqual(new.service_level, ServiceLevel.PARTIAL)
        self.assertEqual(new.get_parent().pk, self.catalogue.pk)
        self.assertEqual(
            [item.document_id for item in new.legal_documents.all()], [self.decision.pk]
        )
        self.assertEqual(ProcedurePage.objects.count(), 2)

        self.assertIn("+ 2.002145", output)
        self.assertIn("~ 1.004470: ", output)
        self.assertIn("processing_time", output)
        self.assertIn("dòng 4: ô Mã thủ tục để trống", output)
        self.assertIn("dòng 5: lĩnh vực không có trong danh sách: 'Nông nghiệp'", output)
        self.assertIn("dòng 6: mức độ dịch vụ công không rõ: 'Mức độ 9'", output)
        self.assertIn("dòng 7: mã 2.002145 trùng với dòng 3", output)
        self.assertIn("1 thủ tục mới, 1 thay đổi, 0 không đổi, 0 để nguyên, 4 dòng lỗi", output)

    def test_a_second_run_of_the_same_file_changes_nothing(self):
        path = csv_file(self.tmp_path, self.ROWS[:2])
        self.run_import(path)
        revisions = {page.pk: page.latest_revision_id for page in ProcedurePage.objects.all()}
        output = self.run_import(path)
        self.assertIn("0 thủ tục mới, 0 thay đổi, 2 không đổi", output)
        self.assertEqual(
            {page.pk: page.latest_revision_id for page in ProcedurePage.objects.all()}, revisions
        )

    def test_dry_run_reports_without_writing(self):
        output = self.run_import(csv_file(self.tmp_path, self.ROWS[:2]), "--dry-run")
        self.assertIn("Thử (không ghi): 1 thủ tục mới, 1 thay đổi", output)
        self.assertFalse(ProcedurePage.objects.filter(code="2.002145").exists())
        self.known.refresh_from_db()
        self.assertEqual(self.known.processing_time, "20 ngày")

    def test_as_drafts_leaves_new_procedures_for_the_approvers(self):
        self.run_import(csv_file(self.tmp_path, self.ROWS[1:2]), "--as-drafts")
        self.assertFalse(ProcedurePage.objects.get(code="2.002145").live)

    def test_a_page_with_an_editors_draft_is_left_for_staff_to_merge(self):
        self.known.processing_time = "Bản nháp của biên tập viên"
        self.known.save_revision()
        output = self.run_import(csv_file(self.tmp_path, self.ROWS[:1]))
        self.assertIn("= 1.004470: đang có bản nháp chưa đăng", output)
        self.known.refresh_from_db()
        self.assertEqual(self.known.processing_time, "20 ngày")
        self.assertEqual(
            self.known.get_latest_revision_as_object().processing_time,
            "Bản nháp của biên tập viên",
        )

    def test_semicolon_separated_files_from_excel_are_read(self):
        header = "Mã thủ tục;Tên thủ tục;Lĩnh vực;Mức độ\n"
        path = csv_file(
            self.tmp_path, ["1.009999;Cấp giấy phép bưu chính;Bưu chính;Một phần\n"], header
        )
        self.run_import(path)
        self.assertEqual(
            ProcedurePage.objects.get(code="1.009999").service_level, ServiceLevel.PARTIAL
        )

    def test_a_file_that_cannot_be_read_is_refused_with_the_reason(self):
        cases = {
            "Tệp không ở dạng UTF-8": csv_file(
                self.tmp_path, self.ROWS[:1], encoding="utf-16", name="utf16.csv"
            ),
            "Thiếu cột: Lĩnh vực": csv_file(self.tmp_path, [], "Mã thủ tục,Tên thủ tục\n"),
            "Không đọc được tệp": str(self.tmp_path / "khong-co.csv"),
        }
        for reason, path in cases.items():
            with self.subTest(reason=reason), self.assertRaisesMessage(CommandError, reason):
                self.run_import(path)
        self.assertEqual(ProcedurePage.objects.count(), 1)
