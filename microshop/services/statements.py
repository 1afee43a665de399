"""Statement import as an upsert in one transaction, with status history and undo.

A line is identified by (platform, order no, line key). Seen again with other values it is
updated and its previous state kept in ``statement_line_history`` (so the import can be undone);
seen again unchanged it is left alone; nothing is ever duplicated.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from datetime import datetime
from itertools import repeat
from operator import methodcaller
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Index, Table, delete, select, update
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex

from microshop.domain.enums import LineStatus
from microshop.domain.timeutil import utcnow
from microshop.errors import UserError
from microshop.i18n import localized, tr
from microshop.importers.statements import (
    LINE_FIELDS,
    Adjustment,
    Line,
    LineColumns,
    ParsedStatement,
    RowIssue,
    StatementReader,
    UnknownStatuses,
    parse_statement,
)
from microshop.importers.statements.mapping import MappedImporter, header_signature
from microshop.services.bulk import gc_paused
from microshop.services.progress import Progress
from microshop.store.database import affected, raw_connection
from microshop.store.models import (
    ColumnMapping,
    Setting,
    StatementAdjustment,
    StatementImport,
    StatementLine,
    StatementLineHistory,
)

# Fields an import may change on an existing line (compared to decide updated/unchanged).
MUTABLE = (
    "sub_order_no", "parent_order_no", "product_id", "product_title", "quantity", "paid_fen",
    "estimated_fen", "settled_fen", "status", "raw_status", "created_at", "settled_at",
)
RESTORED = (*MUTABLE, "last_import_id", "source_file", "source_row")  # a stored line's state an import may change


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _reporter(progress: Progress, reading: bool) -> Callable[[int, int], None]:
    def on_row(n: int, total: int) -> None:
        if reading:
            text = (tr("正在读取第 {n:,} 行（共约 {total:,} 行）…", n=n, total=total) if total
                    else tr("正在读取第 {n:,} 行…", n=n))
        else:
            text = (tr("正在导入第 {n:,} 行（共约 {total:,} 行）…", n=n, total=total) if total
                    else tr("正在导入第 {n:,} 行…", n=n))
        progress.update(n, total, text)
    return on_row


STATUS_MAP_KEY = "status_map.{platform}"


def load_status_map(session: Session, platform: str) -> dict[str, str]:
    """The user's remembered meanings of status words for a platform (word → canonical status)."""
    row = session.get(Setting, STATUS_MAP_KEY.format(platform=platform))
    return {} if row is None else dict(json.loads(row.value_json))


def save_status_map(session: Session, platform: str, mapping: dict[str, str]) -> dict[str, str]:
    """Remember what status words mean for a platform (merged with what was remembered)."""
    bad = [w for w, v in mapping.items() if v not in {s.value for s in LineStatus}]
    if bad:
        raise UserError(tr("状态“{word}”的意思不对，可选：付款、收货、结算、失效。", word=bad[0]))
    merged = load_status_map(session, platform) | mapping
    key = STATUS_MAP_KEY.format(platform=platform)
    row = session.get(Setting, key)
    text = json.dumps(merged, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=key, value_json=text))
    else:
        row.value_json = text
    session.flush()
    return merged


def _status_map(session: Session, reader_platform: str, given: dict[str, str] | None) -> dict[str, str]:
    return load_status_map(session, reader_platform) | (given or {})


@gc_paused()
def preview_statement(session: Session, path: Path, platform: str | None = None,
                      progress: Progress | None = None, status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """What importing would do, without writing: platform, rows, new/updated/unchanged, warnings,
    and the status words nobody has said the meaning of yet (``unknown_statuses``: word → rows)."""
    on_row = _reporter(progress, reading=True) if progress else None
    head = StatementReader(path, platform, load_mappings(session))
    known = _status_map(session, head.importer.platform, status_map)
    parsed = parse_statement(path, platform, on_row=on_row, mappings=load_mappings(session), status_map=known)
    existing = _existing(session, parsed)
    added = updated = unchanged = 0
    for line in _dedupe(parsed.lines):
        old = existing.get((line.order_no, line.line_key))
        if old is None:
            added += 1
        elif _changes(old, line):
            updated += 1
        else:
            unchanged += 1
    return {
        "platform": parsed.importer.platform, "importer": localized(parsed.importer.label), "rows": parsed.rows,
        "added": added, "updated": updated, "unchanged": unchanged,
        "adjustments": len(parsed.adjustments),
        "skipped": [{"row": s.row, "reason": s.reason} for s in parsed.skipped],
        "unknown_statuses": dict(parsed.unknown_statuses),
        "lines": parsed.lines[:500],
        "month": main_month(line.created_at for line in parsed.lines),
    }


def main_month(times: Any) -> str | None:
    """The month (``YYYY-MM``, Shanghai) most of these times fall in: the month a statement file
    covers, which 对账 switches to after importing it."""
    from collections import Counter

    from microshop.domain.timeutil import SHANGHAI

    months = Counter(t.astimezone(SHANGHAI).strftime("%Y-%m") for t in times if t is not None)
    return months.most_common(1)[0][0] if months else None


@gc_paused()
def import_statement(session: Session, path: Path, platform: str | None = None,
                     progress: Progress | None = None, status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """Import a statement file; returns the CLI contract (platform, rows, added, updated, …).

    The file is read and saved a few thousand rows at a time inside the caller's transaction,
    so a refused file, an error or a cancel part-way leaves the database as it was. Status words
    the importer does not know take their meaning from ``status_map`` (remembered for the
    platform) or the remembered ones; any word left unknown refuses the whole file
    (``UnknownStatuses``), as does a file none of whose rows could be read.
    """
    path = Path(path)
    reader = StatementReader(path, platform, load_mappings(session))
    importer = reader.importer
    if status_map:
        save_status_map(session, importer.platform, status_map)
    reader.status_map = _status_map(session, importer.platform, status_map)
    record = StatementImport(
        platform_key=importer.platform, importer=importer.key, file_name=path.name,
        file_sha256=file_sha256(path), rows=0, skipped=0,
    )
    session.add(record)
    session.flush()
    on_row = _reporter(progress, reading=False) if progress else None
    writer = _LineWriter(session, record)
    adjustments: list[Adjustment] = []
    skipped: list[RowIssue] = []
    rows = 0
    unknown: dict[str, int] = {}
    for chunk in reader.chunks(on_row):
        rows += chunk.rows
        skipped.extend(chunk.skipped)
        adjustments.extend(chunk.adjustments)
        for word, n in chunk.unknown.items():
            unknown[word] = unknown.get(word, 0) + n
        if chunk.lines is not None and len(chunk.lines) and not unknown:
            writer.write(chunk.lines)
    if rows == 0:
        raise UserError(tr("“{name}”表头下面没有订单行。", name=path.name))
    if unknown:
        raise UnknownStatuses(path.name, unknown)
    if len(skipped) == rows:
        reasons = "；".join(tr("第 {row} 行：{reason}", row=s.row, reason=s.reason) for s in skipped[:3])
        raise UserError(tr("“{name}”的 {rows} 行都没能读入，没有导入任何内容（{reasons}）。请检查文件是否完整、选的平台是否正确。",
                           name=path.name, rows=rows, reasons=reasons))
    writer.finish()
    record.rows, record.skipped = rows, len(skipped)
    if adjustments:
        record.added, record.updated = _upsert_adjustments(session, adjustments, record.id)
    else:
        record.added, record.updated, record.unchanged = writer.added, writer.updated, writer.unchanged
    session.flush()
    return {
        "platform": importer.platform,
        "rows": rows,
        "added": record.added,
        "updated": record.updated,
        "unchanged": record.unchanged,
        "skipped": [{"row": s.row, "reason": s.reason} for s in skipped],
        "import_id": record.id,
    }


def _dedupe(lines: list[Line]) -> list[Line]:
    """The same line twice in one file: the later row wins (exports list newest last)."""
    by_key: dict[tuple[str, str], Line] = {}
    for line in lines:
        by_key[(line.order_no, line.line_key)] = line
    return list(by_key.values())


def _existing(session: Session, parsed: ParsedStatement) -> dict[tuple[str, str], dict[str, Any]]:
    return _existing_rows(session, parsed.importer.platform, {line.order_no for line in parsed.lines})


def _existing_rows(session: Session, platform: str, order_nos: set[str]) -> dict[tuple[str, str], dict[str, Any]]:
    """Stored lines of ``platform`` with one of ``order_nos``, by (order no, line key)."""
    cols = [StatementLine.id, StatementLine.order_no, StatementLine.line_key] + [
        getattr(StatementLine, f) for f in RESTORED
    ]
    out: dict[tuple[str, str], dict[str, Any]] = {}
    numbers = sorted(order_nos)
    for i in range(0, len(numbers), 900):
        stmt = select(*cols).where(
            StatementLine.platform_key == platform, StatementLine.order_no.in_(numbers[i : i + 900])
        )
        for row in session.execute(stmt).mappings():
            out[(row["order_no"], row["line_key"])] = dict(row)
    return out


def _changes(old: dict[str, Any], line: Line) -> dict[str, Any]:
    new = line.__dict__
    return {f: new[f] for f in MUTABLE if old[f] != new[f]}


def _jsonable(values: dict[str, Any]) -> str:
    return json.dumps(
        {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in values.items()},
        ensure_ascii=False,
    )


class _LineWriter:
    """Upserts chunks of lines into the session's transaction.

    New lines go in with one raw ``executemany`` per chunk (the hot path of a first import);
    a line already stored is compared with what the file says: changed lines are updated with
    their previous state kept in the history, unchanged ones are left alone. When a file lists a
    line twice the later row wins, also across chunks, and it is still counted once.
    """

    def __init__(self, session: Session, record: StatementImport) -> None:
        self.session = session
        self.record = record
        self.platform = record.platform_key
        self.raw = raw_connection(session)  # the session's own transaction
        self.fields = [f for f in LINE_FIELDS if f in StatementLine.__table__.columns]
        self.added = self.updated = self.unchanged = 0
        self.inserted: set[tuple[str, str]] = set()  # keys this import added
        self.before: dict[tuple[str, str], tuple[dict[str, Any], bool]] = {}  # stored lines met: (old, changed)
        self.stored = session.scalar(
            select(StatementLine.id).where(StatementLine.platform_key == self.platform).limit(1)
        ) is not None
        # Into an empty table (a first import, often a whole history), the secondary indexes are
        # built once at the end instead of row by row: a third faster. It is all one transaction,
        # so a failure or a cancel leaves them exactly as they were.
        self.deferred: list[Index] = []
        if session.scalar(select(StatementLine.id).limit(1)) is None:
            self.deferred = sorted(cast(Table, StatementLine.__table__).indexes, key=lambda i: str(i.name))
            for index in self.deferred:
                self.raw.execute(f"DROP INDEX IF EXISTS {index.name}")

    def finish(self) -> None:
        """Rebuild the indexes deferred for a first import (SQLite may sort on helper threads)."""
        if not self.deferred:
            return
        self.raw.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
        try:
            for index in self.deferred:
                self.raw.execute(str(CreateIndex(index).compile(dialect=self.session.get_bind().dialect)))
        finally:
            self.raw.execute("PRAGMA threads = 0")
        self.deferred = []

    def write(self, lines: LineColumns) -> None:
        cols = lines.columns
        keys = list(zip(cols["order_no"], cols["line_key"]))
        last = dict(zip(keys, range(len(keys))))  # a key twice in the chunk: the later row wins
        existing = _existing_rows(self.session, self.platform, set(cols["order_no"])) if self.stored else {}
        if len(last) == len(keys) and not existing and self.inserted.isdisjoint(keys):
            self._insert(cols, None)
            self.inserted.update(keys)
            self.added += len(keys)
            return
        new_rows: list[int] = []
        all_lines = lines.lines()
        for key, i in last.items():
            if key in self.inserted:
                self._overwrite_added(all_lines[i])
            elif key in self.before:  # a stored line this file already listed
                self._update_stored(key, None, all_lines[i])
            elif key in existing:
                self._update_stored(key, existing[key], all_lines[i])
            else:
                new_rows.append(i)
                self.inserted.add(key)
        if new_rows:
            self._insert(cols, new_rows)
            self.added += len(new_rows)

    def _insert(self, cols: dict[str, list[Any]], rows: list[int] | None) -> None:
        # Binding None costs the driver an adapter lookup that fails (a third of a microsecond,
        # more than binding a value): a column with nothing in it is left out of the INSERT, and
        # one with many gaps sends '' for them, turned back into NULL by SQLite (never a value:
        # blank cells are read as None, and a column holding '' keeps its None as they are).
        names: list[str] = []
        places: list[str] = []
        columns: list[list[Any]] = []
        for f in self.fields:
            column = cols[f]
            if rows is not None:
                column = [column[i] for i in rows]
            gaps = column.count(None)
            if gaps == len(column):
                continue
            if f in ("created_at", "settled_at"):  # SQLAlchemy's text form for UTCDateTime: naive UTC
                column = _db_times(column)
            names.append(f)
            if gaps * 10 > len(column) and "" not in column:
                column = ["" if v is None else v for v in column]
                places.append("NULLIF(?, '')")
            else:
                places.append("?")
            columns.append(column)
        n = len(columns[0])
        record = self.record
        sql = (f"INSERT INTO statement_lines ({', '.join(names)}, first_import_id, last_import_id, source_file) "
               f"VALUES ({', '.join(places)}, ?, ?, ?)")
        self.raw.executemany(sql, zip(*columns, repeat(record.id, n), repeat(record.id, n), repeat(record.file_name, n)))

    def _values(self, line: Line) -> dict[str, Any]:
        return {f: getattr(line, f) for f in MUTABLE}

    def _overwrite_added(self, line: Line) -> None:
        """A line this import added, listed again later in the file."""
        self.session.execute(update(StatementLine).where(
            StatementLine.platform_key == self.platform, StatementLine.order_no == line.order_no,
            StatementLine.line_key == line.line_key,
        ).values(**self._values(line), source_row=line.source_row))

    def _update_stored(self, key: tuple[str, str], old: dict[str, Any] | None, line: Line) -> None:
        """A line stored before this import: compared with its state before the import."""
        met = old is None
        if met:  # listed again later in the file: undo what the earlier row counted and recorded
            old, was_changed = self.before[key]
            if was_changed:
                self.updated -= 1
                self.session.execute(delete(StatementLineHistory).where(
                    StatementLineHistory.line_id == old["id"], StatementLineHistory.import_id == self.record.id))
            else:
                self.unchanged -= 1
        assert old is not None
        changes = _changes(old, line)
        self.before[key] = (old, bool(changes))
        if not changes:
            self.unchanged += 1
            if met:  # back to exactly what was stored before
                self.session.execute(update(StatementLine).where(StatementLine.id == old["id"]).values(
                    **{f: old[f] for f in RESTORED}))
            return
        before = {f: old[f] for f in MUTABLE} | {"last_import_id": None, "source_row": None}
        self.session.add(StatementLineHistory(
            line_id=old["id"], import_id=self.record.id, status=line.status, raw_status=line.raw_status,
            before_json=_jsonable(before),
        ))
        self.session.execute(
            update(StatementLine).where(StatementLine.id == old["id"]).values(
                **changes, last_import_id=self.record.id, source_file=self.record.file_name,
                source_row=line.source_row,
            )
        )
        self.updated += 1


_DB_TIME = methodcaller("isoformat", " ", "microseconds")


def _db_times(column: list[datetime | None]) -> list[str | None]:
    """Naive UTC datetimes in the exact text form SQLAlchemy stores for ``UTCDateTime``
    (``YYYY-MM-DD HH:MM:SS.ffffff``), so rows written raw read back like every other row."""
    if None not in column:
        return list(map(_DB_TIME, column))
    return [None if t is None else _DB_TIME(t) for t in column]


def _upsert_adjustments(session: Session, items: list[Adjustment], import_id: int) -> tuple[int, int]:
    added = updated = 0
    for adj in items:
        row = session.scalar(select(StatementAdjustment).where(
            StatementAdjustment.platform_key == adj.platform_key,
            StatementAdjustment.sub_order_no == adj.sub_order_no,
            StatementAdjustment.kind == "refund",
        ))
        # occurred_at: when the claim was first seen succeeding, i.e. the month the clawback lands.
        if row is None:
            session.add(StatementAdjustment(
                platform_key=adj.platform_key, kind="refund", order_no=adj.order_no,
                sub_order_no=adj.sub_order_no, status=adj.status, refund_fen=adj.refund_fen,
                clawback_fen=adj.clawback_fen, import_id=import_id,
                occurred_at=utcnow() if adj.status == "维权成功" else None,
            ))
            added += 1
        elif (row.status, row.refund_fen, row.clawback_fen) != (adj.status, adj.refund_fen, adj.clawback_fen):
            if adj.status == "维权成功" and row.status != "维权成功":
                row.occurred_at = utcnow()
            row.status, row.refund_fen, row.clawback_fen = adj.status, adj.refund_fen, adj.clawback_fen
            updated += 1
    return added, updated


def undo_import(session: Session, import_id: int) -> dict[str, int]:
    """Undo one import: remove the lines it added and restore the lines it changed.

    Refused when a later import changed the same lines (undo that one first).
    """
    record = session.get(StatementImport, import_id)
    if record is None:
        raise UserError(tr("没有编号为 {import_id} 的导入记录。", import_id=import_id))
    if record.undone_at is not None:
        raise UserError(tr("这次导入已经撤销过了。"))
    touched_later = session.scalar(
        select(StatementLine.id).where(
            StatementLine.last_import_id.is_not(None), StatementLine.last_import_id > import_id,
            (StatementLine.first_import_id == import_id)
            | StatementLine.id.in_(select(StatementLineHistory.line_id).where(StatementLineHistory.import_id == import_id)),
        ).limit(1)
    )
    if touched_later is not None:
        raise UserError(tr("之后的导入又修改了这些账单行，请先撤销之后的导入，再撤销这一次。"))
    restored = 0
    for hist in session.scalars(select(StatementLineHistory).where(StatementLineHistory.import_id == import_id)):
        before = json.loads(hist.before_json or "{}")
        values = {k: (datetime.fromisoformat(v) if k.endswith("_at") and v else v) for k, v in before.items() if k in MUTABLE}
        previous = session.scalar(
            select(StatementLineHistory.import_id).where(
                StatementLineHistory.line_id == hist.line_id, StatementLineHistory.import_id < import_id
            ).order_by(StatementLineHistory.import_id.desc()).limit(1)
        )
        first = session.scalar(select(StatementLine.first_import_id).where(StatementLine.id == hist.line_id))
        session.execute(update(StatementLine).where(StatementLine.id == hist.line_id).values(
            **values, last_import_id=previous or first))
        restored += 1
    session.execute(delete(StatementLineHistory).where(StatementLineHistory.import_id == import_id))
    removed = affected(session.execute(delete(StatementLine).where(StatementLine.first_import_id == import_id)))
    session.execute(delete(StatementAdjustment).where(StatementAdjustment.import_id == import_id))
    record.undone_at = utcnow()
    return {"removed": removed, "restored": restored}


def load_mappings(session: Session) -> dict[str, tuple[str, dict[str, str]]]:
    """The user's remembered column mappings, by header signature."""
    return {
        m.header_signature: (m.platform_key, json.loads(m.mapping_json))
        for m in session.scalars(select(ColumnMapping))
    }


def save_mapping(session: Session, header: list[Any], platform: str, mapping: dict[str, str]) -> None:
    """Remember a column mapping for files with this header (validated first)."""
    MappedImporter(platform, mapping)  # raises UserError when a required column is missing
    signature = header_signature(header)
    row = session.scalar(select(ColumnMapping).where(ColumnMapping.header_signature == signature))
    text = json.dumps(mapping, ensure_ascii=False)
    if row is None:
        session.add(ColumnMapping(header_signature=signature, platform_key=platform, mapping_json=text))
    else:
        row.platform_key, row.mapping_json = platform, text
    session.flush()


# --------------------------------------------------------------------------- operations
# One function per user action on 账单: each opens and closes its own session (the GUI runs them
# on the task runner, the CLI calls them directly).

def preview_file(db: Any, path: Path, platform: str | None = None, progress: Progress | None = None,
                 status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """导入账单 → the preview (nothing written)."""
    with db.session() as session:
        return preview_statement(session, Path(path), platform, progress, status_map)


def import_file(db: Any, path: Path, platform: str | None = None, progress: Progress | None = None,
                status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """导入账单: one transaction, marked as a long write while it runs."""
    with db.operation(tr("导入账单 {name}", name=Path(path).name)), db.session() as session:
        return import_statement(session, Path(path), platform, progress, status_map=status_map or None)


def undo(db: Any, import_id: int) -> dict[str, int]:
    """撤销导入: an automatic backup first, then the undo (refused if a later import depends on it)."""
    db.backup("undo")
    with db.session() as session:
        return undo_import(session, import_id)


def remember_mapping(db: Any, header: list[Any], platform: str, mapping: dict[str, str]) -> None:
    """自定义列对应: remembered for files with the same header."""
    with db.session() as session:
        save_mapping(session, header, platform, mapping)


# --------------------------------------------------------------------------- a process of its own
# A big statement read in the GUI's process competes with the GUI thread for Python's GIL: the
# window stutters for a few hundred milliseconds at a time (benchmarks/bench_gui.py). Above
# APART_BYTES the GUI runs the preview and the import in a child process on the same book; the
# child reports progress, honours 取消 and hands back the result, a refusal or its bug.

APART_BYTES = 2 * 1024 * 1024


def worth_a_process(path: Path) -> bool:
    """A file big enough that reading it apart pays for starting a process (about a second)."""
    try:
        return Path(path).stat().st_size >= APART_BYTES
    except OSError:
        return False


def preview_file_apart(db: Any, path: Path, platform: str | None = None, progress: Progress | None = None,
                       status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """``preview_file`` in a child process (same answer)."""
    return _apart("preview_file", db, (str(path), platform), {"status_map": status_map}, progress)


def import_file_apart(db: Any, path: Path, platform: str | None = None, progress: Progress | None = None,
                      status_map: dict[str, str] | None = None) -> dict[str, Any]:
    """``import_file`` in a child process: one transaction there, so a cancel or a crash of the
    child leaves the book as it was."""
    return _apart("import_file", db, (str(path), platform), {"status_map": status_map}, progress)


def _apart(name: str, db: Any, args: tuple[Any, ...], kwargs: dict[str, Any], progress: Progress | None) -> Any:
    import multiprocessing
    import queue as queues

    from microshop.errors import Cancelled

    context = multiprocessing.get_context("spawn")  # never fork a multi-threaded (Qt) process
    messages = context.Queue()
    cancel = context.Event()
    child = context.Process(target=_child, args=(name, str(db.path), args, kwargs, messages, cancel),
                            name=f"microshop-{name}", daemon=True)
    child.start()
    try:
        while True:
            try:
                kind, payload = messages.get(timeout=0.2)
            except queues.Empty:
                if progress is not None and progress.cancelled:
                    cancel.set()
                if not child.is_alive() and messages.empty():
                    raise RuntimeError(tr("读取账单的子进程意外退出（退出码 {code}）。", code=child.exitcode)) from None
                continue
            if kind == "progress":
                if progress is not None:
                    try:
                        progress.update(*payload)
                    except Cancelled:
                        cancel.set()
            elif kind == "done":
                return payload
            elif kind == "refused":
                raise payload  # the child's UserError, its message already in the user's language
            elif kind == "cancelled":
                raise Cancelled()
            else:
                raise RuntimeError(tr("读取账单的子进程出错：\n{trace}", trace=payload))
    finally:
        child.join(timeout=30)
        if child.is_alive():
            child.terminate()
        messages.close()


def _child(name: str, db_path: str, args: tuple[Any, ...], kwargs: dict[str, Any], messages: Any, cancel: Any) -> None:
    """The child's side: open the book, run ``name`` with a progress that relays and cancels."""
    import time
    import traceback

    from microshop.errors import Cancelled
    from microshop.store.database import Database

    last = [0.0]

    def relay(done: int, total: int, message: str) -> None:
        if cancel.is_set():
            raise Cancelled()
        now = time.monotonic()
        if now - last[0] >= 0.1:
            last[0] = now
            messages.put(("progress", (done, total, message)))

    if hasattr(os, "nice"):
        try:
            os.nice(5)  # the window that waits for this is the one the user is looking at
        except OSError:
            pass
    db = None
    try:
        db = Database.open(Path(db_path))
        path, platform = args
        result = globals()[name](db, Path(path), platform, Progress(on_update=relay), **kwargs)
        messages.put(("done", result))
    except Cancelled:
        messages.put(("cancelled", None))
    except UserError as exc:
        messages.put(("refused", exc))
    except BaseException:
        messages.put(("bug", traceback.format_exc()))
    finally:
        if db is not None:
            db.close()
