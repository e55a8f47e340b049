from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và cấu hình chung")

    def ready(self):
        from home import admin_forms, checks  # noqa: F401 (registers the deployment checks)
        from home.caching import connect_purges
        from home.frame_cache import connect_frame_changes
        from home.link_checker import connect_link_collection

        admin_forms.use_vietnamese_slug_input()
        admin_forms.translate_redirect_filter()
        connect_purges()
        connect_frame_changes()
        connect_link_collection()
