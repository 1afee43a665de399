"""File dialogs (issue #17): Chinese all through where Qt's own dialog is used, dates in the app's
format, and each kind of file remembers its own folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QFileDialog, QTreeView

from microshop.ui import file_dialogs
from microshop.ui.app import create_app


@pytest.fixture
def app(qapp):
    return create_app([])


def test_every_label_of_the_file_dialog_is_chinese(app) -> None:
    dialog = file_dialogs.make_dialog(None, "statements", "选择账单", "表格 (*.xlsx)")
    labels = {label: dialog.labelText(label) for label in QFileDialog.DialogLabel}
    assert labels[QFileDialog.DialogLabel.LookIn] == "查找范围："  # Qt 6 asks for “&Look in:”
    assert labels[QFileDialog.DialogLabel.FileType] == "文件类型："
    for text in labels.values():
        assert not re.search("[A-Za-z]", re.sub(r"\(&\w\)|&", "", text)), labels


def test_the_file_list_shows_dates_as_the_app_does(app, tmp_path, qtbot) -> None:
    sheet = tmp_path / "账单.xlsx"
    sheet.write_bytes(b"x")
    when = QDateTime.fromString("2026-10-05 09:07", "yyyy-MM-dd HH:mm")  # local time, as the list shows it
    os.utime(sheet, (when.toSecsSinceEpoch(), when.toSecsSinceEpoch()))
    file_dialogs.remember_folder("statements", sheet)
    dialog = file_dialogs.make_dialog(None, "statements", "选择账单", "表格 (*.xlsx)")
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView)
    model = view.model()

    def row():
        root = view.rootIndex()
        names = [model.index(r, 0, root).data() for r in range(model.rowCount(root))]
        return names.index(sheet.name) if sheet.name in names else None

    qtbot.waitUntil(lambda: row() is not None, timeout=10_000)
    assert model.index(row(), file_dialogs.DATE_COLUMN, view.rootIndex()).data() == "2026-10-05 09:07"


def test_sizes_and_types_in_the_file_list_are_shown_whole(app, tmp_path, qtbot) -> None:
    """Qt's own dialog opened narrow and cut "10.…KiB" and "Ex…表格": the size, type and date
    columns take what the folder's files need, the names the rest."""
    for name in ("taobao_2026-10.xlsx", "douyin_2026-10.csv"):
        (tmp_path / name).write_bytes(b"x" * 10_500)
    file_dialogs.remember_folder("statements", tmp_path / "taobao_2026-10.xlsx")
    dialog = file_dialogs.make_dialog(None, "statements", "选择账单", "表格 (*.xlsx *.csv)")
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView)
    model = view.model()

    def rows() -> list[int]:
        root = view.rootIndex()
        return [r for r in range(model.rowCount(root)) if str(model.index(r, 0, root).data()).endswith("_2026-10.csv")
                or str(model.index(r, 0, root).data()).endswith("_2026-10.xlsx")]

    qtbot.waitUntil(lambda: len(rows()) == 2, timeout=10_000)

    def cut() -> list[str]:
        metrics, root = view.fontMetrics(), view.rootIndex()
        texts = [(c, model.index(r, c, root).data()) for r in rows() for c in (1, 2, 3)]
        return [t for c, t in texts if metrics.horizontalAdvance(t) + 8 > view.columnWidth(c)]

    qtbot.waitUntil(lambda: not cut(), timeout=10_000)
    assert view.columnWidth(0) >= 200  # the names keep the room that is left


def test_each_kind_opens_where_that_kind_was_last_chosen(app, tmp_path, monkeypatch) -> None:
    statements_dir, exports_dir = tmp_path / "下载", tmp_path / "导出"
    statements_dir.mkdir()
    exports_dir.mkdir()
    started: list[tuple[str, str]] = []
    answers = iter([[str(statements_dir / "jd.xlsx"), str(statements_dir / "pdd.xlsx")],
                    [str(exports_dir / "对账-2026-10.xlsx")], [], []])

    def ask(dialog: QFileDialog) -> list[str]:
        started.append((dialog.objectName(), Path(dialog.directory().absolutePath()).name))
        return next(answers)

    monkeypatch.setattr(file_dialogs, "_ask", ask)
    chosen = file_dialogs.open_files(None, "statements", "选择账单", "表格 (*.xlsx)")
    assert chosen == [statements_dir / "jd.xlsx", statements_dir / "pdd.xlsx"]
    saved = file_dialogs.save_file(None, "exports", "导出对账表", "对账-2026-10.xlsx", "Excel 表格 (*.xlsx)")
    assert saved == exports_dir / "对账-2026-10.xlsx"
    assert file_dialogs.open_files(None, "statements", "选择账单", "表格 (*.xlsx)") == []  # cancelled
    assert file_dialogs.save_file(None, "exports", "导出对账表", "对账-2026-11.xlsx", "Excel 表格 (*.xlsx)") is None
    assert started[2:] == [("file_dialog_statements", "下载"), ("file_dialog_exports", "导出")]
    assert started[0][1] == Path.home().name  # the first time: the home folder


def test_a_save_dialog_proposes_the_name_and_keeps_its_suffix(app, tmp_path) -> None:
    file_dialogs.remember_folder("posters", tmp_path / "x.jpg")
    dialog = file_dialogs.make_dialog(None, "posters", "保存海报", "JPEG 图片 (*.jpg)", save_name="海报-7.jpg")
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.defaultSuffix() == "jpg"
    assert Path(dialog.directory().absolutePath()) == tmp_path
    assert dialog.selectedFiles() and Path(dialog.selectedFiles()[0]).name == "海报-7.jpg"


def test_a_folder_chosen_is_remembered_as_itself(app, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "海报"
    folder.mkdir()
    monkeypatch.setattr(file_dialogs, "_ask", lambda _dialog: [str(folder)])
    assert file_dialogs.choose_folder(None, "posters", "选择文件夹") == folder
    assert file_dialogs.last_folder("posters") == str(folder)
