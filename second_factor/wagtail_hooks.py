from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from second_factor import audit, views


@hooks.register("register_admin_urls")
def second_factor_admin_urls():
    return [
        path("bao-mat/", views.ManageView.as_view(), name="second_factor_manage"),
        path(
            "bao-mat/ma-du-phong/",
            views.RecoveryCodesView.as_view(),
            name="second_factor_recovery_codes",
        ),
        path(
            "bao-mat/dat-lai/<int:user_id>/",
            views.ResetView.as_view(),
            name="second_factor_reset",
        ),
    ]


@hooks.register("register_log_actions")
def second_factor_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)


@hooks.register("register_account_menu_item")
def second_factor_account_item(request):
    return {
        "url": reverse("second_factor_manage"),
        "label": _("Xác thực hai lớp"),
        "help_text": _(
            "Mã từ ứng dụng trên điện thoại khi đăng nhập, mã dự phòng khi mất điện thoại."
        ),
    }


@hooks.register("register_user_listing_buttons")
def second_factor_reset_button(user, request_user):
    # On every row (the reset page says when there is nothing to reset): asking each user's
    # devices would cost the listing two queries a row.
    if request_user.has_perm("auth.change_user"):
        yield Button(
            _("Đặt lại xác thực hai lớp"),
            reverse("second_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
