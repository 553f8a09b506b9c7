"""UI fixtures: a real main window on a real SQLite store in tmp, driven with pytest-qt (offscreen)."""

from __future__ import annotations

import argparse

import pytest

from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui import dialogs
from jzhealth_desktop.ui.application import start

COUNTY = "410821"  # 修武县
# The offscreen platform plugin says these on every top-level window and popup menu; they are about the plugin.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise|grabbing the keyboard|grabbing the mouse)"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch):
    """scrypt at N=2^12 so creating and signing in accounts takes milliseconds (test_passwords checks the cost)."""
    from jzhealth_desktop.services import passwords

    monkeypatch.setattr(passwords, "COST_N", 2 ** 12)


@pytest.fixture
def answer_dialogs(qtbot):
    """answer_dialogs([(DialogClass, answer), ...]) → names of the modal dialogs seen, in order.

    Each modal dialog that opens is answered by the next expected answer if it is of the expected class; any
    other modal dialog (a sign-in nobody should see, an error box) is rejected and recorded, for as long as the
    test runs, so a wrong turn fails the test on the list instead of hanging it.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: list[str] = []
    timer = QTimer()
    timer.setInterval(20)
    state = {"expected": [], "last": None, "waited": 0}

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is state["last"]:
            return
        # Answer once the keyboard is in the dialog, as a person would: a key sent while a menu is still closing
        # or before the dialog is activated lands in the window behind it and the dialog waits for ever.
        focus = QApplication.focusWidget()
        ready = QApplication.activePopupWidget() is None and focus is not None and focus.window() is dialog
        if not ready and state["waited"] < 50:  # ~1 s, then answer anyway (a dialog that never takes the focus)
            state["waited"] += 1
            return
        state["last"], state["waited"] = dialog, 0
        seen.append(type(dialog).__name__ + (f": {dialog.text()}" if isinstance(dialog, QMessageBox) else ""))
        expected = state["expected"]
        owner = dialog.parentWidget().window() if dialog.parentWidget() is not None else None
        if expected and isinstance(dialog, expected[0][0]):
            expected.pop(0)[1](dialog)
        else:
            dialog.reject()
        if owner is not None:  # as a window manager does: the window under a closed dialog is active again
            QTimer.singleShot(0, owner.activateWindow)

    timer.timeout.connect(act)

    def arm(expected):
        state["expected"] = list(expected)
        timer.start()
        return seen

    yield arm
    timer.stop()


@pytest.fixture
def no_questions(monkeypatch):
    """Fail loudly if the window asks about unsaved changes when a test did not expect it."""
    def unexpected(parent, what):
        raise AssertionError(f"unexpected unsaved-changes question about {what}")
    monkeypatch.setattr(dialogs, "ask_unsaved", unexpected)


@pytest.fixture
def open_window(qtbot):
    """open_window(path, kind="county", org=COUNTY) → a shown MainWindow on that store (station set up first)."""
    opened = []

    def make(path, kind: str | None = "county", org: str | None = COUNTY):
        from jzhealth_desktop.services.context import open_context

        if kind:
            setup = open_context(str(path))
            configure_station(setup, kind, org, "王会计")
            setup.close()
        started = start(argparse.Namespace(db=str(path), demo=False, smoke=False))
        window = started.window
        # Not qtbot.addWidget: its teardown would close the window before unsaved edits are dropped below.
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(window.isActiveWindow)  # the window activates itself on show (keys reach it)
        opened.append(started)
        return window

    yield make
    for started in opened:
        window = started.window
        if window.isVisible():
            window.form_view.revert_all()
            window.grid.model_.discard()
            window.close()
        window.deleteLater()
        started.ctx.close()


class Keys:
    """Keys go where the program put the focus, as they would for a person (never a setFocus of the test's)."""

    from PySide6.QtCore import Qt as _Qt

    CTRL, SHIFT, ALT = (_Qt.KeyboardModifier.ControlModifier, _Qt.KeyboardModifier.ShiftModifier,
                        _Qt.KeyboardModifier.AltModifier)

    @staticmethod
    def target(window):
        from PySide6.QtWidgets import QApplication

        return QApplication.activePopupWidget() or QApplication.focusWidget() or window

    def press(self, window, key, modifier=None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(self.target(window), key, modifier or Qt.KeyboardModifier.NoModifier)

    def type(self, window, text: str) -> None:
        from PySide6.QtTest import QTest

        QTest.keyClicks(self.target(window), text)

    def ime(self, window, text: str) -> None:
        """Chinese as an input method delivers it: one committed string to the focused widget."""
        from PySide6.QtGui import QInputMethodEvent
        from PySide6.QtWidgets import QApplication

        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(self.target(window), event)


@pytest.fixture
def keys() -> Keys:
    return Keys()
