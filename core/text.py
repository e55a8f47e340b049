"""Vietnamese text helpers shared by every app."""

import unicodedata

from django.utils.text import slugify

# NFKD leaves "đ"/"Đ" whole (it is a letter of its own, not d + a mark), so ASCII folding would
# drop it: "Điện Biên" -> "ien-bien". Fold it explicitly first.
_D_WITH_STROKE = str.maketrans({"đ": "d", "Đ": "D"})

# Every accented Vietnamese letter by its base letter, for code that cannot decompose Unicode
# (the admin's slug field folds with regular expressions in the browser).
VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
    "d": "đ",
}


def fold_diacritics(value):
    """Strip Vietnamese diacritics: "Sở Khoa học" -> "So Khoa hoc"."""
    decomposed = unicodedata.normalize("NFKD", str(value).translate(_D_WITH_STROKE))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def vietnamese_slugify(value):
    """A readable ASCII slug from a Vietnamese title: "Tỉnh Điện Biên" -> "tinh-dien-bien"."""
    return slugify(fold_diacritics(value))


def slug_fold_patterns():
    """(regex, replacement) pairs that fold Vietnamese letters the way `fold_diacritics` does:
    combining marks (text typed in decomposed form) are dropped, each accented letter, lower or
    upper case, becomes its base letter."""
    patterns = [("[\u0300-\u036f]", "")]
    for base, letters in VIETNAMESE_LETTERS.items():
        patterns.append((f"[{letters}{letters.upper()}]", base))
    return patterns


def short_slug(title, max_length=80):
    """`vietnamese_slugify`, cut at a word boundary so long official titles give usable URLs."""
    slug = vietnamese_slugify(title)
    if len(slug) <= max_length:
        return slug
    return slug[: max_length + 1].rsplit("-", 1)[0]


def vn_number(value):
    """1.250.000.000: thousands grouped with dots (anything not a whole number as it is)."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return value


def pks_holding(queryset, query, *fields):
    """Primary keys of the rows of `queryset` whose `fields` hold `query`, typed with or without
    diacritics. For lists of hundreds or a few thousand rows (a catalogue, the answered
    questions), folded here in one query rather than indexed."""
    wanted = fold_diacritics(query).casefold()
    return [
        pk
        for pk, *values in queryset.values_list("pk", *fields)
        if wanted in fold_diacritics(" ".join(values)).casefold()
    ]
