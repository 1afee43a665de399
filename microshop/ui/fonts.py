"""Register the bundled Noto Sans SC so Chinese renders on machines without a CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from microshop import paths

_registered: list[str] = []  # the families the bundled files added, once per process


def register_fonts() -> str | None:
    """Add the bundled fonts to Qt's database; return the family name (None if missing)."""
    if not _registered:
        for bold in (False, True):
            font_id = QFontDatabase.addApplicationFont(str(paths.font_path(bold=bold)))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _registered[0] if _registered else None


def bundled_families() -> set[str]:
    """The font families that came from the bundled files (empty if they failed to load)."""
    register_fonts()
    return set(_registered)


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
