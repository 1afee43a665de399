"""Reading tables from what users have: xlsx/xls/ods (python-calamine) and CSV in any common
encoding, plus the cell rules every importer shares (ids, times, money, quantities).

Everything here raises ``UserError`` with a Chinese message that says what is wrong and what
to do; nothing here touches the database.
"""

from __future__ import annotations

import csv
import io
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from microshop.domain.money import parse_yuan
from microshop.domain.timeutil import from_local
from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.xlsx_parts import from_column_a, sheet_parts
from microshop.importers.xlsx_parts import row_count_hint as xlsx_row_count_hint

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
BLANKS = {"", "-", "--", "—", "null", "none", "nan"}


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


MAX_UNZIPPED_BYTES = 400 * 1024 * 1024  # a real 100,000-line export unzips to well under this
MAX_RATIO = 200  # XML compresses ~10–30×; hundreds or thousands × is a zip bomb
XML_SCAN_BYTES = 64 * 1024


def check_zip_container(path: Path) -> None:
    """Refuse xlsx/ods files that are zip bombs or carry XML DOCTYPE/entity tricks, reading only
    the zip directory and the head of each XML part (bounded memory and time)."""
    import zipfile
    import zlib

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > 10 * 1024 * 1024 and total / packed > MAX_RATIO:
                raise UserError(tr("“{name}”解压后异常巨大（{size_mb} MB），可能是恶意文件，已拒绝导入。", name=path.name, size_mb=total // (1024 * 1024)))
            if total > MAX_UNZIPPED_BYTES:  # an honest but huge export: say what to do instead
                raise UserError(tr("“{name}”太大（解压后 {size_mb} MB，远超一个月的明细），Excel 格式一次读不下。"
                                   "请按月或按周分开导出，或导出为 CSV 后再导入（CSV 可以逐行读取）。",
                                   name=path.name, size_mb=total // (1024 * 1024)))
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with archive.open(info) as part:
                        head = part.read(XML_SCAN_BYTES)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise UserError(tr(
                            "“{name}”里含有不安全的 XML 定义（DOCTYPE/ENTITY）"
                            "，已拒绝导入。请用 Excel 重新另存后再试。",
                            name=path.name))
                    _check_declared_sizes(path, archive, info, head)
    except UserError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise UserError(tr("“{name}”不是完整的表格文件（压缩包已损坏或下载不完整），请重新导出后再试。", name=path.name)) from exc


MAX_SHEET_COLUMNS = 4096         # statements have tens of columns; Excel's last is XFD (16384)
MAX_SHEET_CELLS = 60_000_000     # the reader allocates the sheet's whole bounding box
WHOLE_SHEET_SCAN = 16 * 1024 * 1024
_COUNT = re.compile(rb"\b(?:uniqueCount|count)=\"(\d{1,20})\"")
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]{1,4})(\d{1,8})\"")


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _check_declared_sizes(path: Path, archive: Any, info: Any, head: bytes) -> None:
    """Refuse what would make the spreadsheet reader allocate without bound (it aborts the whole
    process, no exception to catch): a shared-string table declaring more entries than its bytes
    can hold, or a sheet whose cells span a huge box (one cell at XFD1048576)."""
    name = info.filename.lower()
    if name.endswith("sharedstrings.xml"):
        for match in _COUNT.finditer(head[:4096]):
            if int(match.group(1)) > info.file_size // 7 + 1024:  # every <si><t/></si> takes bytes
                raise UserError(tr("“{name}”的共享字符串表声明了 {count} 项，与文件内容不符，可能是恶意或损坏的文件，已拒绝导入。",
                                   name=path.name, count=match.group(1).decode()))
    elif "worksheets/" in name and info.file_size > WHOLE_SHEET_SCAN:
        _check_large_sheet(path, archive, info)
    elif "worksheets/" in name:
        with archive.open(info) as part:
            xml = part.read(WHOLE_SHEET_SCAN + 1)
        from xml.parsers import expat

        try:  # DOCTYPE/ENTITY were refused above, so expat only checks that the XML is whole
            expat.ParserCreate().Parse(xml, True)
        except expat.ExpatError as exc:
            raise UserError(tr("“{name}”已损坏：工作表内容在第 {line} 行第 {column} 个字符处不完整。请重新导出原始文件后再试。",
                               name=path.name, line=exc.lineno, column=exc.offset)) from exc
        rows = cols = 0
        low_row = low_col = 1 << 30
        for match in _CELL_REF.finditer(xml):
            col, row = _column_number(match.group(1)), int(match.group(2))
            cols, rows = max(cols, col), max(rows, row)
            low_col, low_row = min(low_col, col), min(low_row, row)
        if rows and (cols > MAX_SHEET_COLUMNS or (rows - low_row + 1) * (cols - low_col + 1) > MAX_SHEET_CELLS):
            raise UserError(tr("“{name}”的工作表范围异常（到第 {rows} 行、第 {cols} 列），可能是恶意或损坏的文件，已拒绝导入。"
                               "请只保留订单明细后另存再试。", name=path.name, rows=rows, cols=cols))


# Literal-prefixed patterns, so the regex engine skips ahead with a fast substring search (a 100 MB
# sheet in ~0.2 s instead of ~1.3 s). ``r="<digits>"`` is only ever a row's number (a cell's starts
# with its column letters); an other attribute ending in r would only widen the box (stricter).
_ROW_NUMBER = re.compile(rb'r="(\d{1,8})"')
_WIDE_COLUMN = re.compile(rb'r="([A-Z]{2,4})\d')
SCAN_CHUNK = 4 * 1024 * 1024


def _check_large_sheet(path: Path, archive: Any, info: Any) -> None:
    """The bounding-box check for a sheet too big to hold whole: streamed in chunks (bounded memory),
    with the per-cell work left to C regex searches (rows by their ``<row r=>``, columns by the
    distinct multi-letter references)."""
    rows_low, rows_high, cols = 1 << 30, 0, 26
    tail = b""
    with archive.open(info) as part:
        while True:
            chunk = part.read(SCAN_CHUNK)
            if not chunk:
                break
            window = tail + chunk
            numbers = _ROW_NUMBER.findall(window)
            if numbers:
                found = [int(n) for n in numbers]
                rows_low, rows_high = min(rows_low, min(found)), max(rows_high, max(found))
            for letters in set(_WIDE_COLUMN.findall(window)):
                cols = max(cols, _column_number(letters))
            tail = window[-64:]  # a reference cut by the chunk edge is seen whole next time
    if cols > MAX_SHEET_COLUMNS or (rows_high and (rows_high - rows_low + 1) * cols > MAX_SHEET_CELLS):
        raise UserError(tr("“{name}”的工作表范围异常（到第 {rows} 行、第 {cols} 列），可能是恶意或损坏的文件，已拒绝导入。"
                           "请只保留订单明细后另存再试。", name=path.name, rows=rows_high, cols=cols))


def _open_workbook(path: Path) -> Any:
    from python_calamine import CalamineWorkbook

    with path.open("rb") as fh:
        if fh.read(4) == b"PK\x03\x04":
            check_zip_container(path)
    try:
        return CalamineWorkbook.from_path(str(path))
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
    caller works on the first rows while the rest is still being parsed."""
    workbook = _open_workbook(path)
    with path.open("rb") as fh:
        zipped = fh.read(4) == b"PK\x03\x04"
    try:
        for name in workbook.sheet_names:
            rows = sheet_parts(path, name) if zipped else None
            if rows is None:
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


_UNIT = r"(?:元|人民币|rmb|cny|¥|%|‰|分|个|件|次|单位[:：]?[^()]{0,6}|百分比|千分比|万分比)"
_UNIT_GROUP = re.compile(r"\(\s*" + _UNIT + r"\s*\)", re.IGNORECASE)
_UNIT_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])(?:%|‰|/元|\(元|元\))$")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")",
                           "<": "(", ">": ")", "《": "(", "》": ")", "｛": "(", "｝": ")", "{": "(", "}": ")"})
_HEADER_CACHE: dict[str, str] = {}


def norm_header(value: Any) -> str:
    """A header as compared with aliases: full-width forms folded (NFKC), every bracket style as
    ``()``, units in brackets dropped (``订单金额（元）`` ``佣金比例(%)`` ``预估佣金收入[元]`` all read as
    their bare names), no spaces, tabs or invisible marks, lower case."""
    raw = value if isinstance(value, str) else str(value or "")
    found = _HEADER_CACHE.get(raw)
    if found is not None:
        return found
    text = unicodedata.normalize("NFKC", raw[:200]).translate(_BRACKETS)
    text = re.sub(r"[\s\u200b\ufeff]+", "", text).lower()
    text = _UNIT_GROUP.sub("", text)
    text = _UNIT_TAIL.sub("", text)
    if len(_HEADER_CACHE) < 10_000:
        _HEADER_CACHE[raw] = text
    return text


def find_header(rows: Sequence[Sequence[Any]], aliases: Mapping[str, Iterable[str]],
                required: Iterable[str], scan: int = 15) -> tuple[int, dict[str, int]]:
    """Find the header row among the first ``scan`` rows: (row index, field → column index).

    ``aliases`` maps a field name to the header spellings it accepts. The row with the most
    recognised headers wins; it must have every ``required`` field.
    """
    wanted = {field: {norm_header(a) for a in names} for field, names in aliases.items()}
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, row in enumerate(rows[:scan]):
        found: dict[str, int] = {}
        for col, cell in enumerate(row):
            key = norm_header(cell)
            for field, names in wanted.items():
                if key in names and field not in found:
                    found[field] = col
        if len(found) > len(best[1]):
            best = (index, found)
    missing = [f for f in required if f not in best[1]]
    if best[0] < 0 or missing:
        labels = [next(iter(aliases[f]), f) for f in (missing or list(required))]  # the Chinese name, not the key
        raise UserError(tr("没有找到表头，或缺少必需的列：{missing}。请确认选的是正确的文件，且没有删改表头。",
                           missing="、".join(labels)))
    return best


def cell_text(value: Any) -> str:
    """A cell as stripped text ('' for blanks, tab guards removed)."""
    if value is None or value == "":
        return ""
    if type(value) is str:  # the common case, kept short: strip() also removes tab guards
        text = value.strip()
        if text.startswith("'"):
            text = text[1:].strip()
        return "" if len(text) <= 4 and text.lower() in BLANKS else text
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().strip("\t").strip().lstrip("'")
    return "" if text.lower() in BLANKS else text


def cell_id(value: Any, column: str) -> str:
    """An id (order number, product id) as text; refuses ids Excel already turned into numbers.

    A 16+ digit number stored as a float has lost its last digits; it can never be matched again,
    so the whole file is refused with advice to re-export.
    """
    if isinstance(value, float):
        if abs(value) >= 1e15 or not value.is_integer():
            raise UserError(
                tr(
                    "“{column}”列的编号已被 Excel 改成了数字（例如 {value:.6g}）"
                    "，后几位已经丢失，无法对上订单。请重新从平台导出原始文件，"
                    "不要用 Excel 打开后再保存；或把该列设为“文本”格式后重新粘贴。",
                    column=column, value=value)
            )
        value = int(value)
    text = cell_text(value)
    if re.fullmatch(r"\d(\.\d+)?[eE]\+\d+", text):
        raise UserError(
            tr("“{column}”列的编号是科学计数法（{text}），后几位已经丢失。请重新导出原始文件后再导入。", column=column, text=text)
        )
    return text


MAX_QUANTITY = 1_000_000  # no line of a shop's order holds more; beyond it (10³⁰, 20 digits) a cell is not a count


def cell_int(value: Any) -> int | None:
    """A whole quantity; None for blanks; ValueError for anything else (or beyond ±MAX_QUANTITY)."""
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"-?\d{1,30}(\.0+)?", text):
        raise ValueError(text)
    number = int(text.split(".")[0])
    if abs(number) > MAX_QUANTITY:
        raise ValueError(text)
    return number


def cell_money(value: Any) -> int | None:
    """A yuan amount → fen (None for blanks); ValueError for text that is not money."""
    if isinstance(value, str):
        value = value.strip().strip("\t")
    return parse_yuan(value)


_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d",
    "%Y/%m/%d", "%d/%m/%Y %H:%M:%S", "%Y%m%d%H%M%S", "%Y%m%d", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日",
)
_EXCEL_EPOCH = datetime(1899, 12, 30)


MIN_YEAR, MAX_YEAR = 1990, 2200  # no order or statement is dated outside; near 1 and 9999 datetime overflows


def cell_time(value: Any) -> datetime | None:
    """A China-local time in any of the forms platforms write → aware UTC (None for blanks).

    Text, real Excel dates, Excel serial numbers, epoch seconds or milliseconds. A time outside
    MIN_YEAR–MAX_YEAR, or a number no clock can hold, is ValueError (the row is left out).
    """
    try:
        found = _cell_time(value)
    except (OverflowError, OSError):
        raise ValueError(cell_text(value)) from None
    if found is not None and not MIN_YEAR <= found.year <= MAX_YEAR:
        raise ValueError(cell_text(value))
    return found


def _cell_time(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return from_local(value) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return from_local(datetime(value.year, value.month, value.day))
    if isinstance(value, str) and len(value) in (10, 16, 19) and value[4:5] == "-":
        try:  # the common "YYYY-MM-DD[ HH:MM[:SS]]" in C, before the slower general forms
            return from_local(datetime.fromisoformat(value))
        except ValueError:
            pass
    text = cell_text(value)
    if not text or text == "0":
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text) and len(text.split(".")[0]) not in (8, 14):
        if len(text.split(".")[0]) > 13:  # 20- or 24-digit "epochs": not a time
            raise ValueError(text)
        number = float(text)
        if number > 1e11:  # epoch milliseconds
            return datetime.fromtimestamp(number / 1000, tz=UTC)
        if number > 1e8:  # epoch seconds
            return datetime.fromtimestamp(number, tz=UTC)
        if 20000 < number < 80000:  # Excel serial day number
            return from_local(_EXCEL_EPOCH + timedelta(days=number))
        raise ValueError(text)
    text = text.replace("T", " ")
    for fmt in _TIME_FORMATS:
        try:
            return from_local(datetime.strptime(text, fmt))
        except ValueError:
            continue
    raise ValueError(text)


# --- whole columns at once ------------------------------------------------------------------
# A 100,000-line statement is over a million cells, so importers parse a column at a time: the
# common forms go through C-level map()s and comprehensions, and every other cell goes through
# the per-cell rule above, so the result is always exactly what that rule gives. Cells that are
# not what the column needs are returned as {index: cell}, so the caller can say which row was
# left out and why.

_UTC_OFFSET = timedelta(hours=8)  # Asia/Shanghai has had no DST since 1991
_NO_DST_SINCE = datetime(1992, 1, 1)
_FAST_TIME_LENGTHS = (10, 16, 19)  # "YYYY-MM-DD", "YYYY-MM-DD HH:MM", "YYYY-MM-DD HH:MM:SS"
_FAST_LENGTH_SET = frozenset(_FAST_TIME_LENGTHS)


def _types(values: list[Any]) -> set[type]:
    return set(map(type, values))


def column_text(values: list[Any]) -> list[str | None]:
    """``cell_text`` of each value, blanks as None."""
    if _types(values) == {str}:
        stripped = list(map(str.strip, values))
        # A column repeats few distinct texts (statuses) or is mostly long ones (titles): only the
        # distinct texts that are short or start with a quote need the per-cell rule.
        odd = {t: cell_text(t) or None for t in set(stripped) if len(t) <= 4 or t[:1] == "'"}
        return list(map(odd.get, stripped, stripped)) if odd else cast("list[str | None]", stripped)
    return [cell_text(v) or None for v in values]


def column_id(values: list[Any], column: str) -> list[str | None]:
    """``cell_id`` of each value, blanks as None; a mangled id raises UserError (the file is refused)."""
    if _types(values) == {str}:
        texts = list(map(str.strip, values))
        if min(map(len, texts), default=5) > 4:
            joined = "\n".join(texts)
            if "+" not in joined and "\n'" not in joined and not joined.startswith("'"):
                return cast("list[str | None]", texts)  # plain ids: no blanks, no tab or quote guards, no 1.2E+18
    return [cell_id(v, column) or None for v in values]


def _fen_of_floats(numbers: list[float]) -> list[int] | None:
    """Fen of yuan floats when every one holds whole fen (what platforms write), else None."""
    scaled = list(map(float.__mul__, numbers, repeat(100.0, len(numbers))))
    try:
        fen = list(map(round, scaled))
    except (OverflowError, ValueError):  # inf or NaN: the exact rule decides
        return None
    if fen and (max(fen) >= 10**11 or min(fen) <= -(10**11)):  # huge: so does it
        return None
    if fen and max(map(abs, map(operator.sub, scaled, fen))) >= 1e-6:  # not whole fen
        return None
    return fen


_BLANK_CELLS = frozenset({None, "", "-", "--", "—"})  # blank for every column type


def _slow_column(values: list[Any], rule: Callable[[Any], Any],
                 only: Iterable[int] | None = None, out: list[Any] | None = None) -> tuple[list[Any], dict[int, Any]]:
    """``rule`` per cell (for ``only`` these indices, into ``out``); ValueError marks a bad cell."""
    out = [None] * len(values) if out is None else out
    bad: dict[int, Any] = {}
    blank = _BLANK_CELLS
    for i in range(len(values)) if only is None else only:
        v = values[i]
        if (v.__class__ is str and v in blank) or v is None:
            out[i] = None
            continue
        try:
            out[i] = rule(v)
        except ValueError:
            out[i] = None
            bad[i] = v
    return out, bad


def column_money(values: list[Any]) -> tuple[list[int | None], dict[int, Any]]:
    """``cell_money`` of each value (fen), and the cells that are not money."""
    types = _types(values)
    if types == {float}:
        fen = _fen_of_floats(values)
        if fen is not None:
            return fen, {}  # type: ignore[return-value]
    elif types == {str}:
        try:
            fen = _fen_of_floats(list(map(float, values)))
        except ValueError:  # "¥1,234.50", "--", …
            fen = None
        if fen is not None:
            return fen, {}  # type: ignore[return-value]
    elif float in types:  # numbers with a few blanks or texts among them
        others = [i for i, v in enumerate(values) if v.__class__ is not float]
        floats = list(values)
        for i in others:
            floats[i] = 0.0
        fen = _fen_of_floats(floats)
        if fen is not None:
            return _slow_column(values, _money_or_blank, others, fen)
    return _slow_column(values, _money_or_blank)


def _money_or_blank(v: Any) -> int | None:
    return None if v is None or v == "" else cell_money(v)


def column_int(values: list[Any]) -> tuple[list[int | None], dict[int, Any]]:
    """``cell_int`` of each value, and the cells that are not whole numbers."""
    if _types(values) == {float} and all(map(float.is_integer, values)) and all(map(float(MAX_QUANTITY).__ge__, map(abs, values))):
        return list(map(int, values)), {}
    return _slow_column(values, cell_int)


def column_time(values: list[Any]) -> tuple[list[datetime | None], dict[int, Any]]:
    """``cell_time`` of each value as naive UTC (None for blanks), and the cells that are not times."""
    if str in _types(values):
        # The usual text forms go through datetime.fromisoformat in one map(); blanks and other
        # forms keep a placeholder there and are read one by one afterwards.
        if (_types(values) == {str} and set(map(len, values)) <= _FAST_LENGTH_SET
                and set(map(itemgetter(4), values)) == {"-"}):
            others: list[int] = []  # the usual column: every cell one of the forms below
        else:
            others = [i for i, v in enumerate(values) if v.__class__ is not str or len(v) not in _FAST_TIME_LENGTHS
                      or v[4:5] != "-"]
        texts = list(values)
        for i in others:
            texts[i] = "2000-01-01"
        try:
            local_times = list(map(datetime.fromisoformat, texts))
            if min(local_times) >= _NO_DST_SINCE and max(local_times).year <= MAX_YEAR:  # TypeError: an offset
                utc = list(map(datetime.__sub__, local_times, repeat(_UTC_OFFSET, len(local_times))))
                return _slow_column(values, _utc_naive, others, utc)
        except (ValueError, TypeError):
            pass
    return _slow_column(values, _utc_naive)


def _utc_naive(v: Any) -> datetime | None:
    t = cell_time(v)
    return None if t is None else t.astimezone(UTC).replace(tzinfo=None)
