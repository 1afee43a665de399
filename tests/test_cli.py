"""The command line contract: stats, backup, restore, demo; exit codes and Chinese errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from microshop.cli import main

KEYS = ["products", "customers", "orders", "order_items", "statement_lines", "statement_imports"]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "microshop", *args], capture_output=True, text=True, check=False
    )


def test_stats_on_a_new_file_via_python_m(tmp_path: Path) -> None:
    out = run_cli("--db", str(tmp_path / "x.db"), "stats", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == dict.fromkeys(KEYS, 0)


def test_demo_then_stats_counts_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "d.db")
    assert main(["--db", db, "demo", "--json"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    with sqlite3.connect(db) as conn:
        for key in KEYS:
            assert stats[key] == conn.execute(f"SELECT count(*) FROM {key}").fetchone()[0]
    assert stats["orders"] > 100 and stats["statement_lines"] > 50
    assert main(["--db", db, "demo"]) == 2
    assert "空的数据库" in capsys.readouterr().err


def test_backup_of_a_live_database_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               isolated_data_dir: Path) -> None:
    db = tmp_path / "live.db"
    assert main(["--db", str(db), "demo"]) == 0
    # Another connection is mid-write while we back up: the backup holds the committed state.
    writer = sqlite3.connect(db)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM order_items")
    assert main(["--db", str(db), "backup", "--out", str(tmp_path / "b.sqlite3")]) == 0
    writer.rollback()
    writer.close()
    with sqlite3.connect(tmp_path / "b.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM order_items").fetchone()[0] == 160
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # Change the live database, then restore: data comes back and a copy of the current is kept.
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM orders")
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(tmp_path / "b.sqlite3"), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 160
    kept = Path(result["previous_copy"])
    assert kept.parent == isolated_data_dir / "backups"
    with sqlite3.connect(kept) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 0


@pytest.mark.parametrize("kind", ["text", "foreign_sqlite", "corrupt", "missing", "broken_index", "lookalike",
                                  "dangling_reference"])
def test_restore_refuses_bad_files_and_keeps_the_database(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "keep.db"
    assert main(["--db", str(db), "demo"]) == 0
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("订单号,金额\n1,2\n", encoding="utf-8")
    elif kind == "foreign_sqlite":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE x (a)")
    elif kind == "corrupt":
        good = tmp_path / "good.sqlite3"
        assert main(["--db", str(db), "backup", "--out", str(good)]) == 0
        data = bytearray(good.read_bytes())
        data[4096:12288] = b"\xff" * 8192
        bad.write_bytes(bytes(data))
    elif kind in ("broken_index", "dangling_reference"):
        assert main(["--db", str(db), "backup", "--out", str(bad)]) == 0
        with sqlite3.connect(bad) as conn:  # opens and reads fine; only the integrity checks can tell
            if kind == "broken_index":
                conn.execute("PRAGMA writable_schema=ON")
                conn.execute("UPDATE sqlite_master SET sql='CREATE INDEX ix_customers_name ON customers (phone)' "
                             "WHERE name='ix_customers_name'")
            else:
                conn.execute("PRAGMA foreign_keys=OFF")
                conn.execute("DELETE FROM customers WHERE id IN (SELECT customer_id FROM orders LIMIT 1)")
        with sqlite3.connect(bad) as conn:
            assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] > 0
    elif kind == "lookalike":  # the required table names and a schema revision, but nothing of the real tables
        with sqlite3.connect(bad) as conn:
            for table in ("products", "customers", "orders", "statement_lines"):
                conn.execute(f"CREATE TABLE {table} (x)")
            conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
            conn.execute("INSERT INTO alembic_version VALUES ('0005')")
    before = db.read_bytes()
    out = run_cli("--db", str(db), "restore", str(bad))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and out.stderr.startswith("错误：")
    assert db.read_bytes() == before


def test_user_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    notdb = tmp_path / "orders.xlsx"
    notdb.write_bytes(b"PK\x03\x04junk")
    for args in (["--db", str(notdb), "stats"], ["nonsense"], ["--db", str(tmp_path), "stats"]):
        out = run_cli(*args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr
        assert any("\u4e00" <= ch <= "\u9fff" for ch in out.stderr), out.stderr


def test_a_bug_exits_1_with_its_traceback_logged(tmp_path: Path, monkeypatch, capsys) -> None:
    """Not the user's doing: exit code 1, the traceback on stderr and in the data folder's log."""
    from microshop import bugs, cli
    from microshop.services import stats as stats_service

    def broken(*_args, **_kwargs):
        raise KeyError("a bug in stats")

    monkeypatch.setattr(stats_service, "counts", broken)
    assert cli.main(["--db", str(tmp_path / "b.sqlite3"), "stats", "--json"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "程序出错了" in err and str(bugs.log_path()) in err
    assert "KeyError: 'a bug in stats'" in bugs.log_path().read_text(encoding="utf-8")


def test_argparse_speaks_chinese_in_help_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's own words (usage, options, a missing or unknown argument) are Chinese too."""
    with pytest.raises(SystemExit) as missing:
        main(["orders", "import"])
    with pytest.raises(SystemExit) as unknown:
        main(["products", "show"])
    err = capsys.readouterr().err
    assert missing.value.code == unknown.value.code == 2
    assert "缺少必需的参数：FILE" in err and "没有“show”这一项" in err and "用法：" in err
    assert "required" not in err and "invalid choice" not in err and "usage" not in err
    with pytest.raises(SystemExit) as helped:
        main(["orders", "import", "--help"])
    out = capsys.readouterr().out
    assert helped.value.code == 0 and "显示这段帮助并退出" in out and "位置参数" in out and "options" not in out
