"""Admin form tweaks that apply to every page type and snippet."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from core.text import slug_fold_patterns

# Wagtail's slug transliteration drops most accented Vietnamese letters ("Tỉnh" -> "tnh") and reads
# "Đ" as the Serbian "Dj". Fold them first, so the admin proposes the same slug as
# `vietnamese_slugify` does in code.
VIETNAMESE_SLUG_FORMATTERS = slug_fold_patterns()


class VietnameseSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs, formatters or VIETNAMESE_SLUG_FORMATTERS, locale)


def use_vietnamese_slug_input():
    register_form_field_override(models.SlugField, override={"widget": VietnameseSlugInput})


class StaffLoginForm(LoginForm):
    """Wagtail's sign-in form leaves the password without a label (Django then shows the English
    field name) and builds the user-name hint by gluing words: both said plainly here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["username"].widget.attrs["placeholder"] = _("Nhập tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")
        self.fields["password"].widget.attrs["placeholder"] = _("Nhập mật khẩu")


def translate_redirect_filter():
    """Wagtail's redirect listing names its "Type" filter's choices with gettext at import,
    before any language is active, so they stay English: give them back lazily."""
    from wagtail.contrib.redirects.filters import RedirectsReportFilterSet

    type_filter = RedirectsReportFilterSet.base_filters["is_permanent"]
    type_filter.label = _("Type")
    type_filter.extra["choices"] = ((True, _("Permanent")), (False, _("Temporary")))
    type_filter.extra["empty_label"] = _("All")
