"""No failure is silent in the window: an exception nobody caught (in a slot, an event handler, a timer) is written
to the log with its traceback and shown in a dialog — what happened in Chinese, 「复制详细信息」 for the
traceback, and where the log is — instead of vanishing into the missing console of the windowed build.

The store stays consistent without help from here: every write is one transaction (``ctx.db.write()``) that the
exception has already rolled back on its way out, so the dialog can say that saved data is untouched; the
window keeps running with the clerk's unsaved input where it was.

Under ``--smoke`` (nobody to click) the error is one line on stderr and counted in ``failures``.
A second error while the dialog is open is added to its details (a broken paint would otherwise open one
dialog per frame).
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from .. import __version__, logfile
from .qt import (QApplication, QCoreApplication, QDialog, QDialogButtonBox, QLabel, QPushButton, QTextBrowser,
                 QVBoxLayout, QWidget)

translate = QCoreApplication.translate  # lupdate collects translate("errors", "text")
UNATTENDED = "unattended"  # = ui.application.UNATTENDED (not imported: application imports this module)


def details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """What 「复制详细信息」 copies: program version, platform, the log's place and the traceback."""
    lines = traceback.format_exception(exc_type, exc, tb)
    return (f"jzhealth-desktop {__version__} · Python {sys.version.split()[0]} · {sys.platform}\n"
            f"{translate('errors', 'Log file')}: {logfile.where()}\n\n" + "".join(lines))


class ErrorDialog(QDialog):
    """The report of an unexpected error: a plain sentence, the log's place, the details and a copy button."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("errors", "Unexpected error"))
        self.setObjectName("unexpected-error")
        self.count = 1
        self.summary = QLabel(translate(
            "errors", "The program ran into an unexpected error; the last action was not completed.\n"
                      "Data already saved is not affected. Unsaved entries are still in the window: check them "
                      "and save again; if the error comes back, restart the program."))
        self.summary.setWordWrap(True)
        self.where = QLabel(translate("errors", "The details were written to the log file:") + f"\n{logfile.where()}")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(self.where.textInteractionFlags() | _selectable())
        self.details = QTextBrowser()
        self.details.setPlainText(text)
        self.details.setMinimumHeight(160)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(translate("errors", "&Copy details"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(translate("errors", "C&lose"))
        self.close_button.setDefault(True)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.where, self.details, buttons):
            layout.addWidget(widget)
        self.resize(640, 420)
        self.close_button.setFocus()  # not the details: Enter or Esc closes, Alt+C copies

    def add(self, text: str) -> None:
        """Another error while this one is shown: appended to the details."""
        self.count += 1
        self.details.append("\n" + "─" * 40 + "\n" + text)
        self.setWindowTitle(translate("errors", "Unexpected error ({n} times)").format(n=self.count))

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details.toPlainText())
        self.copy_button.setText(translate("errors", "Copied"))


def _selectable():
    from .qt import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse


class ErrorHandler:
    """``sys.excepthook`` for the GUI: log, then tell the person (or stderr under --smoke)."""

    def __init__(self, app: QApplication):
        self.app = app
        self.dialog: ErrorDialog | None = None
        self.failures = 0
        self.previous = sys.excepthook

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return self.previous(exc_type, exc, tb)
        self.failures += 1
        logfile.log.error("unexpected error in the window", exc_info=(exc_type, exc, tb))
        self._pass_on(exc_type, exc, tb)
        text = details(exc_type, exc, tb)
        if self.app.property(UNATTENDED):
            _stderr(f"错误：程序内部错误（{exc_type.__name__}: {exc}），详见日志 {logfile.where()} / "
                    f"Error: internal error ({exc_type.__name__}); see the log")
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(text)
            return None
        self.dialog = ErrorDialog(text, self.app.activeWindow())
        self.dialog.open()  # window-modal, not a nested event loop: the slot that failed returns at once
        self.dialog.activateWindow()  # keys go to it (Alt+C copies, Esc closes)
        return None


    def _pass_on(self, exc_type, exc, tb) -> None:
        """The hook that was there before (a console's traceback print, a test runner's capture) still gets it;
        with no console (windowed build) that prints nowhere."""
        if self.previous is self or isinstance(self.previous, ErrorHandler) or sys.stderr is None:
            return
        try:
            self.previous(exc_type, exc, tb)
        except Exception:  # noqa: BLE001 - the dialog must come whatever the old hook does
            pass


def install(app: QApplication) -> ErrorHandler:
    """Make the handler ``sys.excepthook`` (PySide6 hands exceptions in slots and event handlers to it)."""
    handler = ErrorHandler(app)
    sys.excepthook = handler
    setattr(app, "_jz_error_handler", handler)  # kept with the app (a Python attribute on the Qt object)
    return handler


def _stderr(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # windowed build: no stderr
        pass
