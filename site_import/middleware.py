"""Old addresses in the query-string form (`/?details=17&menuID=3`) on a path the new site
answers itself (here the home page): Wagtail's redirects only look at addresses that end in
404, so these are looked up before the page is served. Only requests carrying one of the old
portal's own parameters (settings.LEGACY_QUERY_KEYS) pay for the lookup."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect


class LegacyAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.keys = {key.lower() for key in getattr(settings, "LEGACY_QUERY_KEYS", ())}

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and self._has_legacy_key(request):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                answer = (
                    HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
                )
                return answer(redirect.link)
        return self.get_response(request)

    def _has_legacy_key(self, request):
        return bool(self.keys) and any(key.lower() in self.keys for key in request.GET)
