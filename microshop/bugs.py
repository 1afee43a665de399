"""Bugs are logged, with their traceback, to a file in the data folder (``logs/microshop.log``,
rotated at 1 MB, three kept), so a user can send it; user-caused errors (``UserError``) are not bugs
and never land here. Qt-free: the GUI's error dialog and ``sys.excepthook`` and the CLI all use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path

from microshop import __version__, paths

LOGGER = logging.getLogger("microshop")
_handler: logging.Handler | None = None


def log_path() -> Path:
    """Where bugs are written (the folder is made on first use)."""
    return paths.data_dir() / "logs" / "microshop.log"


def _ensure_handler() -> None:
    global _handler
    target = log_path()
    if _handler is not None and getattr(_handler, "baseFilename", None) == str(target):
        return
    if _handler is not None:
        LOGGER.removeHandler(_handler)
        _handler.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=3, encoding="utf-8",
                                                   delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    _handler = handler


def log_bug(exc: BaseException, tb: str | None = None, where: str = "") -> Path:
    """Append a bug with its traceback to the log; return the log file's path."""
    _ensure_handler()
    text = tb or "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    LOGGER.error("微店管家 %s 出错%s：%r\n%s", __version__, f"（{where}）" if where else "", exc, text.rstrip())
    assert _handler is not None
    _handler.flush()
    return log_path()
