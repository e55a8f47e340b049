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


class ExternalLink(models.Model):
    """An address outside the portal that live pages link to, and what it answered when it was
    last checked (home.link_checker). The report "Liên kết hỏng" lists the broken ones."""

    url = models.URLField(_("địa chỉ"), max_length=2000, unique=True)
    host = models.CharField(_("máy chủ"), max_length=255, db_index=True)
    pages = models.ManyToManyField("wagtailcore.Page", related_name="+", blank=True)
    checked_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True, db_index=True)
    status_code = models.PositiveSmallIntegerField(_("mã trả lời"), null=True, blank=True)
    error = models.CharField(_("lỗi"), max_length=300, blank=True)
    broken = models.BooleanField(_("hỏng"), default=False, db_index=True)

    class Meta:
        verbose_name = _("liên kết ra ngoài")
        verbose_name_plural = _("liên kết ra ngoài")

    def __str__(self):
        return self.url
