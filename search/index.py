"""Search fields that store Vietnamese text the way `search.terms` matches it.

Models declare their `search_fields` as usual; when the apps are ready, `search.apps` passes every
indexed model's fields through `vietnamese_search_fields`, so that each `SearchField` and
`AutocompleteField` indexes its words plus the marked folded copies, through Wagtail's own
indexing (signals on publish, `update_index`), on every database backend.
"""

from modelsearch import index

from search.terms import index_text


def plain_text(value):
    """A field's value as one string: StreamFields give lists of strings, some fields dicts."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    return str(value)


class VietnameseTextMixin:
    def get_value(self, obj):
        return index_text(plain_text(super().get_value(obj)))

    def get_display_value(self, obj):
        """The text as written, for result snippets."""
        return plain_text(super().get_value(obj))


class VietnameseSearchField(VietnameseTextMixin, index.SearchField):
    pass


class VietnameseAutocompleteField(VietnameseTextMixin, index.AutocompleteField):
    pass


# One twin per original field: page models share `Page.search_fields` objects, and Wagtail's
# checks recognise the core page fields in a subclass by identity.
_twins = {}


def _twin(field):
    if isinstance(field, index.SearchField):
        return VietnameseSearchField(field.field_name, boost=field.boost, **field.kwargs)
    if isinstance(field, index.AutocompleteField):
        return VietnameseAutocompleteField(field.field_name, **field.kwargs)
    if isinstance(field, index.RelatedFields):
        return index.RelatedFields(field.field_name, vietnamese_search_fields(field.fields))
    return field


def vietnamese_search_fields(fields):
    """`fields` with each text field replaced by its Vietnamese-aware twin."""
    converted = []
    for field in fields:
        if isinstance(field, VietnameseTextMixin):
            converted.append(field)
            continue
        if id(field) not in _twins:
            _twins[id(field)] = (field, _twin(field))  # the original is kept so its id stays unique
        converted.append(_twins[id(field)][1])
    return converted
