"""The admin side: incoming questions and their answers, the comments on a draft with their
export, and one person's data found, exported and erased by email."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from citizens.models import (
    DraftComment,
    Question,
    QuestionIndexPage,
    QuestionPage,
    QuestionSource,
    QuestionStatus,
    initials,
)
from core.admin_pages import AdminSubpage
from core.form_exports import InertCsvMixin

ERASED_NAME = "(đã xóa)"


class QuestionAdminForm(WagtailAdminModelForm):
    """Staff enter a question received by mail or phone, and keep a question's handling up to
    date. A question they enter records how its asker agreed, in their words."""

    def save(self, commit=True):
        from citizens.views import mail_safely

        question = self.instance
        if question._state.adding:
            question.record_consent(
                _("Tiếp nhận qua %(source)s, cán bộ nhập trên trang quản trị.")
                % {"source": QuestionSource(question.source).label.lower()}
            )
        saved = super().save(commit=commit)
        if "status" in self.changed_data and question.status == QuestionStatus.DECLINED:
            mail_safely(
                _("Về câu hỏi %(code)s") % {"code": question.tracking_code},
                "citizens/mail/question_declined.txt",
                {"question": question},
                [question.email],
            )
        return saved


class QuestionEditView(generic.EditView):
    @property
    def header_more_buttons(self):
        if self.object.answer_page_id:
            label = _("Mở trang trả lời")
            url = reverse("wagtailadmin_pages:edit", args=[self.object.answer_page_id])
        else:
            label = _("Soạn câu trả lời")
            url = reverse("citizens_question:answer", args=[self.object.pk])
        return [*super().header_more_buttons, Button(label, url, icon_name="edit", priority=5)]


def start_answer(request, pk):
    """Turn a question into a draft answer page under Hỏi đáp, with only what may be published
    (initials, area, field, the question), and open it in the page editor. The editor writes
    the answer and submits it; publishing goes through the workflow like any page."""
    if not request.user.has_perm("citizens.change_question"):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if question.answer_page_id:
        return redirect("wagtailadmin_pages:edit", question.answer_page_id)
    if request.method != "POST":
        return TemplateResponse(request, "citizens/admin/start_answer.html", {"question": question})
    index = QuestionIndexPage.objects.first()
    if index is None:
        messages.error(request, _("Chưa có trang Hỏi đáp để đăng câu trả lời."))
        return redirect("citizens_question:edit", pk)
    with transaction.atomic():
        page = QuestionPage(
            title=question.title,
            asker_initials=initials(question.name),
            asker_area=question.area,
            sector=question.sector,
            asked_on=timezone.localtime(question.created_at).date(),
            answered_on=timezone.localdate(),
            answering_unit=question.unit,
            question=question.body,
            live=False,
            owner=request.user,
        )
        index.add_child(instance=page)
        page.save_revision(user=request.user, log_action=True)
        question.answer_page = page
        question.status = QuestionStatus.ANSWERED
        question.save(update_fields=["answer_page", "status", "updated_at"])
    messages.success(
        request,
        _(
            "Đã tạo bản nháp trả lời. Viết câu trả lời rồi bấm “Gửi duyệt”; câu trả lời lên "
            "cổng khi người duyệt phê duyệt, và người hỏi nhận thư báo."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class InertExportIndexView(InertCsvMixin, generic.IndexView):
    """Comments as CSV or XLSX for the drafting unit, with nothing a spreadsheet would run."""


# --- One person's data ---------------------------------------------------------------------


class PersonLookupForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Thư điện tử của người cần tra cứu"))


def records_of(email):
    return (
        Question.objects.filter(email__iexact=email).order_by("created_at"),
        DraftComment.objects.filter(email__iexact=email)
        .select_related("consultation")
        .order_by("created_at"),
    )


def as_export(questions, comments):
    return {
        "cau_hoi": [
            {
                "ma_tra_cuu": q.tracking_code,
                "ho_ten": q.name,
                "thu_dien_tu": q.email,
                "dien_thoai": q.phone,
                "to_chuc": q.organization,
                "dia_ban": q.area,
                "linh_vuc": q.get_sector_display(),
                "tieu_de": q.title,
                "noi_dung": q.body,
                "trang_thai": q.get_status_display(),
                "ngay_gui": q.created_at,
                "dong_y": q.consent_text,
                "thoi_diem_dong_y": q.consented_at,
            }
            for q in questions
        ],
        "gop_y": [
            {
                "du_thao": c.consultation.title,
                "ho_ten": c.name,
                "thu_dien_tu": c.email,
                "to_chuc": c.organization,
                "dieu_khoan": c.section,
                "noi_dung": c.body,
                "tep_gui_kem": bool(c.attachment),
                "ngay_gui": c.created_at,
                "dong_y": c.consent_text,
                "thoi_diem_dong_y": c.consented_at,
            }
            for c in comments
        ],
    }


def erase_question(question, by=None):
    """The asker's details go; the question's text and a published answer (with the initials
    taken when it was written) stay."""
    question.name = ERASED_NAME
    question.email = question.phone = question.organization = ""
    question.erased_at = timezone.now()
    question.save(
        update_fields=["name", "email", "phone", "organization", "erased_at", "updated_at"]
    )
    log(instance=question, action="citizens.erase", user=by)


def erase_comment(comment, by=None):
    if comment.attachment:
        comment.attachment.delete(save=False)
    comment.name = ERASED_NAME
    comment.email = comment.organization = ""
    comment.attachment = ""
    comment.erased_at = timezone.now()
    comment.save(update_fields=["name", "email", "organization", "attachment", "erased_at"])
    log(instance=comment, action="citizens.erase", user=by)


class PersonalDataView(AdminSubpage, TemplateView):
    template_name = "citizens/admin/personal_data.html"
    page_title = gettext_lazy("Dữ liệu cá nhân người dân")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("citizens.manage_personal_data"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = PersonLookupForm(self.request.GET or None)
        context = super().get_context_data(form=form, **kwargs)
        if form.is_valid():
            questions, comments = records_of(form.cleaned_data["email"])
            context.update(email=form.cleaned_data["email"], questions=questions, comments=comments)
        return context

    def post(self, request, *args, **kwargs):
        form = PersonLookupForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Thư điện tử chưa đúng."))
            return redirect("citizens_personal_data")
        email = form.cleaned_data["email"]
        questions, comments = records_of(email)
        if "xuat" in request.POST:
            response = HttpResponse(
                json.dumps(
                    as_export(questions, comments),
                    cls=DjangoJSONEncoder,
                    ensure_ascii=False,
                    indent=2,
                ),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="du-lieu-ca-nhan.json"'
            return response
        if "xoa" in request.POST and "da-xac-minh" not in request.POST:
            messages.error(
                request,
                _("Chưa xóa: hãy đánh dấu ô xác nhận đã xác minh yêu cầu của người này."),
            )
        elif "xoa" in request.POST:
            with transaction.atomic():
                for question in questions:
                    erase_question(question, by=request.user)
                for comment in comments:
                    erase_comment(comment, by=request.user)
            messages.success(
                request,
                _("Đã xóa dữ liệu cá nhân của %(count)d mục. Câu trả lời đã đăng vẫn giữ nguyên.")
                % {"count": len(questions) + len(comments)},
            )
        return redirect("citizens_personal_data")
