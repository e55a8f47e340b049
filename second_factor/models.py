from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="key")
class SignInSettings(BaseGenericSetting):
    """Who must sign in with a second factor beyond the roles that always must (administrators
    and approvers). One for the whole installation: accounts are not per site."""

    editors_need_second_factor = models.BooleanField(
        _("biên tập viên cũng phải dùng xác thực hai lớp"),
        default=False,
        help_text=_(
            "Khi bật, mọi tài khoản vào được trang quản trị phải có mã xác thực; ai chưa có sẽ "
            "được đưa tới bước đăng ký ở lần đăng nhập tiếp theo."
        ),
    )

    class Meta:
        verbose_name = _("Đăng nhập an toàn")
