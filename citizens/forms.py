import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from citizens.models import DraftComment, Question
from core.filters import GetFilterForm
from core.public_forms import add_honeypot, check_file_matches
from core.sectors import Sector

COMMENT_ATTACHMENT_EXTENSIONS = ("pdf", "doc", "docx", "odt", "rtf", "txt")


class ConsentField(forms.BooleanField):
    def __init__(self, text, **kwargs):
        super().__init__(
            label=text,
            required=True,
            error_messages={"required": _("Cần đồng ý để chúng tôi tiếp nhận.")},
            **kwargs,
        )


class QuestionForm(forms.ModelForm):
    """What a reader fills in to ask. Email is required here (the answer's link goes there);
    staff entering a question received by mail or phone use the admin instead."""

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "organization", "area", "sector", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["email"].help_text = _("Mã tra cứu và đường dẫn câu trả lời được gửi tới đây.")
        self.fields["sector"].choices = [("", _("Chọn lĩnh vực")), *Sector.choices]
        self.consent_text = consent_text
        self.fields["consent"] = ConsentField(consent_text)
        add_honeypot(self)


class CommentForm(forms.ModelForm):
    class Meta:
        model = DraftComment
        fields = ["name", "organization", "email", "section", "body", "attachment"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, consent_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].help_text = _("Ví dụ: Điều 5, khoản 2.")
        self.fields["attachment"].help_text = _(
            "Không bắt buộc. Tệp %(types)s, tối đa %(size)s."
        ) % {
            "types": ", ".join(COMMENT_ATTACHMENT_EXTENSIONS),
            "size": filesizeformat(settings.CITIZEN_UPLOAD_MAX_BYTES),
        }
        self.consent_text = consent_text
        self.fields["consent"] = ConsentField(consent_text)
        add_honeypot(self)

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if not attachment:
            return attachment
        extension = os.path.splitext(attachment.name)[1].lower().lstrip(".")
        if extension not in COMMENT_ATTACHMENT_EXTENSIONS:
            raise ValidationError(
                _("Không nhận tệp .%(extension)s. Chỉ nhận: %(allowed)s.")
                % {
                    "extension": extension or "?",
                    "allowed": ", ".join(COMMENT_ATTACHMENT_EXTENSIONS),
                }
            )
        if attachment.size > settings.CITIZEN_UPLOAD_MAX_BYTES:
            raise ValidationError(
                _("Tệp quá lớn (%(size)s). Dung lượng tối đa %(limit)s.")
                % {
                    "size": filesizeformat(attachment.size),
                    "limit": filesizeformat(settings.CITIZEN_UPLOAD_MAX_BYTES),
                }
            )
        check_file_matches(attachment, extension)
        return attachment


class TrackingForm(forms.Form):
    code = forms.CharField(label=_("Mã tra cứu"), max_length=16)

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class QuestionFilterForm(GetFilterForm):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    sector = forms.ChoiceField(
        label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả")), *Sector.choices]
    )
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=2000, max_value=2100)
