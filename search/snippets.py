"""Result snippets: a few lines of a page's text around the first word the reader searched for,
with every matching word marked, whatever diacritics either side used."""

import re
import unicodedata
from html import escape

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from search.index import VietnameseTextMixin
from search.terms import WORD_PATTERN

# Split keeping the words, so pieces alternate separator, word, separator…
_SPLIT_WORDS = re.compile(f"({WORD_PATTERN})")
SNIPPET_WORDS = 36
WORDS_BEFORE_MATCH = 8
# Enough text for a snippet; a long document body is not scanned to its end.
MAX_SOURCE_CHARACTERS = 20_000


def display_text(obj):
    """The text a result shows from: the object's indexed text fields other than the title."""
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, VietnameseTextMixin) and field.field_name != "title":
            parts.append(field.get_display_value(obj))
    text = " ".join(part for part in parts if part.strip())
    return unicodedata.normalize("NFC", " ".join(text.split()))[:MAX_SOURCE_CHARACTERS]


def _marked(pieces, terms):
    # Words are letters and digits only: nothing in them to escape. The separators are escaped
    # with the standard library's `escape`, which Django's calls for every piece, at a third of
    # the cost: a page of results marks some 3,000 pieces.
    html = []
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            html.append(escape(piece))
        elif terms.matches_word(piece):
            html.append(f"<mark>{piece}</mark>")
        else:
            html.append(piece)
    return mark_safe("".join(html))  # noqa: S308 - separators escaped, words need no escaping


def highlight(text, terms):
    """All of `text` (a title) with the query's words marked."""
    return _marked(_SPLIT_WORDS.split(unicodedata.normalize("NFC", text)), terms)


def snippet(text, terms):
    """About SNIPPET_WORDS words of `text` around the first match, matches marked."""
    pieces = _SPLIT_WORDS.split(text)
    word_positions = range(1, len(pieces), 2)
    first_match = next((i for i in word_positions if terms.matches_word(pieces[i])), None)
    if first_match is None:
        start = 0
    else:
        start = max(0, first_match - 2 * WORDS_BEFORE_MATCH)
    # Pieces alternate separator, word, separator…: an even start keeps words at odd positions,
    # which is what `_marked` expects.
    start -= start % 2
    end = min(len(pieces), start + 2 * SNIPPET_WORDS)
    window = [""] + pieces[start + 1 : end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(pieces) else ""
    return format_html("{}{}{}", prefix, _marked(window, terms), suffix)
