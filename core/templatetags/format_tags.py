"""Dates, figures and choices the way Vietnamese readers write them."""

import datetime

from django import template
from django.utils import formats, timezone, translation

from core.text import vn_number as _vn_number

register = template.Library()


@register.filter
def vn_date(value):
    """05/6/2023: the way the department has always dated its news. A moment (a consultation's
    closing time) is dated where the department is: 17:30 UTC on 1/3 is already 2/3 in Sơn La.
    Written straight from the fields: Django's `date_format` parses its format string on each
    call, and a listing dates some twenty articles."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    if isinstance(value, datetime.date):
        return f"{value.day:02d}/{value.month}/{value.year:04d}"
    return formats.date_format(value, "d/n/Y")


@register.filter
def vn_number(value):
    """1.250.000.000: thousands grouped with dots."""
    return _vn_number(value)


@register.filter
def vnd(value):
    """1.250.000.000 đồng"""
    if value in (None, ""):
        return ""
    return f"{_vn_number(value)} đồng"


# (model, field, language) -> {stored value: label}: a few dozen entries for the whole site.
_choice_labels = {}


@register.filter
def choice_label(instance, field_name):
    """What `get_<field>_display` shows, from labels translated once per process and language:
    Django's hashes every choice's (lazily translated) label on each call, and a registry page of
    twenty tasks translated some four hundred labels that way."""
    field = instance._meta.get_field(field_name)
    key = (field.model._meta.label, field_name, translation.get_language())
    labels = _choice_labels.get(key)
    if labels is None:
        labels = _choice_labels[key] = {value: str(label) for value, label in field.flatchoices}
    value = getattr(instance, field.attname)
    return labels.get(value, value)
