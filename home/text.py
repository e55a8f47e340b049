"""Vietnamese text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify

# NFKD leaves "đ"/"Đ" whole (it is a letter of its own, not d + a mark), so ASCII folding would
# drop it: "Điện Biên" -> "ien-bien". Fold it explicitly first.
_D_WITH_STROKE = str.maketrans({"đ": "d", "Đ": "D"})


def fold_diacritics(value):
    """Strip Vietnamese diacritics: "Sở Khoa học" -> "So Khoa hoc"."""
    decomposed = unicodedata.normalize("NFKD", str(value).translate(_D_WITH_STROKE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def vietnamese_slugify(value):
    """A readable ASCII slug from a Vietnamese title: "Tỉnh Điện Biên" -> "tinh-dien-bien"."""
    return slugify(fold_diacritics(value))
