"""Run long jobs off the GUI thread, with a progress dialog and cancel (Picard's ``run_task``).

``TaskRunner.run(fn, on_done)`` calls ``fn(progress)`` on a worker thread; ``on_done(result)`` or
``on_error(exc)`` always runs on the GUI thread. A progress dialog appears only after 600 ms
(Anki), and its cancel button sets the job's ``Progress`` flag. Widgets never create threads.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from microshop.errors import Cancelled, UserError
from microshop.services.progress import Progress
from microshop.ui.i18n import tr

SHOW_AFTER_MS = 600


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.progress = Progress(on_update=lambda d, t, m: signals.progress.emit(d, t, m))

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)


class TaskRunner(QObject):
    """Runs jobs on a thread pool; results and errors come back on the GUI thread."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(2, QThreadPool.globalInstance().maxThreadCount()))
        self._running: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        *,
        title: str = tr("正在处理…"),
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
        silent: bool = False,
    ) -> Progress:
        """Start ``fn`` on a worker; return its Progress (so callers/tests may cancel it).

        ``silent`` jobs (e.g. a live preview) never show a progress dialog.
        """
        signals = _Signals()
        job = _Job(fn, signals)
        dialog = QProgressDialog(title, tr("取消") if cancellable else "", 0, 0, self._parent)
        if silent:
            dialog.setMinimumDuration(2**31 - 1)
        dialog.setWindowTitle(tr("微店管家"))
        if not silent:
            dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(job.progress.cancel)
        dialog.setValue(0)

        def on_progress(done: int, total: int, message: str) -> None:
            if total:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            if message:
                dialog.setLabelText(message)

        def finish() -> None:
            self._running.discard(signals)
            dialog.canceled.disconnect(job.progress.cancel)
            dialog.reset()
            dialog.hide()
            dialog.deleteLater()

        def done(result: Any) -> None:
            finish()
            on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            finish()
            if on_error is not None:
                on_error(exc)
            else:
                show_error(self._parent, exc, tb)

        signals.progress.connect(on_progress)
        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._running.add(signals)
        self.pool.start(job)
        return job.progress

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all jobs end (used on close and in tests)."""
        return self.pool.waitForDone(msecs)


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "") -> None:
    """A friendly message for a user error or cancellation, a detailed one for a bug."""
    if isinstance(exc, Cancelled):
        return  # the user asked for it; nothing was saved
    box = QMessageBox(parent)
    box.setWindowTitle(tr("微店管家"))
    if isinstance(exc, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
        if exc.detail:
            box.setInformativeText(exc.detail)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(tr("出现了意外错误，操作没有完成。你的数据不会因此损坏。"))
        box.setInformativeText(tr("可以把下面的详细信息发给开发者。"))
        box.setDetailedText(tb or repr(exc))
    box.open()
