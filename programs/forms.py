from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import GetFilterForm
from programs.models import (
    Organization,
    ProgramPage,
    ResearchField,
    TaskKind,
    TaskLevel,
    TaskStatus,
)

SORTS = {
    "moi-nhat": ("-start_date", "-pk"),
    "ma-so": ("code", "pk"),
    "ten": ("title", "pk"),
    "kinh-phi": ("-total_budget", "pk"),
    "ket-thuc": ("end_date", "pk"),
}
SORT_CHOICES = [
    ("moi-nhat", _("Mới bắt đầu trước")),
    ("ma-so", _("Mã số")),
    ("ten", _("Tên nhiệm vụ")),
    ("kinh-phi", _("Kinh phí lớn trước")),
    ("ket-thuc", _("Sắp kết thúc trước")),
]


def _any(choices):
    return [("", _("Tất cả")), *choices]


class RegistryFilterForm(GetFilterForm):
    """The registry's filters."""

    q = forms.CharField(label=_("Tên hoặc mã số"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Tình trạng"), choices=_any(TaskStatus.choices), required=False
    )
    kind = forms.ChoiceField(label=_("Loại"), choices=_any(TaskKind.choices), required=False)
    level = forms.ChoiceField(label=_("Cấp"), choices=_any(TaskLevel.choices), required=False)
    field = forms.ModelChoiceField(
        label=_("Lĩnh vực"),
        queryset=ResearchField.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả"),
    )
    program = forms.ModelChoiceField(
        label=_("Chương trình"),
        queryset=ProgramPage.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    host = forms.ModelChoiceField(
        label=_("Tổ chức chủ trì"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    year = forms.IntegerField(
        label=_("Thực hiện trong năm"), required=False, min_value=1975, max_value=2100
    )
    sort = forms.ChoiceField(label=_("Sắp xếp"), choices=SORT_CHOICES, required=False)

    def __init__(self, data, *, registry):
        super().__init__(data)
        self.fields["program"].queryset = (
            ProgramPage.objects.readable().child_of(registry).order_by("title")
        )
        self.fields["host"].queryset = Organization.objects.filter(
            hosted_tasks__isnull=False
        ).distinct()
