from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "site_search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        # Models declare their search fields the Wagtail way; the index stores Vietnamese text
        # with folded copies for every indexed model (pages, documents, images, snippets), so
        # a query typed without diacritics finds them all, in the admin as on the site.
        from modelsearch.index import get_indexed_models

        from core import invalidation
        from search.index import vietnamese_search_fields

        # The promoted queries are kept with the frame: an editor's new promotion starts a new
        # generation.
        invalidation.register("wagtailsearchpromotions.SearchPromotion", frame=True)

        for model in get_indexed_models():
            model.search_fields = vietnamese_search_fields(model.search_fields)
