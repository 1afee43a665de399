"""Small form helpers: money/rate line edits that parse through the core (never float)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QWidget

from microshop.domain.money import format_fen, parse_yuan
from microshop.errors import UserError
from microshop.ui.i18n import tr

if TYPE_CHECKING:
    from microshop.ui.worker import TaskRunner


def money_edit(fen: int | None = None) -> QLineEdit:
    """A line edit for a yuan amount (shows ``59.90``)."""
    edit = QLineEdit(format_fen(fen, symbol=False).replace(",", "") if fen is not None else "")
    edit.setPlaceholderText(tr("例如 59.9"))
    return edit


def read_money(edit: QLineEdit, label: str) -> int | None:
    """Parse a money edit into fen, or raise ``UserError`` naming the field."""
    try:
        return parse_yuan(edit.text())
    except ValueError:
        raise UserError(tr("{label}“{text}”不是有效的金额，请写成 59.9 这样的数字。", label=label, text=edit.text())) from None


class FormDialog(QDialog):
    """A dialog with a form and OK/Cancel; ``accept`` validates via ``collect``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.result_value: Any = None
        self.saved: Any = None  # what the save operation returned (with ``save_with``)
        self._save: tuple[TaskRunner, Callable[[Any], Any]] | None = None

    def save_with(self, runner: TaskRunner, save: Callable[[Any], Any]) -> None:
        """保存 runs ``save(collected)`` on the task runner: the dialog closes only when it
        succeeds; a refusal (UserError) or a bug is shown over the dialog, which stays open with
        everything typed still in it."""
        self._save = (runner, save)

    def finish_form(self) -> None:
        """Add the buttons below the fields (call after adding rows)."""
        self.form.addRow(self.buttons)

    def collect(self) -> Any:
        """Read and validate the fields (override); raise ``UserError`` to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.collect()
        except UserError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message)
            return
        if self._save is None:
            super().accept()
            return
        runner, save = self._save
        value = self.result_value
        self.buttons.setEnabled(False)  # one save at a time; typing stays possible
        runner.run(lambda _p: save(value), self._saved, on_error=self._refused, cancellable=False,
                   title=tr("正在保存…"))

    def _saved(self, result: Any) -> None:
        self.saved = result
        self.buttons.setEnabled(True)
        QDialog.accept(self)

    def _refused(self, exc: BaseException) -> None:
        from microshop.ui.worker import show_error

        self.buttons.setEnabled(True)
        self.refusal = show_error(self, exc)  # over the dialog, which stays open


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Size a dialog as wanted, but never larger than the screen it opens on (1024×700 included)."""
    from PySide6.QtGui import QGuiApplication

    parent = widget.parentWidget()
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    free = screen.availableGeometry()
    widget.resize(min(width, free.width() - 40), min(height, free.height() - 60))
