"""Each enrolment, reset and use of a recovery code goes into Wagtail's audit log (Báo cáo >
Nhật ký hoạt động), on the account it concerns and by whom."""

from django.contrib.auth import get_user_model
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ENROLLED = "second_factor.enrol"
RESET = "second_factor.reset"
TURNED_OFF = "second_factor.turn_off"
RECOVERY_CODE_USED = "second_factor.recovery_code_used"
RECOVERY_CODES_RENEWED = "second_factor.recovery_codes_renewed"
PASSKEY_ADDED = "second_factor.passkey_added"
PASSKEY_REMOVED = "second_factor.passkey_removed"

ACTIONS = {
    ENROLLED: (_("Đăng ký xác thực hai lớp"), _("Đã đăng ký ứng dụng xác thực")),
    RESET: (
        _("Đặt lại xác thực hai lớp"),
        _("Quản trị viên đã xóa ứng dụng xác thực và mã dự phòng của tài khoản"),
    ),
    TURNED_OFF: (_("Tắt xác thực hai lớp"), _("Người dùng đã tự tắt xác thực hai lớp")),
    RECOVERY_CODE_USED: (_("Dùng mã dự phòng"), _("Đăng nhập bằng một mã dự phòng")),
    RECOVERY_CODES_RENEWED: (_("Tạo lại mã dự phòng"), _("Đã tạo bộ mã dự phòng mới")),
    PASSKEY_ADDED: (_("Thêm khóa truy cập"), _("Đã thêm một khóa truy cập (passkey)")),
    PASSKEY_REMOVED: (_("Xóa khóa truy cập"), _("Đã xóa một khóa truy cập (passkey)")),
}


def record(account, action, by):
    if isinstance(account, LazyObject):
        # request.user is lazy twice over (Django's, then django-otp's): Wagtail unwraps one
        # layer to find the log model, and would quietly log nothing.
        account = get_user_model().objects.get(pk=account.pk)
    log(instance=account, action=action, user=by)
