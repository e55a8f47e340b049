from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Chương trình và nhiệm vụ KH&CN")

    def ready(self):
        from core import invalidation

        # The frame keeps the home page's window on the registry and the registry's filter
        # lists, which name organisations and research fields: a change starts a new generation.
        invalidation.register("programs.Organization", frame=True)
        invalidation.register("programs.ResearchField", frame=True)
