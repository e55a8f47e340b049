"""A copy to keep: article and task pages answer `?luu=1` with the same page as one HTML file to
download, its style inside and nothing of the site around it, readable offline and with no
outside service. The browser's print (the "In bài" button) makes paper or PDF of the page."""

from functools import cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

SAVE_PARAM = "luu"
SAVED_STYLESHEET = "css/saved.css"


class SavableMixin:
    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if SAVE_PARAM in request.GET and getattr(response, "context_data", None) is not None:
            response.context_data["saved_copy"] = True
            response["Content-Disposition"] = f'attachment; filename="{self.slug}.html"'
        return response


@cache
def saved_stylesheet():
    """The saved copy's style, read once per process: from the app's static files (development,
    tests) or the collected ones."""
    path = finders.find(SAVED_STYLESHEET)
    if path:
        with open(path, encoding="utf-8") as stylesheet:
            return stylesheet.read()
    with staticfiles_storage.open(SAVED_STYLESHEET) as stylesheet:
        return stylesheet.read().decode("utf-8")
