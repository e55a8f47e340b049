"""What the switch-over costs: collect and load an archive of the old portal's replica, served on
127.0.0.1, into a throwaway database (PostgreSQL when DATABASE_URL says so).

    .venv/bin/python bench/import_archive.py [--articles 2000] [--concurrency 4]

Prints items per second for each step and the process's memory as the archive goes by (it must
stay flat: both steps stream the archive), and draws the memory over items into
bench/results/import.svg."""

import argparse
import os
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path

from harness import RESULTS, throwaway_database  # sets Django up, so it comes first

# isort: split
from svg import write_svg

from demo.old_portal import SECTIONS, OldPortal

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SECTION_TITLES = {
    "tin-tuc": "Tin tức",
    "thong-bao": "Thông báo",
    "hoat-dong-khcn": "Hoạt động KH&CN",
}


def resident_mb(pid="self"):
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE / 1024 / 1024
    except FileNotFoundError:  # a loading process that has just ended
        return 0.0


def largest_process_mb():
    """The resident memory of this process or of its largest loading process (--workers)."""
    own = os.getpid()
    try:
        with open(f"/proc/{own}/task/{own}/children") as children:
            pids = children.read().split()
    except FileNotFoundError:
        pids = []
    return max([resident_mb(), *(resident_mb(pid) for pid in pids)])


class MemoryTrace:
    """The resident memory of the process doing the work (the largest, with several) against
    items done, sampled as the step reports progress."""

    def __init__(self):
        self.samples = []
        self.peak = 0.0
        self._lock = threading.Lock()

    def sample(self, done):
        mb = largest_process_mb()
        with self._lock:
            self.peak = max(self.peak, mb)
            if not self.samples or done - self.samples[-1][0] >= 25:
                self.samples.append((done, mb))

    def at(self, fraction):
        """Memory when `fraction` of the items were done."""
        if not self.samples:
            return 0.0
        last = self.samples[-1][0]
        return next(mb for done, mb in self.samples if done >= fraction * last)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=1, help="loading processes (PostgreSQL)")
    options = parser.parse_args()

    with throwaway_database():
        from articles.models import ArticleIndexPage
        from home.models import HomePage
        from site_import.collecting import Collector
        from site_import.loading import Loader
        from site_import.profile import load_profile

        home = HomePage.objects.first()
        for slug, _name, _menu in SECTIONS:
            to = {"tin-tuc-su-kien": "tin-tuc"}.get(slug, slug)
            home.add_child(instance=ArticleIndexPage(title=SECTION_TITLES[to], slug=to))
        folder = Path(tempfile.mkdtemp(prefix="import-bench-")) / "du-lieu-cu"
        portal = OldPortal(options.articles, slow_seconds=1.0)
        results = []
        try:
            with portal.serve() as base:
                profile = load_profile(
                    "sokhcn-sonla.toml",
                    base_url=base,
                    sitemap="",
                    delay_seconds=0,
                    timeout_seconds=0.5,
                    retries=1,
                    concurrency=options.concurrency,
                )
                trace = MemoryTrace()
                started = time.perf_counter()
                summary = Collector(
                    profile, folder, progress=lambda s: trace.sample(s.new_items)
                ).run()
                results.append(("collect", summary.new_items, time.perf_counter() - started, trace))
            trace = MemoryTrace()
            started = time.perf_counter()
            loader = Loader(folder, progress=trace.sample, workers=options.workers)
            summary = loader.run()
            results.append(("load", summary.created, time.perf_counter() - started, trace))
            print(summary.line())
        finally:
            shutil.rmtree(folder.parent, ignore_errors=True)

    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    database = "PostgreSQL" if postgres else "SQLite"
    print(f"\n{options.articles} articles of the replica, {database}, crawl concurrency", end=" ")
    print(f"{options.concurrency}, loading processes {options.workers}")
    header = ("step", "items", "seconds", "items/s", "MB at 25%", "MB at 100%", "peak MB")
    print("{:<8} {:>6} {:>8} {:>8} {:>10} {:>11} {:>8}".format(*header))
    for step, items, seconds, trace in results:
        print(
            f"{step:<8} {items:>6} {seconds:>8.1f} {items / seconds:>8.1f} "
            f"{trace.at(0.25):>10.0f} {trace.at(1.0):>11.0f} {trace.peak:>8.0f}"
        )
    if options.workers > 1:
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak MB of a loading process (of {options.workers}), its own count: {children:.0f}")
    load_rate = results[1][1] / results[1][2]
    print(
        f"10,000 articles would load in about {10_000 / load_rate / 60:.1f} minutes at this rate."
    )
    draw(RESULTS / "import.svg", results, database)


def draw(path, results, database):
    width, height, left, top, plot_w, plot_h = 640, 300, 60, 40, 540, 200
    most_items = max(trace.samples[-1][0] for *_rest, trace in results if trace.samples) or 1
    most_mb = max(trace.peak for *_rest, trace in results) * 1.15 or 1
    colours = {"collect": "#1f6f8b", "load": "#c0392b"}
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        f'<text x="{left}" y="20" font-size="14">Bộ nhớ theo số mục đã xử lý ({database})</text>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#444"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#444"/>',
        f'<text x="{left + plot_w}" y="{top + plot_h + 30}" text-anchor="end">'
        f"{most_items} mục</text>",
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end">{most_mb:.0f} MB</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    for index, (step, items, seconds, trace) in enumerate(results):
        points = " ".join(
            f"{left + done / most_items * plot_w:.1f},{top + plot_h - mb / most_mb * plot_h:.1f}"
            for done, mb in trace.samples
        )
        parts.append(
            f'<polyline fill="none" stroke="{colours[step]}" stroke-width="2" points="{points}"/>'
        )
        parts.append(
            f'<text x="{left + 10}" y="{top + plot_h + 45 + index * 0}" dx="{index * 260}" '
            f'fill="{colours[step]}">{step}: {items / seconds:.1f} mục/giây</text>'
        )
    write_svg(path, parts)


if __name__ == "__main__":
    main()
