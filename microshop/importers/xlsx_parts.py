"""Reading one big xlsx sheet as consecutive parts, several at a time.

python-calamine parses a whole sheet before handing out its first row, and that parse (in Rust,
without the GIL) is most of the time a 100,000-line export takes. Here the sheet's XML is cut at
row boundaries into parts of a few megabytes; each part is wrapped in a small stored (uncompressed)
copy of the workbook package — same styles, same shared strings, same date system — and parsed by
python-calamine on a worker thread. The caller receives the rows of part 1 while parts 2 and 3 are
being parsed, so parsing runs on the other cores alongside the import instead of before it, and
memory holds a few parts rather than the whole sheet.

The rows are the same values calamine gives for the whole sheet, with row ``i`` of the result
being row ``i + 1`` of the sheet (rows before the first filled row and blank rows between parts
come out as empty lists) and column ``j`` being column ``j + 1`` of the sheet. A small sheet, one
core or a package this module does not know (strict OOXML) makes ``sheet_parts`` answer ``None``:
the caller reads the sheet whole. Sheet XML that a cut at ``</row>`` could misread (comments,
CDATA) is noticed on the way; the rows from there on come from a whole-sheet read.
"""

from __future__ import annotations

import io
import os
import posixpath
import queue
import re
import struct
import sys
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import islice
from typing import Any, Protocol
from xml.etree import ElementTree

SPLIT_MIN_BYTES = 16 * 1024 * 1024  # sheets below this (unzipped XML) are read whole: little to gain
PART_BYTES = 6 * 1024 * 1024  # ~5,000 rows of a typical export per part
BLOCK = 1024 * 1024
MAX_HEAD_BYTES = 8 * 1024 * 1024  # everything before <sheetData> (sheet views, columns) is small
MIN_PARTS = 3  # fewer parts than this overlap too little to pay for the package copies
SHARED_OVERHEAD = 0.25  # the copies of shared strings/styles parsed with every part, against the sheet's size
NICENESS = 10  # parser threads' priority below the caller's (Linux)

_SHEET_DATA = re.compile(rb"<(\w+:)?sheetData(\s[^>]*)?(/?)>")
_DIMENSION = re.compile(rb"<(\w+:)?dimension\s[^>]*/>")
_FIRST_ROW = re.compile(rb"\s*<(?:\w+:)?row\b([^>]*)>\s*(?:<(?:\w+:)?c\b([^>]*)>)?")
_R_ATTRIBUTE = re.compile(rb"(?:^|\s)r\s*=")
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_SHEETS_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class _Unsplittable(Exception):
    """The sheet XML has something a plain cut at ``</row>`` could break: read it whole."""


def workers() -> int:
    """Parser threads: one per core, up to four (they run at a lower priority than the thread
    importing the rows); 0 (one core, or ``MICROSHOP_READ_THREADS=0``) reads every sheet whole."""
    wanted = os.environ.get("MICROSHOP_READ_THREADS", "")
    if wanted.isdigit():
        return min(int(wanted), 8)
    cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def sheet_parts(path: str | os.PathLike[str], sheet_name: str, guard: Guard | None = None,
                before_whole: Callable[[], None] | None = None) -> Iterator[list[Any]] | None:
    """The rows of ``sheet_name`` read a part at a time on worker threads, or None when the
    sheet is small, the machine has one core, or the package is not one this module can cut.

    ``guard`` is fed the sheet's XML as it is cut, each part before it is parsed, and may refuse
    the file (its exception reaches the caller); ``before_whole`` runs before the rest of the
    sheet is read whole, when a part cannot be cut."""
    if workers() < 1:
        return None
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        return None
    try:
        plan = _plan(archive, sheet_name)
    except (KeyError, ElementTree.ParseError, ValueError):
        plan = None
    if plan is None:
        archive.close()
        return None
    member, members, part_bytes = plan
    return _rows(archive, member, members, sheet_name, part_bytes, guard, before_whole)


class Guard(Protocol):
    """Sees the sheet's XML, piece by piece in order, before any of it is parsed."""

    def feed(self, data: bytes) -> None: ...


class _Refused:
    def __init__(self, error: Exception) -> None:
        self.error = error


def _locate(archive: zipfile.ZipFile, sheet_name: str) -> tuple[str, set[str]] | None:
    """The sheet's member name and the package members a copy of the workbook needs (content
    types, relationships, workbook, styles, shared strings), or None for an unknown layout."""
    root_rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    workbook = next((r.get("Target", "") for r in root_rels.iter(f"{{{_RELS}}}Relationship")
                     if r.get("Type") == _OFFICE_DOC), None)
    if not workbook:
        return None
    workbook = workbook.lstrip("/")
    folder = posixpath.dirname(workbook)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels")
    book = ElementTree.fromstring(archive.read(workbook))
    rel_id = next((s.get(_REL_ID) for s in book.iter(f"{{{_SHEETS_NS}}}sheet") if s.get("name") == sheet_name), None)
    if rel_id is None:
        return None  # strict OOXML or an unexpected layout
    targets: dict[str, tuple[str, str]] = {}
    for rel in ElementTree.fromstring(archive.read(rels_name)).iter(f"{{{_RELS}}}Relationship"):
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        targets[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], name)
    kind, member = targets.get(rel_id, ("", ""))
    if kind != "worksheet" or member not in archive.NameToInfo:
        return None
    wanted = {"[Content_Types].xml", "_rels/.rels", workbook, rels_name}
    wanted.update(name for kind, name in targets.values() if kind in ("styles", "sharedStrings"))
    return member, {name for name in wanted if name in archive.NameToInfo}


def _plan(archive: zipfile.ZipFile, sheet_name: str) -> tuple[str, dict[str, bytes], int] | None:
    """The sheet's member name, the package members each part needs and the part size, if
    splitting pays."""
    located = _locate(archive, sheet_name)
    if located is None:
        return None
    member, wanted = located
    size = archive.getinfo(member).file_size
    if size < SPLIT_MIN_BYTES:
        return None
    members = {name: archive.read(name) for name in wanted}
    # Every part carries (and calamine re-reads) the shared strings and styles: with a big table,
    # parts are made bigger so that this stays a fraction of the sheet's own parsing.
    copied = sum(len(data) for data in members.values()) or 1
    parts = min(size / PART_BYTES, size * SHARED_OVERHEAD / copied)
    if parts < MIN_PARTS:
        return None
    return member, members, max(PART_BYTES, int(size / parts))


_DIMENSION_REF = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+:[A-Z]+(\d+)\"")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
HINT_BYTES = 256 * 1024


def row_count_hint(path: str | os.PathLike[str]) -> int | None:
    """Roughly how many rows the workbook's biggest sheet has (for a progress bar), from the head
    of its XML alone: the ``<dimension>`` its writer recorded, else the sheet's size over the
    size of its first rows. None when it cannot tell; never raises."""
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = [i for i in archive.infolist() if re.fullmatch(r"(?:.*/)?worksheets/[^/]+\.xml", i.filename)]
            if not sheets:
                return None
            biggest = max(sheets, key=lambda i: i.file_size)
            with archive.open(biggest) as fh:
                head = fh.read(HINT_BYTES)
    except Exception:
        return None
    if (dimension := _DIMENSION_REF.search(head)) is not None:
        return int(dimension.group(1))
    rows = len(_ROW_END.findall(head))
    if rows < 10:
        return None
    return round(rows * biggest.file_size / len(head)) if len(head) < biggest.file_size else rows


def _cut(archive: zipfile.ZipFile, member: str, part_bytes: int) -> Iterator[tuple[list[bytes], bool]]:
    """The sheet XML as a series of complete worksheets, each holding a run of whole rows and
    given as the pieces to write one after the other (never joined here: the parser copies them
    once, into its package), and whether the part's first row carries its row number (``r="…"``).

    The first part is a quarter of the others, so that the caller has rows to work on sooner.
    Each block is searched once.
    """
    with archive.open(member) as fh:
        data = b""
        while (found := _SHEET_DATA.search(data)) is None:
            block = fh.read(BLOCK)
            if not block or len(data) > MAX_HEAD_BYTES:
                raise _Unsplittable("no <sheetData>")
            data += block
        prefix = found.group(1) or b""
        if found.group(3):  # <sheetData/>: an empty sheet
            return
        head = _DIMENSION.sub(b"", data[:found.end()])  # a part's cells are not the whole sheet's
        close_row = b"</" + prefix + b"row>"
        end = b"</" + prefix + b"sheetData>"
        tail = end + b"</" + prefix + b"worksheet>"
        block = data[found.end():]
        blocks: list[bytes] = []
        size = 0
        wanted = max(part_bytes // 4, 1)
        previous = b""
        while True:
            # (memchr for the rare "!" first: searching for "<!" itself stops at every tag)
            if b"!" in block and (b"<!" in block or previous[-1:] + block[:1] == b"<!"):
                raise _Unsplittable("CDATA or comment")  # "</row>" inside them would mislead the cut
            stop = block.find(end)
            if stop < 0 and (at := (previous[-len(end):] + block[:len(end)]).find(end)) >= 0:
                # the end tag straddles the previous block and this one
                overlap = min(len(previous), len(end)) - at
                blocks[-1] = blocks[-1][:len(blocks[-1]) - overlap]
                block, stop = b"", 0
            if stop >= 0:
                body = [*blocks, block[:stop]]
                if any(piece.strip() for piece in body):
                    yield [head, *body, tail], _numbered(_prefix(body), 0)
                return
            blocks.append(block)
            size += len(block)
            if size >= wanted:
                cut = block.rfind(close_row)
                if cut >= 0:
                    cut += len(close_row)
                    blocks[-1] = block[:cut]
                    yield [head, *blocks, tail], _numbered(_prefix(blocks), 0)
                    blocks, size = [block[cut:]], len(block) - cut
                    wanted = part_bytes
                elif size > 64 * part_bytes:
                    raise _Unsplittable("huge row")
            previous = block
            block = fh.read(BLOCK)
            if not block:
                raise _Unsplittable("truncated")  # the whole-sheet read reports it properly


def _prefix(pieces: list[bytes], size: int = 64 * 1024) -> bytes:
    """The first ``size`` bytes of the pieces (enough to see a row's opening tags)."""
    out = b""
    for piece in pieces:
        out += piece[:size - len(out)]
        if len(out) >= size:
            break
    return out


def _numbered(xml: bytes, start: int) -> bool:
    """Whether the part's first row (or its first cell) says where it is: then calamine's row
    numbers are the sheet's; otherwise they count from the part's own first row."""
    first = _FIRST_ROW.match(xml, start)
    return first is not None and any(_R_ATTRIBUTE.search(attrs) for attrs in first.groups() if attrs)


def _parse(pieces: list[bytes], member: str, members: dict[str, bytes],
           sheet_name: str) -> tuple[int, int, list[list[Any]]]:
    """One part, parsed by python-calamine (the parse itself runs without the GIL): its first
    filled row and column, and its rows from there."""
    from python_calamine import CalamineWorkbook

    package = _stored_package([*((name, [data]) for name, data in members.items()), (member, pieces)])
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(package)).get_sheet_by_name(sheet_name)
    rows = sheet.to_python()  # from the first filled row and column
    first_row, first_col = (sheet.start or (0, 0)) if rows else (0, 0)
    return first_row, first_col, rows


def _stored_package(files: list[tuple[str, list[bytes]]]) -> bytes:
    """A zip archive holding ``files`` (name, content in pieces) stored uncompressed, built with
    one copy of the contents. Contents over 2 GiB go through ``zipfile`` (zip64)."""
    if sum(len(piece) for _, pieces in files for piece in pieces) > zipfile.ZIP64_LIMIT:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
            for name, pieces in files:
                archive.writestr(name, b"".join(pieces))
        return buffer.getvalue()
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, pieces in files:
        encoded = name.encode("utf-8")
        flags = 0 if encoded.isascii() else 0x800  # UTF-8 name
        crc = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
        size = sum(map(len, pieces))
        fields = struct.pack("<HHHHHIIIH", 20, flags, 0, 0, 0x21, crc, size, size, len(encoded))
        out += [b"PK\x03\x04", fields, b"\0\0", encoded, *pieces]
        directory += [b"PK\x01\x02\x14\0", fields, struct.pack("<HHHHII", 0, 0, 0, 0, 0, offset), encoded]
        offset += 30 + len(encoded) + size
    listed = b"".join(directory)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(files), len(files), len(listed), offset, 0)
    return b"".join([*out, listed, end])


def _yield_to_caller() -> None:
    """Parsers run at a lower priority (Linux: per thread), so the thread importing the rows is
    never the one that waits for a core; the parsers use whatever is left."""
    if hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
        except OSError:
            pass


_END = object()
_WHOLE = object()  # the rest of the sheet must be read whole


def _rows(archive: zipfile.ZipFile, member: str, members: dict[str, bytes], sheet_name: str,
          part_bytes: int, guard: Guard | None = None,
          before_whole: Callable[[], None] | None = None) -> Iterator[list[Any]]:
    """Cut (on a producer thread) and parse (on a pool) the parts, handing out their rows in order."""
    path = archive.filename
    count = workers()
    pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="xlsx-part", initializer=_yield_to_caller)
    ready: queue.Queue[Any] = queue.Queue(maxsize=count + 1)  # bounds how much is read ahead
    stop = threading.Event()

    def offer(item: Any) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            first = True
            for pieces, numbered in _cut(archive, member, part_bytes):
                if guard is not None:
                    try:
                        for piece in (pieces if first else pieces[1:-1]):  # the head and tail repeat
                            guard.feed(piece)
                    except Exception as exc:  # the file refused: no part after this one is parsed
                        offer(_Refused(exc))
                        return
                    first = False
                if not offer((numbered, pool.submit(_parse, pieces, member, members, sheet_name))):
                    return
            offer(_END)
        except Exception:
            offer(_WHOLE)  # … the whole-sheet read takes over (and reports a broken file properly)
        finally:
            archive.close()

    producer = threading.Thread(target=produce, name="xlsx-cut", daemon=True)
    producer.start()
    emitted = 0  # rows handed out so far: the next row's index in the sheet
    try:
        while True:
            item = ready.get()
            if item is _END:
                return
            if item is _WHOLE:
                break
            if isinstance(item, _Refused):
                raise item.error
            numbered, future = item
            first_row, first_col, rows = future.result()
            if not rows:
                continue
            gap = max(first_row - emitted if numbered else first_row, 0)
            for _ in range(gap):
                yield []
            if first_col:
                pad = [""] * first_col
                rows = [pad + row for row in rows]
            emitted += gap + len(rows)
            yield from rows
    finally:
        stop.set()
        while True:
            try:
                item = ready.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, tuple):
                item[1].cancel()
        pool.shutdown(wait=False, cancel_futures=True)
    if before_whole is not None:
        before_whole()
    yield from islice(whole_sheet(path, sheet_name), emitted, None)


def whole_sheet(path: str | os.PathLike[str] | None, sheet_name: str) -> Iterator[list[Any]]:
    """The sheet read whole by python-calamine, rows and columns numbered from A1 as above."""
    from python_calamine import CalamineWorkbook

    return from_column_a(CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet_name))


def from_column_a(sheet: Any) -> Iterator[list[Any]]:
    """A calamine sheet's rows (those before the first filled one come out empty, so row i is
    row i + 1), padded so that the first cell is column A even when the sheet's first filled
    column is further right."""
    rows = sheet.iter_rows()
    first_col = sheet.start[1] if sheet.height else 0
    if not first_col:
        return rows
    pad = [""] * first_col
    return (pad + row for row in rows)
