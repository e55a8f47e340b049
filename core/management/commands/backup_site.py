"""`make backup`: the database and the uploaded files, in one dated folder (core/backups.py)."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core import backups
from core.text import vn_number


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và các tệp tải lên (ảnh, văn bản) vào một thư mục."

    def add_arguments(self, parser):
        parser.add_argument(
            "--into",
            default=str(Path(settings.BASE_DIR) / "backups"),
            help="Thư mục chứa các bản sao lưu (mặc định: backups/).",
        )

    def handle(self, *args, into, **options):
        started = time.monotonic()
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        folder = Path(into) / f"sokhcn-{stamp}"
        folder.mkdir(parents=True, exist_ok=False)
        self.stdout.write(f"Sao lưu vào {folder}")
        try:
            self.stdout.write("  1/2 cơ sở dữ liệu…")
            manifest = backups.dump_database(folder)

            def progress(number):
                if number % 200 == 0:
                    self.stdout.write(f"      {vn_number(number)} tệp")

            self.stdout.write("  2/2 tệp tải lên (ảnh, văn bản)…")
            manifest["files"] = backups.archive_files(folder, backups.default_roots(), progress)
        except backups.BackupError as error:
            raise CommandError(f"Sao lưu thất bại: {error}") from error
        manifest["created_at"] = timezone.now().isoformat()
        backups.write_manifest(folder, manifest)
        tables = manifest["tables"]
        size = sum(path.stat().st_size for path in folder.iterdir())
        self.stdout.write(
            f"Xong: {vn_number(tables.get('wagtailcore.Page', 0))} trang, "
            f"{vn_number(tables.get('wagtailcore.Revision', 0))} phiên bản, "
            f"{vn_number(tables.get('wagtailforms.FormSubmission', 0))} thư liên hệ, "
            f"{vn_number(len(manifest['files']))} tệp; {size / 1e6:.1f} MB tại {folder} "
            f"trong {time.monotonic() - started:.1f} giây."
        )
