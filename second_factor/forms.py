from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=32,
        help_text=_("Sáu chữ số trong ứng dụng xác thực, hoặc một mã dự phòng."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autofocus": True,
                "placeholder": _("Ví dụ: 123456"),
            }
        ),
    )

    def clean_code(self):
        # Apps show "123 456"; recovery codes are read off paper in either case.
        return "".join(self.cleaned_data["code"].split()).lower()


class FirstCodeForm(CodeForm):
    code = forms.RegexField(
        label=_("Mã sáu chữ số trong ứng dụng"),
        regex=r"^\s*\d{3}\s*\d{3}\s*$",
        error_messages={"invalid": _("Mã gồm đúng sáu chữ số.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
