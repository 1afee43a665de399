"""设置: shop name, invite code (and how it is added to links), poster watermark."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit, QWidget

from microshop.i18n import localized
from microshop.services import settings
from microshop.ui.forms import FormDialog
from microshop.ui.i18n import tr

if TYPE_CHECKING:
    from microshop.services.book import Database
    from microshop.ui.worker import TaskRunner

class SettingsDialog(FormDialog):
    """Edit the settings posters and copy texts use."""

    KEYS = ("shop_name", "invite_code", "invite_param", "watermark")

    def __init__(self, values: dict[str, Any], parent: Any = None) -> None:
        super().__init__(tr("设置"), parent)
        self.edits: dict[str, QLineEdit] = {}
        for key in self.KEYS:
            edit = QLineEdit(str(values.get(key, settings.OPTIONS[key].default)))
            edit.setMinimumWidth(320)
            self.edits[key] = edit
            self.form.addRow(localized(settings.OPTIONS[key].label), edit)
        self.edits["invite_param"].setPlaceholderText(tr("例如 invite；留空则不在链接上加邀请码"))
        self.edits["watermark"].setPlaceholderText(tr("留空则海报不加水印"))
        self.finish_form()

    def collect(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}


def edit_settings(parent: QWidget, db: Database, runner: TaskRunner, on_saved: Callable[[], None] | None = None) -> None:
    """设置…: read the settings on the worker, edit them, save on the worker (the dialog stays open
    if saving is refused)."""
    def show(values: dict[str, Any]) -> None:
        dialog = SettingsDialog(values, parent)
        dialog.save_with(runner, lambda value: settings.write(db, value))
        if dialog.exec() and on_saved is not None:
            on_saved()

    runner.run(lambda _p: settings.read(db, SettingsDialog.KEYS), show, cancellable=False)
