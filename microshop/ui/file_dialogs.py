"""File dialogs that start where the user last was and speak Chinese all through.

Every open/save/folder dialog of the app goes through here: each *kind* of file (账单, 订单表,
海报 …) remembers its own last folder; Qt's own widget dialog — the one used where the system has
no native dialog — gets the two labels Qt's Chinese catalogue misses in Qt 6 (“&Look in:”,
“Files of &type:”: the catalogue has them without the mnemonic) and its 修改日期 column in the
app's date format instead of the system locale's (“3 12 2026” under an English system).
``_ask`` is the one place a dialog is run, so tests drive the dialogs through it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QSplitter, QTreeView, QWidget

DATE_COLUMN = 3  # QFileSystemModel: 名称, 大小, 类型, 修改日期
_Index = QModelIndex | QPersistentModelIndex


def _settings() -> QSettings:
    from microshop import paths

    return QSettings(str(paths.data_dir() / "ui.ini"), QSettings.Format.IniFormat)


def last_folder(kind: str, fallback: str | Path | None = None) -> str:
    """The folder last used for this kind of file (else ``fallback``, else the home folder)."""
    folder = str(_settings().value(f"folders/{kind}", ""))
    if folder and Path(folder).is_dir():
        return folder
    return str(fallback) if fallback is not None and Path(fallback).is_dir() else str(Path.home())


def remember_folder(kind: str, path: str | Path) -> None:
    """Remember the folder of ``path`` (a file) for the next dialog of this kind."""
    _settings().setValue(f"folders/{kind}", str(Path(path).parent))


class _LocalDates(QIdentityProxyModel):
    """The file list's 修改日期 as the app shows times (2026-12-03 13:37), not the system locale's."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and index.column() == DATE_COLUMN:
            source = self.sourceModel()
            if isinstance(source, QFileSystemModel):
                when = source.lastModified(self.mapToSource(index))
                if when.isValid():
                    return when.toString("yyyy-MM-dd HH:mm")
        return super().data(index, role)


def _qt_text(text: str) -> str:
    """Qt's own translation of one of its QFileDialog labels, looked up without the mnemonic when
    the catalogue only has it that way; the English text when there is none at all."""
    translated = QCoreApplication.translate("QFileDialog", text)
    if translated != text:
        return translated
    plain = text.replace("&", "")
    translated = QCoreApplication.translate("QFileDialog", plain)
    return translated if translated != plain else text


def make_dialog(parent: QWidget | None, kind: str, title: str, filters: str = "", *,
                mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
                save_name: str | None = None, fallback: str | Path | None = None) -> QFileDialog:
    """The dialog, set up in the kind's last folder (``save_name``: a save dialog with that name)."""
    folder = last_folder(kind, fallback)
    start = str(Path(folder) / save_name) if save_name else folder
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setObjectName(f"file_dialog_{kind}")
    if save_name is not None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        suffix = Path(save_name).suffix.lstrip(".")
        if suffix:
            dialog.setDefaultSuffix(suffix)
    else:
        dialog.setFileMode(mode)
        if mode == QFileDialog.FileMode.Directory:
            dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    for label, text in ((QFileDialog.DialogLabel.LookIn, "&Look in:"),
                        (QFileDialog.DialogLabel.FileType, "Files of &type:")):
        dialog.setLabelText(label, _qt_text(text))
    dialog.setProxyModel(_LocalDates(dialog))  # only taken where Qt's own dialog is used
    _fit(dialog)
    return dialog


# Qt's own dialog opens narrow: sizes ("10.…KiB"), types ("Ex…表格") and the sidebar ("计…") come out
# cut. Its columns are sized to what they hold and the file names take the rest.
COLUMN_WIDTHS = {1: 84, 2: 120, 3: 136}  # 大小, 类型, 修改日期


def _fit(dialog: QFileDialog) -> None:
    from microshop.ui.forms import fit_to_screen

    fit_to_screen(dialog, 900, 540)
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is not None:
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        files = _file_model(dialog)
        if files is not None:  # as a folder's entries come in (types are filled in late), the columns follow
            later = QTimer(dialog)
            later.setSingleShot(True)
            later.setInterval(60)
            later.timeout.connect(lambda tree=tree: _fit_columns(tree))
            for signal in (files.directoryLoaded, files.rowsInserted, files.dataChanged, files.layoutChanged):
                signal.connect(lambda *_args, later=later: later.start())
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None and splitter.count() == 2:
        splitter.setSizes([130, max(300, dialog.width() - 130)])


def _ask(dialog: QFileDialog) -> list[str]:
    """Run the dialog; the chosen paths (none when cancelled)."""
    return dialog.selectedFiles() if dialog.exec() else []


def _chosen(kind: str, dialog: QFileDialog) -> list[Path]:
    chosen = [Path(p) for p in _ask(dialog) if p]
    if chosen:
        first = chosen[0]
        remember_folder(kind, first / "x" if dialog.fileMode() == QFileDialog.FileMode.Directory else first)
    return chosen


def open_file(parent: QWidget | None, kind: str, title: str, filters: str,
              fallback: str | Path | None = None) -> Path | None:
    chosen = _chosen(kind, make_dialog(parent, kind, title, filters, fallback=fallback))
    return chosen[0] if chosen else None


def open_files(parent: QWidget | None, kind: str, title: str, filters: str) -> list[Path]:
    return _chosen(kind, make_dialog(parent, kind, title, filters, mode=QFileDialog.FileMode.ExistingFiles))


def save_file(parent: QWidget | None, kind: str, title: str, name: str, filters: str,
              fallback: str | Path | None = None) -> Path | None:
    chosen = _chosen(kind, make_dialog(parent, kind, title, filters, save_name=name, fallback=fallback))
    return chosen[0] if chosen else None


def choose_folder(parent: QWidget | None, kind: str, title: str) -> Path | None:
    chosen = _chosen(kind, make_dialog(parent, kind, title, mode=QFileDialog.FileMode.Directory))
    return chosen[0] if chosen else None


def _file_model(dialog: QFileDialog) -> QFileSystemModel | None:
    proxy = dialog.proxyModel()
    source = proxy.sourceModel() if proxy is not None else None
    return source if isinstance(source, QFileSystemModel) else dialog.findChild(QFileSystemModel)


def _fit_columns(tree: QTreeView) -> None:
    for column, least in COLUMN_WIDTHS.items():  # the contents' hint leaves the text a pixel short of whole
        tree.setColumnWidth(column, max(least, tree.sizeHintForColumn(column) + 12))
