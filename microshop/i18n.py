"""Translatable text for the Qt-free core (messages, labels, reasons the user reads).

The source language is Simplified Chinese. Qt's ``pyside6-lupdate`` finds the strings to translate
by the calls that carry them, so the core marks them the same way the UI does:

- ``tr("“{name}”里没有任何数据。", name=path.name)`` — a message made now: the template is
  translated (when a translation is installed), then its ``{fields}`` are filled in. Templates are
  ``str.format`` strings, so a translation may move the fields around.
- ``QT_TR_NOOP("已付款")`` — a label defined once at import time (a table of statuses, a
  category name); ``localized(label)`` translates it where it is shown.

The core does not import Qt: the GUI installs Qt's translator here (``set_translator``) when it
loads a translation; until then, and in the command line, text stays Chinese.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_translator: Callable[[str], str] | None = None


def set_translator(translate: Callable[[str], str] | None) -> None:
    """Use ``translate`` (source text → the user's language) for every core text; None: Chinese."""
    global _translator
    _translator = translate


def localized(text: str) -> str:
    """``text`` (a source string marked with ``QT_TR_NOOP`` or ``tr``) in the user's language."""
    if _translator is None or not text:
        return text
    return _translator(text) or text


def tr(template: str, /, **values: Any) -> str:
    """The message ``template`` in the user's language with its ``{fields}`` filled from ``values``
    (without values the text is used as it is, braces and all)."""
    text = localized(template)
    return text.format(**values) if values else text


def QT_TR_NOOP(text: str) -> str:
    """Mark ``text`` for translation without translating it now (see ``localized``)."""
    return text
