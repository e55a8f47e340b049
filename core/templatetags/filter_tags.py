"""The controls of a listing's filter bar (`includes/filter_bar.html`), drawn here instead of
through Django's widget templates: a select of fifty options cost the registry about a millisecond
that way, and the bar is on every listing a reader pages through."""

from django import forms, template
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

register = template.Library()

_PLAIN_INPUTS = (forms.TextInput, forms.NumberInput, forms.SearchInput, forms.DateInput)


@register.simple_tag
def filter_control(bound_field):
    """The field's control, the same markup Django's widgets give; widgets of other kinds are
    left to Django."""
    widget = bound_field.field.widget
    attrs = bound_field.build_widget_attrs({"name": bound_field.html_name, **widget.attrs}, widget)
    if bound_field.auto_id:
        attrs["id"] = bound_field.auto_id
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    value = bound_field.value()
    if type(widget) is forms.Select:
        chosen = "" if value is None else str(value)
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (choice, " selected" if str(choice) == chosen else "", label)
                for choice, label in bound_field.field.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(attrs), options)
    if type(widget) in _PLAIN_INPUTS:
        shown = widget.format_value(value)
        input_attrs = {"type": widget.input_type, **attrs}
        if shown is not None:
            input_attrs["value"] = shown
        return format_html("<input{}>", flatatt(input_attrs))
    return bound_field.as_widget()
