"""Nothing half-written: kill -9 the CLI in the middle of big imports; the database stays intact
and holds all or nothing of the import, and the next start says so. Plus automatic backups and
two writers at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from microshop.cli import main
from microshop.errors import DatabaseBusyError
from microshop.store import backup
from microshop.store.database import Database

pytestmark = pytest.mark.slow

TB_HEADER = ("创建时间,付款时间,结算时间,商品标题,掌柜旺旺,店铺名称,商品ID,商品数量,商品单价,付款金额,类目名称,"
             "淘宝订单编号,淘宝子订单号,订单状态,订单类型,结算金额,佣金比率,佣金金额,付款预估收入,结算预估收入,技术服务费,推广位名称")


def big_statement(path: Path, n: int) -> Path:
    rows = [TB_HEADER]
    for i in range(n):
        rows.append(f"2026-10-{1 + i % 28:02d} 10:00:00,,--,商品{i % 300},店,店,P{i % 300},1,29.90,29.90,食品,"
                    f"{1700000000000000000 + i},{1300000000000000000 + i},已付款,天猫,0,20.00 %,0,5.98,0,0.60,群")
    path.write_text("\n".join(rows), encoding="utf-8")
    return path


def big_jielong(path: Path, n: int) -> Path:
    lines = ["#接龙", "农家土鸡蛋 30枚 45元", ""] + [f"{i}. 客户{i} {1 + i % 3}份" for i in range(1, n + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def kill_midway(args: list[str], db: Path, env: dict[str, str]) -> bool:
    """Start the CLI with ``--progress``, SIGKILL it as soon as it reports being half-way through
    (an event read from its stderr, not a guess in seconds); True if it was still running."""
    proc = subprocess.Popen([sys.executable, "-m", "microshop", "--progress", "--db", str(db), *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    for line in proc.stderr:
        if not line.startswith("{"):
            continue
        report = json.loads(line)
        if report["total"] and report["done"] * 2 >= report["total"]:
            break
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    proc.stderr.close()
    return killed


def table_count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.mark.parametrize("kind", ["statement", "jielong"])
def test_kill_9_mid_import_leaves_all_or_nothing(tmp_path: Path, isolated_data_dir: Path, kind: str) -> None:
    db = tmp_path / "crash.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    base_lines, base_orders = table_count(db, "statement_lines"), table_count(db, "orders")
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(isolated_data_dir))
    if kind == "statement":
        n = 60_000
        killed = kill_midway(["statements", "import", str(big_statement(tmp_path / "big.csv", n))], db, env)
    else:
        n = 4_000
        killed = kill_midway(["orders", "import-jielong", str(big_jielong(tmp_path / "jl.txt", n))], db, env)
    assert killed, "the import finished before it could be interrupted; make the input larger"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    # Killed half-way through its one transaction: nothing of the import is there, the rest is intact.
    assert table_count(db, "statement_lines") == base_lines
    assert table_count(db, "statement_imports") == 4
    assert table_count(db, "orders") == base_orders

    # The next start finds the interrupted operation and says that nothing was lost.
    report = backup.interrupted_operations(db)
    assert report is not None and report["integrity"] == "ok"
    assert ("导入账单" if kind == "statement" else "接龙导入") in report["what"]
    assert backup.interrupted_operations(db) is None  # said once


def test_gui_start_reports_the_interrupted_import(qapp, tmp_path: Path, qtbot) -> None:
    from microshop.ui.app import create_app
    from microshop.ui.main_window import MainWindow

    create_app([])
    database = Database.open(tmp_path / "g.sqlite3")
    marker = Path(str(database.path) + ".inprogress")
    marker.write_text('{"what": "导入账单 big.csv", "pid": 999999, "started": "2026-11-21T10:00:00"}', encoding="utf-8")
    window = MainWindow(database)
    qtbot.addWidget(window)
    report = window.startup_checks()
    assert report["integrity"] == "ok" and "big.csv" in report["what"]
    assert "没有数据丢失" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: any(b.kind == "daily" for b in backup.list_backups(database.path)), timeout=10000)
    window.runner.wait()
    database.close()


def test_daily_and_weekly_rotation(tmp_path: Path, isolated_data_dir: Path) -> None:
    database = Database.open(tmp_path / "r.sqlite3")
    database.close()
    start = datetime(2026, 9, 1, 9)
    for day in range(40):
        backup.auto_backup(database.path, start + timedelta(days=day))
    backup.auto_backup(database.path, start + timedelta(days=39))  # a second start the same day adds nothing
    found = backup.list_backups(database.path)
    daily = sorted(b.path.name for b in found if b.kind == "daily")
    weekly = sorted(b.path.name for b in found if b.kind == "weekly")
    assert len(daily) == 7 and daily[-1].endswith("20261010.sqlite3") and daily[0].endswith("20261004.sqlite3")
    assert len(weekly) == 4
    assert all(backup.verify_microshop_file(b.path) for b in found)


def test_undo_takes_a_backup_first(tmp_path: Path, isolated_data_dir: Path, capsys) -> None:
    from conftest import FIXTURES

    db = tmp_path / "u.sqlite3"
    assert main(["--db", str(db), "statements", "import", str(FIXTURES / "statements" / "jd_2026-10.xlsx"), "--json"]) == 0
    assert main(["--db", str(db), "statements", "undo", "1"]) == 0
    undo = [b for b in backup.list_backups(db) if b.kind == "undo"]
    assert len(undo) == 1
    with sqlite3.connect(undo[0].path) as conn:
        assert conn.execute("SELECT count(*) FROM statement_lines").fetchone()[0] == 24
    assert table_count(db, "statement_lines") == 0


def test_a_busy_database_gets_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from microshop.store import database as dbmod

    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_MS", 300)
    database = Database.open(tmp_path / "busy.sqlite3")
    other = sqlite3.connect(database.path)
    other.execute("BEGIN IMMEDIATE")  # another window holds the write lock
    try:
        with pytest.raises(DatabaseBusyError, match="占用"):
            with database.session() as s:
                from microshop.store.models import Customer

                s.add(Customer(name="张姐"))
    finally:
        other.rollback()
        other.close()
    with database.session() as s:  # once the other writer is done, writing works again
        from microshop.store.models import Customer

        s.add(Customer(name="张姐"))
    database.close()


def test_backup_dialog_lists_backs_up_and_restores(qapp, demo_db, qtbot, monkeypatch) -> None:
    from sqlalchemy import func, select

    from microshop.store.models import Order
    from microshop.ui.app import create_app
    from microshop.ui.backup_dialog import BackupDialog
    from microshop.ui.main_window import MainWindow

    create_app([])
    monkeypatch.setattr("microshop.ui.backup_dialog.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes)
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=10000)
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        made = dialog.backup_now()
    info, held = dialog.model.rows[0]
    assert dialog.model.rowCount() == 1 and info.path == made and info.kind == "manual"
    assert held["orders"] == 160 and held == dialog.current  # what the backup holds, shown in the list
    assert dialog.model.data(dialog.model.index(0, 4)) == "160"
    with demo_db.session() as s:
        s.execute(Order.__table__.delete())
    dialog.view.selectRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=15000) as restored:
        dialog.restore_selected()
    assert restored.args == [True]
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 160
    kinds = {b.kind for b in backup.list_backups(demo_db.path)}
    assert {"manual", "before-restore"} <= kinds
    broken = made.with_name(made.stem + "-manual-broken.sqlite3")
    broken.write_bytes(made.read_bytes()[:5000])
    monkeypatch.setattr("microshop.ui.worker.QMessageBox.open", lambda self: None)
    with qtbot.waitSignal(dialog.restored, timeout=15000) as refused:
        dialog.restore(broken)
    assert refused.args == [False]  # refused after the integrity check
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 160


WRITER = """
import sys
from microshop.store.database import Database
from microshop.services.customers import CustomerInput, save_customer
db = Database.open(sys.argv[1])
for i in range(150):
    with db.session() as s:
        save_customer(s, CustomerInput(f"{sys.argv[2]}-{i}"))
db.close()
"""


def test_several_writers_at_once_corrupt_nothing(tmp_path: Path, isolated_data_dir: Path) -> None:
    """Two other processes add customers one transaction at a time while this one imports a
    statement and the order sheet: every row arrives, and the file stays intact."""
    from conftest import FIXTURES

    db = tmp_path / "shared.sqlite3"
    Database.open(db).close()
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(isolated_data_dir))
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(db), name], env=env) for name in ("窗口A", "窗口B")]
    assert main(["--db", str(db), "statements", "import", str(FIXTURES / "statements" / "taobao_2026-10.xlsx")]) == 0
    assert main(["--db", str(db), "orders", "import", str(FIXTURES / "orders" / "orders_2026-10.xlsx")]) == 0
    assert [w.wait(120) for w in writers] == [0, 0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        names = [r[0] for r in conn.execute("SELECT name FROM customers")]
        assert conn.execute("SELECT count(*) FROM statement_lines").fetchone()[0] == 37
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 80
    assert sum(n.startswith("窗口A-") for n in names) == 150 and sum(n.startswith("窗口B-") for n in names) == 150


def test_restore_while_an_import_runs_is_refused_and_the_import_kept(tmp_path: Path, isolated_data_dir: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "live.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    good = tmp_path / "good.sqlite3"
    assert main(["--db", str(db), "backup", "--out", str(good)]) == 0
    base = table_count(db, "statement_lines")
    n = 60_000
    env = dict(os.environ, MICROSHOP_DATA_DIR=str(isolated_data_dir))
    proc = subprocess.Popen([sys.executable, "-m", "microshop", "--progress", "--db", str(db), "statements", "import",
                             str(big_statement(tmp_path / "big.csv", n)), "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None and proc.stdout is not None
    for line in proc.stderr:  # the import is under way (an event, not a guess in seconds)
        if line.startswith("{") and json.loads(line)["done"] > 0:
            break
    capsys.readouterr()
    assert main(["--db", str(db), "restore", str(good)]) == 2
    assert "不能恢复" in capsys.readouterr().err
    out, _err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and json.loads(out)["added"] == n
    assert table_count(db, "statement_lines") == base + n  # nothing the import reported is lost
    assert main(["--db", str(db), "restore", str(good)]) == 0  # afterwards it goes through
    assert table_count(db, "statement_lines") == base


def test_restoring_a_backup_that_holds_less_asks_a_second_time(qapp, db, qtbot, monkeypatch) -> None:
    """The first 每日自动备份 was taken before the demo: it holds nothing. Restoring it names what
    would be lost and needs a second yes; 不恢复 leaves the book as it is."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import func, select

    from microshop.services.demo import load_demo
    from microshop.store.models import Order
    from microshop.ui.app import create_app
    from microshop.ui.backup_dialog import BackupDialog
    from microshop.ui.main_window import MainWindow

    create_app([])
    monkeypatch.setattr("microshop.ui.backup_dialog.QMessageBox.question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = MainWindow(db)
    qtbot.addWidget(window)
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current is not None, timeout=10000)
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.backup_now()  # of the empty book
    with db.session() as s:
        load_demo(s)
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.refresh()
    dialog.view.selectRow(0)
    answers = iter(["不恢复", "仍然恢复"])
    seen: list[str] = []

    def answer() -> None:
        box = dialog.second_confirmation
        seen.append(box.text())
        wanted = next(answers)
        next(b for b in box.buttons() if b.text() == wanted).click()

    QTimer.singleShot(0, answer)
    dialog.restore_selected()
    assert "订单 0（现在 160）" in seen[0] and "商品 0" in seen[0]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 160  # 不恢复: nothing changed
    QTimer.singleShot(0, answer)
    with qtbot.waitSignal(dialog.restored, timeout=15000):
        dialog.restore_selected()
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 0  # 仍然恢复: as the backup was


def test_backup_times_are_utc_and_shown_in_shanghai(db) -> None:
    """The list's time and the file name (taken in Shanghai time) agree on any machine clock."""
    from datetime import UTC

    from microshop.domain.timeutil import SHANGHAI

    made = backup.online_backup(db.path, backup.paths.backups_dir() / f"{db.path.stem}-manual-x.sqlite3")
    (info,) = [b for b in backup.list_backups(db.path) if b.path == made]
    assert info.created.tzinfo is UTC
    assert info.created.astimezone(SHANGHAI).utcoffset().total_seconds() == 8 * 3600
