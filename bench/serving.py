"""How fast readers are served at scale: the production stack on loopback under wrk.

    bench/run [--articles 100000] [--seconds 5] [--rounds 2] [--connections 16]

Builds a fresh PostgreSQL database (demo content plus 1,000 generated articles, tasks and
documents), measures what drawing each page costs in-process (SQL queries, median ms, with the
app's caches warm, right after an editor's publish, and emptied), grows it to N articles and
measures again, then starts gunicorn (sharing a Redis database of its own) behind Varnish
(deploy/stack.py) and nginx serving each page's HTML as a static file, and for home, a news
section, an article, the registry, a task, search and the document library measures,
interleaved in rounds so the ratios hold on a noisy machine:

  (a) through the front cache   (b) straight to the app   (c) nginx, the same HTML as a file

It prints the machine, requests/s, p50 and p99 latency, non-2xx responses, SQL queries per
request, the ratios (a)/(c) and (b)/(c), the render costs at both sizes, and the peak memory of
each app worker. Figures, not assertions; bench/results/serving.svg draws them."""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "deploy")]
from stack import running_stack  # noqa: E402
from svg import write_svg  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = "sokhcn_bench"
HOST = "localhost"
APP_PORT, CACHE_PORT, NGINX_PORT = 18000, 16081, 18080
SECRET = "bench-only-" + "x" * 50
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/13")


def vn(number):
    return f"{number:,}".replace(",", ".")


def machine():
    """One line on what the figures were measured on."""
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return (
        f"Máy: {os.cpu_count()} nhân {cpu.group(1).strip() if cpu else ''}, "
        f"{int(memory.group(1)) / 1024 / 1024:.0f} GB RAM"
    )


def need(tool, package):
    if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
        sys.exit(f"{tool} is missing: apt-get install -y {package}")


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], env=env, cwd=ROOT, check=True)


def psql(sql):
    subprocess.run(["psql", f"{PG}/postgres", "-qc", sql], check=True)


SMALL_ARCHIVE = 1000
# What drawing a page in-process should cost at 100,000 articles (median ms), printed beside the
# figures: with the frame cache warm, and for the first reader after an editor's change. That
# reader once met the frame emptied (a change started a new generation and the reader drew it);
# now the frame is drawn again as the change commits (core/frame_warming.py), and the column with
# Redis emptied before each draw shows what a Redis restart costs a process that keeps nothing.
TARGETS_MS = {
    "trang chủ": (12, 40),
    "chuyên mục tin": (10, 30),
    "tin bài": (8, 30),
    "danh mục nhiệm vụ": (15, 40),
    "tìm kiếm": (40, 60),
}


def prepare(env, articles):
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    psql(f"CREATE DATABASE {DATABASE}")
    manage(env, "migrate", "-v0")
    manage(env, "load_demo_content")
    manage(
        env, "generate_bench_content", "--articles", str(articles), "--tasks", "500",
        "--documents", "100",
    )  # fmt: skip
    manage(env, "collectstatic", "--no-input", "-v0")


def grow(env, articles):
    """More articles (and documents, one per fifty articles), on top of what is there."""
    manage(
        env, "generate_bench_content", "--articles", str(articles),
        "--documents", str(max(1, articles // 50)),
    )  # fmt: skip


def page_urls():
    """The pages measured, found in the database the app serves."""
    from articles.models import ArticleIndexPage, ArticlePage
    from home.models import DocumentLibraryPage
    from programs.models import ProgramIndexPage, TaskPage

    newest = ArticlePage.objects.live().order_by("-published_on", "-pk").first()
    return {
        "trang chủ": "/",
        "chuyên mục tin": ArticleIndexPage.objects.live().first().url,
        "tin bài": newest.url,
        "danh mục nhiệm vụ": ProgramIndexPage.objects.live().first().url,
        "nhiệm vụ": TaskPage.objects.live().order_by("-pk").first().url,
        "tìm kiếm": "/tim-kiem/?q=khoa+hoc+cong+nghe",
        "thư viện văn bản": DocumentLibraryPage.objects.live().first().url,
    }


def republished_article(urls):
    """The article an editor publishes again before each draw of the "after a publish" column:
    the newest of the measured section that is not the measured article."""
    from articles.models import ArticleIndexPage, ArticlePage

    section = ArticleIndexPage.objects.live().first()
    return (
        ArticlePage.objects.live()
        .child_of(section)
        .exclude(url_path__endswith=urls["tin bài"])
        .order_by("-published_on", "-pk")
        .first()
    )


def publish_as_an_editor(page):
    """A publish as the admin makes it, in a request of its own: the frame's generation moves,
    and once it commits the frame is drawn again (core/frame_warming.py). Then this process
    forgets what it keeps in memory: the reader's request goes to another app process, which
    finds the frame in the shared cache or works it out."""
    from django.db import transaction

    from core.frame_cache import forget_this_process, request_scope

    with request_scope(), transaction.atomic():
        page.save_revision().publish()
    forget_this_process()


# Before each draw: nothing (a worker that served the page already), a publish elsewhere in the
# section (what a reader meets after an editor's change), the shared cache emptied (Redis
# restarted: everything is worked out again).
STATES = ("warm", "published", "cold")


def render_costs(urls, repeat=15):
    """For each page, drawn in this process: SQL queries and the median milliseconds, with the
    app's own caches warm, right after a publish, and emptied."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, HTTP_USER_AGENT="Mozilla/5.0 bench")
    republished = republished_article(urls)
    costs = {}
    for name, url in urls.items():
        client.get(url)  # renditions, the frame cache
        for state in STATES:
            timings = []
            for _ in range(repeat):
                if state == "published":
                    publish_as_an_editor(republished)
                elif state == "cold":
                    cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    begun = time.perf_counter()
                    client.get(url)
                    timings.append((time.perf_counter() - begun) * 1000)
            costs[name, state] = (len(queries), statistics.median(timings))
    connection.close()
    return costs


def fetch(base, url):
    request = urllib.request.Request(base + url, headers={"Host": HOST})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def nginx_serving(pages, workdir):
    """nginx on NGINX_PORT with each page's HTML as a file, one worker per core."""
    root = workdir / "html"
    locations = []
    for number, (url, html) in enumerate(pages.items()):
        path = root / f"{number}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html)
        path_only = url.split("?")[0]
        locations.append(f"location = {path_only} {{ try_files /{number}.html =404; }}")
    conf = workdir / "nginx.conf"
    conf.write_text(
        "worker_processes auto; daemon off; pid " + str(workdir / "nginx.pid") + ";\n"
        "error_log " + str(workdir / "error.log") + ";\n"
        "events { worker_connections 1024; }\n"
        "http { access_log off; default_type text/html; sendfile on; keepalive_requests 100000;\n"
        f"  server {{ listen 127.0.0.1:{NGINX_PORT}; root {root};\n    "
        + "\n    ".join(locations)
        + "\n  }\n}\n",
        encoding="utf-8",
    )
    # nginx workers read the files as their own unprivileged user.
    os.chmod(workdir, 0o755)  # noqa: S103
    for item in workdir.rglob("*"):
        item.chmod(0o755 if item.is_dir() else 0o644)
    process = subprocess.Popen(
        ["nginx", "-c", str(conf), "-p", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return process


_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(base, url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Host: {HOST}",
         "-H", "User-Agent: Mozilla/5.0 bench", base + url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {p: float(v) * _UNIT[u] for p, v, u in _LATENCY.findall(out)}
    # Answers other than 2xx/3xx, and requests that failed or took over wrk's 2 s timeout.
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    errors = int(failed.group(1)) if failed else 0
    errors += sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    return rate, latency.get("50"), latency.get("99"), errors


def worker_peaks_mb(master_pids):
    peaks = []
    for master in master_pids:
        children = subprocess.run(
            ["pgrep", "-P", str(master)],
            capture_output=True,
            text=True,
        ).stdout.split()
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            peak = re.search(r"VmHWM:\s+(\d+) kB", status)
            if peak:
                peaks.append(int(peak.group(1)) / 1024)
    return peaks


def draw_svg(rows, path):
    """Requests per second per page: front cache, app, nginx static (log scale)."""
    import math

    width, row_height, left = 760, 54, 150
    height = 60 + row_height * len(rows)
    top = max(max(r["cache"][0], r["app"][0], r["static"][0]) for r in rows)
    scale = (width - left - 90) / math.log10(top * 1.2)
    colours = (("cache", "#0b4f8a", "qua bộ đệm"), ("app", "#c8102e", "thẳng tới ứng dụng"),
               ("static", "#7a8a99", "nginx, tệp tĩnh"))  # fmt: skip
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        'font-family="sans-serif" font-size="12">',
        '<text x="10" y="20" font-size="14" font-weight="bold">Yêu cầu/giây theo trang '
        "(thang log)</text>",
    ]
    for slot, (_, colour, label) in enumerate(colours):
        parts.append(
            f'<rect x="{left + slot * 170}" y="32" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + 18 + slot * 170}" y="42">{label}</text>'
        )
    for index, row in enumerate(rows):
        y0 = 56 + index * row_height
        parts.append(f'<text x="10" y="{y0 + 24}">{row["name"]}</text>')
        for slot, (key, colour, _) in enumerate(colours):
            value = row[key][0]
            bar = max(2, math.log10(max(value, 1)) * scale)
            y = y0 + slot * 15
            parts.append(
                f'<rect x="{left}" y="{y}" width="{bar:.1f}" height="12" fill="{colour}"/>'
                f'<text x="{left + bar + 4:.1f}" y="{y + 10}">{value:,.0f}</text>'.replace(",", ".")
            )
    write_svg(path, parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2)
    parser.add_argument("--keep-database", action="store_true", help="reuse the last run's data")
    args = parser.parse_args()
    for tool, package in (("varnishd", "varnish"), ("nginx", "nginx-light"), ("wrk", "wrk")):
        need(tool, package)

    static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
        "DJANGO_SECRET_KEY": SECRET,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
        "ACCESS_LOG": "/dev/null",
        "REDIS_URL": REDIS_URL,
    }
    os.environ.update({k: v for k, v in env.items() if k != "ACCESS_LOG"})
    # The app's shared cache, as in production: a Redis database of the benchmark's own.
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    started = time.monotonic()
    print(machine(), flush=True)
    small = min(SMALL_ARCHIVE, args.articles)
    if not args.keep_database:
        print(f"Chuẩn bị dữ liệu: {vn(small)} tin bài…", flush=True)
        prepare(env, small)
    else:
        manage(env, "collectstatic", "--no-input", "-v0")

    import django

    django.setup()
    urls = page_urls()
    costs = {}
    if not args.keep_database and args.articles > small:
        costs[small] = render_costs(urls)
        print(f"Thêm {vn(args.articles - small)} tin bài…", flush=True)
        grow(env, args.articles - small)
    from articles.models import ArticlePage

    costs[ArticlePage.objects.count()] = render_costs(urls)
    largest = max(costs)

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as workdir:
        with running_stack(
            env, app_port=APP_PORT, cache_port=CACHE_PORT, workers=args.workers
        ) as front:
            app = f"http://127.0.0.1:{APP_PORT}"
            pages = {url: fetch(app, url) for url in urls.values()}
            nginx = nginx_serving(pages, Path(workdir))
            static = f"http://127.0.0.1:{NGINX_PORT}"
            try:
                samples = {name: {"cache": [], "app": [], "static": []} for name in urls}
                for round_number in range(1, args.rounds + 1):
                    print(f"Vòng {round_number}/{args.rounds}…", flush=True)
                    for name, url in urls.items():
                        for key, base in (("cache", front), ("app", app), ("static", static)):
                            samples[name][key].append(
                                wrk(base, url, args.seconds, args.connections)
                            )
                masters = subprocess.run(
                    ["pgrep", "-f", f"gunicorn.*127.0.0.1:{APP_PORT}"],
                    capture_output=True, text=True,
                ).stdout.split()  # fmt: skip
                peaks = worker_peaks_mb(masters)
            finally:
                nginx.terminate()
                nginx.wait()
    for name, by_key in samples.items():
        row = {"name": name}
        for key, runs in by_key.items():
            row[key] = (
                statistics.median(r[0] for r in runs),
                statistics.median(r[1] for r in runs),
                statistics.median(r[2] for r in runs),
                sum(r[3] for r in runs),
            )
        rows.append(row)

    print()
    print(f"{vn(largest)} tin bài; {args.workers} tiến trình ứng dụng; wrk {args.connections} "
          f"kết nối, {args.seconds} s × {args.rounds} vòng mỗi cột")  # fmt: skip
    header = (f"{'trang':<18} {'SQL':>4} | {'(a) bộ đệm r/s':>14} {'p50':>6} {'p99':>6} | "
              f"{'(b) ứng dụng r/s':>16} {'p50':>6} {'p99':>7} | {'(c) nginx r/s':>13} | "
              f"{'a/c':>5} {'b/c':>6} | lỗi, quá 2 s")  # fmt: skip
    print(header)
    for row in rows:
        (ca, c50, c99, cerr), (ap, a50, a99, aerr), (st, _, _, serr) = (
            row["cache"],
            row["app"],
            row["static"],
        )
        queries = costs[largest][row["name"], "warm"][0]
        print(
            f"{row['name']:<18} {queries:>4} | {ca:>14,.0f} {c50:>6.2f} {c99:>6.2f} | "
            f"{ap:>16,.0f} {a50:>6.1f} {a99:>7.1f} | {st:>13,.0f} | "
            f"{ca / st:>5.2f} {ap / st:>6.4f} | {cerr + aerr + serr}".replace(",", ".")
        )
    print()
    print(
        "Vẽ một trang trong tiến trình, không qua bộ đệm trước: SQL · ms trung vị, với bộ nhớ đệm"
    )
    print("của ứng dụng (khung trang trong Redis) ấm; ngay sau khi biên tập viên đăng một tin cùng")
    print("chuyên mục (khung đã vẽ lại, tiến trình khác đọc); rồi Redis trống trước mỗi lần")
    print(
        f"{'trang':<18} "
        + " ".join(
            f"| {vn(size) + ' tin: ấm':>17} {'sau khi đăng':>16} {'trống':>13}" for size in costs
        )
        + " | mục tiêu ấm · sau khi đăng"
    )
    for name in urls:
        cells = []
        for size in costs:
            (warm_sql, warm_ms), (published_sql, published_ms), (cold_sql, cold_ms) = (
                costs[size][name, state] for state in STATES
            )
            cells.append(
                f"| {warm_sql:>4} · {warm_ms:>6.1f} ms {published_sql:>4} · {published_ms:>6.1f} ms"
                f" {cold_sql:>4} · {cold_ms:>6.1f} ms"
            )
        target = TARGETS_MS.get(name)
        cells.append(f"| ≤ {target[0]:>2} · ≤ {target[1]:>2} ms" if target else "|")
        print(f"{name:<18} " + " ".join(cells))
    if peaks:
        print(
            f"Bộ nhớ đỉnh mỗi tiến trình ứng dụng: {max(peaks):.0f} MB, thấp nhất {min(peaks):.0f}"
        )
    draw_svg(rows, RESULTS / "serving.svg")
    print(f"Biểu đồ: bench/results/serving.svg · {time.monotonic() - started:.0f} giây")
    shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
