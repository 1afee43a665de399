"""Storage: migrations on open, pragmas, constraints, refusal of foreign files."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from microshop.errors import UserError
from microshop.store.database import Database, head_revision
from microshop.store.models import Order, OrderItem, Platform, StatementLine


def test_new_file_is_migrated_to_head_with_pragmas(db: Database) -> None:
    assert db.revision() == head_revision()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    with db.session() as s:
        keys = set(s.scalars(select(Platform.key)))
    assert {"taobao", "jd", "pdd", "douyin", "ktt", "other"} <= keys


def test_schema_matches_models(db: Database) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from microshop.store.models import Base

    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_foreign_keys_are_enforced_and_items_cascade(db: Database) -> None:
    now = datetime(2026, 10, 1, tzinfo=UTC)
    with pytest.raises(IntegrityError):
        with db.session() as s:
            s.add(Order(ordered_at=now, platform_key="no-such-platform"))
    with db.session() as s:
        order = Order(ordered_at=now, platform_key="jd")
        order.items = [OrderItem(title="抽纸", amount_fen=3590)]
        s.add(order)
    with db.session() as s:
        s.execute(text("DELETE FROM orders"))
    with db.session() as s:
        assert s.scalar(select(OrderItem.id)) is None


def test_statement_line_key_is_unique(db: Database) -> None:
    line = dict(platform_key="jd", order_no="1", line_key="p1", status="paid")
    with db.session() as s:
        s.add(StatementLine(**line))
    with pytest.raises(IntegrityError):
        with db.session() as s:
            s.add(StatementLine(**line))


def test_times_round_trip_as_aware_utc(db: Database) -> None:
    when = datetime(2026, 10, 5, 9, 30, tzinfo=UTC)
    with db.session() as s:
        s.add(Order(ordered_at=when))
    with db.session() as s:
        stored = s.scalar(select(Order.ordered_at))
    assert stored == when and stored.tzinfo is not None


def test_refuses_non_database_and_foreign_sqlite(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(UserError, match="不是数据库文件"):
        Database.open(junk)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    with pytest.raises(UserError, match="不是微店管家的数据库"):
        Database.open(other)
    assert other.read_bytes()[:16] == b"SQLite format 3\x00"  # untouched


def test_refuses_database_from_a_newer_version(db: Database) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    db.close()
    with pytest.raises(UserError, match="更新版本"):
        Database.open(db.path)


def test_older_database_is_backed_up_then_migrated(tmp_path: Path, isolated_data_dir: Path) -> None:
    """A real upgrade: a file at revision 0001 (with data) opens at head, and a copy taken first."""
    from alembic import command

    from microshop.store.database import alembic_config, make_engine

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO orders (ordered_at, status, fulfilment, source, created_at, updated_at, notes)"
                             " VALUES ('2026-10-01 00:00:00', 'paid', 'pickup', 'manual', '2026-10-01', '2026-10-01', '保留我')")
    engine.dispose()
    db = Database.open(path)
    assert db.revision() == head_revision() != "0001"
    with db.engine.connect() as conn:
        indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(statement_lines)")}
        assert {"ix_statement_lines_month", "ix_statement_lines_settled_month"} <= indexes
        assert not indexes & {"ix_statement_lines_created", "ix_statement_lines_status", "ix_statement_lines_product_id"}
        assert conn.exec_driver_sql("SELECT notes FROM orders").scalar() == "保留我"
    db.close()
    copies = list((isolated_data_dir / "backups").glob("*migrate-0001*.sqlite3"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT notes FROM orders").fetchall() == [("保留我",)]


def _write_lines(db: Database, start: int, n: int) -> None:
    with db.session() as s:
        s.add_all(StatementLine(platform_key="jd", order_no=str(start + i), line_key="p", status="paid",
                                product_title="抽纸" * 40) for i in range(n))


def test_commit_leaves_the_checkpoint_to_a_background_thread(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import microshop.store.database as database

    with db.engine.connect() as conn:  # SQLite's own checkpoint at commit is only a far backstop
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == database.AUTOCHECKPOINT_PAGES
    main_file = db.path.stat().st_size
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 1 << 40)
    _write_lines(db, 0, 3000)  # ~1 MB, below the backstop: it stays in the log
    db.wait_for_checkpoint()
    assert db.path.stat().st_size == main_file
    assert Path(f"{db.path}-wal").stat().st_size > 1_000_000

    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 1)
    _write_lines(db, 3000, 10)  # this commit finds the log big: the pages go to the file behind it
    db.wait_for_checkpoint()
    assert db.path.stat().st_size > main_file + 1_000_000
    raw = sqlite3.connect(db.path)
    busy, logged, copied = raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    raw.close()
    assert (busy, logged) == (0, copied)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 3010

    # The next write starts the copied log over, cut to the limit: a small commit then sees a
    # small log and starts no checkpoint of its own.
    monkeypatch.setattr(database, "CHECKPOINT_WAL_BYTES", 4 * 1024 * 1024)
    last = db._checkpointer
    _write_lines(db, 4000, 1)
    assert Path(f"{db.path}-wal").stat().st_size <= database.WAL_SIZE_LIMIT
    assert db._checkpointer is last


def test_shipped_revisions_read_without_alembic_match_alembic() -> None:
    """The start-up path reads the migration files itself (Alembic loads only to migrate);
    it must see exactly the chain Alembic sees."""
    from alembic.script import ScriptDirectory

    from microshop.store.database import alembic_config, shipped_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert shipped_revisions() == {rev.revision: rev.down_revision for rev in script.walk_revisions()}


def test_opening_an_up_to_date_book_does_not_import_alembic(tmp_path) -> None:
    import subprocess
    import sys

    Database.open(tmp_path / "book.sqlite3").close()  # created and migrated here
    code = ("import sys; from microshop.store.database import Database; "
            f"db = Database.open({str(tmp_path / 'book.sqlite3')!r}); print(db.revision()); "
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == [head_revision(), "False"]


def test_an_sql_bug_is_not_turned_into_a_user_message(db) -> None:
    """Only what the user can act on (busy, read-only, disk full …) becomes a message; a bad
    query is a bug and keeps its own error."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from microshop.errors import UserError

    with pytest.raises(OperationalError, match="no such table"):
        with db.session() as s:
            s.execute(text("SELECT * FROM no_such_table"))
    assert not issubclass(OperationalError, UserError)
