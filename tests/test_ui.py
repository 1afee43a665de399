"""GUI: every table model passes qtmodeltester, the main window opens every section, fonts render
Chinese, geometry is remembered, the worker delivers results and cancels, and edits reach the DB."""

from __future__ import annotations

import sys
import threading

import pytest
from conftest import settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from sqlalchemy import func, select

from microshop.errors import Cancelled, UserError
from microshop.services.listing import (
    CustomerList,
    OrderList,
    ProductList,
    ShareList,
    StatementImportList,
    StatementLineList,
)
from microshop.store.models import Order, Product, Share
from microshop.ui.app import create_app
from microshop.ui.main_window import PAGES, MainWindow, current_page_title
from microshop.ui.table_model import IdRole, SqlListModel


@pytest.fixture
def app(qapp):
    return create_app([])


def list_model(qtbot, db, source) -> SqlListModel:
    """A list model on its own task runner, loaded."""
    from PySide6.QtWidgets import QWidget

    from microshop.ui.worker import TaskRunner

    holder = QWidget()
    qtbot.addWidget(holder)
    model = SqlListModel(db, source, TaskRunner(holder), holder)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.refresh()
    return model


@pytest.mark.parametrize(
    "source", [ProductList, OrderList, CustomerList, StatementLineList, ShareList, StatementImportList]
)
def test_every_list_model_passes_qtmodeltester(app, demo_db, qtbot, qtmodeltester, source) -> None:
    model = list_model(qtbot, demo_db, source())
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_model_rows_are_the_database_rows(app, demo_db, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from microshop.ui import table_model

    monkeypatch.setattr(table_model, "PAGE_SIZE", 50)  # 160 orders: four pages
    model = list_model(qtbot, demo_db, OrderList())
    with demo_db.session() as s:
        assert model.rowCount() == s.scalar(select(func.count()).select_from(Order))
        last = model.rowCount() - 1  # a row on the last page is fetched lazily, off the GUI thread
        order = s.get(Order, model.data(model.index(last, 0), IdRole))
        assert model.data(model.index(last, 2)) == "…"  # shown as pending until its page lands
        with qtbot.waitSignal(model.dataChanged, timeout=10000):
            pass
        assert model.data(model.index(last, 2)).startswith(order.items[0].title)
        assert model.data(model.index(0, 2)) != "…"  # the first page came with the ids


def test_an_older_answer_never_replaces_a_newer_one(app, demo_db, qtbot) -> None:
    from microshop.services.listing import ListQuery

    model = list_model(qtbot, demo_db, OrderList())
    everyone = model.rowCount()
    model.set_query(ListQuery(filters={"status": "refunded"}))
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.set_query(ListQuery())  # asked last: this is what must be shown
    from conftest import settle

    settle(qtbot, model.parent())
    assert model.rowCount() == everyone and not model.loading


def test_main_window_visits_every_section(app, demo_db, qtbot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    titles = []
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        titles.append(current_page_title(window))
        assert window.stack.currentWidget().isVisible()
    assert titles == ["选品库", "海报", "订单", "客户", "对账", "统计"] == [p.title for p in PAGES]
    products, _posters, orders, _customers, _reconcile, stats = window.pages
    assert [type(p).title for p in window.pages] == [p.title for p in PAGES]  # the specs name the right pages
    assert [window.stack.widget(i) for i in range(6)] == list(window.pages)  # each in its place in the stack
    settle(qtbot, window)
    with demo_db.session() as s:
        assert products.model.rowCount() == s.scalar(select(func.count()).select_from(Product))
        assert orders.model.rowCount() == s.scalar(select(func.count()).select_from(Order))
    qtbot.waitUntil(lambda: "商品 16" in window.counts_label.text(), timeout=10000)
    qtbot.waitUntil(lambda: stats.report is not None, timeout=10000)
    assert stats.cards["orders"].value.text() not in ("", "—")


def test_filters_on_the_orders_page(app, demo_db, qtbot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    page = window.pages[2]
    page.status.setCurrentIndex(page.status.findData("refunded"))
    settle(qtbot, window)
    with demo_db.session() as s:
        refunded = s.scalar(select(func.count()).select_from(Order).where(Order.status == "refunded"))
    assert page.model.rowCount() == refunded
    assert page.count_label.text() == f"共 {refunded} 条"


def test_batch_status_change_from_the_orders_page(app, demo_db, qtbot) -> None:
    from microshop.domain.enums import OrderStatus

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    page = window.pages[2]
    settle(qtbot, window)
    page.table.selectRow(0)
    page.table.selectionModel().select(
        page.model.index(1, 0), page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows
    )
    ids = page.selected_ids()
    assert len(ids) == 2
    page.set_status(OrderStatus.AFTER_SALES)
    settle(qtbot, window)
    with demo_db.session() as s:
        assert {s.get(Order, i).status for i in ids} == {"after_sales"}


def test_product_dialog_saves_and_validates(app, db, qtbot) -> None:
    from microshop.ui.pages.products import ProductDialog

    dialog = ProductDialog()
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("赣南脐橙 5斤")
    dialog.platform.setCurrentIndex(dialog.platform.findData("pdd"))
    dialog.price.setText("29.9")
    dialog.rate.setText("20%")
    dialog.tags.setText("水果，爆款")
    data = dialog.collect()
    assert (data.price_fen, data.commission_rate_bp, sorted(data.tags)) == (2990, 2000, sorted(["水果", "爆款"]))
    dialog.price.setText("二十九")
    with pytest.raises(UserError, match="券后价"):
        dialog.collect()


def test_copy_text_is_recorded_as_a_share(app, demo_db, qtbot) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    page = window.pages[1]
    settle(qtbot, window)
    page.product_view.selectRow(0)
    settle(qtbot, window)
    product_id = page.selected_product()
    with demo_db.session() as s:
        product = s.get(Product, product_id)
        before = s.scalar(select(func.count()).select_from(Share).where(Share.product_id == product_id))
    assert product.title in page.copy_preview.toPlainText()
    page.copy_text()
    settle(qtbot, window)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == page.copy_preview.toPlainText()
    with demo_db.session() as s:
        shares = s.scalars(select(Share).where(Share.product_id == product_id)).all()
    assert len(shares) == before + 1
    newest = max(shares, key=lambda x: x.id)
    assert (newest.kind, newest.price_fen, newest.commission_fen) == ("copy_text", product.price_fen, product.commission_fen)
    assert page.shares.rowCount() == before + 1


def test_geometry_is_remembered(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1100 and hint.height() <= 640, "must fit a 1366×768 laptop screen"
    window.resize(hint.width() + 20, hint.height() + 30)
    window.move(QPoint(40, 30))
    size = (window.width(), window.height())
    assert size != (1180, 760)
    window.close()
    again = MainWindow(db)
    qtbot.addWidget(again)
    # The offscreen screen is only 800 px wide, so Qt clamps the restored width to it.
    assert again.height() == size[1] and again.width() <= size[0]


def test_bundled_font_renders_chinese(app) -> None:
    from microshop import paths

    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    assert font_id >= 0, "the bundled font under resources/fonts must load"
    bundled = QFontDatabase.applicationFontFamilies(font_id)
    family = app.font().families()[0]
    assert family in bundled
    assert "Noto" in family
    assert QFontDatabase.writingSystems(family).count(QFontDatabase.WritingSystem.SimplifiedChinese)
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont(family, 20))
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "微店")
    painter.end()
    dark = sum(
        1 for x in range(image.width()) for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 128
    )
    assert dark > 60  # real glyphs, not empty boxes or nothing


def test_worker_delivers_on_gui_thread_and_cancels(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    results: list[tuple[object, bool]] = []
    gui_thread = threading.current_thread()
    window.runner.run(lambda p: 6 * 7, lambda r: results.append((r, threading.current_thread() is gui_thread)))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [(42, True)]

    started = threading.Event()
    errors: list[BaseException] = []

    def long_job(progress):
        started.set()
        for i in range(10_000):
            progress.update(i, 10_000)
            threading.Event().wait(0.001)
        return "finished"

    progress = window.runner.run(long_job, results.append, on_error=errors.append)
    assert started.wait(5)
    progress.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and results == [(42, True)]


def test_demo_load_from_the_menu_runs_on_the_worker(app, db, qtbot) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    from microshop.services.stats import is_empty

    assert is_empty(db)
    window.load_demo()
    qtbot.waitUntil(lambda: not is_empty(db) and window.pages[0].model.rowCount() == 16, timeout=10000)
    qtbot.waitUntil(lambda: "商品 16" in window.counts_label.text(), timeout=10000)


def test_restore_from_the_window_replaces_data_and_refreshes(app, demo_db, qtbot, tmp_path) -> None:
    from microshop.store.backup import online_backup

    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    saved = online_backup(demo_db.path, tmp_path / "saved.sqlite3")
    with demo_db.session() as s:
        s.execute(Order.__table__.delete())
    window.refresh_all()
    settle(qtbot, window)
    assert window.pages[2].model.rowCount() == 0
    window.restore(saved)
    settle(qtbot, window)
    assert window.pages[2].model.rowCount() == 160
    qtbot.waitUntil(lambda: "订单 160" in window.counts_label.text(), timeout=10000)
    refused: list[BaseException] = []
    window.restore(tmp_path / "missing.sqlite3", on_error=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10000)
    assert isinstance(refused[0], UserError) and "missing.sqlite3" in refused[0].message
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == 160  # nothing touched


def test_calling_qt_does_not_drain_the_reference_count_of_none(app, qtbot) -> None:
    """PySide6 6.12.0 drops a reference to None on every call of a Qt method that returns nothing;
    before Python 3.12 (where None is immortal) the app then aborts with “deallocating None” after
    a few thousand calls. pyproject keeps that build out; this notices if such a build comes back.
    (On Python 3.12+ the count of None never changes.)"""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for n in range(3000):
        label.setText(str(n))
        label.adjustSize()
    assert sys.getrefcount(None) - before > -1000


def test_the_first_window_fits_a_small_laptop_screen() -> None:
    from PySide6.QtCore import QSize

    from microshop.ui.main_window import default_size

    assert default_size(QSize(1366, 728)) == (1180, 668)  # 1366×768 less a 40 px taskbar
    assert default_size(QSize(1920, 1040)) == (1180, 760)
    assert default_size(QSize(1024, 700)) == (984, 640)


def test_an_empty_chart_has_whole_number_ticks(app, qtbot) -> None:
    """No data yet: the value axis reads 0 1 2 3 4 5, not 0 0 0 1 1 1; real figures get nice ticks."""
    from PySide6.QtCharts import QValueAxis
    from PySide6.QtWidgets import QWidget

    from microshop.ui.charts import IncomeChart

    chart = IncomeChart()
    qtbot.addWidget(chart)
    chart.resize(800, 520)
    QWidget.show(chart)  # the widget; BarChart.show draws data
    qtbot.waitExposed(chart)
    chart.show(["10月", "11月"], [("预估佣金", [0.0, 0.0])])
    app.processEvents()
    (axis,) = [a for a in chart.chart.axes() if isinstance(a, QValueAxis)]
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 5, 6)
    chart.show(["10月", "11月"], [("预估佣金", [120.0, 80.0])])
    (axis,) = [a for a in chart.chart.axes() if isinstance(a, QValueAxis)]
    assert axis.max() >= 120


def test_only_the_first_section_is_built_at_start_up(app, demo_db, qtbot) -> None:
    """Pages are built (and their modules imported) when first shown: start-up builds 选品库 only."""
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    assert [window.pages.is_built(i) for i in range(6)] == [True, False, False, False, False, False]
    window.set_privacy(True, save=False)  # applied to 客户 when it is built later
    window.nav.setCurrentRow(3)
    assert window.pages.is_built(3) and window.stack.currentWidget() is window.pages[3]
    assert window.pages[3].model.source.privacy is True
    settle(qtbot, window)


def test_start_up_imports_no_other_page_module(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from microshop.ui.app import create_app\n"
        "from microshop.services.book import open_book\n"
        "from microshop.ui.main_window import MainWindow\n"
        "app = create_app([])\n"
        f"db = open_book(Path({str(tmp_path / 'b.sqlite3')!r}))\n"
        "w = MainWindow(db)\n"
        "print(sorted(m for m in sys.modules if m.startswith('microshop.ui.pages.')))\n"
        "w.runner.wait(); db.close()\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "MICROSHOP_DATA_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.strip().splitlines()[-1] == "['microshop.ui.pages.base', 'microshop.ui.pages.products']"


def test_the_window_is_painted_before_the_database_layer_is_imported(tmp_path) -> None:
    """Start-up paints the shell (正在打开数据库…) first: neither SQLAlchemy nor the store nor any
    service but the progress handle is imported by then; attaching the book fills it in."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from microshop.ui.app import create_app\n"
        "from microshop.ui.main_window import MainWindow\n"
        "app = create_app([])\n"
        "w = MainWindow(None)\n"
        "w.show(); w.grab()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic', 'microshop.store', 'microshop.services')))\n"
        "shell = {'loaded': loaded, 'nav': w.nav.isEnabled(), 'shown': w.stack.currentWidget().text(),\n"
        "         'toolbar': [a.isEnabled() for a in w.toolbar.actions() if a.text()]}\n"
        "from microshop.services.book import open_book\n"
        f"db = open_book(Path({str(tmp_path / 'b.sqlite3')!r}))\n"
        "w.attach(db)\n"
        "book = {'nav': w.nav.isEnabled(), 'page': type(w.stack.currentWidget()).__name__, 'title': w.windowTitle(),\n"
        "        'toolbar': [a.isEnabled() for a in w.toolbar.actions() if a.text()]}\n"
        "print(json.dumps({'shell': shell, 'book': book}, ensure_ascii=False))\n"
        "w.runner.wait(); db.close()\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "MICROSHOP_DATA_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert seen["shell"]["loaded"] == ["microshop.services", "microshop.services.progress"]
    assert seen["shell"]["nav"] is False and seen["shell"]["shown"] == "正在打开数据库…"
    assert seen["shell"]["toolbar"] and not any(seen["shell"]["toolbar"])
    assert seen["book"] == {"nav": True, "page": "ProductsPage", "title": "微店管家 — b.sqlite3",
                            "toolbar": [True] * len(seen["shell"]["toolbar"])}


@pytest.mark.parametrize("height", [190, 230, 320, 520])
def test_the_value_axis_has_as_many_ticks_as_the_height_has_room_for(app, qtbot, height: int) -> None:
    """On a 1366×768 laptop the chart is short: its labels stay apart (Qt draws crowded ones as “…”)."""
    from PySide6.QtCharts import QValueAxis
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QWidget

    from microshop.ui.charts import IncomeChart

    chart = IncomeChart()
    qtbot.addWidget(chart)
    QWidget.show(chart)  # the widget; BarChart.show draws data
    qtbot.waitExposed(chart)
    for values in ([0.0, 0.0], [1234.5, 860.0]):
        chart.resize(800, 520)
        chart.show(["10月", "11月"], [("预估佣金", values), ("结算", values)])
        app.processEvents()
        chart.resize(800, height)  # the window made shorter (or taller) after the figures arrived
        app.processEvents()
        (axis,) = [a for a in chart.chart.axes() if isinstance(a, QValueAxis)]
        gap = chart.chart.plotArea().height() / (axis.tickCount() - 1)
        assert gap >= QFontMetrics(axis.labelsFont()).height() + 4
        assert axis.max() >= max(values) and axis.tickCount() >= 2
        if height >= 520:
            assert axis.tickCount() >= (6 if values[0] == 0 else 4)  # a tall chart keeps its fine ticks
