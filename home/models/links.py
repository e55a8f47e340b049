from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyLink(models.Model):
    """A link to another state agency's portal, listed in every page's footer ("Liên kết")."""

    name = models.CharField(_("tên cơ quan, cổng thông tin"), max_length=160)
    url = models.URLField(_("địa chỉ"))
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = ["name", "url", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("liên kết cơ quan")
        verbose_name_plural = _("liên kết cơ quan")

    def __str__(self):
        return self.name
