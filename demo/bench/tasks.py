"""Generated S&T tasks for benchmarks (`manage.py generate_bench_content --tasks N`): the
registry's kinds, statuses and years, with Vietnamese titles from the article generator's words."""

import datetime

from wagtail.models import Page

from demo.bench.articles import PLACES, SUBJECTS
from demo.bench.bulk_pages import create_pages
from programs.models import TaskKind, TaskLevel, TaskPage, TaskStatus

BATCH = 1000
RESEARCH = ["Nghiên cứu", "Ứng dụng", "Xây dựng", "Đánh giá", "Chuyển giao"]


def create_tasks(registry, count, rng, *, progress=None):
    """`count` live tasks under `registry`, in batches; `progress(done)` after each batch."""
    start = Page.objects.get(pk=registry.pk).numchild
    done = 0
    while done < count:
        pages = []
        for position in range(start + done + 1, start + done + 1 + min(BATCH, count - done)):
            year = rng.randint(2015, 2026)
            title = f"{rng.choice(RESEARCH)} {rng.choice(SUBJECTS)} tại {rng.choice(PLACES)}"
            pages.append(
                {
                    "title": f"{title} ({position})",
                    "slug": f"nhiem-vu-{position}",
                    "first_published_at": datetime.datetime(year, 1, 15, 8, tzinfo=datetime.UTC),
                    "code": f"ĐT.{year}.{position:05d}",
                    "kind": rng.choice(TaskKind.values),
                    "level": rng.choice(TaskLevel.values),
                    "status": rng.choice(TaskStatus.values),
                    "start_date": datetime.date(year, 3, 1),
                    "end_date": datetime.date(year + rng.randint(1, 3), 12, 31),
                    "total_budget": rng.randint(300, 5000) * 1_000_000,
                    "summary": f"{title}: mục tiêu, nội dung và sản phẩm dự kiến.",
                }
            )
        done += len(create_pages(registry, TaskPage, pages))
        if progress:
            progress(done)
    return done
