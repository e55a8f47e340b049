"""Finding the page a reader asked for in one query instead of two per level.

Wagtail walks an address level by level: each page finds its child by slug, then loads the
child's own type (four queries to reach an article, more for a task), and before serving it
reads the page's ancestors and their view restrictions again (two more). The site's home page
routes instead: one query reads every page the address may pass through, with whether each is
restricted, and only the page served is loaded in full. Pages that route for themselves
(`RoutablePageMixin`: the registry, the document library) still get the rest of the address
when one of their own routes matches it, as Wagtail would hand it to them."""

import operator
import pickle
from functools import reduce

from django.core.exceptions import DisallowedHost
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site

from core.frame_cache import recently_remembered, remembered, site_root_paths
from core.sites import localized_home, site_for_host


def own_copy(keep, name, compute):
    """`compute()`'s value kept by `keep` (`remembered` or `recently_remembered`) pickled, and
    unpickled for this request: Wagtail and the routing are free to change what they are given
    (some 20 µs for a site and its root page)."""
    return pickle.loads(keep(name, lambda: pickle.dumps(compute())))  # noqa: S301 (written here)


class RoutedPageMixin:
    """A page reached by `route_by_slugs` keeps what that query learnt: its ancestors (the
    breadcrumbs) and whether any page on its way is restricted (Wagtail's privacy check)."""

    # Foreign keys the page's template always shows, loaded with the page, and relations
    # (prefetched; kept with the way to the page).
    served_with = ()
    served_prefetched = ()
    route_ancestors = None
    route_is_public = False

    def get_view_restrictions(self):
        # An alias also takes the restrictions of the page it copies: Wagtail's own reading.
        if self.route_is_public and self.alias_of_id is None:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def breadcrumb_ancestors(self):
        """The live ancestors below the tree's root, nearest last."""
        if self.route_ancestors is not None:
            return [page for page in self.route_ancestors if page.live]
        return self.get_ancestors().live().filter(depth__gt=1).only("id", "title", "url_path")


def _routes_itself(page, remaining):
    """Whether `page` answers the rest of the address itself instead of through a child, decided
    as Wagtail's `RoutablePageMixin.route` does: a live page whose own routes match."""
    model = page.specific_class
    if model is None or model.route is Page.route:
        return False
    get_resolver = getattr(model, "get_resolver", None)
    if get_resolver is None:
        return True  # routing of some other kind: it decides
    if not page.live:
        return False
    try:
        get_resolver().resolve("/" + "".join(f"{component}/" for component in remaining))
    except Http404:
        return False
    return True


def _served(page):
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    return (
        model.objects.select_related(*getattr(model, "served_with", ()))
        .prefetch_related(*getattr(model, "served_prefetched", ()))
        .get(pk=page.pk)
    )


def _pages_on_the_way(root, path_components):
    """The root's ancestors and itself, and every page below it at the depth and with the slug
    of one of the address's components (a slug is unique among siblings, not in the site, so a
    few strangers may come too), each with whether it has a view restriction."""
    above = [root.path[: depth * Page.steplen] for depth in range(1, root.depth + 1)]
    steps = reduce(
        operator.or_,
        (
            Q(depth=root.depth + number, slug=slug)
            for number, slug in enumerate(path_components, start=1)
        ),
        Q(pk__in=[]),
    )
    return list(
        Page.objects.filter(Q(path__in=above) | (Q(path__startswith=root.path) & steps))
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .order_by("depth")
    )


def _walk(root, path_components):
    """The pages from `root` to the one the address names (loaded in full), whether any on the
    way is restricted, and the rest of the address when a page routes it itself."""
    candidates = _pages_on_the_way(root, path_components)
    restricted = any(page.restricted for page in candidates if page.depth <= root.depth)
    trail = [root]
    remaining = list(path_components)
    while remaining and (len(trail) == 1 or not _routes_itself(trail[-1], remaining)):
        parent = trail[-1]
        child = next(
            (
                page
                for page in candidates
                if page.depth == parent.depth + 1
                and page.slug == remaining[0]
                and page.path[: -Page.steplen] == parent.path
            ),
            None,
        )
        if child is None:
            raise Http404
        restricted = restricted or child.restricted
        trail.append(child)
        remaining.pop(0)
    trail[-1] = _served(trail[-1])
    return trail, restricted, remaining


def route_by_slugs(root, request, path_components):
    """What `Page.route` on `root` answers for `path_components`. The way to a page is kept for
    the frame's generation (any page or restriction changed starts a new one) by the process,
    for its most recently asked addresses, pickled: each request gets its own pages."""
    trail, restricted, remaining = own_copy(
        recently_remembered,
        f"route:{root.pk}:{'/'.join(path_components)}",
        lambda: _walk(root, path_components),
    )
    page = trail[-1]
    page.route_ancestors = trail[:-1]
    page.route_is_public = not restricted
    # `page.url` in a template has no request: Wagtail then reads the sites' root paths from the
    # shared cache for each page. These pages are this request's own: they carry them.
    root_paths = getattr(request, "_wagtail_cached_site_root_paths", None)
    if root_paths is not None:
        for known in trail:
            known._wagtail_cached_site_root_paths = root_paths
    if len(trail) == 1:
        return Page.route(page, request, remaining)
    page._cached_parent_obj = trail[-2]
    return page.route(request, remaining)


class KnownSitesMiddleware:
    """Wagtail looks the request's site up with a query on every request (`Site.find_for_request`
    keeps the answer on the request, as `_wagtail_site`). Sites and their root pages change only
    with a new frame generation, so the answer comes from the frame cache. Hosts outside
    ALLOWED_HOSTS are left to Django's own answer (400)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return self.get_response(request)
        port = request.get_port()
        request._wagtail_site = own_copy(
            remembered, f"site-for:{hostname}:{port}", lambda: site_for_host(hostname, port)
        )
        # Every page's address is worked out from the sites' root paths, which Wagtail reads
        # from the shared cache once per request: kept with the sites instead. (Shared by every
        # request: Wagtail only reads it.)
        request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)


def site_home(site):
    """The site's home page in the active language (/en/: the English one, if made), of its own
    type, kept with the frame: a copy of its own for each call."""
    return own_copy(
        remembered,
        f"site-home:{site.pk}:{translation.get_language()}",
        lambda: localized_home(site.pk) or site.root_page.localized.specific,
    )


def serve(request, path):
    """Wagtail's `serve`, routed from the site's home page in the request's language kept with
    the frame (each request gets its own copy) instead of reading the active locale and the
    home page again: two queries on every page."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        home = site_home(site)
        try:
            route = home.route(request, [component for component in path.split("/") if component])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
