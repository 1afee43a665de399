"""Run long jobs off the GUI thread, with a progress dialog and cancel (Picard's ``run_task``).

``TaskRunner.run(fn, on_done)`` calls ``fn(progress)`` on a worker thread; ``on_done(result)`` or
``on_error(exc)`` always runs on the GUI thread. A progress dialog appears only after 600 ms
(Anki), and its cancel button sets the job's ``Progress`` flag. Widgets never create threads.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from microshop.bugs import log_bug
from microshop.errors import Cancelled, UserError
from microshop.services.progress import Progress
from microshop.ui.i18n import tr

SHOW_AFTER_MS = 600
PROGRESS_EVERY_S = 0.1


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self._last_emit = 0.0
        self.progress = Progress(on_update=self._update)

    def _update(self, done: int, total: int, message: str) -> None:
        """Progress goes to the GUI at most every PROGRESS_EVERY_S: a job reporting every few rows
        must not keep the GUI thread busy redrawing its dialog."""
        now = time.monotonic()
        if now - self._last_emit >= PROGRESS_EVERY_S or (total and done >= total):
            self._last_emit = now
            self.signals.progress.emit(done, total, message)

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
        on_done: Callable[[Any], object],
        *,
        title: str | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
        silent: bool = False,
    ) -> Progress:
        """Start ``fn`` on a worker; return its Progress (so callers/tests may cancel it).

        ``silent`` jobs (e.g. a live preview) never show a progress dialog.
        """
        signals = _Signals()
        job = _Job(fn, signals)
        dialog: QProgressDialog | None = None
        if not silent:  # silent jobs (list queries, lookups, previews) make no dialog at all
            dialog = QProgressDialog(title or tr("正在处理…"), tr("取消") if cancellable else "", 0, 0, self._parent)
            dialog.setWindowTitle(tr("微店管家"))
            dialog.setMinimumDuration(SHOW_AFTER_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            if not cancellable:
                dialog.setCancelButton(None)
            dialog.canceled.connect(job.progress.cancel)
            dialog.setValue(0)

        def on_progress(done: int, total: int, message: str) -> None:
            if dialog is None or not shiboken6.isValid(dialog):
                return
            if total:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))
            if message and message != dialog.labelText():
                dialog.setLabelText(message)

        def finish() -> bool:
            """Close the progress dialog; False when the window that started the job is gone
            (closed while the job ran): its result has nowhere to go."""
            self._running.discard(signals)
            if not shiboken6.isValid(self):
                return False
            if dialog is not None:
                if not shiboken6.isValid(dialog):
                    return False
                dialog.canceled.disconnect(job.progress.cancel)
                dialog.reset()
                dialog.hide()
                dialog.deleteLater()
            return True

        def done(result: Any) -> None:
            if finish():
                on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            if not finish():
                if not isinstance(exc, (UserError, Cancelled)):
                    log_bug(exc, tb)
                return
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

    def idle(self) -> bool:
        """No job is running or waiting to deliver its result."""
        return not self._running

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until all jobs end (used on close and in tests)."""
        return self.pool.waitForDone(msecs)


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "") -> QMessageBox | None:
    """The one error path of the GUI: a user error is shown as its message where the action
    started (``parent``: the dialog stays open with its input); anything else is a bug, logged
    with its traceback to the data folder and shown as “程序出错了” with the log's place."""
    if isinstance(exc, Cancelled):
        return None  # the user asked for it; nothing was saved
    box = QMessageBox(parent)
    box.setWindowTitle(tr("微店管家"))
    if isinstance(exc, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
        if exc.detail:
            box.setInformativeText(exc.detail)
    else:
        try:
            where = str(log_bug(exc, tb or None))
        except OSError as log_error:  # the data folder itself is the trouble: still show the bug
            where = tr("（没能写入日志：{reason}）", reason=log_error)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(tr("程序出错了，这一步没有完成。已保存的数据不受影响。"))
        box.setInformativeText(tr("错误的详细信息已记录在 {path}，可以把这个文件发给开发者。", path=where))
        box.setDetailedText(tb or "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    if parent is None:  # nothing else holds it: kept until it is closed
        _unparented.add(box)
        box.finished.connect(lambda _r: _unparented.discard(box))
    box.open()
    return box


_unparented: set[QMessageBox] = set()


def install_excepthook() -> None:
    """Errors no one caught on the GUI thread (a slot, a virtual method) go the same way: logged
    and shown, never a silent console traceback. Errors on other threads are logged."""
    import sys
    import threading

    def hook(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            show_error(app.activeWindow(), exc, text)
        else:
            log_bug(exc, text)
            sys.__excepthook__(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_bug(args.exc_value, "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)),
                    where=getattr(args.thread, "name", ""))

    sys.excepthook = hook
    threading.excepthook = thread_hook
