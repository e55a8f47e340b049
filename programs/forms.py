from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.filters import GetFilterForm
from core.frame_cache import remembered
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
        # The lists to choose from, kept with the frame (programs are pages; fields and
        # organisations start a new generation when changed): three queries a page otherwise.
        # A value chosen is still checked against its queryset.
        choices = remembered(
            f"registry-choices:{registry.pk}:{translation.get_language()}", self._model_choices
        )
        for name, field_choices in choices.items():
            self.fields[name].choices = field_choices

    def _model_choices(self):
        choices = {}
        for name in ("field", "program", "host"):
            field = self.fields[name]
            key = field.to_field_name or "pk"
            choices[name] = [
                ("", str(field.empty_label)),
                *(
                    (getattr(item, key), str(field.label_from_instance(item)))
                    for item in field.queryset
                ),
            ]
        return choices
