"""Statement import as an upsert in one transaction, with status history and undo.

A line is identified by (platform, order no, line key). Seen again with other values it is
updated and its previous state kept in ``statement_line_history`` (so the import can be undone);
seen again unchanged it is left alone; nothing is ever duplicated.
"""

from __future__ import annotations

import hashlib
import json
from operator import attrgetter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from microshop.domain.timeutil import utcnow
from microshop.errors import UserError
from microshop.importers.mapping import MappedImporter, header_signature
from microshop.importers.statements import Adjustment, Line, ParsedStatement, parse_statement
from microshop.services.progress import Progress
from microshop.store.models import (
    ColumnMapping,
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
BATCH = 2000


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def preview_statement(session: Session, path: Path, platform: str | None = None) -> dict[str, Any]:
    """What importing would do, without writing: platform, rows, new/updated/unchanged, warnings."""
    parsed = parse_statement(path, platform, mappings=load_mappings(session))
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
        "platform": parsed.importer.platform, "importer": parsed.importer.label, "rows": parsed.rows,
        "added": added, "updated": updated, "unchanged": unchanged,
        "adjustments": len(parsed.adjustments),
        "skipped": [{"row": s.row, "reason": s.reason} for s in parsed.skipped],
        "lines": parsed.lines[:500],
    }


def import_statement(session: Session, path: Path, platform: str | None = None,
                     progress: Progress | None = None) -> dict[str, Any]:
    """Import a statement file; returns the CLI contract (platform, rows, added, updated, …)."""
    path = Path(path)
    on_row = (lambda n: progress.update(n, 0, f"正在读取第 {n} 行…")) if progress else None
    parsed = parse_statement(path, platform, on_row=on_row, mappings=load_mappings(session))
    record = StatementImport(
        platform_key=parsed.importer.platform, importer=parsed.importer.key, file_name=path.name,
        file_sha256=file_sha256(path), rows=parsed.rows, skipped=len(parsed.skipped),
    )
    session.add(record)
    session.flush()
    if parsed.adjustments:
        record.added, record.updated = _upsert_adjustments(session, parsed.adjustments, record.id)
    else:
        record.added, record.updated, record.unchanged = _upsert_lines(session, parsed, record, progress)
    session.flush()
    return {
        "platform": parsed.importer.platform,
        "rows": parsed.rows,
        "added": record.added,
        "updated": record.updated,
        "unchanged": record.unchanged,
        "skipped": [{"row": s.row, "reason": s.reason} for s in parsed.skipped],
        "import_id": record.id,
    }


def _dedupe(lines: list[Line]) -> list[Line]:
    """The same line twice in one file: the later row wins (exports list newest last)."""
    by_key: dict[tuple[str, str], Line] = {}
    for line in lines:
        by_key[(line.order_no, line.line_key)] = line
    return list(by_key.values())


def _existing(session: Session, parsed: ParsedStatement) -> dict[tuple[str, str], dict[str, Any]]:
    platform = parsed.importer.platform
    order_nos = {line.order_no for line in parsed.lines}
    cols = [StatementLine.id, StatementLine.order_no, StatementLine.line_key] + [
        getattr(StatementLine, f) for f in MUTABLE
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


def _upsert_lines(session: Session, parsed: ParsedStatement, record: StatementImport,
                  progress: Progress | None) -> tuple[int, int, int]:
    lines = _dedupe(parsed.lines)
    existing = _existing(session, parsed)
    source = record.file_name
    raw = session.connection().connection.dbapi_connection  # the session's own transaction
    insert_sql, line_fields = _insert_sql()
    row_of = attrgetter(*line_fields)
    time_slots = [i for i, f in enumerate(line_fields) if f in ("created_at", "settled_at")]
    extra = (record.id, record.id, source)
    new_rows: list[tuple[Any, ...]] = []
    added = updated = unchanged = 0
    for n, line in enumerate(lines):
        if progress is not None and n % BATCH == 0:
            progress.update(n, len(lines), "正在保存账单…")
        old = existing.get((line.order_no, line.line_key))
        if old is None:
            values = list(row_of(line))
            for i in time_slots:
                values[i] = _db_time(values[i])
            new_rows.append((*values, *extra))
            added += 1
            if len(new_rows) >= BATCH:
                raw.executemany(insert_sql, new_rows)
                new_rows = []
            continue
        changes = _changes(old, line)
        if not changes:
            unchanged += 1
            continue
        before = {f: old[f] for f in MUTABLE} | {"last_import_id": None, "source_row": None}
        session.add(StatementLineHistory(
            line_id=old["id"], import_id=record.id, status=line.status, raw_status=line.raw_status,
            before_json=_jsonable(before),
        ))
        session.execute(
            update(StatementLine).where(StatementLine.id == old["id"]).values(
                **changes, last_import_id=record.id, source_file=source, source_row=line.source_row
            )
        )
        updated += 1
    if new_rows:
        raw.executemany(insert_sql, new_rows)
    return added, updated, unchanged


def _insert_sql() -> tuple[str, list[str]]:
    """INSERT for new lines: the canonical Line fields, then first/last import id and source file."""
    fields = [f for f in Line.__dataclass_fields__ if f in StatementLine.__table__.columns]
    columns = [*fields, "first_import_id", "last_import_id", "source_file"]
    return (f"INSERT INTO statement_lines ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
            fields)


def _db_time(value: datetime | None) -> str | None:
    """An aware datetime in the exact text form SQLAlchemy stores for ``UTCDateTime`` (naive UTC,
    ``YYYY-MM-DD HH:MM:SS.ffffff``), so rows written here read back like every other row."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")


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
        raise UserError(f"没有编号为 {import_id} 的导入记录。")
    if record.undone_at is not None:
        raise UserError("这次导入已经撤销过了。")
    touched_later = session.scalar(
        select(StatementLine.id).where(
            StatementLine.last_import_id.is_not(None), StatementLine.last_import_id > import_id,
            (StatementLine.first_import_id == import_id)
            | StatementLine.id.in_(select(StatementLineHistory.line_id).where(StatementLineHistory.import_id == import_id)),
        ).limit(1)
    )
    if touched_later is not None:
        raise UserError("之后的导入又修改了这些账单行，请先撤销之后的导入，再撤销这一次。")
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
    removed = session.execute(delete(StatementLine).where(StatementLine.first_import_id == import_id)).rowcount or 0
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
