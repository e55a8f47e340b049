"""The production stack on one machine: gunicorn app processes behind Varnish, the front cache.

    python deploy/stack.py [--apps 1] [--app-port 8000] [--cache-port 6081] [--publish-every 60]

Needs `varnishd` (Debian: apt-get install varnish) and the environment of a deployment
(DATABASE_URL, REDIS_URL, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS; README, "Deploying"). The app
processes purge the front cache through FRONTEND_CACHE_URL, set here. Ctrl-C stops everything.
Tests and benchmarks start the same stack with `running_stack()`."""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
STARTUP_SECONDS = 30


def _wait_for_port(port, process, what):
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} stopped at start (exit code {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {STARTUP_SECONDS} s")


def vcl_for(app_ports):
    """The shipped VCL with one backend per app process, taken in turn."""
    text = VCL.read_text(encoding="utf-8")
    backends = "\n".join(
        f'backend app{n} {{\n    .host = "127.0.0.1";\n    .port = "{port}";\n}}'
        for n, port in enumerate(app_ports)
    )
    director = "\n".join(f"    apps.add_backend(app{n});" for n in range(len(app_ports)))
    text = text.replace(
        'backend app {\n    .host = "127.0.0.1";\n    .port = "8000";\n}',
        f"import directors;\n\n{backends}\n\nsub vcl_init {{\n"
        f"    new apps = directors.round_robin();\n{director}\n}}",
    )
    return text.replace(
        "sub vcl_recv {", "sub vcl_recv {\n    set req.backend_hint = apps.backend();", 1
    )


@contextmanager
def _process(command, env, port, what, log):
    process = subprocess.Popen(  # noqa: S603 (our own commands, no shell)
        command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        _wait_for_port(port, process, what)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


@contextmanager
def running_stack(env, *, apps=1, app_port=8000, cache_port=6081, workers=2, log=None):
    """App processes on app_port, app_port + 1, ... behind Varnish on cache_port; yields the
    front cache's address."""
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not os.path.exists(varnishd):
        raise RuntimeError("varnishd is missing: apt-get install varnish")
    front = f"http://127.0.0.1:{cache_port}"
    env = {**os.environ, **env, "FRONTEND_CACHE_URL": front, "WEB_WORKERS": str(workers)}
    log = log or subprocess.DEVNULL
    app_ports = [app_port + n for n in range(apps)]
    with ExitStack() as stack:
        for port in app_ports:
            gunicorn = [
                sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py",
                "--bind", f"127.0.0.1:{port}", "site_config.wsgi",
            ]  # fmt: skip
            stack.enter_context(_process(gunicorn, env, port, f"gunicorn :{port}", log))
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="varnish-")))
        workdir.chmod(0o755)  # varnishd reads the VCL as its own unprivileged user
        vcl = workdir / "site.vcl"
        vcl.write_text(vcl_for(app_ports), encoding="utf-8")
        vcl.chmod(0o644)
        varnish = [
            varnishd, "-F", "-n", str(workdir / "instance"), "-a", f"127.0.0.1:{cache_port}",
            "-f", str(vcl), "-s", "malloc,256m", "-p", "default_ttl=0",
        ]  # fmt: skip
        stack.enter_context(_process(varnish, env, cache_port, "varnishd", log))
        yield front


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=int, default=1)
    parser.add_argument("--app-port", type=int, default=8000)
    parser.add_argument("--cache-port", type=int, default=6081)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--publish-every", type=int, default=60, metavar="SECONDS",
        help="run publish_scheduled this often (0: leave it to the systemd timer)",
    )  # fmt: skip
    args = parser.parse_args()
    env = {
        "DJANGO_SETTINGS_MODULE": os.environ.get(
            "DJANGO_SETTINGS_MODULE", "site_config.settings.production"
        )
    }
    workers = args.workers or (os.cpu_count() or 1) * 2
    with running_stack(
        env, apps=args.apps, app_port=args.app_port, cache_port=args.cache_port,
        workers=workers, log=None,
    ) as front:  # fmt: skip
        print(f"Front cache: {front}; app processes from port {args.app_port}. Ctrl-C stops.")  # noqa: T201
        if args.publish_every:
            # Scheduled publishing where no systemd timer runs it (deploy/systemd for servers).
            print(f"Scheduled pages are published every {args.publish_every} s.")  # noqa: T201
        try:
            while True:
                if args.publish_every:
                    subprocess.run(  # noqa: S603 (our own script)
                        [str(ROOT / "deploy" / "publish-scheduled.sh")],
                        env={
                            **os.environ,
                            **env,
                            "FRONTEND_CACHE_URL": front,
                            "PYTHON": sys.executable,
                        },
                        check=False,
                    )
                    time.sleep(args.publish_every)
                else:
                    signal.pause()
        except KeyboardInterrupt:
            print("Stopped.")  # noqa: T201


if __name__ == "__main__":
    main()
