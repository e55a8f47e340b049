"""Admin form tweaks that apply to every page type and snippet."""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

# Wagtail's slug transliteration turns "Đ" into "Dj" (the Serbian reading); fold it to "d" before
# its own ASCII folding runs, so the admin proposes the same slug as `vietnamese_slugify`.
VIETNAMESE_SLUG_FORMATTERS = [("[đĐ]", "d")]


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters or VIETNAMESE_SLUG_FORMATTERS, locale)


def use_vietnamese_slug_input():
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
