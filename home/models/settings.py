import copy
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
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
    trust_badge_image_url = models.URLField(
        _("ảnh biểu tượng tín nhiệm mạng"),
        blank=True,
        max_length=500,
        help_text=_(
            "Địa chỉ ảnh (https://…) trong mã gắn biểu tượng do đơn vị cấp chứng nhận gửi."
        ),
    )
    monitoring_script = models.CharField(
        _("mã giám sát EMC"),
        blank=True,
        max_length=1000,
        help_text=_(
            "Dán mã gắn do Hệ thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ Chính "
            "phủ số (EMC) cấp: cả thẻ <script> hoặc chỉ địa chỉ https:// của tệp mã. Khi có, mã "
            "được gắn vào mọi trang công khai; để trống thì không gắn gì."
        ),
    )

    panels = [
        MultiFieldPanel(
            ["parent_authority", "department_name", "department_full_name"],
            heading=_("Tên cơ quan"),
        ),
        MultiFieldPanel(["address", "phone", "fax", "email", "website"], heading=_("Liên hệ")),
        MultiFieldPanel(["operator_line", "footer_text"], heading=_("Chân trang")),
        MultiFieldPanel(
            ["monitoring_script", "trust_badge_url", "trust_badge_image_url"],
            heading=_("Giám sát EMC và tín nhiệm mạng"),
        ),
        MultiFieldPanel(["facebook_url", "youtube_url", "zalo_url"], heading=_("Mạng xã hội")),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")

    def __str__(self):
        return self.department_full_name

    def clean(self):
        super().clean()
        if self.monitoring_script.strip():
            script_url = monitoring_script_url(self.monitoring_script)
            if script_url is None:
                raise ValidationError(
                    {
                        "monitoring_script": _(
                            "Không tìm thấy địa chỉ https:// của tệp mã. Hãy dán đúng thẻ "
                            '<script src="https://…"> do hệ thống EMC cấp.'
                        )
                    }
                )
            self.monitoring_script = script_url
        else:
            self.monitoring_script = ""

    @property
    def monitoring_script_src(self):
        """The EMC script's address (stored cleaned by `clean`), or "" when none is set."""
        return monitoring_script_url(self.monitoring_script) or ""

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


# The address of a script: the whole value when it is one, else the `src` of a pasted tag.
_SCRIPT_SOURCE = re.compile(r"""\bsrc\s*=\s*["']?(https://[^"'\s>]+)""", re.IGNORECASE)


def monitoring_script_url(value):
    """The https address of the monitoring script in `value` (an address or a pasted <script>
    tag), or None. Only an external script is taken: inline code pasted into a setting would
    run on every page with the site's own rights."""
    value = value.strip()
    if value.lower().startswith("https://") and not any(char in value for char in "<>\"' "):
        address = value
    elif match := _SCRIPT_SOURCE.search(value):
        address = match.group(1)
    else:
        return None
    return address if urlsplit(address).hostname else None
