"""Checks the outside links of live pages, a few at a time (home.link_checker). Run every minute
by deploy/publish-scheduled.sh; run by hand with --collect-all after an import or an upgrade."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Page

from home.link_checker import check_due_links, collect_page_links, own_hosts


class Command(BaseCommand):
    help = (
        "Kiểm tra các liên kết ra ngoài của trang đang đăng, trong một khoảng thời gian cho trước."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--collect-all",
            action="store_true",
            help="trước khi kiểm tra, đọc lại liên kết ra ngoài của mọi trang đang đăng",
        )
        parser.add_argument("--budget", type=float, default=20, help="số giây tối đa (mặc định 20)")
        parser.add_argument(
            "--per-host", type=int, default=2, help="số liên kết tối đa mỗi máy chủ một lượt"
        )
        parser.add_argument("--timeout", type=float, default=5, help="giây chờ mỗi liên kết")

    def handle(self, *args, collect_all, budget, per_host, timeout, verbosity, **options):
        if not settings.LINK_CHECKER_ENABLED:
            if verbosity:
                self.stdout.write("Kiểm tra liên kết đang tắt (DJANGO_LINK_CHECKER=0).")
            return
        if collect_all:
            hosts = own_hosts()
            pages = Page.objects.live().specific().iterator(chunk_size=200)
            for number, page in enumerate(pages, start=1):
                collect_page_links(page, hosts)
                if verbosity and number % 200 == 0:
                    self.stdout.write(f"  đã đọc {number} trang…")

        def report(link):
            if verbosity > 1:
                answer = link.status_code or link.error
                self.stdout.write(f"  {'HỎNG' if link.broken else 'tốt '}  {answer}  {link.url}")

        checked, broken = check_due_links(
            budget_seconds=budget, per_host=per_host, timeout=timeout, progress=report
        )
        if verbosity:
            self.stdout.write(f"Đã kiểm tra {checked} liên kết ra ngoài, {broken} liên kết hỏng.")
