"""Import the catalogue from the CSV a province's decision announcing procedures comes as
(Quyết định công bố danh mục thủ tục hành chính, saved from Excel as "CSV UTF-8").

One procedure per row, matched by its national code: a new code is a new page, a known one is
updated where a value differs and left alone where none does, so a second run of the same file
changes nothing. A row that cannot be read is reported with its line and reason and skipped;
the others still load. Headers are read loosely (case, diacritics, punctuation): "Mã TTHC",
"Mã thủ tục" and "MA THU TUC" are the same column."""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from wagtail.documents import get_document_model

from core.sectors import Sector
from core.text import fold_diacritics
from procedures.models import ProcedureLegalDocument, ProcedurePage, ServiceLevel


def _key(text):
    """ "Phí, lệ phí" -> "phi le phi": how headers and choice labels are compared."""
    folded = fold_diacritics(text).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


# Column -> the header spellings it is known by (compared through `_key`).
COLUMNS = {
    "code": ("ma thu tuc", "ma tthc", "ma so", "ma so tthc", "ma"),
    "title": ("ten thu tuc", "ten thu tuc hanh chinh", "ten tthc", "ten"),
    "sector": ("linh vuc",),
    "service_level": (
        "muc do",
        "muc do dich vu cong",
        "muc do dvc",
        "muc do dvctt",
        "dich vu cong truc tuyen",
    ),
    "applicants": ("doi tuong thuc hien", "doi tuong"),
    "agency": ("co quan thuc hien", "co quan giai quyet"),
    "processing_time": ("thoi han giai quyet", "thoi gian giai quyet"),
    "fee": ("phi le phi", "phi", "le phi"),
    "result": ("ket qua thuc hien", "ket qua"),
    "legal_basis_text": ("can cu phap ly", "can cu"),
    "national_submit_url": ("nop truc tuyen", "dia chi nop truc tuyen", "duong dan nop ho so"),
}
REQUIRED = ("code", "title", "sector")
REQUIRED_NAMES = {"code": "Mã thủ tục", "title": "Tên thủ tục", "sector": "Lĩnh vực"}
TEXT_LIMITS = {
    field_name: ProcedurePage._meta.get_field(field_name).max_length
    for field_name in ("code", "applicants", "agency", "processing_time", "fee", "result")
}
TEXT_LIMITS["title"] = ProcedurePage._meta.get_field("title").max_length
TEXT_LIMITS["legal_basis_text"] = ProcedurePage._meta.get_field("legal_basis_text").max_length

SECTORS = {_key(label): value for value, label in Sector.choices} | {
    _key(value): value for value in Sector.values
}
# How decisions write the level: the current names, and the old numbered levels (4: whole
# procedure online, 3: submission online).
LEVELS = {
    "toan trinh": ServiceLevel.FULL,
    "truc tuyen toan trinh": ServiceLevel.FULL,
    "dvc truc tuyen toan trinh": ServiceLevel.FULL,
    "muc do 4": ServiceLevel.FULL,
    "4": ServiceLevel.FULL,
    "mot phan": ServiceLevel.PARTIAL,
    "truc tuyen mot phan": ServiceLevel.PARTIAL,
    "dvc truc tuyen mot phan": ServiceLevel.PARTIAL,
    "muc do 3": ServiceLevel.PARTIAL,
    "3": ServiceLevel.PARTIAL,
    "": ServiceLevel.NONE,
    "khong": ServiceLevel.NONE,
    "cung cap thong tin": ServiceLevel.NONE,
    "truc tiep": ServiceLevel.NONE,
    "muc do 2": ServiceLevel.NONE,
    "2": ServiceLevel.NONE,
    "muc do 1": ServiceLevel.NONE,
    "1": ServiceLevel.NONE,
}


def cited_documents(text, numbers):
    """The ids of the documents (`numbers`: (number, id) pairs) whose number `text` cites as a
    whole: "2423/QĐ-UBND" in "Quyết định số 2423/QĐ-UBND ngày..." but not in "12423/QĐ-UBND"."""
    return [
        pk for number, pk in numbers if re.search(rf"(?<![\w/]){re.escape(number)}(?![\w/])", text)
    ]


class UnreadableFile(Exception):
    """The file as a whole cannot be read (its encoding, or no code/name/field columns)."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)  # codes
    changed: list = field(default_factory=list)  # (code, [field names])
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # (code, reason): kept as staff left them
    errors: list = field(default_factory=list)  # (line number, reason)

    def summary(self):
        return (
            f"{len(self.created)} thủ tục mới, {len(self.changed)} thay đổi, "
            f"{len(self.unchanged)} không đổi, {len(self.skipped)} để nguyên, "
            f"{len(self.errors)} dòng lỗi"
        )


def read_rows(raw):
    """(line number, {column: value}) for each row of the CSV bytes `raw`."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            "Tệp không ở dạng UTF-8. Trong Excel hãy chọn Lưu thành > CSV UTF-8 (*.csv)."
        ) from error
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if header is None:
        raise UnreadableFile("Tệp rỗng.")
    known = {
        _key(spelling): column for column, spellings in COLUMNS.items() for spelling in spellings
    }
    positions = {}
    for position, name in enumerate(header):
        column = known.get(_key(name))
        if column and column not in positions:
            positions[column] = position
    missing = [column for column in REQUIRED if column not in positions]
    if missing:
        raise UnreadableFile(
            "Thiếu cột: " + ", ".join(REQUIRED_NAMES[column] for column in missing) + "."
        )
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        yield (
            line_number,
            {
                column: cells[position].strip() if position < len(cells) else ""
                for column, position in positions.items()
            },
        )


def clean_row(row):
    """The page's values from one row; ValueError with the reason when the row is unusable."""
    values = {}
    for column in REQUIRED:
        if not row.get(column):
            raise ValueError(f"ô {REQUIRED_NAMES[column]} để trống")
    values["code"] = row["code"]
    values["title"] = " ".join(row["title"].split())
    sector = SECTORS.get(_key(row["sector"]))
    if sector is None:
        raise ValueError(f"lĩnh vực không có trong danh sách: {row['sector']!r}")
    values["sector"] = sector
    level = LEVELS.get(_key(row.get("service_level", "")))
    if level is None:
        raise ValueError(f"mức độ dịch vụ công không rõ: {row['service_level']!r}")
    values["service_level"] = level
    for column in ("applicants", "agency", "processing_time", "fee", "result", "legal_basis_text"):
        if column in row and (column != "agency" or row[column]):
            values[column] = row[column]
    if url := row.get("national_submit_url", ""):
        try:
            URLValidator(schemes=["https", "http"])(url)
        except ValidationError as error:
            raise ValueError(f"địa chỉ nộp trực tuyến không hợp lệ: {url!r}") from error
    if "national_submit_url" in row:
        values["national_submit_url"] = url
    for column, value in values.items():
        limit = TEXT_LIMITS.get(column)
        if limit and len(value) > limit:
            raise ValueError(f"cột {column} dài quá {limit} ký tự")
    values["is_example"] = False  # a row of a decision is the official text
    return values


class ProcedureImporter:
    def __init__(self, catalogue, *, user=None, as_drafts=False, dry_run=False, progress=None):
        self.catalogue = catalogue
        self.user = user
        self.as_drafts = as_drafts
        self.dry_run = dry_run
        self.progress = progress or (lambda done: None)
        self.report = ImportReport()
        self._numbers = None

    def run(self, raw):
        existing = {
            page.code: page
            for page in ProcedurePage.objects.child_of(self.catalogue).order_by("pk")
        }
        seen = {}
        for done, (line_number, row) in enumerate(read_rows(raw), start=1):
            try:
                values = clean_row(row)
            except ValueError as error:
                self.report.errors.append((line_number, str(error)))
                continue
            code = values["code"]
            if code in seen:
                self.report.errors.append(
                    (line_number, f"mã {code} trùng với dòng {seen[code]}; bỏ qua dòng này")
                )
                continue
            seen[code] = line_number
            with transaction.atomic():
                if code in existing:
                    self._update(existing[code], values)
                else:
                    self._create(values)
            self.progress(done)
        return self.report

    def _legal_documents(self, text):
        """The library documents `text` cites, as the page's legal basis rows."""
        if self._numbers is None:
            self._numbers = list(
                get_document_model()
                .objects.readable()
                .exclude(number="")
                .values_list("number", "pk")
            )
        return [
            ProcedureLegalDocument(document_id=pk) for pk in cited_documents(text, self._numbers)
        ]

    def _save(self, page):
        """A revision in the page's history, published unless loading drafts."""
        revision = page.save_revision(user=self.user, log_action=True)
        if not self.as_drafts:
            revision.publish(user=self.user, log_action=True)

    def _create(self, values):
        self.report.created.append(values["code"])
        if self.dry_run:
            return
        page = ProcedurePage(**values, live=not self.as_drafts)
        page.legal_documents = self._legal_documents(values.get("legal_basis_text", ""))
        self.catalogue.add_child(instance=page)
        self._save(page)

    def _update(self, page, values):
        changed = [name for name, value in values.items() if getattr(page, name) != value]
        if not changed:
            self.report.unchanged.append(page.code)
            return
        if page.has_unpublished_changes and page.live:
            # An editor's draft waits on this page: publishing the file's values would set it
            # aside unseen. Staff merge by hand.
            self.report.skipped.append(
                (page.code, "đang có bản nháp chưa đăng; cập nhật trong trang quản trị")
            )
            return
        self.report.changed.append((page.code, changed))
        if self.dry_run:
            return
        for name in changed:
            setattr(page, name, values[name])
        if "legal_basis_text" in changed:
            page.legal_documents = self._legal_documents(page.legal_basis_text)
        self._save(page)
