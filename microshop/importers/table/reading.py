"""Reading tables from what users have: xlsx/xls/ods (python-calamine, checked by ``safety``
first) and CSV in any common encoding, as rows of cell values."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.table.safety import SheetBox, check_zip_container
from microshop.importers.xlsx_parts import from_column_a, sheet_parts
from microshop.importers.xlsx_parts import row_count_hint as xlsx_row_count_hint

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}


@dataclass(frozen=True)
class Table:
    """A sheet as rows of cell values; ``rows[i]`` is row ``i + 1`` of the file."""

    name: str
    rows: list[list[Any]]


def read_table(path: Path) -> Table:
    """The first non-empty sheet of a spreadsheet, or a CSV file's rows, all in memory."""
    path = Path(path)
    _check_file(path)
    return Table(path.name, list(iter_table(path)))


def iter_table(path: Path) -> Iterator[list[Any]]:
    """Rows of the first non-empty sheet (or of a CSV file), streamed where the format allows."""
    path = Path(path)
    _check_file(path)
    if _is_spreadsheet(path):
        yield from _iter_spreadsheet(path)
    else:
        yield from _read_csv(path)


def row_count_hint(path: Path) -> int | None:
    """About how many rows ``iter_table`` will give (for a progress bar), without reading the
    file: an xlsx sheet's recorded size, a CSV file's line count; None when unknown (xls, ods)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"PK\x03\x04"):
            return xlsx_row_count_hint(path)
        if _is_spreadsheet(path):
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.count("\n".encode("utf-16-le" if raw.startswith(b"\xff\xfe") else "utf-16-be")) or None
    return raw.count(b"\n") + (not raw.endswith(b"\n")) or None


def _check_file(path: Path) -> None:
    if not path.is_file():
        raise UserError(tr("找不到文件“{path}”。", path=path))
    if path.stat().st_size == 0:
        raise UserError(tr("“{name}”是空文件，请重新导出后再导入。", name=path.name))


def _is_spreadsheet(path: Path) -> bool:
    with path.open("rb") as fh:
        head = fh.read(8)
    return path.suffix.lower() in SPREADSHEET_SUFFIXES or head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def _open_workbook(path: Path, big_sheets: bool = True) -> tuple[Any, bool]:
    """The workbook, and whether the bounding-box scan of its big sheets is still owed
    (``big_sheets=False``: see ``check_zip_container``)."""
    from python_calamine import CalamineWorkbook

    owed = False
    with path.open("rb") as fh:
        if fh.read(4) == b"PK\x03\x04":
            owed = check_zip_container(path, big_sheets=big_sheets)
    try:
        return CalamineWorkbook.from_path(str(path)), owed
    except Exception as exc:  # calamine raises its own error types for broken files
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: Exception) -> UserError:
    text = str(exc).lower()
    if "password" in text or "encrypt" in text or _is_encrypted_office_file(path):
        return UserError(tr("“{name}”设置了密码，请在 Excel 中取消密码后另存，再导入。", name=path.name))
    return UserError(
        tr("“{name}”无法读取：文件已损坏、下载不完整，或不是表格文件。请重新导出原始文件后再试。", name=path.name)
    )


def _is_encrypted_office_file(path: Path) -> bool:
    """A password-protected xlsx is an OLE container holding an ``EncryptedPackage`` stream."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
    except OSError:
        return False
    return head.startswith(b"\xd0\xcf\x11\xe0") and "EncryptedPackage".encode("utf-16-le") in head


def _iter_spreadsheet(path: Path) -> Iterator[list[Any]]:
    """Rows of the first sheet with anything in it; ``row[j]`` is column j + 1 of the sheet.

    A big xlsx sheet is read a part at a time on worker threads (``xlsx_parts``), so the
    caller works on the first rows while the rest is still being parsed; its safety scan is
    made on the parts as they are cut (one pass over the sheet's XML), or before a whole read."""
    with path.open("rb") as fh:
        zipped = fh.read(4) == b"PK\x03\x04"
    workbook, owed = _open_workbook(path, big_sheets=False)

    def whole_read_checked() -> None:
        nonlocal owed
        if owed:  # before calamine reads a big sheet whole
            check_zip_container(path)
            owed = False

    try:
        for name in workbook.sheet_names:
            rows = sheet_parts(path, name, SheetBox(path) if owed else None, whole_read_checked) if zipped else None
            if rows is None:
                whole_read_checked()
                rows = from_column_a(workbook.get_sheet_by_name(name))
            pending: list[list[Any]] = []
            for row in rows:
                pending.append(row)
                if any(cell not in ("", None) for cell in row):
                    break
            else:
                continue  # an empty sheet: try the next one
            yield from pending
            yield from rows  # calamine hands out a new list per row: no copy needed
            return
    except UserError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from exc


MAX_TEXT_BYTES = 512 * 1024 * 1024   # a 1M-line statement CSV is ~300 MB
MAX_CSV_COLUMNS = 4096


def _read_csv(path: Path) -> Iterator[list[Any]]:
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:  # decided from the size alone: the file is never read to refuse it
        raise UserError(tr("“{name}”太大（{size_mb} MB），不像一个平台导出的明细。请按月份分开导出后再导入。",
                           name=path.name, size_mb=size // (1024 * 1024)))
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise UserError(tr("“{name}”不是文本表格（CSV），也不是 Excel 文件，请检查是否选错了文件。", name=path.name))
    encoding = csv_encoding(path)
    sample = decode_text(head, path.name, partial=True)
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    text = _text_lines(path, encoding)  # streamed: a 1M-line file is never held whole
    try:
        for row in csv.reader(text, delimiter=delimiter):
            if len(row) > MAX_CSV_COLUMNS:
                raise UserError(tr("“{name}”有一行多达 {count} 列，不像平台导出的明细，已拒绝导入。", name=path.name,
                                   count=f"{len(row):,}"))
            yield row
    except csv.Error as exc:
        raise UserError(tr("“{name}”的 CSV 格式有误（{error}），请用 Excel 打开后另存为 CSV 再导入。", name=path.name, error=exc)) from exc


def _bom_encoding(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def csv_encoding(path: Path) -> str:
    """The file's encoding, checked over the whole file in 256 KB pieces (never held whole): a BOM's
    UTF-16/32, else UTF-8 if every byte is valid UTF-8, else GB18030 (covers GBK)."""
    import codecs

    with open(path, "rb") as fh:
        found = _bom_encoding(fh.read(4))
    candidates = (found,) if found else ("utf-8-sig", "gb18030")
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 18):
                    decoder.decode(chunk)
            decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    raise UserError(tr("“{name}”的文字编码无法识别，请用 Excel 另存为“CSV UTF-8”后再导入。", name=path.name))


def _text_lines(path: Path, encoding: str) -> Iterator[str]:
    """The file's lines, decoded as they are read; a second BOM and NUL characters are not text."""
    with open(path, "rb") as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as fh:
        first = True
        for line in fh:
            if first:
                line = line.lstrip("\ufeff")
                first = False
            yield line.replace("\x00", "") if "\x00" in line else line


def decode_text(raw: bytes, name: str, partial: bool = False) -> str:
    """Decode CSV bytes: UTF-8 (with/without BOM), UTF-16 with BOM, else GB18030 (covers GBK).

    ``partial``: ``raw`` is the head of a file, possibly cut inside a character (only for sniffing)."""
    if partial:
        encoding = _bom_encoding(raw) or "utf-8-sig"
        text = raw.decode(encoding, errors="ignore") if encoding != "utf-8-sig" or _valid_utf8_head(raw) \
            else raw.decode("gb18030", errors="ignore")
        return text.lstrip("\ufeff").replace("\x00", "")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-32",)
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            # a second BOM (files re-saved by tools that add one) and NUL characters are not text
            return raw.decode(encoding).lstrip("\ufeff").replace("\x00", "")
        except UnicodeDecodeError:
            continue
    raise UserError(tr("“{name}”的文字编码无法识别，请用 Excel 另存为“CSV UTF-8”后再导入。", name=name))


def _valid_utf8_head(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(raw) - 3  # only a character cut at the end
    return True
