"""Reading a statement file: its importer detected from the first rows, then the rest parsed a
chunk and a column at a time (a statement can hold 100,000 lines)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from microshop.errors import UserError
from microshop.i18n import tr
from microshop.importers.statements.columns import HEADER_SCAN_ROWS, Chunk, LineColumns, ParsedStatement, RowIssue
from microshop.importers.statements.detection import PLATFORM_CHOICES, TOTAL_WORDS, _detect_with_mappings
from microshop.importers.table import (
    cell_text,
    iter_table,
    row_count_hint,
)

CHUNK_ROWS = 5000  # rows parsed and saved at a time: bounded memory, regular progress


class StatementReader:
    """A statement file opened for import: its importer is detected from the first rows (an
    unrecognisable or ambiguous file raises UserError), then ``chunks()`` parses the rest a few
    thousand rows at a time, so even a 100,000-line export never needs a second copy in memory.

    ``mappings`` (header signature → (platform, field → header)) are the user's remembered
    column mappings; one is used when no built-in importer claims the file.
    """

    def __init__(self, path: Path, platform: str | None = None,
                 mappings: dict[str, tuple[str, dict[str, str]]] | None = None,
                 status_map: dict[str, str] | None = None) -> None:
        self.path = path = Path(path)
        self.status_map = dict(status_map or {})
        if platform is not None and platform not in PLATFORM_CHOICES and not mappings:
            raise UserError(tr("未知的平台“{platform}”，可选：{choices}。", platform=platform, choices='、'.join(PLATFORM_CHOICES)))
        self._rows: Iterator[list[Any]] = iter_table(path)
        head: list[list[Any]] = []
        for row in self._rows:
            head.append(row)
            if len(head) >= HEADER_SCAN_ROWS:
                break
        if not any(any(cell_text(c) for c in r) for r in head):
            raise UserError(tr("“{name}”里没有任何数据。", name=path.name))
        self.importer, self.header_index, self.cols = _detect_with_mappings(head, platform, path.name, mappings or {})
        self._head = head
        self.total_rows = row_count_hint(path)  # about how many rows the file has (None: unknown)

    def chunks(self, on_row: Callable[[int, int], None] | None = None, size: int | None = None) -> Iterator[Chunk]:
        """The data rows in chunks of ``size`` (default ``CHUNK_ROWS``) rows of the file (blank,
        “--”-only and 总计/合计 rows are not data rows). ``on_row(n, total)`` hears the row reached
        and the estimated row count (at least ``n``; 0 when unknown) after each chunk."""
        size = size or CHUNK_ROWS
        importer, cols = self.importer, self.cols
        number = self.header_index + 1  # the file's row number of the last row read
        pending = self._head[self.header_index + 1:]
        rows_iter = self._rows
        while True:
            if len(pending) < size:
                pending.extend(islice(rows_iter, size - len(pending)))
            block, pending = pending[:size], pending[size:]
            if not block:
                return
            numbers = list(range(number + 1, number + 1 + len(block)))
            number += len(block)
            rows, numbers = _data_rows(block, numbers)
            if on_row is not None:
                on_row(number, max(self.total_rows or 0, number) if self.total_rows else 0)
            if not rows:
                continue
            batch = importer.batch(rows, numbers, cols, self.status_map)
            out = importer.convert_batch(batch)
            skipped = [RowIssue(batch.numbers[i], reason) for i, reason in sorted(batch.errors.items())]
            if isinstance(out, LineColumns):
                yield Chunk(len(rows), out, [], skipped, batch.unknown)
            else:
                yield Chunk(len(rows), None, out, skipped, batch.unknown)


def _data_rows(rows: list[list[Any]], numbers: list[int]) -> tuple[list[list[Any]], list[int]]:
    """Leave out blank rows, rows of “--” and blanks only, and 总计/合计/汇总 rows.

    Only rows whose first cell is not plainly filled, or whose first three cells mention 计/汇,
    are looked at closely; every other row is data.
    """
    width = min(map(len, rows))
    firsts = list(map(itemgetter(0), rows)) if width else [r[0] if r else None for r in rows]
    suspects: set[int] = set()
    if not _plain_texts(firsts):
        suspects.update(
            i for i, v in enumerate(firsts)
            if (v.__class__ is str and (len(t := v.strip()) < 5 or t[0] == "'" or "计" in t or "汇" in t))
            or v is None or v != v  # None or NaN
        )
    for c in (1, 2):
        column = list(map(itemgetter(c), rows)) if c < width else [r[c] if c < len(r) else None for r in rows]
        if set(map(type, column)) == {str} and not _mentions_total("\n".join(cast("list[str]", column))):
            continue
        suspects.update(i for i, v in enumerate(column) if v.__class__ is str and ("计" in v or "汇" in v))
    if not suspects:
        return rows, numbers
    keep = [i for i in range(len(rows)) if i not in suspects or _is_data_row(rows[i])]
    return [rows[i] for i in keep], [numbers[i] for i in keep]


def _mentions_total(text: str) -> bool:
    return "计" in text or "汇" in text


def _plain_texts(column: list[Any]) -> bool:
    """Every cell a text of 5+ characters (stripped), none quoted, none mentioning 计/汇: the
    usual first column of a data row (an order number or a time), checked a column at a time."""
    if set(map(type, column)) != {str}:
        return False
    stripped = list(map(str.strip, column))
    if min(map(len, stripped), default=0) < 5:
        return False
    joined = "\n".join(stripped)
    return not joined.startswith("'") and "\n'" not in joined and not _mentions_total(joined)


def _is_data_row(row: list[Any]) -> bool:
    if all(c is None or c == "" for c in row):
        return False
    if any(isinstance(c, str) and cell_text(c).startswith(TOTAL_WORDS) for c in row[:3]):
        return False
    return bool(cell_text(row[0])) or any(cell_text(c) for c in row)


def parse_statement(path: Path, platform: str | None = None,
                    on_row: Callable[[int, int], None] | None = None,
                    mappings: dict[str, tuple[str, dict[str, str]]] | None = None,
                    status_map: dict[str, str] | None = None) -> ParsedStatement:
    """Read a whole statement file into canonical lines (for previews and tests); refuses
    unrecognisable or mangled files. Imports stream the file with ``StatementReader`` instead."""
    reader = StatementReader(path, platform, mappings, status_map)
    result = ParsedStatement(reader.importer)
    for chunk in reader.chunks(on_row):
        result.rows += chunk.rows
        if chunk.lines is not None:
            result.lines.extend(chunk.lines.lines())
        result.adjustments.extend(chunk.adjustments)
        result.skipped.extend(chunk.skipped)
        for word, n in chunk.unknown.items():
            result.unknown_statuses[word] = result.unknown_statuses.get(word, 0) + n
    if result.rows == 0:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=reader.path.name))
    return result
