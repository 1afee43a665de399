"""Register the bundled Noto Sans SC so Chinese renders on machines without a CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from microshop import paths


def register_fonts() -> str | None:
    """Add the bundled fonts to Qt's database; return the family name (None if missing)."""
    family = None
    for bold in (False, True):
        font_id = QFontDatabase.addApplicationFont(str(paths.font_path(bold=bold)))
        if font_id >= 0 and family is None:
            families = QFontDatabase.applicationFontFamilies(font_id)
            family = families[0] if families else None
    return family


def apply_app_font(app: QApplication) -> str | None:
    """Make the bundled family the application font (system CJK fonts stay as fallback)."""
    family = register_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *QFont(app.font()).families()])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    return family
