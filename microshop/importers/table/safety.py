"""What a spreadsheet must not do to the reader: zip bombs, XML DOCTYPE/entity tricks, a shared-
string table or a cell box larger than the file can hold (the reader would allocate without bound
and abort the process). Checked reading only the zip directory and bounded parts of the XML."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from microshop.errors import UserError
from microshop.i18n import tr

MAX_UNZIPPED_BYTES = 400 * 1024 * 1024  # a real 100,000-line export unzips to well under this
MAX_RATIO = 200  # XML compresses ~10–30×; hundreds or thousands × is a zip bomb
XML_SCAN_BYTES = 64 * 1024


def check_zip_container(path: Path, *, big_sheets: bool = True) -> bool:
    """Refuse xlsx/ods files that are zip bombs or carry XML DOCTYPE/entity tricks, reading only
    the zip directory and the head of each XML part (bounded memory and time).

    ``big_sheets=False`` leaves out the bounding-box scan of sheets above ``WHOLE_SHEET_SCAN``: the
    caller owes it, before a sheet is read whole or a piece at a time as it is cut (``SheetBox``).
    Returns whether it left out any."""
    import zipfile
    import zlib

    deferred = False
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
                    deferred |= _check_declared_sizes(path, archive, info, head, big_sheets)
    except UserError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise UserError(tr("“{name}”不是完整的表格文件（压缩包已损坏或下载不完整），请重新导出后再试。", name=path.name)) from exc
    return deferred


MAX_SHEET_COLUMNS = 4096         # statements have tens of columns; Excel's last is XFD (16384)
MAX_SHEET_CELLS = 60_000_000     # the reader allocates the sheet's whole bounding box
WHOLE_SHEET_SCAN = 16 * 1024 * 1024
_COUNT = re.compile(rb"\b(?:uniqueCount|count)=\"(\d{1,20})\"")
# Any number of letters and digits: the reader places a cell by its reference alone (a row's own
# ``r`` does not move it), and a reference past Excel's last cell still makes it allocate.
_CELL_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*?\br=\"([A-Z]+)(\d+)\"")
FAR = 10 ** 12  # what a reference with more digits or letters than this counts as


def _column_number(letters: bytes) -> int:
    if len(letters) > 8:
        return FAR
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _row_number(digits: bytes) -> int:
    return int(digits) if len(digits) <= 12 else FAR


def _check_declared_sizes(path: Path, archive: Any, info: Any, head: bytes, big_sheets: bool = True) -> bool:
    """Refuse what would make the spreadsheet reader allocate without bound (it aborts the whole
    process, no exception to catch): a shared-string table declaring more entries than its bytes
    can hold, or a sheet whose cells span a huge box (one cell at XFD1048576). True when the box
    of a big sheet was left to the caller (``big_sheets=False``)."""
    name = info.filename.lower()
    if name.endswith("sharedstrings.xml"):
        for match in _COUNT.finditer(head[:4096]):
            if int(match.group(1)) > info.file_size // 7 + 1024:  # every <si><t/></si> takes bytes
                raise UserError(tr("“{name}”的共享字符串表声明了 {count} 项，与文件内容不符，可能是恶意或损坏的文件，已拒绝导入。",
                                   name=path.name, count=match.group(1).decode()))
    elif "worksheets/" in name and info.file_size > WHOLE_SHEET_SCAN:
        if not big_sheets:
            return True
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
            col, row = _column_number(match.group(1)), _row_number(match.group(2))
            cols, rows = max(cols, col), max(rows, row)
            low_col, low_row = min(low_col, col), min(low_row, row)
        if rows and (cols > MAX_SHEET_COLUMNS or (rows - low_row + 1) * (cols - low_col + 1) > MAX_SHEET_CELLS):
            raise UserError(tr("“{name}”的工作表范围异常（到第 {rows} 行、第 {cols} 列），可能是恶意或损坏的文件，已拒绝导入。"
                               "请只保留订单明细后另存再试。", name=path.name, rows=rows, cols=cols))
    return False


# Literal-prefixed patterns, so the regex engine skips ahead with a fast substring search (a 100 MB
# sheet in ~0.1 s a pattern). ``r="<digits>"`` is only ever a row's number (a cell's starts with its
# column letters); an other attribute ending in r would only widen the box (stricter).
_ROW_NUMBER = re.compile(rb'r="(\d{1,12})"')
_WIDE_COLUMN = re.compile(rb'r="([A-Z]{2,})\d')
SCAN_CHUNK = 4 * 1024 * 1024


@functools.lru_cache(maxsize=64)
def _cells_above(rows: int) -> re.Pattern[bytes]:
    """Cell references whose row is above ``rows`` (or written with more digits than it has): a
    cell's row is the one that counts, whatever its ``<row r=>`` says. In a sheet whose cells are
    in their rows, nothing matches, so the search is one fast pass over the bytes."""
    text = str(rows)
    higher = [f"{text[:i]}[{int(d) + 1}-9]\\d{{{len(text) - i - 1}}}" for i, d in enumerate(text) if d != "9"]
    return re.compile(rb'r="[A-Z]+(\d{%d,}%s)"' % (len(text) + 1, "".join("|" + h for h in higher).encode()))


def _check_large_sheet(path: Path, archive: Any, info: Any) -> None:
    """The bounding-box check for a sheet too big to hold whole: streamed in chunks (bounded memory)."""
    box = SheetBox(path)
    with archive.open(info) as part:
        while chunk := part.read(SCAN_CHUNK):
            box.feed(chunk)


class SheetBox:
    """The bounding box of a big sheet's cells, found while its XML streams past in pieces, with
    the per-cell work left to C regex searches: the highest row by the rows' ``<row r=>`` and the
    few cell references that could lie above it, columns by the distinct multi-letter references;
    the box is counted from A1 (stricter: the reader starts it at the first cell). ``feed``
    refuses (``UserError``) as soon as the box seen so far is too big for the reader; a reference
    cut by a piece's edge is seen whole.

    The reader of a split sheet (``xlsx_parts``) feeds it the pieces it cuts anyway, so such a sheet
    is decompressed and searched once, not once for this check and again for reading."""

    EDGE = 64  # longer than any reference these patterns match

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows_high, self.cols = 0, 26
        self._tail = b""

    def feed(self, data: bytes) -> None:
        if len(data) <= 2 * self.EDGE:
            self._search(self._tail + data)
        else:
            self._search(data)
            self._search(self._tail + data[:self.EDGE])  # what straddles the edge
        self._tail = (self._tail + data[-self.EDGE:])[-self.EDGE:]
        if self.cols > MAX_SHEET_COLUMNS or self.rows_high * self.cols > MAX_SHEET_CELLS:
            raise UserError(tr("“{name}”的工作表范围异常（到第 {rows} 行、第 {cols} 列），可能是恶意或损坏的文件，已拒绝导入。"
                               "请只保留订单明细后另存再试。", name=self.path.name, rows=self.rows_high, cols=self.cols))

    def _search(self, window: bytes) -> None:
        numbers = _ROW_NUMBER.findall(window)
        if numbers:
            self.rows_high = max(self.rows_high, max(map(int, numbers)))
        above = _cells_above(self.rows_high).findall(window)
        if above:
            self.rows_high = max(self.rows_high, max(map(_row_number, above)))
        for letters in set(_WIDE_COLUMN.findall(window)):
            self.cols = max(self.cols, _column_number(letters))
