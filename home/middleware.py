from django.conf import settings

from home.visits import record_visit

# Paths that are not reader pages: the admin, files, and machine endpoints.
_NOT_READER_PAGES = ("/admin/", "/documents/", "/static/", "/media/", "/favicon.ico")


class VisitMiddleware:
    """Counts a reader's visit before the page is drawn, so the statistics box includes them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skip_prefixes = (*_NOT_READER_PAGES, settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        if request.method == "GET" and not request.path.startswith(self.skip_prefixes):
            record_visit(request)
        return self.get_response(request)
