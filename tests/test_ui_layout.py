"""List columns sized to what they show: none wider than MAX_COLUMN_PX, the wide column (title,
address) takes what is left, and at 1024 px every 订单 column fits without scrolling."""

from __future__ import annotations

import pytest
from conftest import settle
from PySide6.QtWidgets import QHeaderView
from sqlalchemy import select

from microshop.store.models import Share
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow
from microshop.ui.pages.base import MAX_COLUMN_PX


@pytest.fixture
def app(qapp):
    return create_app([])


def page_at(db, qtbot, index: int, width: int, height: int):
    """The main window at this size, on section ``index``: (window, page)."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    window.nav.setCurrentRow(index)
    return window, window.pages[index]


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
    _window, page = page_at(demo_db, qtbot, 4, 1920, 1000)
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


@pytest.mark.parametrize("width", [1024, 1180])
def test_the_share_history_beside_the_poster_shows_every_column(app, demo_db, qtbot, width: int) -> None:
    """海报's 分享记录 is the current pick's: no 商品 column, and 模板 and the figures are not cut."""
    _window, page = page_at(demo_db, qtbot, 1, width, 700)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.products.rowCount() > 0, timeout=10000)
    with demo_db.session() as s:
        shared = set(s.scalars(select(Share.product_id)))
    row = next(r for r in range(page.products.rowCount()) if page.products.id_at(r) in shared)
    page.product_view.selectRow(row)
    qtbot.waitUntil(lambda: page.shares.rowCount() > 0, timeout=10000)
    view = page.share_view
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch,
                    timeout=5000)
    settle(qtbot, page)
    assert view.isColumnHidden(1)  # every row is the pick beside it
    shown = [c for c in range(page.shares.columnCount()) if not view.isColumnHidden(c)]
    assert sum(view.columnWidth(c) for c in shown) <= view.viewport().width()
    assert all(view.columnWidth(c) >= view.sizeHintForColumn(c) for c in shown)  # nothing cut to '朋…'


def test_a_wide_poster_gets_half_of_the_room(app, demo_db, qtbot) -> None:
    _window, page = page_at(demo_db, qtbot, 1, 1180, 700)
    settle(qtbot, page)
    tall = page.preview.width()
    assert tall < page.share_view.width()  # 朋友圈竖版: the history has the room
    page.template.setCurrentIndex(page.template.findData("card"))
    assert page.preview.width() > tall  # at once: the preview is rendered for its new width
    assert abs(page.preview.width() - page.share_view.width()) < 20


def test_the_income_chart_has_room_on_a_laptop_screen(app, demo_db, qtbot) -> None:
    """1366×768 less a taskbar: the first window is 1180×668; the chart's bars and the morning's
    suggestions both stay readable (the suggestion list no longer takes the chart's height)."""
    _window, page = page_at(demo_db, qtbot, 5, 1180, 668)
    qtbot.waitUntil(lambda: page.suggest_model.rowCount() > 0, timeout=10000)
    settle(qtbot, page)
    assert page.income_chart.chart.plotArea().height() >= 140
    assert page.suggest_view.viewport().height() >= 3 * page.suggest_view.rowHeight(0)


@pytest.mark.parametrize("index", [0, 2, 3])
def test_an_empty_list_shows_its_headings_in_the_width(app, db, qtbot, index: int) -> None:
    """A new book: the headings fill the table's width (title wide), no scroll bar under nothing."""
    _window, page = page_at(db, qtbot, index, 1024, 700)
    settle(qtbot, page)
    view, wide = page.table, page.model.source.wide_column
    assert page.model.rowCount() == 0
    columns = range(page.model.columnCount())
    header = view.horizontalHeader()
    assert header.sectionResizeMode(wide) == QHeaderView.ResizeMode.Stretch
    assert sum(view.columnWidth(c) for c in columns) == view.viewport().width()
    assert all(view.columnWidth(c) >= header.sectionSizeHint(c) for c in columns if c != wide)


def test_the_pick_dialog_fits_a_1024_by_700_screen(app, qtbot) -> None:
    """Every field of a pick (活动截止 included) with room for its pictures, below a title bar and a taskbar."""
    from microshop.ui.pages.products import ProductDialog

    dialog = ProductDialog()
    qtbot.addWidget(dialog)
    assert dialog.minimumSizeHint().height() <= 700 - 60 and dialog.minimumSizeHint().width() <= 1024


def test_numbers_sit_right_marks_in_the_middle_words_left(app, demo_db, qtbot) -> None:
    from PySide6.QtCore import Qt

    _window, page = page_at(demo_db, qtbot, 0, 1180, 700)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    titles = [c.title for c in page.model.source.columns]

    def alignment(title: str) -> Qt.AlignmentFlag:
        value = page.model.data(page.model.index(0, titles.index(title)), Qt.ItemDataRole.TextAlignmentRole)
        return Qt.AlignmentFlag(value) & Qt.AlignmentFlag.AlignHorizontal_Mask

    assert alignment("券后价") == Qt.AlignmentFlag.AlignRight
    assert alignment("收藏") == Qt.AlignmentFlag.AlignHCenter
    assert alignment("商品标题") == Qt.AlignmentFlag.AlignLeft


def test_the_morning_suggestions_show_their_reasons_whole_on_a_laptop(app, demo_db, qtbot) -> None:
    """今天分享什么 at 1180×668: each reason fits its column (the 每单佣金 figure is not repeated in it)."""
    _window, page = page_at(demo_db, qtbot, 5, 1180, 668)
    qtbot.waitUntil(lambda: page.suggest_model.rowCount() > 0, timeout=10000)
    settle(qtbot, page)
    view = page.suggest_view
    reason = page.suggest_model.columnCount() - 1
    assert all("每单佣金" not in str(page.suggest_model.data(page.suggest_model.index(r, reason)))
               for r in range(page.suggest_model.rowCount()))
    assert view.sizeHintForColumn(reason) <= view.columnWidth(reason)  # no reason cut to '…'
    assert view.columnWidth(0) >= 120  # the titles keep room
