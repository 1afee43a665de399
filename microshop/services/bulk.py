"""Bulk work with CPython's cycle collector paused.

Importing a 100,000-line statement or reconciling a month makes millions of short-lived lists,
tuples and dicts. The cycle collector counts them and runs hundreds of times meanwhile, each
time walking every young container while holding the GIL, so the threads parsing the sheet
wait as well: about a tenth of an import's time and of a reconciliation's went there. None of
that work makes reference cycles (plain reference counting frees it all), so the collector is
paused while it runs.

Re-entrant and shared by threads: the collector comes back when the last bulk job running in
any thread ends, and only if it was on when the first one began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector for the duration of the block (see the module docstring)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
