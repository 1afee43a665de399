"""GUI of 订单/客户: 接龙 dialog, order editor, customer history and merge, pickup filter."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from conftest import FIXTURES, settle
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from microshop.errors import UserError
from microshop.services import customers as csvc
from microshop.services import orders as osvc
from microshop.store.models import Customer, Order, OrderItem, Product
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow
from microshop.ui.order_dialogs import JielongDialog, OrderDialog


@pytest.fixture
def app(qapp):
    return create_app([])



def pasted(db, qtbot, text: str) -> JielongDialog:
    """接龙导入 with ``text`` pasted, once its lookups in the book (customers, picks, earlier imports) landed."""
    dialog = JielongDialog(db)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(text)
    with qtbot.waitSignal(dialog.looked_up, timeout=10000):
        dialog.reparse()
    return dialog

def test_jielong_dialog_previews_maps_and_saves(app, db, qtbot, qtmodeltester) -> None:
    with db.session() as s:
        s.add(Product(title="台农芒果 5斤 特价", platform_key="pdd", price_fen=3990))
        s.add(Customer(name="王阿姨", phone="13900001111"))
    dialog = pasted(db, qtbot, (FIXTURES / "jielong" / "multi_product.txt").read_text(encoding="utf-8"))
    model = dialog.model
    assert model.rowCount() == 7
    qtmodeltester.check(model, force_py=True)
    red = model.data(model.index(6, 0), Qt.ItemDataRole.BackgroundRole)
    assert red is not None and model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(1, 5)) == "王阿姨"  # suggested existing customer
    assert "1 行没看懂" in dialog.summary.text() and "¥454.10" in dialog.summary.text()
    combo = dialog.product_combos["台农芒果 5斤"]
    combo.setCurrentIndex(combo.findText("台农芒果 5斤 特价"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.outcome["orders"] == 6
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 6  # 王阿姨 reused
        mango = s.scalars(select(OrderItem).where(OrderItem.product_id.is_not(None))).all()
        assert {i.title for i in mango} == {"台农芒果 5斤 特价"} and sum(i.quantity for i in mango) == 5  # 冯宝妈 2, 李雪 1, 孙阿婆 1, 何姐 1


def test_jielong_dialog_asks_prices_for_an_unpriced_menu(app, db, qtbot) -> None:
    dialog = pasted(db, qtbot, (FIXTURES / "realworld" / "jielong" / "letter_menu_no_price.txt").read_text(encoding="utf-8"))
    assert set(dialog.price_edits) == {"鲜肉包", "豆浆", "茶叶蛋"}
    assert not dialog.ok.isEnabled() and "鲜肉包" in dialog.ok.toolTip()
    dialog.price_edits["鲜肉包"].setText("2.5")
    dialog.price_edits["豆浆"].setText("两块")  # not a price: still missing
    dialog.price_edits["茶叶蛋"].setText("1.5")
    assert not dialog.ok.isEnabled()
    dialog.price_edits["豆浆"].setText("2")
    assert dialog.ok.isEnabled()
    assert "明早早餐" in dialog.remarks.text()  # the title line is shown, not dropped
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.outcome["orders"] == 3
    with db.session() as s:
        assert sorted(s.scalars(select(OrderItem.amount_fen))) == [150, 200, 200, 500]


def test_jielong_dialog_shows_a_withdrawn_entry_and_orders_the_rest(app, db, qtbot) -> None:
    dialog = pasted(db, qtbot, (FIXTURES / "realworld" / "jielong" / "extra_size_initials_and_cancel.txt").read_text(encoding="utf-8"))
    model = dialog.model
    rows = {int(model.data(model.index(r, 0))): r for r in range(model.rowCount())}
    assert set(rows) == {1, 2, 3, 4}  # 王姐 withdrew: shown, saying so, not red as unread
    assert (model.data(model.index(rows[4], 1)), model.data(model.index(rows[4], 2))) == ("王姐", "（已取消）")
    assert model.data(model.index(rows[4], 6)) == "已取消，不会导入"
    assert model.data(model.index(rows[4], 1), Qt.ItemDataRole.BackgroundRole) is None  # red is for unread lines
    assert "1 人已取消" in dialog.summary.text() and "没看懂" not in dialog.summary.text()
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.outcome["orders"] == 3
    assert [s["seq"] for s in dialog.outcome["skipped"]] == [4] and "已取消" in dialog.outcome["skipped"][0]["reason"]
    with db.session() as s:
        assert "王姐" not in set(s.scalars(select(Customer.name)))


def test_order_dialog_collects_and_saves(app, db, qtbot) -> None:
    dialog = OrderDialog(pickup_points=["3栋门口"])
    qtbot.addWidget(dialog)
    dialog.customer.setText("新邻居")
    dialog.platform.setCurrentIndex(dialog.platform.findData("jd"))
    dialog.pickup.setCurrentText("3栋门口")
    dialog.items.item(0, 0).setText("维达抽纸 24包")
    dialog.items.item(0, 1).setText("2")
    dialog.items.setItem(0, 2, type(dialog.items.item(0, 0))("73.8"))
    dialog.items.setItem(0, 3, type(dialog.items.item(0, 0))("71.8"))
    data = dialog.collect()
    with db.session() as s:
        order_id = osvc.save_order(s, data)
    with db.session() as s:
        order = s.get(Order, order_id)
        item = order.items[0]
        assert (order.customer.name, order.platform_key, order.pickup_point) == ("新邻居", "jd", "3栋门口")
        assert (item.quantity, item.amount_fen, item.platform_amount_fen) == (2, 7380, 7180)
        edited = osvc.load_order(s, order_id)
    edited.items[0].quantity = 3
    with db.session() as s:
        osvc.save_order(s, edited, order_id)
    with db.session() as s:
        assert s.get(Order, order_id).items[0].quantity == 3
        assert s.scalar(select(func.count()).select_from(OrderItem)) == 1
    dialog.items.item(0, 1).setText("两")
    with pytest.raises(UserError):
        dialog.collect()


def test_customer_history_and_merge(app, demo_db, qtbot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    customers = window.pages[3]
    with demo_db.session() as s:
        a, b = s.scalars(select(Customer).order_by(Customer.id).limit(2)).all()
        a_orders = s.scalar(select(func.count()).select_from(Order).where(Order.customer_id == a.id))
        b_orders = s.scalar(select(func.count()).select_from(Order).where(Order.customer_id == b.id))
    window.show_customer_orders(a.id)
    orders = window.pages[2]
    settle(qtbot, window)
    assert window.stack.currentWidget() is orders and orders.model.rowCount() == a_orders
    assert a.name in orders.customer_chip.text()
    orders.show_customer(None)
    with demo_db.session() as s:
        moved = csvc.merge_customers(s, a.id, b.id)
    assert moved == b_orders
    with demo_db.session() as s:
        assert s.get(Customer, b.id).merged_into_id == a.id
        assert s.scalar(select(func.count()).select_from(Order).where(Order.customer_id == a.id)) == a_orders + b_orders
    customers.reload()
    settle(qtbot, window)
    with demo_db.session() as s:
        visible = s.scalar(select(func.count()).select_from(Customer).where(Customer.merged_into_id.is_(None)))
    assert customers.model.rowCount() == visible
    with pytest.raises(UserError):
        with demo_db.session() as s:
            csvc.merge_customers(s, a.id, b.id)


def test_customer_tags_and_addresses(db) -> None:
    with db.session() as s:
        cid = csvc.save_customer(s, csvc.CustomerInput("张姐", phone="138 1234 5678", tags=["宝妈", "老客户", "宝妈"],
                                                       addresses=["3栋1单元 101", ""]))
    with db.session() as s:
        data = csvc.load_customer(s, cid)
    assert (data.phone, sorted(data.tags), data.addresses) == ("13812345678", ["宝妈", "老客户"], ["3栋1单元 101"])


def test_pickup_point_filter(app, db, qtbot) -> None:
    with db.session() as s:
        for point in ("3栋门口", "南门", "南门"):
            order = Order(ordered_at=datetime(2026, 10, 1, tzinfo=UTC), pickup_point=point)
            order.items = [OrderItem(title="荔枝", amount_fen=100)]
            s.add(order)
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = window.pages[2]
    settle(qtbot, window)  # the filter's choices are read on the worker
    page.pickup.setCurrentIndex(page.pickup.findData("南门"))
    settle(qtbot, window)
    assert page.model.rowCount() == 2


def test_privacy_mode_masks_phones_and_addresses_on_screen(app, db, qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

    from microshop.ui.pages.customers import CustomerDialog

    with db.session() as s:
        cid = csvc.save_customer(s, csvc.CustomerInput("张姐", phone="13812345678",
                                                       addresses=["浙江省杭州市西湖区文三路 100 号 3 栋 101"]))
    window = MainWindow(db)
    qtbot.addWidget(window)
    customers = window.pages[3]
    settle(qtbot, window)
    row = customers.model.ids().index(cid)
    assert customers.model.data(customers.model.index(row, 4)).endswith("3 栋 101")  # normal: full address
    window.set_privacy(True)
    settle(qtbot, window)
    assert window.privacy_label.isVisibleTo(window) and window.privacy_action.isChecked()
    texts = [customers.model.data(customers.model.index(row, c)) for c in range(customers.model.columnCount())]
    assert "浙江省杭州市****" in texts and not any("文三路" in t or "13812345678" in t for t in texts)
    with db.session() as s:
        dialog = CustomerDialog(csvc.load_customer(s, cid), customers, privacy=True)
    qtbot.addWidget(dialog)
    shown = [w.text() for w in dialog.findChildren(QLineEdit)] + [w.toPlainText() for w in dialog.findChildren(QPlainTextEdit)] \
        + [w.text() for w in dialog.findChildren(QLabel)]
    assert not any("13812345678" in t or "文三路" in t for t in shown)
    dialog.nickname.setText("张姐的微信")
    data = dialog.collect()
    with db.session() as s:
        csvc.save_customer(s, data, cid)
    with db.session() as s:
        saved = csvc.load_customer(s, cid)
    assert saved.phone == "13812345678" and saved.addresses == ["浙江省杭州市西湖区文三路 100 号 3 栋 101"]
    again = MainWindow(db)  # the choice is remembered
    qtbot.addWidget(again)
    settle(qtbot, again)
    assert again.privacy


def test_jielong_preview_marks_what_an_earlier_paste_imported_and_sets_the_batch(app, db, qtbot) -> None:
    """Pasting the same list again: the entries already in are marked (and why) and not made
    twice; the batch's status and pickup point apply to every new order."""
    from microshop.services.jielong import import_text

    text = (FIXTURES / "jielong" / "multi_product.txt").read_text(encoding="utf-8")
    first = "\n".join(line for line in text.splitlines() if not line.startswith(("5、", "6、")))
    assert import_text(db, first)["orders"] == 4  # 1–4 came in yesterday
    dialog = pasted(db, qtbot, text)  # today's repost: 5 and 6 are new
    model = dialog.model
    state = {int(model.data(model.index(r, 0))): model.data(model.index(r, 6)) for r in range(model.rowCount())}
    assert all("之前已导入" in state[seq] for seq in (1, 2, 3, 4))
    assert state[5] == state[6] == "" and "没看懂" in state[7]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # marked
    assert "4 条之前已导入" in dialog.summary.text()
    dialog.batch_status.setCurrentIndex(dialog.batch_status.findData("paid"))
    dialog.batch_pickup.setCurrentText("南门快递柜")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10000)
    assert dialog.outcome["orders"] == 2
    with db.session() as s:
        new = s.scalars(select(Order).order_by(Order.id)).all()[4:]
        assert [(o.status, o.pickup_point) for o in new] == [("paid", "南门快递柜")] * 2
        assert s.scalar(select(func.count()).select_from(Order)) == 6


def test_jielong_preview_shows_names_and_reasons_whole(app, db, qtbot) -> None:
    """客户 and 说明 were cut ("Kevin …", "之前已导…"): each column but 商品与数量 is as wide as
    what it shows (up to MAX_COLUMN_PX, the tooltip has the rest); 商品与数量 takes what is left."""
    from microshop.services.jielong import import_text
    from microshop.ui.pages.base import MAX_COLUMN_PX

    text = (FIXTURES / "jielong" / "multi_product.txt").read_text(encoding="utf-8")
    import_text(db, text)
    dialog = JielongDialog(db)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 640)
    dialog.show()
    dialog.text.setPlainText(text + "\n8. Kevin Zhang（三号楼） 1份")
    with qtbot.waitSignal(dialog.looked_up, timeout=10000):
        dialog.reparse()
    view, model = dialog.table, dialog.model
    metrics = view.fontMetrics()
    for column in (1, 6):  # 客户, 说明
        widest = max(metrics.horizontalAdvance(str(model.data(model.index(r, column)) or ""))
                     for r in range(model.rowCount()))
        assert view.columnWidth(column) >= min(widest + 8, MAX_COLUMN_PX), column
    assert view.horizontalHeader().sectionResizeMode(JielongDialog.ITEMS_COLUMN).name == "Stretch"


def test_jielong_preview_with_everything_imported_cannot_be_confirmed(app, db, qtbot) -> None:
    from microshop.services.jielong import import_text

    text = (FIXTURES / "jielong" / "multi_product.txt").read_text(encoding="utf-8")
    import_text(db, text)
    dialog = pasted(db, qtbot, text)
    assert not dialog.ok.isEnabled()  # nothing new: 生成订单 would make nothing


def orders_page_importing(db, qtbot, monkeypatch, book):
    """The 订单 page with its file dialog choosing ``book`` and its confirm box answering 是;
    returns the page and the texts the boxes asked."""
    from PySide6.QtWidgets import QMessageBox

    from microshop.ui import file_dialogs

    monkeypatch.setattr(file_dialogs, "open_file", lambda *a: book)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Yes)
    window = MainWindow(db)
    qtbot.addWidget(window)
    settle(qtbot, window)
    return window.pages[2], asked


def test_order_book_import_says_which_columns_it_leaves_out_then_imports(app, db, qtbot, monkeypatch, tmp_path) -> None:
    from conftest import write_xlsx

    book = write_xlsx(tmp_path / "手记账.xlsx", [["日期", "客户", "商品", "金额", "是否付款", "微信号"],
                                                ["2026-11-03 10:00", "小美", "丹东草莓", 136, "未付", "mei01"]])
    page, asked = orders_page_importing(db, qtbot, monkeypatch, book)
    page.import_order_book()
    settle(qtbot, page)
    assert len(asked) == 1 and "1 个订单可以导入" in asked[0] and "不会导入：微信号" in asked[0]
    with db.session() as s:
        assert s.scalars(select(Order.status)).all() == ["pending_payment"]


def test_jielong_preview_says_under_the_table_why_a_row_is_red(app, db, qtbot) -> None:
    dialog = pasted(db, qtbot, "#接龙\n草莓 68元\n蓝莓 30元\n1. 王五 +1\n2. 张三 草莓2\n")
    assert not dialog.unread.isHidden()
    assert dialog.unread.text() == "第 1 条（王五）：只写了数量，没写要哪个商品（这个接龙有 2 个商品），请在左边补上商品名"
    assert "只写了数量" in dialog.model.index(0, dialog.ITEMS_COLUMN).data()
    dialog.text.setPlainText("#接龙\n草莓 68元\n1. 王五 草莓1\n")
    with qtbot.waitSignal(dialog.looked_up, timeout=10000):
        dialog.reparse()
    assert dialog.unread.isHidden()


def test_a_book_without_years_asks_which_year_then_imports(app, db, qtbot, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QInputDialog

    from microshop.domain.timeutil import format_local

    book = tmp_path / "手记账.csv"
    book.write_text("日期,客户,商品,金额\n12月30日,小美,草莓,68\n1月2日,老陈,草莓,68\n", encoding="utf-8")
    asked: list[str] = []
    answers = iter([(2025, False), (2026, True)])  # cancelled once (nothing happens), then 2026

    def year(_parent, _title, label, *_a):
        asked.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getInt", year)
    page, confirmed = orders_page_importing(db, qtbot, monkeypatch, book)
    page.import_order_book()
    settle(qtbot, page)
    assert len(asked) == 1 and "2 行的日期没写年份" in asked[0] and confirmed == []
    page.import_order_book()
    settle(qtbot, page)
    assert len(confirmed) == 1 and "2 个订单可以导入" in confirmed[0]
    with db.session() as s:
        got = sorted(format_local(t, "%Y-%m-%d") for t in s.scalars(select(Order.ordered_at)))
    assert got == ["2026-12-30", "2027-01-02"]
