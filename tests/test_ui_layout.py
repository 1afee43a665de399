"""List columns sized to what they show: none wider than MAX_COLUMN_PX, the wide column (title,
address) takes what is left, and at 1024 px every 订单 column fits without scrolling."""

from __future__ import annotations

import pytest
from conftest import settle
from PySide6.QtWidgets import QHeaderView

from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow
from microshop.ui.pages.base import MAX_COLUMN_PX


@pytest.fixture
def app(qapp):
    return create_app([])


@pytest.mark.parametrize("width", [1024, 1920])
def test_order_columns_fit_and_the_title_takes_the_rest(app, demo_db, qtbot, width: int) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(width, 700)
    window.show()
    page = next(p for p in window.pages if getattr(p, "title", "") == "订单")
    window.nav.setCurrentRow(window.pages.index(page))
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    settle(qtbot, page)
    view, wide = page.table, page.model.source.wide_column
    header = view.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionResizeMode(wide) == QHeaderView.ResizeMode.Stretch, timeout=5000)
    columns = range(page.model.columnCount())
    assert all(view.columnWidth(c) <= MAX_COLUMN_PX for c in columns if c != wide)
    assert sum(view.columnWidth(c) for c in columns) <= view.viewport().width()  # no column hidden off the side
    others = max(view.columnWidth(c) for c in columns if c != wide)
    if width == 1920:
        assert view.columnWidth(wide) > others  # the title takes the room, numbers stay near their labels
    assert not header.stretchLastSection()


def test_income_figures_stay_under_their_labels_on_a_wide_screen(app, demo_db, qtbot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1920, 1000)
    window.show()
    window.nav.setCurrentRow(4)
    page = window.pages[4]
    settle(qtbot, page)
    qtbot.waitUntil(lambda: not page.loading, timeout=15000)
    view = page.income_view
    last = page.income.columnCount() - 1
    assert view.viewport().width() > 1400
    assert view.columnWidth(last) <= MAX_COLUMN_PX  # not stretched ~900 px away from its label


def test_a_long_status_message_stops_short_of_the_counts(app, db, qtbot) -> None:
    """Qt drew a long message (a month's batch summary) over 商品 · 客户 · 订单 · 账单: it is cut
    to the room left of them, the whole text in the bar's tooltip."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitUntil(lambda: window.counts_label.text() != "", timeout=15000)
    message = "已导入 4 个账单（新增 103 行，更新 0 行），1 个订单表（新增 80 个订单）" + "；抖音精选联盟：共 26 行" * 8
    window.flash(message)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown != message and shown.startswith("已导入 4 个账单")
    assert bar.fontMetrics().horizontalAdvance(shown) <= window.counts_label.x()
    assert bar.toolTip() == message
    window.flash("已保存")
    assert bar.currentMessage() == "已保存" and bar.toolTip() == ""
