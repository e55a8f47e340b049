"""An archive's items loaded by several processes at once, each owning a share of the sections.

Loading is Python-bound (Wagtail's page, revision and history rows, the search index), so each
core the machine has adds to the rate (bench/import_archive.py --workers). Each section belongs
to one process: two processes adding pages under the same section would contend for it (the
tree's next path and child count). Only on PostgreSQL: SQLite takes one writer at a time."""

import json
import os
import time
import traceback
from collections import Counter
from multiprocessing import get_context

from django.core.cache import caches
from django.db import connections

from site_import.archive import ITEMS


class WorkerFailed(Exception):
    pass


def share_sections(archive, workers):
    """{section slug: worker}: the largest sections first, each to the least loaded worker."""
    sizes = Counter(
        item.get("section") for item in archive.read(ITEMS) if item.get("kind") == "article"
    )
    loads = [0] * workers
    shares = {}
    for section, size in sizes.most_common():
        worker = loads.index(min(loads))
        shares[section] = worker
        loads[worker] += size
    return shares


def load_in_processes(loader, workers, progress=None):
    """Run `loader.load_items` in `workers` forked processes and merge what they did into
    `loader`; raises WorkerFailed if one of them stopped on an error."""
    shares = share_sections(loader.archive, workers)

    def belongs_to(worker):
        def belongs(item):
            if item.get("kind", "article") != "article":
                return worker == 0  # documents and people: the first process
            return shares.get(item.get("section"), 0) == worker

        return belongs

    # Each process opens its own connections: a socket shared across a fork serves neither.
    connections.close_all()
    caches.close_all()
    done = get_context("fork").Value("i", 0)
    results = [loader.archive.path(f".nap-{worker}.json") for worker in range(workers)]
    children = {}
    for worker in range(workers):
        pid = os.fork()
        if pid == 0:  # the child
            status = 1
            try:
                loader.load_items(belongs_to(worker), done=done)
                results[worker].write_text(json.dumps(loader.worker_result()), encoding="utf-8")
                status = 0
            except BaseException:  # noqa: BLE001 (a child reports any error and exits)
                traceback.print_exc()
            finally:
                connections.close_all()
                os._exit(status)
        children[pid] = worker
    stopped = []
    while children:
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            if progress:
                progress(done.value)
            time.sleep(0.3)
            continue
        worker = children.pop(pid)
        if os.waitstatus_to_exitcode(status) != 0:
            stopped.append(worker)
    if progress:
        progress(done.value)
    for path in results:
        if path.exists():
            loader.merge_worker_result(json.loads(path.read_text(encoding="utf-8")))
            path.unlink()
    if stopped:
        raise WorkerFailed(
            f"{len(stopped)} tiến trình nạp dừng vì lỗi (xem thông báo phía trên); những mục đã "
            "nạp được giữ lại, chạy lại lệnh để nạp tiếp."
        )
