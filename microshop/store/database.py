"""Opening a MicroShop database: pragmas, migrations (with a backup first), sessions.

``Database.open(path)`` is the only way the app and the CLI get at a database file. It turns on
foreign keys and WAL, sets a busy timeout, and upgrades the schema to the newest Alembic
revision, copying an existing file into the backups folder before it touches its schema.

Checkpoints (copying the write-ahead log back into the database file) run on a short-lived
background thread after a commit has made the log big, instead of inside the commit of whoever
wrote last: a 100,000-line import's commit would otherwise spend a tenth of a second there, and
a small edit in the GUI would now and then pay for the import before it.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, CursorResult, Engine, Result, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from microshop.errors import DatabaseBusyError, UserError
from microshop.i18n import tr

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when the schema is behind (a migration runs): reading the stored
# revision and knowing the shipped ones is plain SQL and a look at the migration files.

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
APPLICATION_ID = 0x4D53484F  # "MSHO", written to PRAGMA application_id by the first migration
CHECKPOINT_WAL_BYTES = 4 * 1024 * 1024  # a commit leaving the log bigger than this asks for a checkpoint
# SQLite's own checkpoint at commit stays as a backstop, at a size the background one should never
# let the log reach (it cannot shorten the log while a reader still uses its start).
AUTOCHECKPOINT_PAGES = 16384
# A log that was copied back entirely is cut to this size when the next write starts it over, so
# its size on disk keeps telling whether there is much left to copy (otherwise it keeps its largest size).
WAL_SIZE_LIMIT = CHECKPOINT_WAL_BYTES // 2


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    cursor.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    """An engine on a SQLite file with MicroShop's pragmas on every connection."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


_REVISION = re.compile(r"^(down_revision|revision)(?:\s*:\s*[^=]+)?\s*=\s*(None|[\"'](\w+)[\"'])", re.MULTILINE)


@cache
def shipped_revisions() -> dict[str, str | None]:
    """Each migration revision shipped with this version → the one it follows (None for the first),
    read from the files' ``revision = …`` / ``down_revision = …`` lines without importing Alembic.
    tests/test_store.py checks this against Alembic's own reading."""
    revisions: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = {m.group(1): m.group(3) for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if found.get("revision"):
            revisions[found["revision"]] = found.get("down_revision")
    return revisions


def head_revision() -> str:
    """The newest migration revision shipped with this version (the one nothing follows)."""
    revisions = shipped_revisions()
    heads = set(revisions) - {down for down in revisions.values() if down}
    assert len(heads) == 1, f"the migrations must form one line, heads: {sorted(heads)}"
    return heads.pop()


def affected(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE changed (SQLite always reports it)."""
    return cast("CursorResult[Any]", result).rowcount or 0


def stored_revision(conn: Connection) -> str | None:
    """The schema revision recorded in an open database (None for a new, empty file)."""
    execute = conn.exec_driver_sql
    exists = execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
    if not exists:
        return None
    row = execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def raw_connection(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under a session's own transaction, for the bulk paths that bind
    plain tuples (statement import, reconcile)."""
    return cast(sqlite3.Connection, session.connection().connection.dbapi_connection)


@dataclass
class Database:
    """An open database: its file, engine and session factory."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    _checkpointer: threading.Thread | None = field(default=None, repr=False)
    _checkpoint_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, path: Path | str, *, migrate: bool = True) -> Database:
        """Open (creating if needed) and migrate a database file."""
        path = Path(path).expanduser().resolve()
        if path.is_dir():
            raise UserError(tr("“{path}”是一个文件夹，请给出数据库文件的路径。", path=path))
        if path.exists() and path.stat().st_size > 0:
            check_is_sqlite(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(tr("无法创建数据文件夹“{folder}”：{reason}。", folder=path.parent, reason=exc.strerror)) from exc
        engine = make_engine(path)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            if migrate:
                _migrate(path, engine)
        except OperationalError as exc:
            engine.dispose()
            user_error = translate_operational_error(exc, path)
            if user_error is None:
                raise
            raise user_error from exc
        return cls(path, engine, sessionmaker(engine, expire_on_commit=False))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                user_error = translate_operational_error(exc, self.path)
                if user_error is None:
                    raise  # not the user's doing (an SQL bug): reported as a bug
                raise user_error from exc
            except BaseException:
                session.rollback()
                raise
        self._checkpoint_if_big()  # after the commit, and never an error of the caller's work

    def revision(self) -> str | None:
        """The schema revision stored in the file."""
        with self.engine.connect() as conn:
            return stored_revision(conn)

    def backup(self, reason: str) -> Path:
        """An automatic copy into the backups folder before a risky change (e.g. ``undo``)."""
        from microshop.store.backup import backup_before

        return backup_before(self.engine, self.path, reason=reason)

    def operation(self, description: str):
        """Mark a long write as in progress (see ``backup.operation``)."""
        from microshop.store.backup import operation

        return operation(self.path, description)

    def _checkpoint_if_big(self) -> None:
        """Start a background checkpoint when the write-ahead log has grown past the threshold."""
        try:
            size = Path(f"{self.path}-wal").stat().st_size
        except OSError:
            return
        if size < CHECKPOINT_WAL_BYTES:
            return
        with self._checkpoint_lock:
            if self._checkpointer is not None and self._checkpointer.is_alive():
                return  # the one running now takes these pages too, or the next commit asks again
            thread = threading.Thread(target=self._checkpoint, name="wal-checkpoint", daemon=True)
            try:
                thread.start()
            except RuntimeError:  # no thread to be had (interpreter shutting down …): the backstop remains
                return
            self._checkpointer = thread

    def _checkpoint(self) -> None:
        """A passive checkpoint on a connection of its own: it never waits for, or blocks, the
        app's readers and writers; what it cannot copy yet is left for the next one."""
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # busy or closed under it: the next commit or the final close checkpoints

    def wait_for_checkpoint(self) -> None:
        """Wait until a background checkpoint, if one is running, has finished."""
        with self._checkpoint_lock:
            running = self._checkpointer
        if running is not None:
            running.join()

    def close(self) -> None:
        """Release all connections (checkpoints the WAL when the last one closes)."""
        self.wait_for_checkpoint()
        self.engine.dispose()


def _migrate(path: Path, engine: Engine) -> None:
    with engine.connect() as conn:
        current = stored_revision(conn)
        has_tables = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name != 'alembic_version'"
        ).scalar_one()
    head = head_revision()
    if current == head:
        return
    if current is None and has_tables:
        raise UserError(tr("“{name}”不是微店管家的数据库（里面已有别的数据表），请选择其他文件。", name=path.name))
    if current is not None:
        if not is_known_revision(current):
            raise UserError(
                tr("“{name}”由更新版本的微店管家创建（结构版本 {current}），请升级本软件后再打开。", name=path.name, current=current)
            )
        from microshop.store.backup import backup_before

        backup_before(engine, path, reason=f"migrate-{current}")
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def check_is_sqlite(path: Path) -> None:
    """Refuse a file that is not a SQLite database at all."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise UserError(tr("无法读取“{path}”：{reason}。", path=path, reason=exc.strerror)) from exc
    if magic != b"SQLite format 3\x00":
        raise UserError(tr("“{name}”不是数据库文件，请检查路径是否选错。", name=path.name))


def translate_operational_error(exc: OperationalError, path: Path) -> UserError | None:
    """Turn SQLite's operational errors that the user can act on (busy, read-only, disk full,
    cannot open, damaged file) into messages; None for anything else: that is a bug (bad SQL, a
    missing table), not the user's doing, and goes to the bug report."""
    text = str(exc.orig) if exc.orig is not None else str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseBusyError(
            tr("数据库正被另一个窗口或命令占用，请稍后再试（或关闭另一个微店管家窗口）。")
        )
    if "readonly" in text or "read-only" in text:
        return UserError(tr("数据库文件“{path}”是只读的，请检查文件权限。", path=path))
    if "disk" in text and "full" in text:
        return UserError(tr("磁盘空间已满，数据未保存。请清理磁盘后重试。"))
    if "unable to open database file" in text:
        folder = path.parent
        if folder.is_dir() and not os.access(folder, os.W_OK):
            return UserError(tr("数据文件夹“{folder}”是只读的，微店管家无法在里面打开数据库（需要写入日志文件）。"
                                "请把这个文件夹改为可写，或用 --db 指定另一个位置的数据库。", folder=folder))
        return UserError(tr("无法打开数据库文件“{path}”，请检查文件夹是否存在、是否有读写权限。", path=path))
    if "not a database" in text or "malformed" in text:
        return UserError(tr("“{name}”已损坏或不是数据库文件，可以从备份恢复。", name=path.name))
    return None


def is_known_revision(revision: str) -> bool:
    """Whether this version of the app knows a schema revision (i.e. it is not from the future)."""
    return revision in shipped_revisions()
