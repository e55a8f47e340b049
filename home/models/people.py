from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel

from core.people import PersonGroup


class Person(models.Model):
    """Someone readers may need to reach: the department's leaders, the heads of its units and
    its focal officials (Decree 42/2022/NĐ-CP asks portals to publish their contacts). Shown on
    pages through the "Danh sách cán bộ" block."""

    name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=160)
    unit = models.CharField(_("đơn vị"), max_length=200, blank=True)
    # For the English pages (/en/): a position and a unit left blank there show the Vietnamese.
    position_en = models.CharField(_("chức vụ (tiếng Anh)"), max_length=160, blank=True)
    unit_en = models.CharField(_("đơn vị (tiếng Anh)"), max_length=200, blank=True)
    responsibilities = models.TextField(_("lĩnh vực phụ trách"), blank=True, max_length=600)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.CharField(_("nhóm"), max_length=20, choices=PersonGroup.choices)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        "name",
        "position",
        "unit",
        MultiFieldPanel(["position_en", "unit_en"], heading=_("Trên trang tiếng Anh")),
        "responsibilities",
        "phone",
        "email",
        "photo",
        "group",
        "sort_order",
    ]

    class Meta:
        ordering = ["group", "sort_order", "name"]
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")

    def __str__(self):
        return f"{self.name} – {self.position}"

    def position_in(self, language):
        """ "Giám đốc, Sở Khoa học và Công nghệ" as the page's language has it."""
        position, unit = self.position, self.unit
        if language == "en":
            position, unit = self.position_en or position, self.unit_en or unit
        return f"{position}, {unit}" if unit else position

    @property
    def position_line(self):
        return self.position_in(get_language())
