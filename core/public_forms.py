"""What every form the public sends us shares: a trap field for bots, one rate limit per client
kept in the shared cache (so every app process counts together), and the check that an
uploaded file is what its name says."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.visitors import client_ip

# A field people never see (hidden by CSS, skipped by keyboard and screen readers) and bots
# fill in.
HONEYPOT_FIELD = "homepage_url"


def add_honeypot(form):
    form.fields[HONEYPOT_FIELD] = forms.CharField(
        required=False,
        label=_("Không điền vào ô này"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    return form


def caught_in_honeypot(cleaned_data):
    """True when the trap field was filled; it is taken out of the data either way."""
    return bool(cleaned_data.pop(HONEYPOT_FIELD, ""))


def over_rate_limit(request, scope):
    """Count this post for the client under `scope`; True once it passes CONTACT_RATE_LIMIT
    within CONTACT_RATE_WINDOW_SECONDS."""
    key = f"{scope}:{client_ip(request) or 'unknown'}"
    window = settings.CONTACT_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        attempts = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        attempts = 1
    return attempts > settings.CONTACT_RATE_LIMIT


# How each binary format begins (its "magic number"); text formats (txt, csv) have none.
_ZIP = (b"PK\x03\x04",)  # Office Open XML and OpenDocument files are zip archives
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # Office 97–2003
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP, "xlsx": _ZIP, "pptx": _ZIP, "odt": _ZIP, "ods": _ZIP, "odp": _ZIP, "zip": _ZIP,
    "doc": _OLE, "xls": _OLE, "ppt": _OLE,
    "rtf": (b"{\\rtf",),
    "rar": (b"Rar!\x1a\x07",),
    "7z": (b"7z\xbc\xaf\x27\x1c",),
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}  # fmt: skip


def check_file_matches(file, extension):
    """A file must be what its name says: a page saved as "bao-cao.pdf" is refused, so that
    nothing reaches anyone under a type it is not."""
    signatures = FILE_SIGNATURES.get(extension)
    if not signatures:
        return
    file.open("rb")
    head = file.read(16)
    file.seek(0)
    if not head.startswith(signatures):
        raise ValidationError(
            _(
                "Tệp có đuôi .%(extension)s nhưng nội dung không phải tệp %(extension)s. Hãy "
                "lưu lại tệp đúng định dạng rồi tải lên."
            )
            % {"extension": extension}
        )
