from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Dữ liệu mở")

    def ready(self):
        from core import invalidation
        from core.caching import provide_listing_addresses
        from opendata.views import api_addresses, document_api_addresses

        provide_listing_addresses(api_addresses)
        # An approved, changed or deleted document changes the documents' data.
        invalidation.register(settings.WAGTAILDOCS_DOCUMENT_MODEL, purge=document_api_addresses)
