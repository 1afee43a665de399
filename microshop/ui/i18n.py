"""Translation: every user-visible UI string goes through ``tr`` so Qt's tools can translate it.

The source language is Simplified Chinese. ``pyside6-lupdate`` extracts the ``tr("…")`` calls
(``scripts/update_translations.sh`` writes ``resources/i18n/microshop_<lang>.ts``), Qt Linguist
translates them, ``pyside6-lrelease`` makes the ``.qm`` files that ``install_translator`` loads.
Without a translation ``tr`` returns the Chinese text unchanged.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator

from microshop import i18n, paths

CONTEXT = ""  # pyside6-lupdate files bare tr("…") calls under the empty context


def tr(text: str, disambiguation: str | None = None, n: int = -1, /, **values: Any) -> str:
    """``text`` in the user's language (the Chinese source text when there is no translation);
    with ``values``, a ``str.format`` template whose ``{fields}`` are filled in after translating."""
    translated = QCoreApplication.translate(CONTEXT, text, disambiguation, n)
    return translated.format(**values) if values else translated


def install_translator(app: QCoreApplication, language: str | None = None,
                       folder: Path | None = None) -> QTranslator | None:
    """Load ``microshop_<language>.qm`` from ``resources/i18n`` (language: the argument or
    ``MICROSHOP_LANG``, e.g. ``en``). The app is Chinese first: without either, or for Chinese,
    or when no such translation exists, the source text stays."""
    language = language or os.environ.get("MICROSHOP_LANG")
    if not language or language.lower().startswith("zh"):
        return None
    folder = folder or paths.resource("i18n")
    translator = QTranslator(app)
    for name in (language, language.split("_")[0]):
        if translator.load(str(folder / f"microshop_{name}.qm")):
            app.installTranslator(translator)
            i18n.set_translator(_translate_core)  # the core's messages and labels, too
            return translator
    return None


def _translate_core(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
