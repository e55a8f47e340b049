"""What every reader's page shows around its content and only editors change: the header menu, the
department's details, the newest articles, which pages are private. Read each time, they were
six of an article's nineteen queries.

They are kept in the shared cache under the current *generation*, and any change that may alter
them starts a new one (`frame_changed`): a page saved, published, unpublished, moved or deleted,
and a change of any model registered with `frame=True` in `core.invalidation` (view
restrictions, sites, the site settings, agency links). A value is stored under the generation
read before it was computed, so a request that read the database before a change cannot file its
answer under the generation after it. The generation moves both at the change and again when its
transaction commits (a request in between may have read the old rows). KEEP_SECONDS bounds how
long a change missed by the cache (an outage at that moment) can show.

A request reads the generation once (`FrameGenerationMiddleware`), and each process keeps the
values of the current generation in memory: a page then asks the shared cache one question
instead of two per value, and unpickles nothing. Values are shared by every request of the
process: callers copy before changing them.

Within a request, values computed are written to the shared cache together when it ends (one
round trip instead of one per value), and a generation this request started is not asked for
values: nothing can be filed under it yet.

Values are kept under the code's *release* too (`release()`): they are pickled pages, our own
classes and drawn HTML, which another release may not read back (a class moved: every page
answers 500) or would show as it was drawn (an old template), until the generation moves. App
servers running the same code share them.

When the shared cache is down, each process keeps a generation of its own for
OUTAGE_GENERATION_SECONDS: its frame is computed once in that time instead of on every request
(a change then shows within those seconds, in every process)."""

import contextvars
import functools
import hashlib
import time
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

GENERATION_KEY = "site-frame-generation"
KEEP_SECONDS = 600
OUTAGE_GENERATION_SECONDS = 5
# Values that are many, each asked for by few readers (the way to each of 100,000 articles): the
# most recently used of the current generation, in this process only, so that a crawler walking
# the archive costs a bounded amount of memory.
RECENT_LIMIT = 500

# Within a request: {"generation": ...} once read, "started": the generation if this request
# started it, "unwritten": {key: value} for the shared cache. Outside requests (commands, shells)
# nothing is remembered between calls and values are written at once.
_request_memo = contextvars.ContextVar("site_frame_request_memo", default=None)
# This process's values: (generation, name) -> (value, monotonic time it expires), for one
# generation at a time.
_process_values = {}
# (generation, name) -> (value, monotonic time it expires), least recently used first.
_recent_values = OrderedDict()
# While the shared cache is down: (this process's generation, monotonic time it ends).
_outage_generation = [None, 0.0]


# What a release's kept values depend on: its Python code and templates, not its tests, tools or
# files written at run time.
_RELEASE_SUFFIXES = {".py", ".html"}
_NOT_RELEASED = {"tests", "bench", "media", "static", "node_modules", "__pycache__"}


def _released_files(root):
    for path in sorted(root.iterdir()):
        if path.name.startswith(".") or path.name in _NOT_RELEASED:
            continue
        if path.is_dir():
            if not (path / "pyvenv.cfg").exists():  # a virtualenv kept beside the code
                yield from _released_files(path)
        elif path.suffix in _RELEASE_SUFFIXES:
            yield path


@functools.cache
def release():
    """A fingerprint of the code this process runs: its own files' contents and the Django and
    Wagtail versions (whose classes are pickled too). Read once per process (some 400 files, 30 ms):
    when the app's middleware is set up, before the process serves anyone."""
    digest = hashlib.sha256(f"{django.__version__} {wagtail.__version__}".encode())
    root = Path(settings.BASE_DIR)
    for path in _released_files(root):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _cache_is_down():
    is_down = getattr(cache, "is_down", None)
    return bool(is_down and is_down())


def _outage_generation_now():
    generation, until = _outage_generation
    if generation is None or time.monotonic() >= until:
        _outage_generation[:] = [time.time_ns(), time.monotonic() + OUTAGE_GENERATION_SECONDS]
    return _outage_generation[0]


def _read_generation():
    if _cache_is_down():
        return _outage_generation_now()
    generation = cache.get(GENERATION_KEY)
    if _cache_is_down():  # that read is what found it down
        return _outage_generation_now()
    if generation is None:
        # None yet, or the cache was emptied (or is down): a new one, which nothing kept before
        # can match.
        generation = time.time_ns()
        if cache.add(GENERATION_KEY, generation, None):
            _note_started(generation)
        else:
            generation = cache.get(GENERATION_KEY, generation)
    return generation


def _note_started(generation):
    memo = _request_memo.get()
    if memo is not None:
        memo["started"] = generation


def _generation():
    memo = _request_memo.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    generation = _read_generation()
    if memo is not None:
        memo["generation"] = generation
    return generation


def _shared_value(generation, key):
    """The value kept in the shared cache as a 1-tuple, or None."""
    memo = _request_memo.get()
    if memo is not None and memo.get("started") == generation:
        return None  # started by this request: no other could have filed anything under it
    return cache.get(key)


def _share(key, kept):
    memo = _request_memo.get()
    if memo is None:
        cache.set(key, kept, KEEP_SECONDS)
    else:
        memo.setdefault("unwritten", {})[key] = kept


def _write_shared(memo):
    if memo.get("unwritten"):
        cache.set_many(memo["unwritten"], KEEP_SECONDS)


def current_generation():
    return _generation()


def in_request():
    """Whether this runs while serving a request (the middleware below is on its way)."""
    return _request_memo.get() is not None


def _shared_key(generation, name):
    return f"site-frame:{release()}:{generation}:{name}"


def _from_shared_cache(generation, name, compute):
    """The value filed under `name` for `generation` in the shared cache, or `compute()` filed
    there."""
    key = _shared_key(generation, name)
    kept = _shared_value(generation, key)  # a 1-tuple, so that None is an answer too
    if kept is None:
        kept = (compute(),)
        _share(key, kept)
    return kept[0]


def remembered(name, compute):
    """`compute()`, or its value for the current generation from this process or the cache."""
    generation = _generation()
    local_key = (generation, name)
    value, until = _process_values.get(local_key, (None, 0))
    if until > time.monotonic():
        return value
    value = _from_shared_cache(generation, name, compute)
    if any(known != generation for known, _ in _process_values):
        _process_values.clear()  # an older generation's values are never read again
    _process_values[local_key] = (value, time.monotonic() + KEEP_SECONDS)
    return value


def recently_remembered(name, compute, *, shared=False):
    """`compute()`, or its value for the current generation if this process worked it out lately
    (one of the RECENT_LIMIT most recently used). With `shared`, the value is filed in the shared
    cache too, for every process, while each keeps only its most recently used: values of which
    there are many, a few of them asked for by many readers (a search's first page of results,
    which core.frame_warming works out again after a change for the searches asked most)."""
    generation = _generation()
    key = (generation, name)
    value, until = _recent_values.get(key, (None, 0))
    if until > time.monotonic():
        _recent_values.move_to_end(key)
        return value
    value = _from_shared_cache(generation, name, compute) if shared else compute()
    if _recent_values and next(iter(_recent_values))[0] != generation:
        _recent_values.clear()  # the oldest is of an older generation: so may others be
    # Bounded in time too, as `remembered` is: a change this process was not told of (no shared
    # cache between processes) shows within KEEP_SECONDS.
    _recent_values[key] = (value, time.monotonic() + KEEP_SECONDS)
    if len(_recent_values) > RECENT_LIMIT:
        _recent_values.popitem(last=False)
    return value


def kept(name, compute, *, shared):
    """`remembered` when `shared` (in the shared cache, for every process: values of which there
    are few, asked for by many), else `recently_remembered` (this process's most recently used:
    values of which there are many)."""
    return (remembered if shared else recently_remembered)(name, compute)


def site_root_paths():
    """Wagtail's `Site.get_site_root_paths()`, which every page address is worked out from."""
    from core import sites  # which reads its sites through this module

    return remembered("site-root-paths", sites.site_root_paths)


def address_of(page, root_paths=None):
    """`page.get_url()` without its read of the sites' root paths from the shared cache (Wagtail
    reads them once per page when there is no request): they are lent to the page for the call,
    from the frame cache."""
    page._wagtail_cached_site_root_paths = root_paths or site_root_paths()
    try:
        return page.get_url()
    finally:
        del page._wagtail_cached_site_root_paths  # not kept with the page


def with_addresses(pages):
    """`pages`, each with its address as `href` (template tag `page_href`): worked out once per
    generation instead of once per link on every page drawn (Wagtail's `pageurl` costs a
    `reverse()`, some 0.1 ms, and a page shows forty links)."""
    root_paths = site_root_paths() if pages else None
    for page in pages:
        page.href = address_of(page, root_paths)
    return pages


def _new_generation():
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, None)
    if _cache_is_down():
        # In an outage this process sees its own change at once, and goes on with the values
        # computed after it.
        _outage_generation[:] = [generation, time.monotonic() + OUTAGE_GENERATION_SECONDS]
    else:
        _outage_generation[:] = [None, 0.0]
    memo = _request_memo.get()
    if memo is not None:
        memo["generation"] = generation
        memo["started"] = generation


def frame_changed(**kwargs):
    _new_generation()
    transaction.on_commit(_new_generation)


def forget_this_process():
    """Drop what this process keeps in memory: it then starts as another process would, from
    the shared cache."""
    _process_values.clear()
    _recent_values.clear()
    _outage_generation[:] = [None, 0.0]


@contextmanager
def request_scope():
    """What serving one request needs of the frame cache: the generation read once, values
    computed written together when it ends."""
    memo = {}
    token = _request_memo.set(memo)
    try:
        yield
    finally:
        _request_memo.reset(token)
        _write_shared(memo)


class FrameGenerationMiddleware:
    """Reads the frame's generation at most once per request."""

    def __init__(self, get_response):
        self.get_response = get_response
        release()  # now, as the process starts, not on its first reader's request

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)
