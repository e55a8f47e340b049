"""The frame drawn again right after an editor's change, so that no reader pays for it.

A publish (or unpublish, move, delete, a settings change) starts a new frame generation: the
menu, the footer, the side boxes, the home page's boxes and the section's count are all worked
out again, and without this the first reader after the change waited for it (the "emptied"
column of bench/run: some 100 ms on an article at 100,000 articles). Once the change has
committed, `warm_frame` draws each site's home page in each of its languages, the pages whose
model says `drawn_after_every_change` (the registry), and the pages changed with their sections,
in this process, through the app's own middleware; what they compute goes to the shared cache
under the new generation, for every app process. The searches readers asked most today are drawn
too (their first page of results: what a change may alter and a common word takes longest to
read again).

Only changes made while serving a request (an editor in the admin) are followed: imports and
other commands change pages by the thousand, and readers' first visits draw the frame then."""

import io
import logging

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.http.request import validate_host
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django_tasks import task
from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.models import Page, Site, get_page_models

from core.frame_cache import current_generation, in_request
from core.visibility import site_homes

logger = logging.getLogger(__name__)

# Announced as a robot (core.visitors): what it draws is no reader's visit or search.
USER_AGENT = "frame-warming-bot"
# Pages of one change drawn besides the home pages: a publish of a few pages at once (a page and
# its translations) is drawn whole, a bigger change leaves the rest to readers.
MAX_PAGES_DRAWN = 5
# Pages drawn after every change because their models ask for it, at most.
MAX_ALWAYS_DRAWN = 5
# Searches drawn after every change: today's most asked, each asked at least twice.
MAX_SEARCHES_DRAWN = 3

_handler = None
# The generation last drawn by this process, and whether a drawing is under way (what it draws
# may itself change the frame: the site's settings are made on the first visit).
_drawn = {"generation": None, "busy": False}


def _app():
    global _handler  # one handler per process, built on first use
    if _handler is None:
        _handler = BaseHandler()
        _handler.load_middleware()
    return _handler


def _environ(site, address):
    path, _, query = address.partition("?")
    port = "" if site.port in (80, 443) else f":{site.port}"
    secure = site.port == 443 or settings.SECURE_SSL_REDIRECT
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": query,
        "SERVER_NAME": site.hostname,
        "SERVER_PORT": str(site.port),
        "HTTP_HOST": site.hostname + port,
        "HTTP_USER_AGENT": USER_AGENT,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }


def draw(site, path):
    """The page at `path` (with its query string, if any) of `site` drawn as a reader's request
    would be; its status code.
    Through the middleware, not the WSGI handler, and the response is not closed: the request
    signals would close the database connection of the request this runs in."""
    language = translation.get_language()
    try:
        return _app().get_response(WSGIRequest(_environ(site, path))).status_code
    finally:
        translation.activate(language)


def _always_drawn():
    """Live pages whose model says `drawn_after_every_change`."""
    models = [
        model for model in get_page_models() if getattr(model, "drawn_after_every_change", False)
    ]
    if not models:
        return []
    return list(Page.objects.live().type(*models).order_by("path")[:MAX_ALWAYS_DRAWN])


def _most_asked_searches():
    """Addresses of the first page of results of today's most asked searches (days counted as
    the search terms report counts them, search.promotions.count_asked)."""
    asked = (
        QueryDailyHits.objects.filter(date=timezone.now().date(), hits__gt=1)
        .order_by("-hits", "pk")
        .values_list("query__query_string", flat=True)[:MAX_SEARCHES_DRAWN]
    )
    return [f"{reverse('search')}?{urlencode({'q': query})}" for query in asked]


def _addresses(page_ids):
    """(site, path) of each site's home in each language, then of the pages drawn after every
    change, then of the changed pages and their parents, then of the most asked searches; sites
    whose host this deployment does not answer (ALLOWED_HOSTS) are left out."""
    addresses = []
    for site in Site.objects.select_related("root_page"):
        if validate_host(site.hostname, settings.ALLOWED_HOSTS):
            addresses += [(site, f"{home.prefix}/") for home in site_homes(site)]
    changed = Page.objects.filter(pk__in=list(page_ids)[:MAX_PAGES_DRAWN]).live()
    pages = [*_always_drawn(), *(drawn for page in changed for drawn in (page, page.get_parent()))]
    sites = {site.pk: site for site, _ in addresses}
    for page in pages:
        site_id, _, path = page.get_url_parts() or (None, None, None)
        if site_id in sites and (sites[site_id], path) not in addresses:
            addresses.append((sites[site_id], path))
    searches = _most_asked_searches()
    return addresses + [(site, search) for site in sites.values() for search in searches]


@task()
def warm_frame(page_ids=()):
    drawn = []
    for site, path in _addresses(page_ids):
        try:
            drawn.append((path, draw(site, path)))
        except Exception:
            # Warming is a courtesy to readers: a failure must never undo or fail the change.
            # The path without its query: a search's words are a reader's, not the log's.
            logger.exception("Drawing %s after a change failed", path.partition("?")[0])
    return drawn


def _warm(page_ids):
    generation = current_generation()
    if _drawn["busy"] or _drawn["generation"] == generation:
        return  # the change's other pages, committed at the same time: drawn already
    _drawn.update(generation=generation, busy=True)
    try:
        warm_frame.enqueue(page_ids=page_ids)
    finally:
        _drawn["busy"] = False


def warm_after_commit(page=None):
    """Draw the frame again once the current change commits, with `page` and its section (once
    per generation: the first change of a transaction that commits draws it). Nothing outside
    a request."""
    if not in_request() or _drawn["busy"]:
        return
    page_ids = [page.pk] if getattr(page, "pk", None) else []
    transaction.on_commit(lambda: _warm(page_ids))
