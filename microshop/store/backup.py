"""Backups with SQLite's online backup API, and a checked restore.

A backup is taken from a live database without stopping writers. A restore first checks that
the file is an intact MicroShop database, keeps a copy of the current one, then replaces it.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from microshop import paths
from microshop.domain.timeutil import local, utcnow
from microshop.errors import UserError
from microshop.i18n import QT_TR_NOOP, localized, tr

REQUIRED_TABLES = {"alembic_version", "products", "customers", "orders", "statement_lines"}


def online_backup(source: Path, dest: Path) -> Path:
    """Copy a (possibly live) database file to ``dest`` with SQLite's online backup."""
    dest = dest.expanduser().resolve()
    if dest == source.resolve():
        raise UserError(tr("备份文件不能和当前数据库是同一个文件，请换一个保存位置。"))
    if dest.is_dir():
        raise UserError(tr("“{dest}”是一个文件夹，请给出备份文件的名字，例如 备份.sqlite3。", dest=dest))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(tr("无法创建文件夹“{folder}”：{reason}。", folder=dest.parent, reason=exc.strerror)) from exc
    tmp = dest.with_name(dest.name + ".part")
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        finally:
            src.close()
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        text = str(exc)
        if "full" in text:  # SQLITE_FULL: "database or disk is full"
            raise UserError(tr("磁盘空间已满，备份没有完成（没有留下不完整的备份文件）。请清理磁盘后重试。")) from exc
        if "readonly" in text or "unable to open" in text:
            raise UserError(tr("无法在“{folder}”里写入备份：文件夹是只读的或没有权限。请换一个保存位置。", folder=dest.parent)) from exc
        raise UserError(tr("备份失败：{error}。请检查磁盘空间和文件权限后重试。", error=exc)) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(tr("无法写入备份文件“{dest}”：{reason}。", dest=dest, reason=exc.strerror)) from exc
    return dest


def backup_before(engine: Engine, db_path: Path, *, reason: str) -> Path:
    """Take an automatic backup into the backups folder before a risky change."""
    stamp = _local_now().strftime("%Y%m%d-%H%M%S")
    dest = paths.backups_dir() / f"{db_path.stem}-{reason}-{stamp}.sqlite3"
    engine.dispose()  # let SQLite see a consistent file; connections reopen on demand
    return online_backup(db_path, dest)


def _schema_gaps(conn: sqlite3.Connection, tables: set[str]) -> list[str]:
    """Tables and columns the app's schema has and the file lacks (every migration after the first
    adds only indexes, so each known revision holds all of them)."""
    from microshop.store.models import Base

    gaps: list[str] = []
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            gaps.append(table.name)
            continue
        have = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        gaps.extend(f"{table.name}.{c.name}" for c in table.columns if c.name not in have)
    return gaps


def verify_microshop_file(path: Path) -> str:
    """Check that ``path`` is an intact MicroShop database; return its schema revision."""
    path = path.expanduser()
    if not path.is_file():
        raise UserError(tr("找不到文件“{path}”。", path=path))
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise UserError(tr("“{name}”不是微店管家的备份文件（不是数据库文件）。", name=path.name))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not REQUIRED_TABLES <= tables:
                raise UserError(tr("“{name}”不是微店管家的数据库（缺少必要的数据表）。", name=path.name))
            lacking = _schema_gaps(conn, tables)
            if lacking:
                raise UserError(tr("“{name}”不是完整的微店管家数据库（数据表结构不对：{what}），不能用来恢复。",
                                   name=path.name, what="、".join(lacking[:5])))
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise UserError(tr("“{name}”已损坏（完整性检查未通过），不能用来恢复。", name=path.name))
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise UserError(tr("“{name}”已损坏（有指向不存在记录的数据），不能用来恢复。", name=path.name))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError(tr("“{name}”无法读取或已损坏：{error}。", name=path.name, error=exc)) from exc
    if row is None:
        raise UserError(tr("“{name}”不是完整的微店管家数据库（没有结构版本）。", name=path.name))
    return row[0]


def running_operation(db_path: Path) -> str | None:
    """What long write (an import) is running on ``db_path`` right now, in this or another process."""
    marker = _marker(Path(db_path))
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    pid = int(info.get("pid") or 0)
    return str(info.get("what") or "") if pid and _alive(pid) else None


RESTORE_BUSY_SECONDS = 10


def restore(backup_file: Path, db_path: Path) -> Path | None:
    """Replace the contents of ``db_path`` with a verified copy of ``backup_file``.

    Refused while an import runs on the database (its rows would vanish from the book and from the
    safety copy alike). The copy goes in through SQLite's backup API on a connection of its own,
    under the database's write lock: no file is swapped or deleted under a live connection, and a
    writer that holds the lock is waited for (then refused with the busy message). Returns the
    path of the safety copy of what was replaced (None when there was no database yet).
    """
    backup_file = backup_file.expanduser().resolve()
    db_path = db_path.expanduser().resolve()
    if backup_file == db_path:
        raise UserError(tr("要恢复的文件就是当前数据库，无需恢复。"))
    verify_microshop_file(backup_file)
    busy = running_operation(db_path)
    if busy is not None:
        raise UserError(tr("正在进行“{what}”，现在不能恢复（否则这次导入的内容会丢失）。请等它完成后再恢复。", what=busy))
    safety: Path | None = None
    try:
        if db_path.exists():
            stamp = _local_now().strftime("%Y%m%d-%H%M%S")
            safety = paths.backups_dir() / f"{db_path.stem}-before-restore-{stamp}.sqlite3"
        source = sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True)
        target = sqlite3.connect(db_path, timeout=RESTORE_BUSY_SECONDS)
        try:
            # The write lock first: an import that holds it is waited for, and none can start while
            # the safety copy is taken and the backup copied in.
            target.execute("BEGIN IMMEDIATE")
            if safety is not None:  # read on a connection of its own: readers pass a held write lock
                reader, keep = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True), sqlite3.connect(safety)
                try:
                    reader.backup(keep)
                finally:
                    reader.close()
                    keep.close()
            target.rollback()
            source.backup(target)
        finally:
            source.close()
            target.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise UserError(tr("数据库正被另一个窗口或命令占用（可能正在导入），请等它完成后再恢复。")) from exc
        raise UserError(tr("恢复失败：{reason}。当前数据库未改动。", reason=exc)) from exc
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise UserError(tr("恢复失败：文件夹“{folder}”是只读的（{reason}）。当前数据库未改动。",
                               folder=exc.filename or db_path.parent, reason=exc.strerror)) from exc
        raise UserError(tr("恢复失败：{reason}。当前数据库未改动。", reason=exc.strerror)) from exc
    return safety


# --- automatic backups ------------------------------------------------------------------------
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KIND_LABELS = {"daily": QT_TR_NOOP("每日自动备份"), "weekly": QT_TR_NOOP("每周自动备份"), "migrate": QT_TR_NOOP("升级前备份"),
               "before-restore": QT_TR_NOOP("恢复前备份"), "undo": QT_TR_NOOP("撤销导入前备份"),
               "manual": QT_TR_NOOP("手动备份")}


@dataclass(frozen=True)
class BackupInfo:
    """A backup file in the backups folder."""

    path: Path
    kind: str
    created: datetime  # UTC (the file's modification time), shown in Asia/Shanghai
    size: int

    @property
    def label(self) -> str:
        return localized(KIND_LABELS.get(self.kind, self.kind))


def _kind(name: str) -> str:
    for kind in ("daily", "weekly", "before-restore", "migrate", "undo", "manual"):
        if f"-{kind}" in name:
            return kind
    return "manual"


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups of this database, newest first."""
    stem = Path(db_path).stem
    out = []
    for path in paths.backups_dir().glob(f"{stem}-*.sqlite3"):
        stat = path.stat()
        out.append(BackupInfo(path, _kind(path.name), datetime.fromtimestamp(stat.st_mtime, tz=UTC), stat.st_size))
    return sorted(out, key=lambda b: b.created, reverse=True)


def auto_backup(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Take today's backup and this week's if missing, then keep only the last 7 daily and last
    4 weekly ones. Cheap when they already exist; safe on a live database (online backup)."""
    now = now or _local_now()
    stem = Path(db_path).stem
    folder = paths.backups_dir()
    made = []
    daily = folder / f"{stem}-daily-{now:%Y%m%d}.sqlite3"
    if not daily.exists():
        made.append(online_backup(Path(db_path), daily))
    year, week, _ = now.isocalendar()
    weekly = folder / f"{stem}-weekly-{year}W{week:02d}.sqlite3"
    if not weekly.exists():
        made.append(online_backup(daily, weekly) if daily.exists() else online_backup(Path(db_path), weekly))
    for pattern, keep in ((f"{stem}-daily-*.sqlite3", KEEP_DAILY), (f"{stem}-weekly-*.sqlite3", KEEP_WEEKLY)):
        for old in sorted(folder.glob(pattern), reverse=True)[keep:]:
            old.unlink(missing_ok=True)
    return made


def _local_now() -> datetime:
    """Shanghai wall-clock time from the app's one clock (file names and markers show it)."""
    return local(utcnow()).replace(tzinfo=None)


# --- interrupted operations -------------------------------------------------------------------
def _marker(db_path: Path) -> Path:
    return Path(str(db_path) + ".inprogress")


@contextmanager
def operation(db_path: Path, description: str) -> Iterator[None]:
    """Mark a long write (an import) as in progress; a crash leaves the marker for the next start."""
    marker = _marker(db_path)
    try:
        marker.write_text(json.dumps({"what": description, "pid": os.getpid(),
                                      "started": _local_now().isoformat(timespec="seconds")}, ensure_ascii=False),
                          encoding="utf-8")
    except OSError:
        pass  # a read-only folder must not stop the work itself
    try:
        yield
    finally:
        marker.unlink(missing_ok=True)


def interrupted_operations(db_path: Path) -> dict[str, str] | None:
    """If a previous write was killed, what it was and whether the database is intact now.

    Returns None when nothing was interrupted (or the operation is still running elsewhere)."""
    marker = _marker(db_path)
    if not marker.exists():
        return None
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        info = {"what": "未知操作", "pid": 0}
    pid = int(info.get("pid") or 0)
    if pid and pid != os.getpid() and _alive(pid):
        return None
    conn = sqlite3.connect(Path(db_path))
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    marker.unlink(missing_ok=True)
    return {"what": str(info.get("what", "")), "started": str(info.get("started", "")), "integrity": result}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
