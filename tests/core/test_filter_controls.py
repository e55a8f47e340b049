"""A filter bar's controls drawn by `filter_control` are the markup Django's widgets give
(core/templatetags/filter_tags.py), for every kind of field the listings filter by."""

import re

from django import forms
from django.test import SimpleTestCase

from core.filters import GetFilterForm
from core.templatetags.filter_tags import filter_control


class SampleFilters(GetFilterForm):
    q = forms.CharField(label="Tên", required=False, max_length=200)
    status = forms.ChoiceField(
        label="Tình trạng", choices=[("", "Tất cả"), ("mo", "Đang mở"), ("dong", "Đã đóng")],
        required=False,
    )  # fmt: skip
    year = forms.IntegerField(label="Năm", required=False, min_value=1975, max_value=2100)
    day = forms.DateField(label="Ngày", required=False, widget=forms.DateInput)
    many = forms.MultipleChoiceField(label="Nhiều", choices=[("a", "A")], required=False)


def normalised(html):
    """Whitespace between tags dropped and each tag's attributes sorted."""

    def sort_attributes(match):
        pairs = re.findall(r'([\w-]+)(?:="([^"]*)")?', match[2])
        return (
            f"<{match[1]}"
            + "".join(sorted(f' {k}="{v}"' if v else f" {k}" for k, v in pairs))
            + ">"
        )

    return re.sub(r"<(\w+)([^>]*)>", sort_attributes, re.sub(r">\s+<", "><", html.strip()))


class FilterControlTests(SimpleTestCase):
    def test_the_controls_match_djangos_widgets(self):
        for data in (
            {},
            {"q": 'a<b"c', "status": "dong", "year": "2024", "day": "2026-01-02"},
            {"status": "không có", "year": "1900"},  # invalid: shown as typed, marked invalid
        ):
            form = SampleFilters(data)
            form.filters()
            for field in form:
                with self.subTest(data=data, field=field.name):
                    self.assertEqual(normalised(str(filter_control(field))), normalised(str(field)))

    def test_the_chosen_option_is_selected_and_text_is_escaped(self):
        form = SampleFilters({"q": "<script>", "status": "mo"})
        fields = {field.name: str(filter_control(field)) for field in form}
        self.assertIn('<option value="mo" selected>Đang mở</option>', fields["status"])
        self.assertIn('value="&lt;script&gt;"', fields["q"])
