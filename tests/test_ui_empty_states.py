"""Empty pages say what to do first, with a button for it; a search that finds nothing says so."""

from __future__ import annotations

import pytest
from conftest import settle
from PySide6.QtWidgets import QInputDialog

from microshop.services import products
from microshop.services.products import ProductInput
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow


@pytest.fixture
def app(qapp):
    return create_app([])


def page_named(window: MainWindow, title: str):
    return next(p for p in window.pages if getattr(p, "title", "") == title)


def test_an_empty_book_shows_the_first_step_on_each_list(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    expected = {"选品库": ("粘贴分享文本…", "Ctrl+V"), "订单": ("接龙导入…", "接龙"), "客户": ("新增客户…", "自动成为客户")}
    for title, (button, words) in expected.items():
        page = page_named(window, title)
        window.nav.setCurrentRow(window.pages.index(page))
        settle(qtbot, page)
        qtbot.waitUntil(lambda page=page: page.empty_panel.isVisible(), timeout=5000)
        assert page.empty_button.text() == button and page.empty_button.isVisible()
        assert words in page.empty_text.text()


def test_the_button_does_the_first_step_and_the_panel_goes_once_there_is_a_row(app, db, qtbot, monkeypatch) -> None:
    asked: list[str] = []

    def ask(_parent, title, _label, *args, **kwargs):
        asked.append(title)
        return "", False  # the user cancels

    monkeypatch.setattr(QInputDialog, "getMultiLineText", ask)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    page = page_named(window, "选品库")
    window.nav.setCurrentRow(window.pages.index(page))
    settle(qtbot, page)
    qtbot.waitUntil(page.empty_panel.isVisible, timeout=5000)
    page.empty_button.click()
    assert asked == ["粘贴分享文本"]

    page.search.setText("没有这个")  # a search that finds nothing: said so, no first-step button
    qtbot.waitUntil(lambda: "没有符合条件" in page.empty_text.text(), timeout=5000)
    assert page.empty_panel.isVisible() and not page.empty_button.isVisible()
    page.search.clear()
    qtbot.waitUntil(page.empty_button.isVisible, timeout=5000)

    products.save(db, ProductInput(title="洗衣凝珠 52颗", platform_key="taobao", price_fen=2990))
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    settle(qtbot, page)
    assert not page.empty_panel.isVisible()


def test_reconcile_says_where_statements_come_from_until_the_month_has_some(app, db, qtbot) -> None:
    from conftest import FIXTURES

    from microshop.services.orderbook import import_order_book
    from microshop.services.statements import import_statement

    with db.session() as s:
        import_order_book(s, FIXTURES / "orders" / "orders_2026-10.xlsx")
    window = MainWindow(db)  # the month list runs up to conftest's fixed clock (November 2026)
    qtbot.addWidget(window)
    window.show()
    page = page_named(window, "对账")
    window.nav.setCurrentRow(window.pages.index(page))
    page.month.setCurrentIndex(page.month.findData("2026-10"))
    settle(qtbot, page)
    qtbot.waitUntil(lambda: not page.loading, timeout=15000)
    assert page.empty_panel.isVisible() and page.empty_button.text() == "导入账单…"
    assert "笔带平台的订单" in page.empty_text.text() and "京东联盟" in page.empty_text.text()
    with db.session() as s:
        import_statement(s, FIXTURES / "statements" / "jd_2026-10.xlsx")
    page.reload()
    settle(qtbot, page)
    qtbot.waitUntil(lambda: not page.loading, timeout=15000)
    assert not page.empty_panel.isVisible()
