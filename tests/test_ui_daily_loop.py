"""The daily loop, driven as a user would and counted in actions (issue #17):
a copied share text → a poster on the clipboard in ≤ 3 actions; a copied 接龙 → saved orders in ≤ 4.
Each ``act()`` is one thing the user does (a key, a click); everything else is waiting."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from conftest import FIXTURES, settle
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QTimer
from PySide6.QtGui import QGuiApplication
from sqlalchemy import func, select

from microshop.store.models import Customer, Order, Product, Share
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow


@pytest.fixture
def app(qapp):
    return create_app([])


class Actions:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, action, *args):
        self.count += 1
        return action(*args)


def clipboard_png() -> Image.Image:
    image = QGuiApplication.clipboard().image()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data())))


def test_share_text_to_poster_on_the_clipboard_in_three_actions(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    act = Actions()
    text = (FIXTURES / "realworld" / "sharetext" / "pdd_reseller_copy.txt").read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(text)  # copied in the platform's app (before: not ours)
    products, posters = window.pages[0], window.pages[1]

    def save_in_dialog() -> None:
        dialog = products.last_dialog
        assert dialog is not None and dialog.title_edit.text()  # prefilled from the text
        act(dialog.accept)  # 2: 保存

    QTimer.singleShot(0, save_in_dialog)
    assert act(window.paste_anything) == "share"  # 1: Ctrl+V (returns once the dialog is closed)
    assert window.stack.currentWidget() is posters  # 海报, with the new pick selected …
    settle(qtbot, window)
    with db.session() as s:
        product = s.scalars(select(Product)).one()
    assert posters.selected_product() == product.id
    qtbot.waitUntil(lambda: len(posters._rendered) == 1, timeout=20_000)  # … and its poster rendered
    act(posters.copy_image)  # 3: 复制图片
    assert act.count <= 3
    settle(qtbot, window)
    (decoded,) = zxingcpp.read_barcodes(clipboard_png())
    assert decoded.text == product.link and product.link in text
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Share).where(Share.product_id == product.id)) == 1


def test_a_pasted_jielong_becomes_saved_orders_in_two_actions(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    act = Actions()
    text = (FIXTURES / "jielong" / "multi_product.txt").read_text(encoding="utf-8")
    QGuiApplication.clipboard().setText(text)
    orders = window.pages[2]
    messages: list[str] = []
    orders.status_message.connect(messages.append)

    def import_in_dialog() -> None:
        dialog = orders.last_dialog
        assert dialog is not None and dialog.model.rowCount() > 0  # already parsed, as pasted
        act(dialog.accept)  # 2: 生成订单
        qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)

    QTimer.singleShot(0, import_in_dialog)
    assert act(window.paste_anything) == "jielong"  # 1: Ctrl+V
    assert act.count <= 4
    assert window.stack.currentWidget() is orders
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == orders.last_dialog.outcome["orders"] > 0
        assert s.scalar(select(func.count()).select_from(Customer)) > 0
    assert messages and messages[-1].startswith("接龙：已生成")


def test_ctrl_v_with_nothing_useful_says_what_to_copy(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    QGuiApplication.clipboard().setText("好的，明天见")
    assert window.paste_anything() == "nothing"
    assert "剪贴板里没有分享文本、接龙或图片" in window.statusBar().currentMessage()


def test_a_pasted_picture_joins_the_selected_pick_and_says_so(app, db, qtbot) -> None:
    """An image on the clipboard → the pick selected in 选品库 (or 海报); the message names the pick,
    counts its pictures and warns when this one is too small for a sharp poster."""
    from PySide6.QtGui import QImage

    from microshop.services import products as psvc
    from microshop.store.models import ProductImage

    with db.session() as s:
        first = psvc.save_product(s, psvc.ProductInput("海南妃子笑荔枝 5斤装", platform_key="pdd"))
        other = psvc.save_product(s, psvc.ProductInput("赣南脐橙 10斤", platform_key="pdd"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1180, 668)
    window.show()
    products = window.pages[0]
    qtbot.waitUntil(lambda: products.model.rowCount() == 2, timeout=10_000)
    QGuiApplication.clipboard().setImage(QImage(str(FIXTURES / "images" / "tiny_48px.jpg")))
    assert window.paste_anything() == "image"
    assert "先在选品库或海报里选中它" in window.statusBar().currentMessage()  # nothing selected: nothing added
    products.table.selectRow(products.model.ids().index(other))
    assert window.paste_anything() == "image"
    qtbot.waitUntil(lambda: "图片已加到" in window.statusBar().currentMessage(), timeout=10_000)
    assert window.statusBar().currentMessage() == (
        "图片已加到“赣南脐橙 10斤”（共 1 张）；这张只有 48×48，海报上会模糊")
    QGuiApplication.clipboard().setImage(QImage(str(FIXTURES / "images" / "orange_transparent.png")))
    assert window.paste_anything() == "image"
    qtbot.waitUntil(lambda: "共 2 张" in window.statusBar().currentMessage(), timeout=10_000)
    assert "模糊" not in window.statusBar().currentMessage()
    with db.session() as s:
        sizes = [(i.product_id, i.position, i.width) for i in s.scalars(select(ProductImage).order_by(ProductImage.id))]
    assert sizes == [(other, 0, 48), (other, 1, Image.open(FIXTURES / "images" / "orange_transparent.png").width)]
    assert first not in {p for p, _pos, _w in sizes}
    window.nav.setCurrentRow(1)  # on 海报 it goes to the pick shown there (the one just chosen)
    posters = window.pages[1]
    qtbot.waitUntil(lambda: posters.selected_product() == other, timeout=10_000)
    assert window.paste_anything() == "image"
    qtbot.waitUntil(lambda: "共 3 张" in window.statusBar().currentMessage(), timeout=10_000)


def test_posters_follow_a_pick_newly_selected_in_the_library(app, db, qtbot) -> None:
    from microshop.services import products as psvc

    with db.session() as s:
        ids = [psvc.save_product(s, psvc.ProductInput(t, platform_key="jd")) for t in ("甲", "乙", "丙")]
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    products = window.pages[0]
    qtbot.waitUntil(lambda: products.model.rowCount() == 3, timeout=10_000)
    products.table.selectRow(products.model.ids().index(ids[1]))
    window.nav.setCurrentRow(1)  # 海报: 乙, the pick just chosen
    posters = window.pages[1]
    qtbot.waitUntil(lambda: posters.selected_product() == ids[1], timeout=10_000)
    posters.product_view.selectRow(posters.products.ids().index(ids[0]))  # chosen here: 甲
    window.nav.setCurrentRow(2)
    window.nav.setCurrentRow(1)
    settle(qtbot, window)
    assert posters.selected_product() == ids[0]  # away and back: its own choice kept
    window.nav.setCurrentRow(0)
    products.table.selectRow(products.model.ids().index(ids[2]))
    window.nav.setCurrentRow(1)
    qtbot.waitUntil(lambda: posters.selected_product() == ids[2], timeout=10_000)


def test_month_end_four_statements_and_the_order_book_in_ten_actions(app, db, qtbot, monkeypatch) -> None:
    """对账 → 导入账单 (the four statements and the order book in one selection, 全部导入): five
    actions; the page is on the month the files cover, with the five categories as the reference
    reconciliation has them."""
    import json

    expected = json.loads((FIXTURES / "expected" / "reconcile_2026-10.json").read_text(encoding="utf-8"))
    statements = sorted((FIXTURES / "statements").glob("*_2026-10.*"))
    assert len(statements) == 4
    files = [*statements, FIXTURES / "orders" / "orders_2026-10.xlsx"]  # the order book last, as a user may pick it
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    act = Actions()
    reconcile = window.pages[4]

    def choose(dialog):  # the file dialog: pick the files and 打开 = 2 actions
        assert dialog.objectName() == "file_dialog_statements"
        act.count += 2
        return [str(f) for f in files]

    monkeypatch.setattr("microshop.ui.file_dialogs._ask", choose)
    act(window.nav.setCurrentRow, 4)  # 对账
    flow = reconcile.import_flow
    seen = {}

    def import_all() -> None:
        dialog = flow.last_batch_dialog
        table = dialog.table
        seen["rows"] = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 3).text())
                        for r in range(table.rowCount())}
        act(dialog.ok.click)  # 全部导入

    qtbot.waitUntil(lambda: not reconcile.loading, timeout=20_000)
    flow.last_batch_dialog = None
    monkeypatch.setattr(type(flow), "_confirm_many", _with_after(type(flow)._confirm_many, import_all))
    with qtbot.waitSignal(reconcile.status_message, timeout=60_000) as done:
        act(reconcile.choose_file)  # 导入账单…
    assert act.count <= 5, act.count
    assert len(seen["rows"]) == 5
    assert seen["rows"]["orders_2026-10.xlsx"] == ("我的订单表", "80 个订单")
    assert done.args[0].startswith("已导入 4 个账单（新增 103 行，更新 0 行），1 个订单表（新增 80 个订单）"), done.args[0]
    assert reconcile.month.currentData() == "2026-10"  # switched to the files' month
    qtbot.waitUntil(lambda: not reconcile.loading and reconcile.result is not None, timeout=30_000)
    assert reconcile.result.counts() == expected["counts"]
    qtbot.waitUntil(lambda: "订单 80 ·" in window.counts_label.text(), timeout=10_000)  # status-bar counts refreshed


def test_an_order_book_alone_in_import_statements_is_imported_as_orders(app, db, qtbot, monkeypatch) -> None:
    """One file picked in 导入账单 that is the order book, not a statement: it is recognised and
    confirmed like a batch (not sent to the column mapping); picked again, nothing is added twice."""
    from sqlalchemy import func, select

    from microshop.store.models import Order

    book = FIXTURES / "orders" / "orders_2026-10.xlsx"
    window = MainWindow(db)
    qtbot.addWidget(window)
    reconcile = window.pages[4]
    monkeypatch.setattr("microshop.ui.file_dialogs._ask", lambda dialog: [str(book)])
    flow = reconcile.import_flow
    seen = []

    def import_all() -> None:
        dialog = flow.last_batch_dialog
        seen.append((dialog.table.item(0, 1).text(), dialog.table.item(0, 3).text(), dialog.table.item(0, 5).text()))
        dialog.ok.click()

    monkeypatch.setattr(type(flow), "_confirm_many", _with_after(type(flow)._confirm_many, import_all))
    for _ in range(2):
        with qtbot.waitSignal(reconcile.status_message, timeout=30_000) as done:
            reconcile.choose_file()
    assert seen[0] == ("我的订单表", "80 个订单", "可以导入")
    assert seen[1][1] == "0 个订单" and "80 个订单已在订单簿里" in seen[1][2]
    assert "新增 0 个订单" in done.args[0]
    with db.session() as session:
        assert session.scalar(select(func.count(Order.id))) == 80


def when(condition, action) -> QTimer:
    """Do ``action`` once ``condition`` holds, checked from the event loop (works inside a modal
    dialog's own loop, where a nested wait would never return)."""
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        if condition():
            timer.stop()
            action()

    timer.timeout.connect(check)
    timer.start()
    return timer


def _with_after(method, hook):
    """Run ``hook`` once the batch dialog is up (it is modal: the hook runs inside its loop)."""
    def wrapped(self):
        QTimer.singleShot(0, hook)
        return method(self)
    return wrapped


def test_the_menu_and_button_paths_still_ask_for_the_text(app, db, qtbot, monkeypatch) -> None:
    """粘贴分享文本… and 接龙导入 from their menus/buttons (which pass ``checked``) open their usual input."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QInputDialog, QPushButton

    window = MainWindow(db)
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: asked.append("share") or ("", False))
    (action,) = [a for a in window.pages[0].findChildren(QAction) if a.text() == "粘贴分享文本…"]
    action.trigger()
    assert asked == ["share"]
    orders = window.pages[2]
    QTimer.singleShot(0, lambda: orders.last_dialog.reject())
    (button,) = [b for b in orders.findChildren(QPushButton) if b.text() == "接龙导入"]
    button.click()
    assert orders.last_dialog is not None and orders.last_dialog.text.toPlainText() == ""


def test_a_file_that_goes_bad_between_preview_and_import_leaves_the_others_imported(app, db, qtbot, monkeypatch,
                                                                                   tmp_path) -> None:
    """Each file is its own transaction: one that can no longer be read when 全部导入 is pressed is
    named in the message, the others are in the book."""
    import shutil

    from sqlalchemy import func, select

    from microshop.store.models import Order, StatementLine

    jd = shutil.copy(FIXTURES / "statements" / "jd_2026-10.xlsx", tmp_path / "jd_2026-10.xlsx")
    book = shutil.copy(FIXTURES / "orders" / "orders_2026-10.xlsx", tmp_path / "orders_2026-10.xlsx")
    window = MainWindow(db)
    qtbot.addWidget(window)
    reconcile = window.pages[4]
    monkeypatch.setattr("microshop.ui.file_dialogs._ask", lambda dialog: [str(jd), str(book)])
    flow = reconcile.import_flow

    def spoil_then_import() -> None:
        Path(jd).write_bytes(b"PK\x03\x04 not a workbook any more")
        flow.last_batch_dialog.ok.click()

    monkeypatch.setattr(type(flow), "_confirm_many", _with_after(type(flow)._confirm_many, spoil_then_import))
    with qtbot.waitSignal(reconcile.status_message, timeout=30_000) as done:
        reconcile.choose_file()
    assert "1 个没有导入：jd_2026-10.xlsx（" in done.args[0]
    assert "订单表 orders_2026-10.xlsx：新增 80 个订单" in done.args[0]
    with db.session() as session:
        assert session.scalar(select(func.count(Order.id))) == 80
        assert session.scalar(select(func.count(StatementLine.id))) == 0
