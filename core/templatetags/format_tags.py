"""Dates and figures the way Vietnamese readers write them."""

from django import template
from django.utils import formats

from core.text import vn_number as _vn_number

register = template.Library()


@register.filter
def vn_date(value):
    """05/6/2023: the way the department has always dated its news."""
    if not value:
        return ""
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
