"""Words as the search index stores them and as a reader's query is matched against them.

Vietnamese readers type with diacritics, without them, or with a mix, and "khóa học" (a course)
is not "khoa học" (science). The index keeps every word as written and adds, for each word that
has diacritics, its folded form behind a marker: "Khoa học" is stored as "khoa học ▸hoc". A query
then has two readings:

- exact: the words as typed ("khoa" AND "học"), which only matches the written form;
- folded: each word folded and allowed either bare or marked ("khoa" OR "▸khoa") AND
  ("hoc" OR "▸hoc"), which matches every spelling that folds to the same letters.

Marking the folded copies keeps them apart from real words, so a page that says "khóa học" does
not count as an exact match for "khoa học" through its folded copy. Only words that change when
folded get a copy, so text typed without diacritics is not counted twice.
"""

import re
import unicodedata

from core.text import fold_diacritics

# Index tokenizers keep letters and digits together; the marker must survive them, so it is made
# of letters no Vietnamese or English word starts with.
FOLDED_MARKER = "zqx"
# Letters and digits of any script; "_" is a word character for `\w` but a separator for the
# index tokenizers, so it splits words here too.
WORD_PATTERN = r"[^\W_]+"
_WORD = re.compile(WORD_PATTERN)
# A query is cut to this many words: nobody types more, and each word is a join condition.
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 60


def words(text):
    """The words of `text`, lower case, in composed (NFC) form: "Đề TÀI" -> ["đề", "tài"]."""
    return _WORD.findall(unicodedata.normalize("NFC", str(text)).lower())


def fold(word):
    return unicodedata.normalize("NFC", fold_diacritics(word))


def index_text(text):
    """What the index stores for `text`: its words, then the marked folded copy of each word
    that has diacritics."""
    written = words(text)
    folded_copies = []
    for word in written:
        folded = fold(word)
        if folded != word:
            folded_copies.append(FOLDED_MARKER + folded)
    return " ".join(written + folded_copies)


class QueryTerms:
    """A reader's query reduced to words, with its exact and folded readings."""

    def __init__(self, query):
        self.words = [word[:MAX_WORD_LENGTH] for word in words(query)][:MAX_QUERY_WORDS]
        self.folded = [fold(word) for word in self.words]
        self._word_matches = {}  # word of some text -> whether it matches: snippets repeat words

    def __bool__(self):
        return bool(self.words)

    def __str__(self):
        return " ".join(self.words)

    def token_groups(self, *, folded):
        """For each word, the index tokens that match it: the word as typed (exact reading), or
        its folded form bare and marked (folded reading)."""
        if folded:
            return [(word, FOLDED_MARKER + word) for word in self.folded]
        return [(word,) for word in self.words]

    def matches_word(self, word):
        """Whether a word of some text is one of the query's words, diacritics aside."""
        matches = self._word_matches.get(word)
        if matches is None:
            matches = self._word_matches[word] = fold(word.lower()) in self.folded
        return matches
