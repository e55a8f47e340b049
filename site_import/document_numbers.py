"""What an attachment's link text says about the official document it is: its number
("2423/QĐ-UBND", "54/2023/NQ-HĐND"), its type and the day it was issued."""

import re
from datetime import date

from home.models import DocumentType

NUMBER = re.compile(
    r"\b(\d{1,6}(?:/\d{4})?/(?P<kind>[A-ZĐ][A-Za-zĐđ]{0,4})-[A-ZĐ0-9&][A-ZĐ0-9&-]*)"
)
ISSUED = re.compile(r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
TYPE_BY_ABBREVIATION = {
    "NQ": DocumentType.RESOLUTION,
    "NĐ": DocumentType.DECREE,
    "QĐ": DocumentType.DECISION,
    "CT": DocumentType.DIRECTIVE,
    "KH": DocumentType.PLAN,
    "CTr": DocumentType.PROGRAM,
    "BC": DocumentType.REPORT,
    "TB": DocumentType.NOTICE,
    "HD": DocumentType.GUIDANCE,
}
TYPE_BY_NAME = {label.casefold(): value for value, label in DocumentType.choices}


def read_document_title(text):
    """(number, type, issued date) as far as `text` tells them; blanks where it does not."""
    number, kind, issued = "", DocumentType.OTHER, None
    if match := NUMBER.search(text or ""):
        number = match.group(1)
        kind = TYPE_BY_ABBREVIATION.get(match.group("kind"), DocumentType.OFFICIAL_LETTER)
    for name, value in TYPE_BY_NAME.items():
        if (text or "").casefold().startswith(name):
            kind = value
            break
    if match := ISSUED.search(text or ""):
        day, month, year = (int(part) for part in match.groups())
        try:
            issued = date(year, month, day)
        except ValueError:
            issued = None
    return number, kind, issued


def document_type_named(name):
    """A type given by its Vietnamese name ("Quyết định") or its code ("quyet_dinh")."""
    name = (name or "").strip()
    if name in DocumentType.values:
        return name
    return TYPE_BY_NAME.get(name.casefold(), DocumentType.OTHER)
