from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from procedures.importing import ProcedureImporter, UnreadableFile
from procedures.models import ProcedureIndexPage


class Command(BaseCommand):
    help = (
        "Nhập danh mục thủ tục hành chính từ tệp CSV (UTF-8) của quyết định công bố: thủ tục "
        "mới được tạo, thủ tục đã có (theo mã) được cập nhật khi khác; chạy lại không đổi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="Tệp CSV, dòng đầu là tên cột.")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ báo cáo, không ghi.")
        parser.add_argument(
            "--as-drafts",
            action="store_true",
            help="Lưu thành bản nháp để người duyệt xem trước khi đăng.",
        )
        parser.add_argument("--user", help="Tài khoản ghi vào lịch sử trang (mặc định: không).")

    def handle(self, csv_file, dry_run=False, as_drafts=False, user=None, **options):
        catalogue = ProcedureIndexPage.objects.first()
        if catalogue is None:
            raise CommandError(
                "Chưa có trang Danh mục thủ tục hành chính: hãy tạo trang này dưới Trang chủ."
            )
        account = None
        if user:
            account = get_user_model().objects.filter(username=user).first()
            if account is None:
                raise CommandError(f"Không có tài khoản {user!r}.")
        try:
            with open(csv_file, "rb") as source:
                raw = source.read()
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {csv_file}: {error.strerror}.") from error

        def progress(done):
            if done % 25 == 0:
                self.stdout.write(f"  đã xử lý {done} dòng")

        importer = ProcedureImporter(
            catalogue, user=account, as_drafts=as_drafts, dry_run=dry_run, progress=progress
        )
        try:
            report = importer.run(raw)
        except UnreadableFile as error:
            raise CommandError(str(error)) from error
        for code in report.created:
            self.stdout.write(f"  + {code}")
        for code, fields in report.changed:
            self.stdout.write(f"  ~ {code}: {', '.join(fields)}")
        for code, reason in report.skipped:
            self.stdout.write(self.style.WARNING(f"  = {code}: {reason}"))
        for line_number, reason in report.errors:
            self.stdout.write(self.style.ERROR(f"  ! dòng {line_number}: {reason}"))
        prefix = "Thử (không ghi): " if dry_run else "Xong: "
        style = self.style.WARNING if report.errors else self.style.SUCCESS
        self.stdout.write(style(prefix + report.summary() + "."))
