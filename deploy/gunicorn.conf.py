"""gunicorn for production: `gunicorn -c deploy/gunicorn.conf.py site_config.wsgi`.

Settings come from the environment (BIND, WEB_WORKERS), so the same file serves one machine,
several app servers behind the front cache, and the benchmarks on loopback."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
# Two per core: a worker waiting on the database leaves the core to the other.
workers = int(os.environ.get("WEB_WORKERS", multiprocessing.cpu_count() * 2))
# A worker that hangs is killed and replaced by the master; nothing else is lost with it.
timeout = 30
graceful_timeout = 20
# Workers are recycled now and then, so that a slow leak never grows without bound.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("ACCESS_LOG", "-")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
