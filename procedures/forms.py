from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import GetFilterForm
from core.sectors import Sector
from procedures.models import ServiceLevel


class CatalogueFilterForm(GetFilterForm):
    q = forms.CharField(label=_("Tên hoặc mã thủ tục"), required=False, max_length=200)
    sector = forms.ChoiceField(
        label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả")), *Sector.choices]
    )
    level = forms.ChoiceField(
        label=_("Mức độ dịch vụ công"),
        required=False,
        choices=[("", _("Tất cả")), *ServiceLevel.choices],
    )
