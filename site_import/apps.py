from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteImportConfig(AppConfig):
    """Switch-over from the department's previous portal: collect its archive into a plain folder,
    load that folder into pages, images, documents and redirects."""

    name = "site_import"
    verbose_name = _("Chuyển dữ liệu từ cổng cũ")
    default_auto_field = "django.db.models.BigAutoField"
