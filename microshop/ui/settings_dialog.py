"""设置: shop name, invite code (and how it is added to links), poster watermark."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLineEdit

from microshop.i18n import localized
from microshop.services import settings
from microshop.ui.forms import FormDialog
from microshop.ui.i18n import tr

if TYPE_CHECKING:
    from microshop.services.book import Database

class SettingsDialog(FormDialog):
    """Edit the settings posters and copy texts use."""

    KEYS = ("shop_name", "invite_code", "invite_param", "watermark")

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(tr("设置"), parent)
        self.db = db
        self.edits: dict[str, QLineEdit] = {}
        with db.session() as s:
            for key in self.KEYS:
                edit = QLineEdit(str(settings.get(s, key)))
                edit.setMinimumWidth(320)
                self.edits[key] = edit
                self.form.addRow(localized(settings.OPTIONS[key].label), edit)
        self.edits["invite_param"].setPlaceholderText(tr("例如 invite；留空则不在链接上加邀请码"))
        self.edits["watermark"].setPlaceholderText(tr("留空则海报不加水印"))
        self.finish_form()

    def collect(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def accept(self) -> None:
        super().accept()
        if self.result_value is not None:
            with self.db.session() as s:
                for key, value in self.result_value.items():
                    settings.put(s, key, value)
