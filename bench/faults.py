"""Faults under load: the production app on loopback keeps serving while PostgreSQL restarts,
Redis stops and a worker is killed.

    bench/faults [--seconds 20] [--readers 8] [--workers 4] [--short]

Builds a PostgreSQL database of its own (demo content), starts gunicorn with the production
settings (deploy/stack.py) and, from a second process (bench/load.py), reads the public pages as
readers do, keeps an editor signed in to the admin and sends letters through the contact form.
Each phase runs that load and injects one fault a few seconds in:

  (1) nothing            zero errors
  (2) PostgreSQL restart errors only while it is down; the app recovers without a restart
  (3) Redis stopped      pages keep answering 200 and the editor stays signed in
  (4) a worker killed    the master starts a new one; at most the requests it held fail

It prints, per phase, requests and requests/s, errors, when they happened against the fault's
window, the editor's answers and the letters acknowledged and found stored, and draws
bench/results/faults.svg (answers and errors per half second). It exits non-zero when a phase
misses its target, so CI can run `--short`. Needs root (to restart the services), PostgreSQL,
Redis and varnish (the stack's front cache, idle here)."""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "deploy"), str(ROOT / "bench")]
from serving import HOST, PG, PYTHON, RESULTS, manage, need, psql, vn  # noqa: E402
from stack import running_stack  # noqa: E402
from svg import write_svg  # noqa: E402

DATABASE = "sokhcn_faults"
REDIS_PORT = 6379
REDIS_URL = os.environ.get("BENCH_REDIS", f"redis://127.0.0.1:{REDIS_PORT}/12")
APP_PORT, CACHE_PORT = 18200, 16281
EDITOR, PASSWORD = "bientap-thu-tai", "mat-khau-thu-tai-2026"
# A request that started before a fault may finish, failed, a little after it.
GRACE_SECONDS = 2.0


def run(*command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


def prepare(env):
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    psql(f"CREATE DATABASE {DATABASE}")
    manage(env, "migrate", "-v0")
    manage(env, "load_demo_content")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(
        env, "shell", "-c",
        "from django.contrib.auth import get_user_model; from django.contrib.auth.models import "
        "Group; from core.roles import EDITORS_GROUP; u = get_user_model().objects.create_user("
        f"'{EDITOR}', 'bt@example.invalid', '{PASSWORD}'); "
        "u.groups.add(Group.objects.get(name=EDITORS_GROUP))",
    )  # fmt: skip


def reader_urls():
    """Public pages of every kind, from the database the app serves."""
    out = run(
        PYTHON, "manage.py", "shell", "-c",
        "import json; from wagtail.models import Page; from home.models import ContactPage;"
        "pages = Page.objects.live().public().filter(depth__gte=2).specific().order_by('path');"
        "print(json.dumps({'pages': [p.url for p in pages[:40] if p.url],"
        " 'contact': ContactPage.objects.live().get(slug='lien-he').url}))",
        cwd=ROOT,
    ).stdout  # fmt: skip
    found = json.loads(out.strip().splitlines()[-1])
    extras = ["/tim-kiem/?q=khoa+hoc", "/tim-kiem/?q=nong+nghiep", "/rss/", "/sitemap.xml"]
    return [*found["pages"], *extras], found["contact"]


def pg_cluster():
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def wait_until(check, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def pg_ready():
    return subprocess.run(["pg_isready", "-h", "127.0.0.1", "-q"]).returncode == 0


def redis_up():
    return (
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True).returncode
        == 0
    )


def start_redis():
    run(
        "redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(REDIS_PORT),
        "--save", "", "--appendonly", "no",
    )  # fmt: skip
    wait_until(redis_up)


def gunicorn_workers():
    master = run("pgrep", "-of", f"gunicorn.*127.0.0.1:{APP_PORT}").stdout.split()[0]
    return master, subprocess.run(
        ["pgrep", "-P", master], capture_output=True, text=True
    ).stdout.split()


# Faults: each does its harm and returns when its window opened and closed (wall-clock time, from
# `clock`), plus a line on what it did.


def restart_postgres(clock):
    opened = clock()
    run(*pg_cluster(), "restart", "-m", "fast")
    wait_until(pg_ready)
    return opened, clock(), "pg_ctlcluster restart -m fast"


def stop_redis(clock, down_seconds):
    opened = clock()
    subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)
    wait_until(lambda: not redis_up(), 5)
    time.sleep(down_seconds)
    start_redis()
    return opened, clock(), f"redis-cli shutdown, {down_seconds:.0f} s down, started again"


def kill_worker(clock):
    master, workers = gunicorn_workers()
    opened = clock()
    os.kill(int(workers[0]), signal.SIGKILL)

    def replaced_in_full():
        now = gunicorn_workers()[1]
        return len(now) == len(workers) and workers[0] not in now

    replaced = wait_until(replaced_in_full, 15)
    closed = clock()
    what = f"kill -9 of worker {workers[0]}; " + (
        f"master {master} had {len(workers)} workers again after {closed - opened:.1f} s"
        if replaced
        else "NOT replaced"
    )
    return opened, closed, what


def stored_letters(marker):
    out = run(
        PYTHON, "manage.py", "shell", "-c",
        "from wagtail.contrib.forms.models import FormSubmission as F; "
        f"print(F.objects.filter(form_data__noi_dung__startswith='{marker} ').count())",
        cwd=ROOT,
    ).stdout  # fmt: skip
    return int(out.strip().splitlines()[-1])


def run_phase(name, fault, args, base, urls, contact, lead_seconds):
    marker = f"[{name}]"
    load = subprocess.Popen(
        [PYTHON, str(ROOT / "bench" / "load.py"), base, "--host", HOST,
         "--seconds", str(args.seconds), "--readers", str(args.readers), "--urls", *urls,
         "--contact", contact, "--editor", f"{EDITOR}:{PASSWORD}", "--marker", marker],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    window, what = None, "—"
    if fault:
        time.sleep(lead_seconds)
        *window, what = fault(time.time)
    out, _ = load.communicate(timeout=args.seconds + 60)
    if load.returncode:
        raise SystemExit(f"the load generator failed in phase {name}")
    load_answer = json.loads(out)
    if window:  # on the load's axis: seconds from its start
        window = [moment - load_answer["started"] for moment in window]
    return {
        "name": name,
        "what": what,
        "window": window,
        "samples": load_answer["samples"],
        "letters_stored": stored_letters(marker),
    }


def figures(phase, seconds):
    samples = phase["samples"]
    public = [s for s in samples if s[1] == "reader"]
    errors = [s for s in public if not 200 <= s[2] < 400]
    editor = [s for s in samples if s[1] == "editor"]
    letters = [s for s in samples if s[1] == "letter"]
    editor_refused = [s for s in editor if s[2] != 200]

    def outside_window(failures):
        if not phase["window"]:
            return failures
        opened, closed = phase["window"]
        return [s for s in failures if not opened <= s[0] <= closed + GRACE_SECONDS]

    outside = outside_window(errors)
    last_error = max((s[0] for s in errors), default=None)
    return {
        "requests": len(public),
        "rate": len(public) / seconds,
        "errors": len(errors),
        "errors_outside": len(outside),
        "first_error": min((s[0] for s in errors), default=None),
        "last_error": last_error,
        "editor_ok": sum(1 for s in editor if s[2] == 200),
        "editor_all": len(editor),
        "editor_refused_outside": len(outside_window(editor_refused)),
        "letters_acknowledged": sum(1 for s in letters if s[2] == 200),
        "letters_refused_outside": len(outside_window([s for s in letters if s[2] != 200])),
    }


def verdict(phase, result):
    """Whether the phase met its target, and why not."""
    name = phase["name"]
    problems = []
    if result["letters_acknowledged"] != phase["letters_stored"]:
        acknowledged, stored = result["letters_acknowledged"], phase["letters_stored"]
        problems.append(f"{acknowledged} letters acknowledged, {stored} stored")
    if result["letters_refused_outside"]:
        problems.append(f"{result['letters_refused_outside']} letters refused outside the fault")
    if result["editor_refused_outside"]:
        problems.append("the editor was refused or signed out outside the fault")
    if name == "bình thường" and result["errors"]:
        problems.append("errors without any fault")
    if name == "khởi động lại PostgreSQL" and result["errors_outside"]:
        problems.append(f"{result['errors_outside']} errors outside the restart window")
    if name == "dừng Redis":
        if result["errors"]:
            problems.append(f"{result['errors']} errors while Redis was down")
        if result["editor_ok"] != result["editor_all"]:
            problems.append("the editor was signed out")
    if name == "giết một tiến trình":
        if "NOT replaced" in phase["what"]:
            problems.append("the killed worker was not replaced")
        if result["errors_outside"]:
            problems.append(f"{result['errors_outside']} errors after the worker was replaced")
    return problems


def draw(phases, seconds, path):
    """Answers (blue) and errors (red) per half second, one strip per phase, the fault's window
    shaded."""
    width, strip, left, top = 760, 110, 170, 36
    bins = int(seconds * 2)
    bottom = top + strip * len(phases)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{bottom + 30}" '
        'font-family="sans-serif" font-size="12">',
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<text x="{left}" y="20" font-size="14" font-weight="bold">'
        "Câu trả lời (xanh) và lỗi (đỏ) mỗi 0,5 giây; nền vàng: lúc có sự cố</text>",
    ]
    plot = width - left - 20
    for row, phase in enumerate(phases):
        y0 = top + row * strip
        counts = [[0, 0] for _ in range(bins)]
        for at, who, status in phase["samples"]:
            if who == "reader" and at < seconds:
                counts[int(at * 2)][0 if 200 <= status < 400 else 1] += 1
        peak = max(max(c) for c in counts) or 1
        if phase["window"]:
            opened, closed = phase["window"]
            parts.append(
                f'<rect x="{left + opened / seconds * plot:.1f}" y="{y0}" '
                f'width="{max(2, (closed - opened) / seconds * plot):.1f}" height="{strip - 20}" '
                'fill="#f3d9a4"/>'
            )
        parts.append(f'<text x="8" y="{y0 + strip / 2}">{phase["name"]}</text>')
        bar = plot / bins
        for n, (ok, bad) in enumerate(counts):
            x = left + n * bar
            for value, colour, shift in ((ok, "#0b4f8a", 0), (bad, "#c0392b", bar / 2)):
                height = value / peak * (strip - 24)
                parts.append(
                    f'<rect x="{x + shift:.1f}" y="{y0 + strip - 20 - height:.1f}" '
                    f'width="{max(1, bar / 2 - 1):.1f}" height="{height:.1f}" fill="{colour}"/>'
                )
        axis = y0 + strip - 20
        parts.append(
            f'<line x1="{left}" x2="{left + plot}" y1="{axis}" y2="{axis}" stroke="#999"/>'
        )
    for tick in range(0, int(seconds) + 1, max(1, int(seconds) // 10)):
        x = left + tick / seconds * plot
        parts.append(f'<text x="{x:.1f}" y="{bottom + 4}" text-anchor="middle">{tick} s</text>')
    write_svg(path, parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--short", action="store_true", help="8 s phases (CI)")
    args = parser.parse_args()
    if args.short:
        args.seconds = 8
    lead = min(3.0, args.seconds / 4)
    for tool, package in (("varnishd", "varnish"), ("redis-server", "redis-server")):
        need(tool, package)

    env = {
        **os.environ,
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "DJANGO_SETTINGS_MODULE": "site_config.settings.production",
        "DJANGO_SECRET_KEY": "faults-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(ROOT / "bench" / "results" / "faults-static"),
        "REDIS_URL": REDIS_URL,
        "ACCESS_LOG": "/dev/null",
        "CONTACT_RATE_LIMIT": "100000",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": "9",  # nothing listens: the mail server is down, letters are kept
    }
    os.environ.update({k: v for k, v in env.items() if k != "ACCESS_LOG"})
    if not redis_up():
        start_redis()
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, capture_output=True)
    started = time.monotonic()
    print("Chuẩn bị cơ sở dữ liệu thử (nội dung mẫu)…", flush=True)
    prepare(env)
    urls, contact = reader_urls()
    print(
        f"{len(urls)} địa chỉ công khai, {args.readers} người đọc, 1 biên tập viên, 1 người gửi "
        f"thư; {args.workers} tiến trình gunicorn; mỗi giai đoạn {args.seconds:.0f} s",
        flush=True,
    )
    faults = [
        ("bình thường", None),
        ("khởi động lại PostgreSQL", restart_postgres),
        ("dừng Redis", lambda clock: stop_redis(clock, max(2.0, args.seconds / 4))),
        ("giết một tiến trình", kill_worker),
    ]
    phases = []
    try:
        with running_stack(env, app_port=APP_PORT, cache_port=CACHE_PORT, workers=args.workers):
            base = f"http://127.0.0.1:{APP_PORT}"
            for name, fault in faults:
                print(f"  {name}…", flush=True)
                phases.append(run_phase(name, fault, args, base, urls, contact, lead))
    finally:
        if not redis_up():
            start_redis()
        if not pg_ready():
            subprocess.run([*pg_cluster(), "start"], check=False)

    failed = False
    print(
        f"{'giai đoạn':26}| {'yêu cầu':>8} {'r/s':>6} {'lỗi':>5} | {'cửa sổ sự cố':>14} | "
        f"{'lỗi từ … đến':>14} | {'biên tập 200':>12} | thư nhận/lưu"
    )
    for phase in phases:
        result = figures(phase, args.seconds)
        window = (
            f"{phase['window'][0]:5.1f}–{phase['window'][1]:5.1f} s" if phase["window"] else "—"
        )
        spread = (
            f"{result['first_error']:5.1f}–{result['last_error']:5.1f} s"
            if result["errors"]
            else "—"
        )
        print(
            f"{phase['name']:26}| {vn(result['requests']):>8} {result['rate']:6.0f} "
            f"{result['errors']:5} | {window:>14} | {spread:>14} | "
            f"{result['editor_ok']:>5}/{result['editor_all']:<6} | "
            f"{result['letters_acknowledged']}/{phase['letters_stored']}"
        )
        print(f"{'':26}  {phase['what']}")
        for problem in verdict(phase, result):
            failed = True
            print(f"{'':26}  KHÔNG ĐẠT: {problem}")
    draw(phases, args.seconds, RESULTS / "faults.svg")
    print(
        f"{'Có giai đoạn không đạt' if failed else 'Mọi giai đoạn đạt'}; biểu đồ: "
        f"bench/results/faults.svg; {time.monotonic() - started:.0f} s."
    )
    psql(f"DROP DATABASE IF EXISTS {DATABASE}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
