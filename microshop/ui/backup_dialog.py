"""备份与恢复: the automatic and manual backups, newest first; restore one after checking it."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from microshop import paths
from microshop.domain.timeutil import local, utcnow
from microshop.services.backups import BackupInfo, backups_with_counts, holds_less, online_backup
from microshop.ui.forms import fit_to_screen
from microshop.ui.i18n import tr
from microshop.ui.item_models import ItemRole, RowsModel
from microshop.ui.worker import show_error


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


class BackupDialog(QDialog):
    """Lists backups with what each holds; “恢复所选” checks the file's integrity before replacing
    the database, and asks a second time when the backup holds less than the current book."""

    listed = Signal()  # the list (with counts) has been read

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(tr("备份与恢复"))
        fit_to_screen(self, 900, 460)
        def count(table: str) -> Any:
            return lambda row: tr("无法读取") if row[1] is None else f"{row[1][table]:,}"

        self.model = RowsModel([
            (tr("时间"), lambda row: local(row[0].created).strftime("%Y-%m-%d %H:%M"), False),  # Shanghai
            (tr("类型"), lambda row: row[0].label, False),
            (tr("商品"), count("products"), True),
            (tr("客户"), count("customers"), True),
            (tr("订单"), count("orders"), True),
            (tr("账单"), count("statement_lines"), True),
            (tr("大小"), lambda row: size_text(row[0].size), True),
            (tr("文件"), lambda row: row[0].path.name, False),
        ], self)
        self.current: dict[str, int] | None = None
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 150)
        self.view.setColumnWidth(1, 130)
        note = QLabel(tr(
            "微店管家每天自动备份一次（保留最近 7 天和最近 4 周）"
            "，升级、恢复、撤销导入之前也会各备份一份。<br>备份文件夹：{folder}",
            folder=paths.backups_dir()))
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((tr("立即备份"), self.backup_now), (tr("恢复所选…"), self.restore_selected),
                           (tr("打开备份文件夹"), self.open_folder), (tr("关闭"), self.accept)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        """The list with what each backup holds, read on the worker."""
        path = self.window_.db.path
        self.window_.runner.run(lambda _p: backups_with_counts(path), self._fill, silent=True, cancellable=False)

    def _fill(self, listing: tuple[dict[str, int] | None, list[Any]]) -> None:
        self.current, rows = listing
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.listed.emit()

    def selected(self) -> BackupInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], ItemRole)[0] if rows else None

    def selected_counts(self) -> dict[str, int] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], ItemRole)[1] if rows else None

    def backup_now(self) -> Path:
        db = self.window_.db
        dest = paths.backups_dir() / f"{db.path.stem}-manual-{local(utcnow()):%Y%m%d-%H%M%S}.sqlite3"
        try:
            online_backup(db.path, dest)
        except Exception as exc:
            show_error(self, exc)
        self.refresh()
        return dest

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            QMessageBox.information(self, tr("恢复"), tr("请先选择一个备份。"))
            return
        answer = QMessageBox.question(
            self, tr("恢复备份"),
            tr("用 {created:%Y-%m-%d %H:%M} 的{label}替换当前全部数据？\n当前数据会先另存一份，之后也能恢复回来。",
               created=local(backup.created), label=backup.label))
        if answer != QMessageBox.StandardButton.Yes:
            return
        less = holds_less(self.selected_counts(), self.current)
        if less:  # restoring it would lose rows: say which, and ask once more (默认“不恢复”)
            box = QMessageBox(QMessageBox.Icon.Warning, tr("这份备份里的数据比现在少"),
                              tr("这份备份比现在的数据少：{less}。\n恢复后，这些多出来的数据会从当前账本里消失"
                                 "（当前数据会先另存一份）。确定还要恢复吗？", less="，".join(less)),
                              QMessageBox.StandardButton.NoButton, self)
            confirm = box.addButton(tr("仍然恢复"), QMessageBox.ButtonRole.DestructiveRole)
            box.setDefaultButton(box.addButton(tr("不恢复"), QMessageBox.ButtonRole.RejectRole))
            self.second_confirmation = box
            box.exec()
            if box.clickedButton() is not confirm:
                return
        self.restore(backup.path)

    restored = Signal(bool)  # a restore finished: True when the book was replaced

    def restore(self, path: Path) -> None:
        """Restore on the worker; a refusal is shown over this dialog (``restored`` says which)."""
        def failed(exc: BaseException) -> None:
            show_error(self, exc, "".join(traceback.format_exception(exc)))
            self.restored.emit(False)

        def done() -> None:
            self.refresh()
            self.restored.emit(True)

        self.window_.restore(path, on_done=done, on_error=failed)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.backups_dir())))
