from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import GetFilterForm
from search.engine import KINDS

# Longer queries are cut, not refused: nobody types more, and the reader still gets an answer.
MAX_QUERY_LENGTH = 200
FIRST_YEAR = 2005
SORT_CHOICES = [("", _("Phù hợp nhất")), ("moi-nhat", _("Mới nhất"))]


def _year_choices():
    this_year = timezone.localdate().year
    return [("", _("Mọi năm"))] + [
        (str(year), str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
    ]


class SearchForm(GetFilterForm):
    q = forms.CharField(label=_("Từ khóa"), required=False, strip=True)
    loai = forms.ChoiceField(
        label=_("Loại nội dung"),
        required=False,
        choices=[("", _("Tất cả"))] + [(kind.slug, kind.label) for kind in KINDS],
    )
    nam = forms.TypedChoiceField(label=_("Năm"), required=False, coerce=int, choices=[])
    sap_xep = forms.ChoiceField(label=_("Sắp xếp"), required=False, choices=SORT_CHOICES)

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["nam"].choices = _year_choices()

    def clean_q(self):
        # A NUL byte makes PostgreSQL refuse the whole statement; no reader types one.
        return self.cleaned_data["q"].replace("\x00", "")[:MAX_QUERY_LENGTH].strip()
