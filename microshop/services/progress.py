"""A Qt-free progress/cancel handle that long jobs report through.

The GUI's worker passes one in and reads it from its own thread; tests and the CLI pass
``Progress()`` (or a subclass) directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from microshop.errors import Cancelled


class Progress:
    """Reports (done, total, message) and carries a thread-safe cancel flag."""

    def __init__(self, on_update: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._on_update = on_update
        self.done = 0
        self.total = 0
        self.message = ""

    def update(self, done: int, total: int = 0, message: str = "") -> None:
        """Record progress; raises ``Cancelled`` if the user asked to stop."""
        self.done, self.total = done, total or self.total
        if message:
            self.message = message
        if self._on_update is not None:
            self._on_update(self.done, self.total, self.message)
        self.check()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if cancellation was requested."""
        if self._cancel.is_set():
            raise Cancelled()
