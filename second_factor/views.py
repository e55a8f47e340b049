"""Sign-in with a second factor, enrolment, recovery codes, and an administrator's reset."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.account import LoginView

from core.admin_pages import AdminSubpage
from second_factor import audit, devices, pending
from second_factor.forms import CodeForm, FirstCodeForm
from second_factor.passkeys import passkeys_of
from second_factor.policy import asks_for_code, must_have_second_factor

NEW_CODES_SESSION_KEY = "second_factor_new_codes"


class StaffLoginView(LoginView):
    """Wagtail's sign-in; a right password of someone asked for a code leads to the code (or to
    enrolment) instead of signing them in."""

    def form_valid(self, form):
        user = form.get_user()
        if not asks_for_code(user):
            return super().form_valid(form)
        return redirect(
            pending.begin(
                self.request,
                user,
                user.backend,
                self.get_success_url(),
                remember=form.cleaned_data.get("remember"),
            )
        )


class SignInStepMixin:
    """The steps after the password: only for whoever typed it, and only for a few minutes."""

    def dispatch(self, request, *args, **kwargs):
        self.user = pending.pending_user(request)
        if self.user is None:
            messages.info(request, _("Đã hết thời gian nhập mã. Mời đăng nhập lại."))
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)


def matching_device(user, code):
    """The authenticator when `code` is its current code, the recovery codes when it is one of
    them (spent by the match), else None. Each check locks the device's row, so the same code
    sent twice at once is accepted once."""
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    for device in kind.objects.devices_for_user(user):
        if verified := verify_token(user, device.persistent_id, code):
            return verified
    return None


class CodeStepView(SignInStepMixin, FormView):
    template_name = "second_factor/code_step.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.credentials = None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not user_has_device(self.user):
            return redirect("second_factor_enrol")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(has_passkey=passkeys_of(self.user).exists(), **kwargs)

    def post(self, request, *args, **kwargs):
        # A wrong code counts as a wrong password: one lockout for the user name and address.
        self.credentials = {"username": self.user.get_username()}
        if not AxesProxyHandler.is_allowed(request, self.credentials):
            return self.locked_out()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        device = matching_device(self.user, form.cleaned_data["code"])
        if device is None:
            user_login_failed.send(
                sender=CodeStepView, credentials=self.credentials, request=self.request
            )
            if getattr(self.request, "axes_locked_out", False):
                return self.locked_out()
            form.add_error(
                "code",
                _(
                    "Mã không đúng, đã quá hạn hoặc đã được dùng. Hãy nhập mã đang hiện trong "
                    "ứng dụng (mỗi mã chỉ dùng được một lần)."
                ),
            )
            return self.form_invalid(form)
        if isinstance(device, StaticDevice):
            audit.record(self.user, audit.RECOVERY_CODE_USED, by=self.user)
            messages.warning(
                self.request,
                _(
                    "Bạn vừa đăng nhập bằng mã dự phòng; còn %(count)d mã. Nếu mất điện thoại, "
                    "hãy đăng ký lại ứng dụng xác thực trong Tài khoản > Xác thực hai lớp."
                )
                % {"count": devices.remaining_recovery_codes(self.user)},
            )
        return redirect(pending.complete(self.request, self.user, device))

    def locked_out(self):
        self.request.session.pop(pending.SESSION_KEY, None)
        return get_lockout_response(self.request, credentials=self.credentials)


class EnrolView(FormView):
    """Add an authenticator: the QR code and the secret, confirmed by its first code. During
    sign-in for whoever must have one and has none; from the account page for anyone signed in."""

    template_name = "second_factor/enrol.html"
    form_class = FirstCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not request.user.has_perm("wagtailadmin.access_admin"):
                raise PermissionDenied
            self.user, self.signing_in = request.user, False
        else:
            self.user, self.signing_in = pending.pending_user(request), True
            if self.user is None:
                messages.info(request, _("Đã hết thời gian đăng ký. Mời đăng nhập lại."))
                return redirect("wagtailadmin_login")
            # Replacing an authenticator needs the old one's code first (the account page).
            if user_has_device(self.user):
                return redirect("second_factor_verify")
        self.device = devices.authenticator_being_added(self.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            qr_code=devices.qr_code_svg(self.device),
            secret=devices.readable_secret(self.device),
            signing_in=self.signing_in,
            required=must_have_second_factor(self.user),
            account=self.user,
            **kwargs,
        )

    def form_valid(self, form):
        codes = devices.confirm_authenticator(self.device, form.cleaned_data["code"])
        if codes is None:
            form.add_error(
                "code",
                _(
                    "Mã chưa khớp. Hãy kiểm tra giờ trên điện thoại là giờ tự động rồi nhập mã "
                    "mới nhất trong ứng dụng."
                ),
            )
            return self.form_invalid(form)
        self.device.refresh_from_db()
        audit.record(self.user, audit.ENROLLED, by=self.user)
        if self.signing_in:
            next_url = pending.complete(self.request, self.user, self.device)
        else:
            pending.mark_verified(self.request, self.device)
            next_url = reverse("second_factor_manage")
        self.request.session[NEW_CODES_SESSION_KEY] = {"codes": codes, "next": next_url}
        messages.success(self.request, _("Đã bật xác thực hai lớp cho tài khoản của bạn."))
        return redirect("second_factor_recovery_codes")


class SecondFactorAdminPage(AdminSubpage):
    """An admin page of this app, under the account page (or another `parent_page`)."""

    header_icon = "key"
    parent_page = ("wagtailadmin_account", gettext_lazy("Tài khoản"))


class RecoveryCodesView(SecondFactorAdminPage, TemplateView):
    """New recovery codes, shown until their owner says they are kept, never again after."""

    template_name = "second_factor/recovery_codes.html"
    page_title = gettext_lazy("Mã dự phòng")

    def dispatch(self, request, *args, **kwargs):
        self.fresh = request.session.get(NEW_CODES_SESSION_KEY)
        if not self.fresh:
            return redirect("second_factor_manage")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if "tai-ve" in request.GET:
            text = "\n".join(
                [_("Mã dự phòng đăng nhập — %(user)s") % {"user": request.user.get_username()}]
                + self.fresh["codes"]
            )
            response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="ma-du-phong.txt"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        del request.session[NEW_CODES_SESSION_KEY]
        return redirect(self.fresh["next"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(codes=self.fresh["codes"], **kwargs)


class ManageView(SecondFactorAdminPage, TemplateView):
    """The account's second factor: what is set up, new recovery codes, a new phone, turning it
    off where the role allows."""

    template_name = "second_factor/manage.html"
    page_title = gettext_lazy("Xác thực hai lớp")

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            authenticator=devices.authenticator_of(user),
            recovery_codes_left=devices.remaining_recovery_codes(user),
            passkeys=passkeys_of(user),
            required=must_have_second_factor(user),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        user = request.user
        if "tao-lai-ma" in request.POST and devices.authenticator_of(user):
            codes = devices.renew_recovery_codes(user)
            audit.record(user, audit.RECOVERY_CODES_RENEWED, by=user)
            request.session[NEW_CODES_SESSION_KEY] = {
                "codes": codes,
                "next": reverse("second_factor_manage"),
            }
            return redirect("second_factor_recovery_codes")
        if passkey_id := request.POST.get("xoa-khoa", "").strip():
            if passkey_id.isdigit() and passkeys_of(user).filter(pk=passkey_id).delete()[0]:
                audit.record(user, audit.PASSKEY_REMOVED, by=user)
                messages.success(request, _("Đã xóa khóa truy cập."))
            return redirect("second_factor_manage")
        if "tat" in request.POST:
            if must_have_second_factor(user):
                messages.error(request, _("Vai trò của bạn bắt buộc dùng xác thực hai lớp."))
            else:
                devices.forget_all(user)
                request.session.pop(pending.VERIFIED_SESSION_KEY, None)
                audit.record(user, audit.TURNED_OFF, by=user)
                messages.success(request, _("Đã tắt xác thực hai lớp."))
        return redirect("second_factor_manage")


class ResetView(SecondFactorAdminPage, TemplateView):
    """An administrator removes a colleague's authenticator and recovery codes (a lost phone):
    at their next sign-in the colleague enrols again."""

    template_name = "second_factor/reset.html"
    page_title = gettext_lazy("Đặt lại xác thực hai lớp")
    parent_page = ("wagtailusers_users:index", gettext_lazy("Người dùng"))

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("auth.change_user"):
            raise PermissionDenied
        self.account = get_object_or_404(get_user_model(), pk=kwargs["user_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            has_second_factor=user_has_device(self.account, confirmed=None),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            devices.forget_all(self.account)
            audit.record(self.account, audit.RESET, by=request.user)
        messages.success(
            request,
            _(
                "Đã đặt lại xác thực hai lớp của %(name)s. Ở lần đăng nhập tới, người đó sẽ "
                "đăng ký lại ứng dụng xác thực."
            )
            % {"name": self.account.get_full_name() or self.account.get_username()},
        )
        return redirect("wagtailusers_users:index")
