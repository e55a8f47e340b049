"""Load realistic generated content in bulk for benchmarks and load tests: news, S&T tasks and
documents, live, public and indexed for search, under the site's first news section and task
registry (made if missing)."""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Site

from articles.models import ArticleIndexPage
from core.text import vn_number
from demo.bench.articles import create_articles
from demo.bench.documents import create_documents
from demo.bench.tasks import create_tasks
from programs.models import ProgramIndexPage


def _section(model, site, title, slug):
    home = site.root_page
    section = model.objects.descendant_of(home).first()
    if section is None:
        section = home.add_child(instance=model(title=title, slug=slug))
    return section


class Command(BaseCommand):
    help = "Tạo nhanh dữ liệu thử tải: tin bài, nhiệm vụ KH&CN, văn bản (ghi hàng loạt)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0, help="Số tin bài.")
        parser.add_argument("--tasks", type=int, default=0, help="Số nhiệm vụ KH&CN.")
        parser.add_argument("--documents", type=int, default=0, help="Số văn bản.")
        parser.add_argument("--seed", type=int, default=2026, help="Hạt giống ngẫu nhiên.")

    def handle(self, *args, articles, tasks, documents, seed, **options):
        if min(articles, tasks, documents) < 0 or not (articles or tasks or documents):
            raise CommandError("Cho biết số lượng cần tạo, ví dụ: --articles 100000 --tasks 500")
        site = Site.objects.get(is_default_site=True)
        rng = random.Random(seed)
        started = time.monotonic()

        def report(what, total):
            begun = time.monotonic()

            def progress(done, *batch):
                rate = done / max(time.monotonic() - begun, 1e-6)
                self.stdout.write(
                    f"  {what}: {vn_number(done)}/{vn_number(total)} ({vn_number(rate)}/giây)"
                )

            return progress

        if articles:
            news = _section(ArticleIndexPage, site, "Tin tức", "tin-tuc")
            create_articles(news, articles, rng, progress=report("tin bài", articles))
        if tasks:
            registry = _section(ProgramIndexPage, site, "Nhiệm vụ KH&CN", "nhiem-vu-khcn")
            create_tasks(registry, tasks, rng, progress=report("nhiệm vụ", tasks))
        if documents:
            create_documents(documents, rng, progress=report("văn bản", documents))
        # Bulk loads leave the planner's statistics describing the tables as they were, and on
        # PostgreSQL no page marked all-visible, so that index-only counts read every row until
        # autovacuum passes (as it does on a running site).
        with connection.cursor() as cursor:
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.stdout.write(
            f"Xong: {vn_number(articles)} tin bài, {vn_number(tasks)} nhiệm vụ, "
            f"{vn_number(documents)} văn bản trong {time.monotonic() - started:.1f} giây."
        )
