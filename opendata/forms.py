"""The datasets' filters: plain GET parameters, as the site's own lists take them. A value that
does not validate is dropped and named in the answer's `bo_qua` (ignored), never an error."""

from django import forms

from core.filters import GetFilterForm
from core.sectors import Sector


class DateRangeForm(GetFilterForm):
    """A date range (YYYY-MM-DD, both ends included), which every dataset takes."""

    tu_ngay = forms.DateField(label="tu_ngay", required=False, input_formats=["%Y-%m-%d"])
    den_ngay = forms.DateField(label="den_ngay", required=False, input_formats=["%Y-%m-%d"])


class NewsFilterForm(DateRangeForm):
    chuyen_muc = forms.SlugField(label="chuyen_muc", required=False, max_length=100)


class SectorFilterForm(DateRangeForm):
    linh_vuc = forms.ChoiceField(label="linh_vuc", required=False, choices=Sector.choices)
