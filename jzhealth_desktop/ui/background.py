"""The one background-operation helper: run ``fn(progress)`` off the UI thread behind a progress dialog.

``progress(done, total)`` may be called from the worker; it returns False once the user cancelled, and the
function should then stop. ``on_done(result)`` / ``on_error(exc)`` run on the UI thread. The dialog only
appears when the work takes longer than a moment.

Failures are never silent. A refusal (``JzError``: a bad file, a locked form) goes to ``on_error``, or, without
one, to a message box naming it. Anything else is a bug: it goes to ``sys.excepthook`` on the UI thread exactly
as an error in a slot does (``ui/errors.py``: logged with its traceback, the one-line Chinese 「意外错误」 dialog,
or one line on stderr under ``--smoke``), with the job's title added to the traceback; ``on_error`` is not
called for it, so the clerk never gets a second, raw ``ValueError: …`` box.
"""

from __future__ import annotations

import sys
import threading
from typing import Any, Callable

from ..domain.errors import JzError
from .qt import QObject, QProgressDialog, QRunnable, Qt, QThreadPool, QWidget, Signal

SHOW_AFTER_MS = 300


class _Relay(QObject):
    """Lives on the UI thread; the worker's signals arrive here queued."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int], bool]], Any], relay: _Relay, cancelled: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self.fn, self.relay, self.cancelled = fn, relay, cancelled

    def progress(self, done: int, total: int) -> bool:
        self.relay.progressed.emit(int(done), int(total))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # handed to on_error on the UI thread, never lost in the pool
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


class Operation(QObject):
    """One running job: its dialog, its cancel flag, its callbacks. ``done`` is True once it has reported."""

    def __init__(self, parent: QWidget, title: str, fn, on_done, on_error, cancellable: bool):
        super().__init__(parent)
        self.cancelled = threading.Event()
        self.title = title
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self._on_done, self._on_error = on_done, on_error
        self.dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self.cancelled.set)
        self.relay = _Relay(self)
        self.relay.progressed.connect(self._progressed)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        QThreadPool.globalInstance().start(_Job(fn, self.relay, self.cancelled))

    def cancel(self) -> None:
        self.cancelled.set()

    def _progressed(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)

    def _close(self) -> None:
        self.done = True
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _finished(self, result: Any) -> None:
        self.result = result
        self._close()
        self._on_done(result)
        self.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self.error = exc
        self._close()
        try:
            if not isinstance(exc, JzError):
                unexpected(exc, self.title)
            elif self._on_error is not None:
                self._on_error(exc)
            else:
                from .dialogs import show_error

                parent = self.parent()
                show_error(parent if isinstance(parent, QWidget) else None, self.title, exc)
        finally:
            self.deleteLater()


def unexpected(exc: BaseException, title: str) -> None:
    """A bug in a background job, handed to the UI thread's excepthook (log + dialog) with the job named."""
    exc.add_note(f"background job: {title}")
    sys.excepthook(type(exc), exc, exc.__traceback__)


def run_in_background(parent: QWidget, title: str, fn, on_done, on_error=None, cancellable: bool = False) -> Operation:
    return Operation(parent, title, fn, on_done, on_error, cancellable)
