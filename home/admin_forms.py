"""Admin form tweaks that apply to every page type and snippet."""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from home.text import slug_fold_patterns

# Wagtail's slug transliteration drops most accented Vietnamese letters ("Tỉnh" -> "tnh") and reads
# "Đ" as the Serbian "Dj". Fold them first, so the admin proposes the same slug as
# `vietnamese_slugify` does in code.
VIETNAMESE_SLUG_FORMATTERS = slug_fold_patterns()


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters or VIETNAMESE_SLUG_FORMATTERS, locale)


def use_vietnamese_slug_input():
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})
