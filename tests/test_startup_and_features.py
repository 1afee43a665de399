"""Features that had no test: the first-run demo offer, ``main.py --db/--demo``, CLI ``report`` and
``products import``, cancelling a poster batch, merging customers' tags and addresses, and the
``MICROSHOP_LANG`` start-up."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, settle, write_xlsx
from sqlalchemy import func, select

from microshop.cli import main
from microshop.errors import Cancelled
from microshop.services.progress import Progress
from microshop.store.database import Database
from microshop.store.models import Customer, CustomerAddress, CustomerTag, Order, Product, Share

ROOT = Path(__file__).resolve().parent.parent


def orders_in(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Order))


def test_first_run_offers_the_demo_once_in_its_own_book(qapp, db, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from microshop.ui.app import create_app
    from microshop.ui.main_window import MainWindow

    create_app([])
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, title, *_a, **_k: asked.append(title) or QMessageBox.StandardButton.Yes)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.maybe_offer_demo()
    settle(qtbot, window)
    assert asked == ["欢迎使用微店管家"]
    qtbot.waitUntil(lambda: window.replaced_by is not None, timeout=30000)
    demo = window.replaced_by
    qtbot.addWidget(demo)
    assert demo.is_demo and orders_in(demo.db) > 0 and "演示数据" in demo.windowTitle()
    assert orders_in(db) == 0  # the user's own book got nothing
    assert Path(demo.home).resolve() == Path(db.path).resolve()
    again = MainWindow(db)
    qtbot.addWidget(again)
    again.maybe_offer_demo()  # asked once only, ever
    settle(qtbot, again)
    assert asked == ["欢迎使用微店管家"]


def test_no_demo_offer_for_a_book_with_data(qapp, db, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from microshop.ui.app import create_app
    from microshop.ui.main_window import MainWindow

    create_app([])
    with db.session() as s:
        s.add(Product(title="已有的商品"))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: asked.append("x") or QMessageBox.StandardButton.Yes)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.maybe_offer_demo()
    settle(qtbot, window)
    assert asked == [] and orders_in(db) == 0


def test_main_with_db_and_demo_opens_that_file_and_loads_the_demo(qapp, qtbot, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from microshop.ui import app as app_module
    from microshop.ui.main_window import MainWindow

    target = tmp_path / "chosen.sqlite3"
    seen: dict[str, object] = {}

    def run_until_demo_loaded(_self: QApplication) -> int:
        def opening() -> list[MainWindow]:  # other tests' windows may still be alive
            return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
                    and (w.db is None or Path(w.db.path).resolve() == target.resolve())]

        assert len(opening()) == 1, "main() shows one window (the book opens on the worker)"
        window = opening()[0]
        qtbot.waitUntil(lambda: window.db is not None, timeout=30000)  # opened on the worker, attached
        seen["db"] = window.db.path
        qtbot.waitUntil(lambda: orders_in(window.db) > 0, timeout=30000)
        window.runner.wait()
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", run_until_demo_loaded)
    assert app_module.main(["--db", str(target), "--demo"]) == 0
    assert Path(seen["db"]).resolve() == target.resolve()
    check = Database.open(target)
    try:
        assert orders_in(check) == 160
    finally:
        check.close()


def test_main_refuses_a_file_that_is_not_a_database(qapp, tmp_path: Path) -> None:
    """The window is up first; the refusal is said over it in Chinese, and closing it ends with 2."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from microshop.ui import app as app_module
    from microshop.ui.main_window import MainWindow

    shown: list[tuple[str, bool]] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, answer)
            return
        parent = boxes[0].parentWidget()
        shown.append((boxes[0].text(), isinstance(parent, MainWindow) and parent.db is None))
        boxes[0].done(0)

    bogus = tmp_path / "订单.sqlite3"
    bogus.write_text("不是数据库", encoding="utf-8")
    QTimer.singleShot(0, answer)
    guard = QTimer()  # a hang fails instead of waiting forever; stopped after, or it would end later tests' loops
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(99))
    guard.start(30_000)
    try:
        code = app_module.main(["--db", str(bogus)])
    finally:
        guard.stop()
    assert code == 2
    assert len(shown) == 1 and "订单.sqlite3" in shown[0][0]
    assert shown[0][1], "said over the main window, which never got a book"


def test_cli_report_matches_the_month(sample_db, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(sample_db.path), "report", "--month", "2026-10", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    expected = json.loads((FIXTURES / "expected" / "reconcile_2026-10.json").read_text(encoding="utf-8"))
    assert report["month"] == "2026-10"
    total = report["income"]["total"]
    assert (total["estimated"], total["settled"], total["lost"]) == (
        expected["totals_fen"]["estimated"], expected["totals_fen"]["settled"], expected["totals_fen"]["lost"])
    assert sum(p["estimated"] for p in report["income"]["by_platform"].values()) == total["estimated"]
    assert main(["--db", str(sample_db.path), "report", "--month", "9999-12"]) == 2
    assert "月份格式不对" in capsys.readouterr().err


def test_cli_products_import_text_adds_every_product_a_paste_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "share.txt"
    text.write_text("1. 维达抽纸 24包 ¥19.9 https://u.jd.com/a\n2. 蓝月亮洗衣液 3kg ¥39.9 https://item.jd.com/100012345678.html\n",
                    encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert main(["--db", db, "products", "import-text", str(text), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["added"], first["skipped"]) == (2, [])
    assert main(["--db", db, "products", "import-text", str(text), "--json"]) == 0  # again: nothing doubled
    again = json.loads(capsys.readouterr().out)
    assert again["added"] == 0 and [r["row"] for r in again["skipped"]] == [1, 2]
    one = tmp_path / "one.txt"  # an ordinary share text: its one product
    one.write_text("【京东】https://3.cn/2-AbCdEfG「维达超韧抽纸 3层130抽*24包」", encoding="utf-8")
    assert main(["--db", db, "products", "import-text", str(one), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1
    database = Database.open(Path(db))
    try:
        with database.session() as s:
            got = {(p.title, p.price_fen, p.platform_product_id) for p in s.scalars(select(Product))}
    finally:
        database.close()
    assert got == {("维达抽纸 24包", 1990, None), ("蓝月亮洗衣液 3kg", 3990, "100012345678"),
                   ("维达超韧抽纸 3层130抽*24包", None, None)}
    for written, reason in (("", "文字是空的"), ("今天天气真好，大家早点休息\n", "不像商品分享文字")):  # nothing added, and why
        other = tmp_path / "other.txt"
        other.write_text(written, encoding="utf-8")
        assert main(["--db", db, "products", "import-text", str(other), "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["added"] == 0 and reason in out["skipped"][0]["reason"]
    database = Database.open(Path(db))
    try:
        with database.session() as s:
            assert s.scalar(select(func.count()).select_from(Product)) == 3
    finally:
        database.close()


def test_cli_products_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_xlsx(tmp_path / "picks.xlsx", [
        ["商品标题", "平台", "商品ID", "链接", "券后价(元)", "原价", "佣金比例", "标签"],
        ["赣南脐橙 10斤", "拼多多", "436712345678", "https://mobile.yangkeduo.com/goods.html?goods_id=436712345678",
         "39.9", "59.9", "20%", "水果,当季"],
        ["", "京东", "1", "https://u.jd.com/x", "9.9", "", "", ""],  # no title: skipped, with its reason
        ["维达抽纸 24包", "京东", "100012345678", "https://u.jd.com/Ab3CdE9", "45.9", "", "10%", ""],
    ])
    db = str(tmp_path / "p.db")
    assert main(["--db", db, "products", "import", str(sheet), "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "products", "import", str(sheet), "--json"]) == 0  # again: nothing doubled
    json.loads(capsys.readouterr().out)
    database = Database.open(Path(db))
    try:
        with database.session() as s:
            picks = {p.title: p for p in s.scalars(select(Product))}
            assert set(picks) == {"赣南脐橙 10斤", "维达抽纸 24包"}
            orange = picks["赣南脐橙 10斤"]
            assert (orange.platform_key, orange.price_fen, orange.original_price_fen, orange.commission_rate_bp) == \
                ("pdd", 3990, 5990, 2000)
            assert sorted(t.tag for t in orange.tags) == ["当季", "水果"]
    finally:
        database.close()
    assert first["added"] == 2 and len(first["skipped"]) == 1


class CancelAfterFirst(Progress):
    def update(self, done: int, total: int = 0, message: str = "") -> None:
        if done >= 1:
            self.cancel()
        super().update(done, total, message)


def test_cancelling_a_poster_batch_records_no_share_for_posters_not_kept(db, tmp_path: Path) -> None:
    from microshop.services.picks import batch_posters

    with db.session() as s:
        for n in range(6):
            s.add(Product(title=f"商品{n}", link=f"https://u.jd.com/p{n}", price_fen=990))
    with db.session() as s:
        ids = list(s.scalars(select(Product.id)))
    with pytest.raises(Cancelled):
        batch_posters(db.session, ids, "square", tmp_path / "batch", progress=CancelAfterFirst(), workers=1)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Share)) == 0  # the batch was not recorded as shared
    assert len(list((tmp_path / "batch").glob("*.jpg"))) < 6  # it stopped; the rest were never made


def test_merging_customers_moves_tags_and_addresses_without_doubles(db) -> None:
    from microshop.services.customers import merge_customers

    with db.session() as s:
        keep = Customer(name="张姐", tags=[CustomerTag(tag="老客户")],
                        addresses=[CustomerAddress(address="3栋2单元502", recipient="张姐")])
        dup = Customer(name="张姐（微信）", phone="13812345678", tags=[CustomerTag(tag="老客户"), CustomerTag(tag="团长")],
                       addresses=[CustomerAddress(address="3栋2单元502"), CustomerAddress(address="10号楼1201", phone="13812345678")])
        s.add_all([keep, dup])
        s.flush()
        s.add(Order(customer_id=dup.id, ordered_at=keep.created_at))
        keep_id, dup_id = keep.id, dup.id
    with db.session() as s:
        assert merge_customers(s, keep_id, dup_id) == 1
    with db.session() as s:
        kept = s.get(Customer, keep_id)
        assert sorted(t.tag for t in kept.tags) == ["团长", "老客户"]
        assert sorted(a.address for a in kept.addresses) == ["10号楼1201", "3栋2单元502"]
        assert kept.phone == "13812345678" and s.get(Customer, dup_id).merged_into_id == keep_id
        assert s.scalar(select(func.count()).select_from(Order).where(Order.customer_id == keep_id)) == 1


def test_microshop_lang_at_start_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``MICROSHOP_LANG=en`` with a compiled translation: the started app shows it; without: Chinese."""
    import PySide6

    tools = Path(PySide6.__file__).parent
    ts = tmp_path / "microshop_en.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="en">'
                  '<context><name></name><message><source>微店管家</source>'
                  '<translation>MicroShop Manager</translation></message></context></TS>', encoding="utf-8")
    subprocess.run([str(tools / "lrelease"), str(ts), "-qm", str(tmp_path / "microshop_en.qm")], check=True,
                   capture_output=True)
    probe = ("import sys; from pathlib import Path; from microshop import paths; "
             f"paths.resource = lambda *p: Path({str(tmp_path)!r}); "
             "from microshop.ui.app import create_app; from microshop.ui.i18n import tr; "
             "create_app([]); print(tr('微店管家'))")
    env = {k: v for k, v in __import__("os").environ.items() if k != "MICROSHOP_LANG"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([__import__("sys").executable, "-c", probe], env=env | {"MICROSHOP_LANG": "en"},
                         capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "MicroShop Manager"
    out = subprocess.run([__import__("sys").executable, "-c", probe], env=env, capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "微店管家"


def test_deleting_a_customer_masks_their_phone_in_stored_jielong_texts_and_notes(db) -> None:
    from microshop.services.customers import delete_customers
    from microshop.services.jielong import import_jielong
    from microshop.store.models import JielongImport

    text = "#接龙\n荔枝 ¥59.9\n1. 刘小西 1份 电话 138 1234 5678 放门卫\n2. 王阿姨 2份 电话13900001111\n"
    with db.session() as s:
        import_jielong(s, text)
    with db.session() as s:
        liu = s.scalars(select(Customer).where(Customer.name == "刘小西")).one()
        s.scalars(select(Order).where(Order.customer_id == liu.id)).one().notes = "再打 １３８－１２３４－５６７８"
        liu_id = liu.id
    with db.session() as s:
        assert delete_customers(s, [liu_id]) == 1
    with db.session() as s:
        stored = s.scalars(select(JielongImport.text)).one()
        notes = [n for n in s.scalars(select(Order.notes)) if n]
    assert "138 1234 5678" not in stored and "138****5678" in stored
    assert "13900001111" in stored  # the other customer's number stays
    assert notes == ["再打 138****5678"]


def test_demo_book_and_back_and_a_new_book_leave_the_real_book_untouched(qapp, db, qtbot) -> None:
    """文件 → 打开演示数据 / 回到我的数据 / 新建数据库…: each is another book; the user's rows stay."""
    from microshop.services import book
    from microshop.ui.app import create_app
    from microshop.ui.main_window import MainWindow

    create_app([])
    with db.session() as s:
        s.add(Product(title="我自己的商品"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.open_demo()
    qtbot.waitUntil(lambda: window.replaced_by is not None, timeout=30000)
    demo = window.replaced_by
    qtbot.addWidget(demo)
    assert demo.is_demo and Path(demo.db.path).resolve() == book.demo_book_path().resolve()
    assert orders_in(demo.db) == 160
    demo.back_to_my_book()
    qtbot.waitUntil(lambda: demo.replaced_by is not None, timeout=30000)
    mine = demo.replaced_by
    qtbot.addWidget(mine)
    assert not mine.is_demo and Path(mine.db.path).resolve() == Path(db.path).resolve()
    with mine.db.session() as s:
        assert [p.title for p in s.scalars(select(Product))] == ["我自己的商品"] and orders_in(mine.db) == 0
    fresh = Path(db.path).parent / "另一个账本"
    mine.switch_book(lambda: book.create_book(fresh))
    qtbot.waitUntil(lambda: mine.replaced_by is not None, timeout=30000)
    other = mine.replaced_by
    qtbot.addWidget(other)
    assert Path(other.db.path).name == "另一个账本.sqlite3" and orders_in(other.db) == 0
    from microshop.errors import UserError

    with pytest.raises(UserError, match="已经存在"):
        book.create_book(Path(db.path))
    other.db.close()
