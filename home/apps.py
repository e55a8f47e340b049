from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và cấu hình chung")

    def ready(self):
        from home.invalidation import register_invalidation
        from home.link_checker import connect_link_collection

        register_invalidation()
        connect_link_collection()
