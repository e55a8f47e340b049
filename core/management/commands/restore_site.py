"""`make restore BACKUP=…`: a backup back into the database and the file folders, then checked
against the backup's manifest (core/backups.py)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core import backups
from core.text import vn_number


class Command(BaseCommand):
    help = (
        "Phục hồi một bản sao lưu vào cơ sở dữ liệu (DATABASE_URL) và các thư mục tệp, rồi đối "
        "chiếu với danh mục của bản sao lưu."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="Thư mục của bản sao lưu (backups/sokhcn-…).")
        parser.add_argument("--media-root", help="Phục hồi ảnh vào đây thay cho MEDIA_ROOT.")
        parser.add_argument(
            "--documents-root", help="Phục hồi văn bản vào đây thay cho DOCUMENTS_ROOT."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Cho phép ghi đè một cơ sở dữ liệu đang có nội dung.",
        )

    def handle(self, *args, backup, media_root, documents_root, replace, **options):
        started = time.monotonic()
        folder = Path(backup)
        roots = backups.default_roots()
        if media_root:
            roots["media"] = Path(media_root)
        if documents_root:
            roots["documents"] = Path(documents_root)
        try:
            manifest = backups.read_manifest(folder)
            if connection.introspection.table_names() and not replace:
                raise CommandError(
                    "Cơ sở dữ liệu đích đang có dữ liệu; thêm --replace nếu muốn ghi đè nó."
                )
            self.stdout.write(f"Phục hồi từ {folder}")
            self.stdout.write("  1/3 cơ sở dữ liệu…")
            backups.restore_database(folder)

            def progress(number):
                if number % 200 == 0:
                    self.stdout.write(f"      {vn_number(number)} tệp")

            self.stdout.write("  2/3 tệp tải lên…")
            backups.restore_files(folder, roots, progress)
            self.stdout.write("  3/3 đối chiếu với danh mục của bản sao lưu…")
            found = backups.database_manifest() | {"files": backups.folder_manifest(roots)}
        except backups.BackupError as error:
            raise CommandError(f"Phục hồi thất bại: {error}") from error
        problems = backups.differences(manifest, found)
        if problems:
            for problem in problems[:20]:
                self.stderr.write(f"  khác: {problem}")
            raise CommandError(f"Phục hồi xong nhưng có {len(problems)} chỗ khác bản sao lưu.")
        tables = found["tables"]
        self.stdout.write(
            f"Xong, khớp bản sao lưu: {vn_number(tables.get('wagtailcore.Page', 0))} trang, "
            f"{vn_number(tables.get('wagtailcore.Revision', 0))} phiên bản, "
            f"{vn_number(len(found['files']))} tệp, trong {time.monotonic() - started:.1f} giây."
        )
