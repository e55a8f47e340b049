"""`import_site collect` reads the old portal into a folder; `import_site load` brings that folder
into the site. See "Chuyển dữ liệu từ cổng cũ" in the README."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from site_import.archive import ITEMS, Archive
from site_import.collecting import Collector
from site_import.loading import DEAD_ADDRESSES_REPORT, FAILURES_REPORT, ImportProblem, Loader
from site_import.profile import ProfileError, load_profile


class Command(BaseCommand):
    help = "Chuyển dữ liệu từ cổng thông tin cũ: thu thập (collect) rồi nạp (load)."

    def add_arguments(self, parser):
        steps = parser.add_subparsers(dest="step", required=True)
        collect = steps.add_parser("collect", help="Đọc cổng cũ vào một thư mục.")
        collect.add_argument("--profile", required=True, help="Tệp hồ sơ cổng cũ (.toml).")
        collect.add_argument("--out", required=True, help="Thư mục lưu dữ liệu thu thập.")
        collect.add_argument("--base-url", help="Địa chỉ khác của cổng cũ (bản sao, máy thử).")
        collect.add_argument("--limit", type=int, default=0, help="Dừng sau chừng ấy tin bài.")
        collect.add_argument("--concurrency", type=int, help="Số yêu cầu cùng lúc (thay hồ sơ).")
        collect.add_argument("--delay", type=float, help="Giây giãn cách giữa hai yêu cầu.")
        collect.add_argument("--timeout", type=float, help="Giây chờ mỗi yêu cầu.")
        collect.add_argument("--retries", type=int, help="Số lần thử lại.")
        collect.add_argument("--documents-csv", help="Bảng văn bản (CSV) của cổng cũ.")
        collect.add_argument("--people-csv", help="Bảng cán bộ (CSV) của cổng cũ.")
        collect.add_argument(
            "--tables-only", action="store_true", help="Chỉ đọc các bảng CSV, không đọc trang."
        )
        load = steps.add_parser("load", help="Nạp thư mục đã thu thập vào cổng mới.")
        load.add_argument("folder", help="Thư mục do bước collect tạo ra.")
        load.add_argument("--dry-run", action="store_true", help="Chạy thử, không ghi gì.")
        load.add_argument(
            "--as-drafts", action="store_true", help="Tạo bản nháp chờ duyệt, không xuất bản."
        )
        load.add_argument(
            "--overwrite",
            action="store_true",
            help="Ghi đè cả các bài biên tập viên đã sửa sau lần nạp trước.",
        )
        load.add_argument("--user", help="Tài khoản ghi vào lịch sử phiên bản.")
        load.add_argument(
            "--workers",
            type=int,
            default=1,
            help="Số tiến trình nạp song song (PostgreSQL), mỗi tiến trình vài chuyên mục.",
        )

    def handle(self, *args, step, **options):
        if step == "collect":
            self.collect(**options)
        else:
            self.load(**options)

    def collect(self, *, profile, out, limit, documents_csv, people_csv, tables_only, **options):
        names = {
            "base_url": "base_url",
            "concurrency": "concurrency",
            "delay": "delay_seconds",
            "timeout": "timeout_seconds",
            "retries": "retries",
        }
        overrides = {
            field: options[option] for option, field in names.items() if options[option] is not None
        }
        try:
            site_profile = load_profile(profile, **overrides)
        except ProfileError as error:
            raise CommandError(str(error)) from error
        with self._bar(options["verbosity"], "Thu thập", "trang", total=None) as bar:

            def progress(summary):
                # The total grows as listings reveal more addresses: time left is for those
                # known so far.
                bar.total = max(summary.queued, bar.n + 1)
                bar.update(1)
                bar.set_postfix({"tin": summary.new_items, "lỗi": summary.failed}, refresh=False)

            collector = Collector(site_profile, out, limit=limit, progress=progress)
            summary = collector.run(
                crawl=not tables_only, documents_csv=documents_csv, people_csv=people_csv
            )
        self.stdout.write(summary.line())

    def load(self, *, folder, dry_run, as_drafts, overwrite, user, workers, verbosity, **_):
        if workers > 1 and connection.vendor != "postgresql":
            self.stderr.write("SQLite nhận một tiến trình ghi: nạp bằng một tiến trình.")
            workers = 1
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"Không có tài khoản “{user}”.")
        total = Archive(folder).count(ITEMS)
        with self._bar(verbosity, "Nạp", "mục", total=total) as bar:

            def progress(done):
                bar.update(done - bar.n)

            loader = Loader(
                folder,
                dry_run=dry_run,
                as_drafts=as_drafts,
                overwrite=overwrite,
                user=importer,
                progress=progress,
                workers=max(1, workers),
            )
            try:
                summary = loader.run()
            except ImportProblem as problem:
                raise CommandError(str(problem)) from problem
        prefix = "Chạy thử, không ghi gì. " if dry_run else ""
        self.stdout.write(prefix + summary.line())
        if not dry_run:
            self.stdout.write(
                f"Báo cáo cho biên tập viên: {folder}/{FAILURES_REPORT}, "
                f"{folder}/{DEAD_ADDRESSES_REPORT}"
            )

    def _bar(self, verbosity, description, unit, total):
        return tqdm(
            total=total,
            desc=description,
            unit=f" {unit}",
            file=self.stderr._out,
            disable=verbosity < 1,
            mininterval=0.5,
            dynamic_ncols=True,
        )
