"""Backup operations shared by the GUI and the CLI (one flow each, written once).

``restore_file`` is the whole 从备份恢复 policy: the file is checked to be a complete MicroShop
database from this or an older version, the current book is copied aside, the backup is written
in through SQLite's backup API, and an older schema is brought up to date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, tr
from microshop.store.backup import (  # noqa: F401  (re-exported for the GUI, which never imports the store)
    BackupInfo,
    auto_backup,
    interrupted_operations,
    list_backups,
    online_backup,
)


def restore_file(source: Path, target: Path) -> Path | None:
    """Restore ``source`` over the database at ``target``; returns the copy of what was there."""
    from microshop.store.backup import restore, verify_microshop_file
    from microshop.store.database import Database, is_known_revision

    source = Path(source)
    revision = verify_microshop_file(source)
    if not is_known_revision(revision):
        raise UserError(tr("“{name}”来自更新版本的微店管家（结构版本 {revision}），请先升级本软件。",
                           name=source.name, revision=revision))
    safety = restore(source, target)
    Database.open(target).close()  # bring an older backup's schema up to date
    return safety


def restore_into(db: Any, source: Path) -> Path | None:
    """从备份恢复 (an operation): the book's connections closed, ``source`` verified and restored
    over it (what was there is saved first) → that saved copy."""
    db.close()
    return restore_file(source, db.path)


COUNTED = {"products": QT_TR_NOOP("商品"), "customers": QT_TR_NOOP("客户"), "orders": QT_TR_NOOP("订单"),
           "statement_lines": QT_TR_NOOP("账单")}


def book_counts(path: Path) -> dict[str, int] | None:
    """What a book or backup file holds (商品/客户/订单/账单 rows), read-only; None when it
    cannot be read as a MicroShop book."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def backups_with_counts(db_path: Path) -> tuple[dict[str, int] | None, list[tuple[BackupInfo, dict[str, int] | None]]]:
    """备份与恢复's list: the current book's counts, and each backup (newest first) with its own."""
    return book_counts(db_path), [(info, book_counts(info.path)) for info in list_backups(db_path)]


def holds_less(backup: dict[str, int] | None, current: dict[str, int] | None) -> list[str]:
    """What a backup has fewer of than the current book, as “订单 0（现在 160）” — restoring it
    would lose those rows; empty when it holds at least as much of everything."""
    from microshop.i18n import localized

    if current is None:
        return []
    if backup is None:
        return [tr("内容无法读取")]
    return [tr("{what} {then}（现在 {now}）", what=localized(label), then=backup[table], now=current[table])
            for table, label in COUNTED.items() if backup[table] < current[table]]
