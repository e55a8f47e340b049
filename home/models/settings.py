import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.frame_cache import remembered


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The department's details, shown in every page's header and footer."""

    parent_authority = models.CharField(
        _("cơ quan chủ quản"), max_length=120, default="UBND tỉnh Sơn La"
    )
    department_name = models.CharField(
        _("tên cơ quan"), max_length=200, default="Sở Khoa học và Công nghệ"
    )
    department_full_name = models.CharField(
        _("tên đầy đủ"), max_length=255, default="Sở Khoa học và Công nghệ tỉnh Sơn La"
    )
    address = models.TextField(_("địa chỉ"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    operator_line = models.CharField(
        _("đơn vị xây dựng và quản trị"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Trung tâm Hỗ trợ Khởi nghiệp đổi mới sáng tạo."),
    )
    footer_text = models.TextField(
        _("dòng chú thích chân trang"),
        blank=True,
        help_text=_("Ví dụ: trách nhiệm quản lý nội dung, ghi rõ nguồn khi trích dẫn."),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    zalo_url = models.URLField(_("Zalo"), blank=True)
    trust_badge_url = models.URLField(
        _("liên kết chứng nhận tín nhiệm mạng"),
        blank=True,
        help_text=_("Trang xác nhận tín nhiệm mạng của cổng thông tin."),
    )

    panels = [
        MultiFieldPanel(
            ["parent_authority", "department_name", "department_full_name"],
            heading=_("Tên cơ quan"),
        ),
        MultiFieldPanel(["address", "phone", "fax", "email", "website"], heading=_("Liên hệ")),
        MultiFieldPanel(
            ["operator_line", "footer_text", "trust_badge_url"], heading=_("Chân trang")
        ),
        MultiFieldPanel(["facebook_url", "youtube_url", "zalo_url"], heading=_("Mạng xã hội")),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")

    def __str__(self):
        return self.department_full_name

    @classmethod
    def for_request(cls, request):
        """For pages (the admin's settings form reads `for_site`, never a cached copy)."""
        attribute = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if not hasattr(request, attribute) and site is not None:
            shared = remembered(f"site-settings:{site.pk}", lambda: cls.for_site(site))
            site_settings = copy.copy(shared)  # every request of the process shares `shared`
            site_settings._request = request
            setattr(request, attribute, site_settings)
        return super().for_request(request)
