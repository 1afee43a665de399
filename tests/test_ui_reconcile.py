"""GUI of 对账: categories and income on screen, import with preview, mapping dialog, actions."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from conftest import FIXTURES, settle
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select

from microshop.domain.money import format_fen
from microshop.errors import Cancelled
from microshop.services.orderbook import import_order_book
from microshop.services.progress import Progress
from microshop.services.statements import import_statement
from microshop.store.models import StatementImport, StatementLine
from microshop.ui.app import create_app
from microshop.ui.item_models import ItemRole
from microshop.ui.main_window import MainWindow
from microshop.ui.statement_import import MappingDialog, PreviewDialog

EXPECTED = json.loads((FIXTURES / "expected" / "reconcile_2026-10.json").read_text(encoding="utf-8"))
STATEMENTS = ["taobao_2026-10.xlsx", "jd_2026-10.xlsx", "pdd_2026-10.xlsx", "douyin_2026-10.csv"]


@pytest.fixture
def app(qapp):
    return create_app([])


@pytest.fixture
def orders_db(db):
    with db.session() as s:
        import_order_book(s, FIXTURES / "orders" / "orders_2026-10.xlsx")
    return db


@pytest.fixture
def month_db(orders_db):
    """The order book and the four sample statements of 2026-10."""
    with orders_db.session() as s:
        for name in STATEMENTS:
            import_statement(s, FIXTURES / "statements" / name)
    return orders_db


def open_page(db, qtbot):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.nav.setCurrentRow(4)
    page = window.pages[4]
    page.month.setCurrentIndex(page.month.findData("2026-10"))
    wait_loaded(page, qtbot)
    return window, page


def wait_loaded(page, qtbot) -> None:
    """The page reconciles on the worker thread; wait for the result to be on screen (and for
    whatever action started it to have landed first)."""
    from conftest import settle

    settle(qtbot, page)
    qtbot.waitUntil(lambda: not page.loading, timeout=15000)


def test_page_shows_the_expected_month(app, month_db, qtbot, qtmodeltester) -> None:
    _window, page = open_page(month_db, qtbot)
    if page.month.findData("2026-10") < 0:
        pytest.skip("2026-10 is more than 12 months ago")
    for i, (category, n) in enumerate(EXPECTED["counts"].items()):
        assert page.item_models[category].rowCount() == n
        assert page.tabs.tabText(i).endswith(f" {n}")
        qtmodeltester.check(page.item_models[category], force_py=True)
    total = page.income.rows[-1]
    assert total[0] == "total" and total[1].estimated == EXPECTED["totals_fen"]["estimated"]
    qtmodeltester.check(page.income, force_py=True)
    assert "¥1,098.03" in page.summary.text()
    mismatch = page.item_models["amount_mismatch"]
    column = next(c for c in range(mismatch.columnCount()) if mismatch.headerData(c, Qt.Orientation.Horizontal) == "差额")
    assert mismatch.rowCount() > 0
    for row, item in enumerate(mismatch.rows):
        diff = item.line_paid_fen - item.order_amount_fen
        assert diff != 0 and mismatch.data(mismatch.index(row, column)) == ("+" if diff > 0 else "") + format_fen(diff)
    matched = page.item_models["matched"]
    assert all(matched.data(matched.index(r, column)) in ("", None) or matched.rows[r].line_paid_fen != matched.rows[r].order_amount_fen
               for r in range(matched.rowCount()))
    hints = [page.tabs.widget(i).findChild(QLabel).text() for i in range(5)]
    assert "差额" in hints[1] and "生成本地订单" in hints[4]


def test_import_through_preview_on_the_worker(app, orders_db, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(PreviewDialog, "exec", lambda self: 1)
    monkeypatch.setattr("microshop.ui.pages.reconcile.QMessageBox.information", lambda *a, **k: None)
    _window, page = open_page(orders_db, qtbot)
    page.import_flow.start(FIXTURES / "statements" / "jd_2026-10.xlsx")
    qtbot.waitUntil(lambda: page.imports_model.rowCount() == 1, timeout=10000)
    with orders_db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 24
    wait_loaded(page, qtbot)
    assert page.item_models["matched"].rowCount() > 0


def test_a_file_two_importers_claim_asks_for_the_platform_once(app, orders_db, qtbot, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "both.csv"  # headers both 京东联盟 and 多多进宝 require
    path.write_text("订单号,下单时间,商品ID,订单状态,预估计佣金额,预估佣金,订单金额\n"
                    "9001,2026-10-05 10:00:00,77,已完成,59.90,5.99,59.90\n", encoding="utf-8")
    asked: list[list[str]] = []

    def choose(_parent, _title, text, labels, *args):
        asked.append(labels)
        assert "无法确定" in text
        return "京东联盟", True

    previews: list[dict] = []
    monkeypatch.setattr("microshop.ui.statement_import.QInputDialog.getItem", choose)
    _window, page = open_page(orders_db, qtbot)
    page.import_flow.confirm = lambda _path, preview, _platform: previews.append(preview)
    page.import_flow.start(path)
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=10000)
    assert asked == [["淘宝联盟", "京东联盟", "多多进宝", "抖音精选联盟"]]
    assert previews[0]["platform"] == "jd" and previews[0]["rows"] == 1


def test_only_an_unrecognised_header_offers_a_column_mapping(app, orders_db, qtbot, monkeypatch, tmp_path: Path) -> None:
    offered: list[str] = []
    shown: list[str] = []
    monkeypatch.setattr("microshop.ui.statement_import.QMessageBox.question",
                        lambda _p, _t, text: offered.append(text) or QMessageBox.StandardButton.No)
    monkeypatch.setattr("microshop.ui.statement_import.show_error", lambda _p, exc: shown.append(str(exc)))
    _window, page = open_page(orders_db, qtbot)
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("编号,金额\n1,2\n", encoding="utf-8")
    page.import_flow.start(unknown)
    qtbot.waitUntil(lambda: len(offered) == 1, timeout=10000)
    assert "无法识别" in offered[0] and shown == []
    garbled = tmp_path / "garbled.csv"  # its message also says 无法识别, but a mapping cannot help
    garbled.write_bytes(bytes(range(0x80, 0xff)) * 3)
    page.import_flow.start(garbled)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10000)
    assert len(offered) == 1


def test_cancelled_import_leaves_nothing(db) -> None:
    class CancelAtOnce(Progress):
        def update(self, done, total=0, message=""):
            raise Cancelled()

    with pytest.raises(Cancelled):
        with db.session() as s:
            import_statement(s, FIXTURES / "statements" / "taobao_2026-10.xlsx", progress=CancelAtOnce())
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(StatementLine)) == 0
        assert s.scalar(select(func.count()).select_from(StatementImport)) == 0


def test_mapping_dialog_previews_with_the_mapping(app, qtbot, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["快团团订单导出"])
    wb.active.append(["跟团号", "下单人", "商品", "订单金额", "团长佣金", "订单状态", "支付时间"])
    wb.active.append(["1001", "张姐", "荔枝 5斤", "59.90", "8.99", "已完成", "2026-10-05 10:00:00"])
    path = tmp_path / "ktt.xlsx"
    wb.save(path)
    dialog = MappingDialog(path, None)
    qtbot.addWidget(dialog)
    assert dialog.header[0] == "跟团号"
    for field, header in {"order_no": "跟团号", "paid": "订单金额", "estimated": "团长佣金",
                          "status": "订单状态", "created": "支付时间"}.items():
        dialog.combos[field].setCurrentIndex(dialog.combos[field].findData(header))
    assert dialog.mapping()["estimated"] == "团长佣金"
    assert "1001" in dialog.preview.text() and "已完成 → 已收货" in dialog.preview.text()
    assert "¥59.90" in dialog.preview.text() and "¥8.99" in dialog.preview.text()
    dialog.grab().save(str(tmp_path / "mapping.png"))


def test_create_order_and_chart_png(app, month_db, qtbot, tmp_path: Path) -> None:
    _window, page = open_page(month_db, qtbot)
    before = page.item_models["unrecorded"].rowCount()
    page.tabs.setCurrentIndex(4)
    page.item_views["unrecorded"].selectRow(0)
    assert page.create_button.isEnabled()
    item = page.item_models["unrecorded"].data(page.item_models["unrecorded"].index(0, 0), ItemRole)
    page.create_order()
    wait_loaded(page, qtbot)
    assert page.item_models["unrecorded"].rowCount() == before - 1
    assert any(i.line_id == item.line_id for i in page.result.items if i.order_item_id)
    out = page.chart.save_png(tmp_path / "chart")
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 100
    colors = {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)}
    assert len(colors) > 5  # bars, text and axes, not a blank image


def test_later_pages_of_unrecorded_lines_are_read_on_a_worker(app, month_db, qtbot, monkeypatch) -> None:
    """Scrolling 平台无记录 shows "…" for a page not read yet and reads it on the task runner's
    worker; no page is ever read on the GUI thread."""
    import threading

    from microshop.services import reconcile as rc
    from microshop.ui.item_models import ItemRole

    monkeypatch.setattr(rc.LineItems, "PAGE", 4)
    threads: list[bool] = []
    real_load = rc.LineItems._load

    def load(self, ids):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_load(self, ids)

    monkeypatch.setattr(rc.LineItems, "_load", load)
    _window, page = open_page(month_db, qtbot)
    if page.month.findData("2026-10") < 0:
        pytest.skip("2026-10 is more than 12 months ago")
    model = page.item_models["unrecorded"]
    last = model.rowCount() - 1
    assert last >= 8  # three pages or more
    assert model.data(model.index(0, 1)) not in ("…", None)  # the first page came with the month
    assert model.data(model.index(last, 1)) == "…"
    with qtbot.waitSignal(model.dataChanged, timeout=10000):
        pass
    shown = model.data(model.index(last, 1))
    item = model.data(model.index(last, 0), ItemRole)
    assert shown != "…" and item is not None and item.line_id == model.rows.ids[last]
    assert threads and not any(threads)


def test_actions_follow_the_selected_items_category(app, month_db, qtbot) -> None:
    _window, page = open_page(month_db, qtbot)
    buttons = (page.link_button, page.unlink_button, page.resolve_button, page.create_button)
    enabled = lambda: tuple(b.isEnabled() for b in buttons)  # noqa: E731
    for tab, category, wanted in ((0, "matched", (False, True, True, False)),
                                  (3, "missing_on_platform", (True, False, True, False)),
                                  (4, "unrecorded", (False, False, True, True))):
        page.tabs.setCurrentIndex(tab)
        assert enabled() == (False, False, False, False)  # nothing selected: nothing to act on
        page.item_views[category].selectRow(0)
        assert enabled() == wanted


@pytest.mark.parametrize("width", [1024, 1180, 1366])
def test_the_month_s_items_show_their_figures_without_scrolling(app, month_db, qtbot, width: int) -> None:
    """金额不符 at 1024 px, the default window and a 1366 laptop: each column as wide as what it shows, the
    title never squeezed, and in sight without scrolling — up to 差额 at 1024 px, every column from 1180."""
    window = MainWindow(month_db)
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    window.nav.setCurrentRow(4)
    page = window.pages[4]
    page.month.setCurrentIndex(page.month.findData("2026-10"))
    wait_loaded(page, qtbot)
    for tab, category in ((0, "matched"), (1, "amount_mismatch")):
        page.tabs.setCurrentIndex(tab)
        view, model = page.item_views[category], page.item_models[category]
        qtbot.waitUntil(lambda view=view: view.isVisible(), timeout=5000)
        headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
        last = headings.index("差额" if width < 1180 else "备注")
        shown = sum(view.columnWidth(c) for c in range(last)) + view.horizontalHeader().sectionSizeHint(last)
        assert shown <= view.viewport().width(), category
        if width >= 1180:
            settle(qtbot, page)
            assert view.horizontalScrollBar().maximum() == 0, category  # 备注 takes the rest, no more
        for c in range(last):
            if c not in (page.ITEM_TITLE, page.ITEM_ORDER_NO):
                assert view.columnWidth(c) >= view.sizeHintForColumn(c), headings[c]
        assert view.columnWidth(page.ITEM_TITLE) >= 140
