from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Khung của cổng thông tin")

    def ready(self):
        from core import admin_forms, checks, lookups  # noqa: F401 (registers checks, lookups)
        from core.caching import provide_listing_addresses
        from core.invalidation import connect_invalidation
        from core.sitemaps import site_map_address

        admin_forms.use_vietnamese_slug_input()
        admin_forms.translate_redirect_filter()
        connect_invalidation()
        provide_listing_addresses(site_map_address)
