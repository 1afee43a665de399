"""GUI of the 团长 flow: 快团团导入 (preview on the worker, then import), 派送单/进货 dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import func, select

from microshop.services.ktt import import_ktt
from microshop.store.models import Order
from microshop.ui.app import create_app
from microshop.ui.main_window import MainWindow
from microshop.ui.tuanzhang import DeliveryDialog, KttPreviewDialog

V1 = FIXTURES / "ktt" / "幸福里水果团_1118.xlsx"
V2 = FIXTURES / "ktt" / "幸福里水果团_1120.xlsx"


@pytest.fixture
def app(qapp):
    return create_app([])


def orders_page(db, qtbot):
    window = MainWindow(db)
    qtbot.addWidget(window)
    page = next(p for p in window.pages if type(p).__name__ == "OrdersPage")
    return window, page


def test_ktt_import_previews_then_imports_then_only_updates(app, db, qtbot, monkeypatch) -> None:
    seen: list[KttPreviewDialog] = []

    def accept(dialog: KttPreviewDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(KttPreviewDialog, "exec", accept)
    _window, page = orders_page(db, qtbot)
    for path in (V1, V2):
        monkeypatch.setattr("microshop.ui.file_dialogs._ask", lambda _dialog, p=path: [str(p)])
        messages: list[str] = []
        page.status_message.connect(messages.append)
        page.import_ktt()
        qtbot.waitUntil(lambda messages=messages: any("快团团订单" in m for m in messages), timeout=15000)
    first, second = seen
    assert first.model.rowCount() == 8 and "新增 8 单" in first.summary.text()
    assert first.ok.text() == "导入 8 单"
    assert "新增 1 单，更新 6 单" in second.summary.text() and "2 单已导入过不变" in second.summary.text()
    with db.session() as s:
        assert s.scalar(select(func.count(Order.id))) == 9
        assert s.scalar(select(Order.status).where(Order.group_no == "7")) == "refunded"


def test_a_file_already_imported_offers_nothing_to_import(app, db, qtbot) -> None:
    from microshop.services.ktt import preview_file

    with db.session() as s:
        import_ktt(s, V1)
    dialog = KttPreviewDialog(preview_file(db, V1))
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and dialog.ok.text() == "没有要导入的"


def test_delivery_dialog_groups_copies_restock_and_exports(app, db, qtbot, tmp_path: Path, monkeypatch) -> None:
    with db.session() as s:
        import_ktt(s, V1)
    dialog = DeliveryDialog(db, dialog_runner(qtbot), start=date(2026, 11, 18), end=date(2026, 11, 18))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.tree.topLevelItemCount() > 0, timeout=10000)
    dialog.group_by.setCurrentIndex(dialog.group_by.findData("building"))
    qtbot.waitUntil(lambda: dialog.sheet is not None and dialog.sheet.group_by == "building", timeout=10000)
    top = dialog.tree.topLevelItem(0)
    assert top.text(0).startswith("幸福里小区")
    assert [top.child(i).text(0) for i in range(top.childCount())] == ["2栋1单元302", "2栋2单元1502", "10栋2单元1201", "10栋1101"]
    assert top.child(2).text(2) == "138****1111"
    dialog.full_phones.setChecked(True)
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() and dialog.tree.topLevelItem(0).child(2).text(2) == "13800001111",
                    timeout=10000)
    assert dialog.restock_model.rowCount() == 4
    dialog.copy_restock()
    text = QApplication.clipboard().text()
    assert text.startswith("进货单 2026-11-18") and "阳光玫瑰葡萄（2斤） × 5" in text
    out = tmp_path / "标签.pdf"
    monkeypatch.setattr("microshop.ui.file_dialogs._ask", lambda _dialog: [str(out)])
    dialog.labels.setCurrentIndex(dialog.labels.findData("100x70"))
    dialog.export_sheet("labels")
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "已保存到" in dialog.info.text(), timeout=10000)
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    assert len(reader.pages) == 5
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == 100


def test_delivery_dialog_empty_range_says_what_to_do(app, db, qtbot) -> None:
    dialog = DeliveryDialog(db, dialog_runner(qtbot), start=date(2026, 1, 1), end=date(2026, 1, 2))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.sheet is not None, timeout=10000)
    assert "没有要派送的订单" in dialog.info.text() and "快团团" in dialog.info.text()
    assert not dialog.pdf_button.isEnabled()


def test_print_pdf_draws_every_page(app, db, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from microshop.services.delivery import Selection, export_delivery, make_sheet
    from microshop.ui.tuanzhang import print_pdf

    with db.session() as s:
        import_ktt(s, V1)
    pdf = export_delivery(make_sheet(db, Selection(date(2026, 11, 18), date(2026, 11, 18)), "building"),
                          tmp_path / "l.pdf", (60.0, 40.0))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(pdf, printer) == 5
    from pypdf import PdfReader

    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 5


def dialog_runner(qtbot):
    from PySide6.QtWidgets import QWidget

    from microshop.ui.worker import TaskRunner

    host = QWidget()
    qtbot.addWidget(host)
    return TaskRunner(host)


def test_phone_dialog_serves_shows_the_qr_and_stops_on_close(app, db, qtbot) -> None:
    import http.client

    import zxingcpp

    from microshop.ui.phone_dialog import PhoneDialog

    dialog = PhoneDialog(db, addresses=["127.0.0.1"])  # a test machine may have no LAN; the dialog takes what it is given
    qtbot.addWidget(dialog)
    server = dialog.server
    assert server is not None and dialog.url.text() == server.url
    image = dialog.qr.pixmap().toImage()
    from PIL import Image

    png = Image.frombytes("RGBA", (image.width(), image.height()),
                          bytes(image.convertToFormat(image.Format.Format_RGBA8888).constBits()))
    assert [r.text for r in zxingcpp.read_barcodes(png)] == [server.url]
    conn = http.client.HTTPConnection(server.host, server.port, timeout=30)
    conn.request("GET", f"/{server.token}/")
    assert conn.getresponse().status == 200
    conn.close()
    dialog.reject()
    assert server.wait(30)  # closing the dialog stopped the server


def test_phone_dialog_without_a_network_says_so(app, db, qtbot) -> None:
    from microshop.ui.phone_dialog import PhoneDialog

    dialog = PhoneDialog(db, addresses=[])
    qtbot.addWidget(dialog)
    assert dialog.server is None and "没有连上局域网" in dialog.state.text()


def test_main_window_toolbar_and_poster_page_open_phone(app, db, qtbot, monkeypatch) -> None:
    monkeypatch.setattr("microshop.ui.phone_dialog.lan_addresses", lambda: ["127.0.0.1"])
    window, _page = orders_page(db, qtbot)
    texts = [a.text() for a in window.findChildren(type(window.menuBar().actions()[0])) if a.text()]
    assert {"接龙导入", "快团团导入", "派送单/进货", "发到手机"} <= set(texts)
    window.pages[1].phone_button.click()
    dialog = window.phone_dialog
    assert dialog is not None and dialog.server is not None
    server = dialog.server
    window.close()  # quitting stops the page
    assert server.wait(30)


def test_status_bar_counts_have_thousands_separators_and_ignore_stale_results(app, db, qtbot) -> None:
    window, _page = orders_page(db, qtbot)
    window.update_counts()
    qtbot.waitUntil(lambda: "订单 0" in window.counts_label.text(), timeout=10000)
    current = window._counts_generation
    window._show_counts((current, {"products": 16, "customers": 1200, "orders": 3456, "statement_lines": 150235}))
    assert window.counts_label.text() == "商品 16 · 客户 1,200 · 订单 3,456 · 账单 150,235"
    window._show_counts((current - 1, {"products": 0, "customers": 0, "orders": 0, "statement_lines": 0}))
    assert "账单 150,235" in window.counts_label.text()  # an older refresh arriving late changes nothing
