"""What a reader's page costs as the news archive grows: SQL queries and server time for the
home page, a news section and an article, at several archive sizes.

    .venv/bin/python bench/page_costs.py [--sizes 30,300,3000] [--repeat 15]

Runs against a throwaway test database (SQLite by default, PostgreSQL when DATABASE_URL is set),
prints a table and writes bench/results/page_costs.svg. Figures, not assertions: the pinned query
counts live in tests/articles/test_query_counts.py."""

import argparse
import statistics
import time

from harness import RESULTS, ROOT, throwaway_database  # sets Django up, so it comes first

# isort: split
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

PAGES = ("home", "section", "article")


def grow_archive(sections, image, target):
    from articles.models import ArticlePage
    from tests.factories import ArticlePageFactory

    existing = ArticlePage.objects.count()
    for number in range(existing, target):
        ArticlePageFactory(parent=sections[number % len(sections)], lead_image=image)
        if (number + 1) % 500 == 0:
            print(f"  … {number + 1}/{target} articles", flush=True)


def measure(client, url, repeat):
    client.get(url)  # first view makes renditions and caches statistics
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the next request resets the log
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return query_count, statistics.median(timings)


def draw_svg(rows, path):
    """Median milliseconds per page and archive size, as grouped bars."""
    width, height, left, bottom = 760, 320, 56, 40
    labels = {"home": "trang chủ", "section": "chuyên mục", "article": "tin bài"}
    colours = {"home": "#0b4f8a", "section": "#2f7cc4", "article": "#c8102e"}
    peak = max(ms for _, per_page in rows for _, ms in per_page.values()) or 1
    group = (width - left - 150) / len(rows)
    bar = group / (len(PAGES) + 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<text x="{left}" y="18" font-size="14" font-weight="bold">'
        "Thời gian phục vụ (ms, trung vị) theo số tin bài</text>",
    ]
    for index, (size, per_page) in enumerate(rows):
        x0 = left + index * group
        for slot, name in enumerate(PAGES):
            queries, ms = per_page[name]
            bar_height = (height - bottom - 40) * ms / peak
            x = x0 + slot * bar
            y = height - bottom - bar_height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar * 0.9:.1f}" '
                f'height="{bar_height:.1f}" fill="{colours[name]}"/>'
            )
            parts.append(
                f'<text x="{x + bar * 0.45:.1f}" y="{y - 4:.1f}" text-anchor="middle">'
                f"{ms:.0f}</text>"
            )
        parts.append(
            f'<text x="{x0 + group * 0.4:.1f}" y="{height - bottom + 16}" '
            f'text-anchor="middle">{size} tin</text>'
        )
    for slot, name in enumerate(PAGES):
        parts.append(
            f'<rect x="{width - 120}" y="{30 + slot * 16}" width="10" height="10" '
            f'fill="{colours[name]}"/>'
            f'<text x="{width - 104}" y="{39 + slot * 16}">{labels[name]}</text>'
        )
    parts.append("</svg>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,3000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))

    with throwaway_database():
        from articles.models import ArticlePage
        from tests.factories import (
            READER_USER_AGENT,
            ArticleIndexPageFactory,
            ImageFactory,
        )
        from tests.helpers import fill_site_settings, home_page

        home = home_page()
        fill_site_settings()
        image = ImageFactory()
        sections = [
            ArticleIndexPageFactory(parent=home, title=title)
            for title in ("Tin tức", "Thông báo", "Hoạt động KH&CN")
        ]
        client = Client(HTTP_USER_AGENT=READER_USER_AGENT)
        rows = []
        print(f"{'tin bài':>8} | {'trang':>8} | {'truy vấn':>8} | {'ms (trung vị)':>13}")
        for size in sizes:
            grow_archive(sections, image, size)
            article = ArticlePage.objects.order_by("-published_on").first()
            urls = {"home": "/", "section": sections[0].url, "article": article.url}
            per_page = {name: measure(client, urls[name], args.repeat) for name in PAGES}
            rows.append((size, per_page))
            for name in PAGES:
                queries, ms = per_page[name]
                print(f"{size:>8} | {name:>8} | {queries:>8} | {ms:>13.1f}")
        output = RESULTS / "page_costs.svg"
        draw_svg(rows, output)
        print(
            f"Xong: {len(sizes)} cỡ kho tin × {len(PAGES)} trang, "
            f"{connection.vendor}; biểu đồ: {output.relative_to(ROOT)}"
        )


if __name__ == "__main__":
    main()
