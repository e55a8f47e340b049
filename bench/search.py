"""Site search at scale: recall, exact-form ranking and latency over realistic Vietnamese news.

    DATABASE_URL=postgres://... .venv/bin/python bench/search.py [--sizes 10000,100000] [--repeat 3]

Builds a throwaway test database (PostgreSQL when DATABASE_URL says so, else SQLite), loads N
generated articles in bulk, indexes them through Wagtail's search backend, then runs a fixed set
of queries, with and without diacritics, through the same code as /tim-kiem/. It prints, per
size:

- recall: the share of pages the search should find (every query word present once diacritics
  are folded, computed here in Python from the generated text) that it did find;
- exact-first: for queries typed with diacritics, the share of the first 20 hits that contain
  the words exactly as typed, out of what was possible;
- latency: count + facets + the first 20 hits, p50 and p95 over all queries and repeats.

Figures, not assertions; it also writes bench/results/search.svg."""

import argparse
import random
import statistics
import time
from collections import defaultdict

from harness import RESULTS, throwaway_database  # sets Django up, so it comes first

# isort: split
from django.db import connection
from svg import write_svg

QUERIES = [
    "khoa học công nghệ",
    "khoa hoc cong nghe",
    "khóa học",
    "khoa học",
    "đề tài",
    "de tai",
    "ĐỀ TÀI CẤP TỈNH",
    "sơn la",
    "son la",
    "chuyển đổi số",
    "chuyen doi so",
    "nông nghiệp công nghệ cao",
    "nong nghiep cong nghe cao",
    "sở hữu trí tuệ",
    "so huu tri tue",
    "nghiệm thu",
    "nghiem thu",
    "cà phê",
    "ca phe",
    "Mộc Châu",
    "moc chau",
    "đo lường chất lượng",
    "do luong chat luong",
    "tiêu chuẩn",
    "khởi nghiệp đổi mới sáng tạo",
    "khoi nghiep doi moi sang tao",
    "an toàn bức xạ",
    "an toan buc xa",
    "giống cây trồng",
    "giong cay trong",
    "hội thảo",
    "xoài",
    "xoai",
    "dâu tây",
    "dau tay",
    "thuận châu",
    "nhiệm vụ khoa học",
    "nuôi cá tầm",
    "nuoi ca tam",
    "bảo tồn sâm",
    "bao ton sam",
    "tàu vũ trụ",
]


def load_articles(section, count, rng, ground_truth):
    """Insert `count` articles under `section` in bulk (indexed) and record their words."""
    from demo.bench.articles import create_articles
    from search.terms import fold, words

    started = time.perf_counter()
    loaded = section.get_children().count()

    def record(done, batch):
        for page, text in batch:
            written = set(
                words(" ".join((text["title"], text["summary"], text["body"], text["author"])))
            )
            for word in written:
                ground_truth["exact"][word].add(page.pk)
                ground_truth["folded"][fold(word)].add(page.pk)
        rate = done / (time.perf_counter() - started)
        print(f"  … {loaded + done:,} bài ({rate:,.0f} bài/giây)".replace(",", "."), flush=True)

    create_articles(section, count, rng, progress=record)


def pages_with_all(index, words_):
    sets = [index.get(word, set()) for word in words_]
    return set.intersection(*sets) if sets else set()


def measure(site, ground_truth, repeat):
    from search.engine import ARTICLES, SiteSearch
    from search.terms import QueryTerms

    recalls, exact_scores, timings = [], [], []
    per_query = []
    for query in QUERIES:
        terms = QueryTerms(query)
        expected = pages_with_all(ground_truth["folded"], terms.folded)
        found = set(SiteSearch(terms, site=site, kind=ARTICLES).page_ids())
        recall = len(found & expected) / len(expected) if expected else 1.0
        extra = len(found - expected)
        recalls.append(recall)

        exact = pages_with_all(ground_truth["exact"], terms.words)
        top = [hit.object.pk for hit in SiteSearch(terms, site=site)[0:20]]
        possible = min(len(top), len(exact))
        score = None
        if terms.words != terms.folded and 0 < len(exact) < len(expected):
            score = sum(1 for pk in top[:possible] if pk in exact) / possible if possible else 1.0
            exact_scores.append(score)

        query_timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            search = SiteSearch(terms, site=site)
            search.count()
            search[0:20]
            query_timings.append((time.perf_counter() - started) * 1000)
        timings.extend(query_timings)
        per_query.append(
            (query, len(expected), recall, extra, score, statistics.median(query_timings))
        )
    return recalls, exact_scores, timings, per_query


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def draw_svg(rows, path):
    """p50 and p95 latency per corpus size, as paired bars."""
    width, height, left, bottom = 640, 300, 60, 40
    peak = max(max(p95, 100) for _, _, _, _, p95 in rows)
    group = (width - left - 140) / len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<text x="{left}" y="18" font-size="14" font-weight="bold">'
        "Tìm kiếm: thời gian trả lời (ms) theo số trang</text>",
    ]
    target_y = height - bottom - (height - bottom - 40) * 100 / peak
    parts.append(
        f'<line x1="{left}" x2="{width - 130}" y1="{target_y:.1f}" y2="{target_y:.1f}" '
        'stroke="#c8102e" stroke-dasharray="4 3"/>'
        f'<text x="{width - 126}" y="{target_y + 4:.1f}" fill="#c8102e">mục tiêu p95</text>'
    )
    for index, (size, _, _, p50, p95) in enumerate(rows):
        x0 = left + index * group
        for slot, (value, colour) in enumerate(((p50, "#2f7cc4"), (p95, "#0b4f8a"))):
            bar_height = (height - bottom - 40) * value / peak
            x = x0 + slot * group / 3
            y = height - bottom - bar_height
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{group / 3.3:.1f}" '
                f'height="{bar_height:.1f}" '
                f'fill="{colour}"/><text x="{x + group / 6.6:.1f}" y="{y - 4:.1f}" '
                f'text-anchor="middle">{value:.0f}</text>'
            )
        parts.append(
            f'<text x="{x0 + group / 3:.1f}" y="{height - bottom + 16}" text-anchor="middle">'
            f"{size:,} trang</text>".replace(",", ".")
        )
    for slot, (name, colour) in enumerate((("p50", "#2f7cc4"), ("p95", "#0b4f8a"))):
        y = 70 + slot * 20
        parts.append(
            f'<rect x="{width - 126}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{width - 108}" y="{y}">{name}</text>'
        )
    write_svg(path, parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--details", action="store_true", help="print each query's figures")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    rng = random.Random(args.seed)

    with throwaway_database():
        from wagtail.models import Site

        from tests.factories import ArticleIndexPageFactory
        from tests.helpers import home_page

        section = ArticleIndexPageFactory(parent=home_page(), title="Tin tức")
        site = Site.objects.get(is_default_site=True)
        ground_truth = {"exact": defaultdict(set), "folded": defaultdict(set)}
        loaded = 0
        rows = []
        print(f"Cơ sở dữ liệu: {connection.vendor}; {len(QUERIES)} truy vấn, lặp {args.repeat} lần")
        for size in sizes:
            load_articles(section, size - loaded, rng, ground_truth)
            loaded = size
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            measure(site, ground_truth, 1)  # warm the database's caches
            recalls, exact_scores, timings, per_query = measure(site, ground_truth, args.repeat)
            p50, p95 = percentile(timings, 0.5), percentile(timings, 0.95)
            rows.append((size, min(recalls), statistics.mean(exact_scores), p50, p95))
            if args.details:
                print(
                    f"{'truy vấn':<32} {'cần tìm':>8} {'recall':>7} {'thừa':>5} "
                    f"{'đúng dấu':>9} {'ms':>7}"
                )
                for query, expected, recall, extra, score, ms in per_query:
                    shown = "-" if score is None else f"{score:.2f}"
                    print(
                        f"{query:<32} {expected:>8} {recall:>7.3f} {extra:>5} {shown:>9} {ms:>7.1f}"
                    )
        print()
        print(
            f"{'số trang':>9} | {'recall thấp nhất':>16} | {'đúng dấu trước':>14} | "
            f"{'p50 ms':>7} | {'p95 ms':>7}"
        )
        for size, recall, exact_first, p50, p95 in rows:
            print(f"{size:>9} | {recall:>16.3f} | {exact_first:>14.3f} | {p50:>7.1f} | {p95:>7.1f}")
        draw_svg(rows, RESULTS / "search.svg")
        print("Biểu đồ: bench/results/search.svg")


if __name__ == "__main__":
    main()
