from django import forms


class GetFilterForm(forms.Form):
    """Filters read from plain GET parameters (shareable URLs). A value that does not validate is
    dropped and reported, never turned into an error page."""

    def filters(self):
        """The valid, non-empty filters only."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: value for name, value in cleaned.items() if value not in (None, "")}

    @property
    def dropped(self):
        """Labels of the filters whose values were not understood."""
        return [str(self.fields[name].label) for name in self.errors]
