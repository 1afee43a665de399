"""The GUI's one error path: a refused save is shown over the dialog, which stays open with the
input kept; a bug is logged with its traceback in the data folder and shown as “程序出错了”."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from microshop import bugs
from microshop.services import customers as csvc
from microshop.store.models import Customer
from microshop.ui.app import create_app
from microshop.ui.pages.customers import CustomersPage
from microshop.ui.worker import TaskRunner, install_excepthook, show_error


@pytest.fixture
def app(qapp):
    return create_app([])


def customers(db) -> list[tuple[str, str | None]]:
    with db.session() as s:
        return [(c.name, c.phone) for c in s.scalars(select(Customer).order_by(Customer.id))]


def customers_page(db, qtbot) -> CustomersPage:
    """The 客户 page on its own, with a task runner whose dialogs it parents."""
    page = CustomersPage(db, TaskRunner(None))
    qtbot.addWidget(page)
    page.runner._parent = page
    return page


def test_a_refused_customer_save_keeps_the_dialog_open_with_its_input(app, db, qtbot) -> None:
    page = customers_page(db, qtbot)
    seen: dict[str, object] = {}

    def fill_and_save() -> None:
        dialog = page.last_dialog
        assert dialog is not None
        dialog.name.setText("王阿姨")
        dialog.phone.setText("1390000")  # 7 digits: fine; then a wrong one
        dialog.phone.setText("139")
        dialog.notes.setPlainText("只要不辣的")
        dialog.accept()  # 保存: runs customers.save on the worker, which refuses
        qtbot.waitUntil(lambda: getattr(dialog, "refusal", None) is not None, timeout=10_000)
        box = dialog.refusal
        seen.update(open=dialog.isVisible(), text=box.text(), parent=box.parent() is dialog,
                    name=dialog.name.text(), phone=dialog.phone.text(), notes=dialog.notes.toPlainText(),
                    stored=customers(db))
        box.close()
        dialog.phone.setText("13900001111")  # corrected: the second 保存 goes through
        dialog.accept()

    QTimer.singleShot(0, fill_and_save)
    page.add_customer()  # returns when the dialog closes
    assert seen["open"] is True and seen["parent"] is True
    assert "位数不对" in str(seen["text"])
    assert (seen["name"], seen["phone"], seen["notes"]) == ("王阿姨", "139", "只要不辣的")
    assert seen["stored"] == []  # nothing was written by the refused save
    assert customers(db) == [("王阿姨", "13900001111")]
    assert page.last_dialog is not None and page.last_dialog.saved == 1


def test_a_bug_in_a_save_is_logged_and_shown_and_the_dialog_stays(app, db, qtbot, monkeypatch) -> None:
    def broken_save(db_, data, customer_id=None):
        raise RuntimeError("a bug in save")

    monkeypatch.setattr(csvc, "save", broken_save)
    page = customers_page(db, qtbot)
    seen: dict[str, object] = {}

    def fill_and_save() -> None:
        dialog = page.last_dialog
        dialog.name.setText("李姐")
        dialog.accept()
        qtbot.waitUntil(lambda: getattr(dialog, "refusal", None) is not None, timeout=10_000)
        seen.update(open=dialog.isVisible(), text=dialog.refusal.text(), info=dialog.refusal.informativeText(),
                    detail=dialog.refusal.detailedText(), name=dialog.name.text())
        dialog.refusal.close()
        dialog.reject()

    QTimer.singleShot(0, fill_and_save)
    page.add_customer()
    assert seen["open"] is True and seen["name"] == "李姐"
    assert "程序出错了" in str(seen["text"]) and str(bugs.log_path()) in str(seen["info"])
    assert "RuntimeError: a bug in save" in str(seen["detail"])
    log = bugs.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug in save" in log and "Traceback" in log and "broken_save" in log
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_a_user_error_is_not_logged_as_a_bug(app, qtbot) -> None:
    from microshop.errors import UserError

    box = show_error(None, UserError("请先选择一个商品。"))
    assert box is not None and box.icon() == QMessageBox.Icon.Warning and box.text() == "请先选择一个商品。"
    box.close()
    assert not bugs.log_path().exists()


def test_the_excepthook_logs_and_shows_an_uncaught_error(app, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    import threading

    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_excepthook()
    try:
        raise ValueError("nobody caught me")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("程序出错了" in b.text() for b in boxes)
    assert "ValueError: nobody caught me" in bugs.log_path().read_text(encoding="utf-8")
    for b in boxes:
        b.close()

    worker = threading.Thread(target=lambda: 1 / 0, name="a-worker")
    worker.start()
    worker.join()
    assert "ZeroDivisionError" in bugs.log_path().read_text(encoding="utf-8")
