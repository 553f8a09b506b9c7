"""No failure is silent in the window: an unexpected error shows a Chinese dialog with 「复制详细信息」 and the log's
place and leaves the store as it was; start-up refusals come in a message box; hard crashes are found at the next
start; on Linux a missing system library is named in one line instead of Qt's abort."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from jzhealth_desktop import app as entry, logfile
from jzhealth_desktop.services import forms
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui import application, errors
from jzhealth_desktop.ui.forms.field import ValueEdit
from jzhealth_desktop.ui.main_window import MainWindow

COUNTY = "410821"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def started_window(store_path, monkeypatch):
    """The program as a clerk starts it (``run`` without the event loop): log, excepthook and the filled window."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # given back after the test
    setup = open_context(str(store_path))
    configure_station(setup, "county", COUNTY, "王会计")
    setup.close()
    before = set(QApplication.topLevelWidgets())
    assert application.run(argparse.Namespace(db=str(store_path), demo=False, smoke=False), exec=False) == 0
    window = next(w for w in QApplication.topLevelWidgets() if w not in before and isinstance(w, MainWindow))
    yield window
    window.form_view.revert_all()
    window.close()
    window.ctx.close()
    window.deleteLater()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, errors.ErrorDialog):
            widget.close()
            widget.deleteLater()


def tab_to_a_figure(window) -> ValueEdit:
    """Press Tab, as a person does, until a figure field has the focus."""
    for _ in range(12):
        if isinstance(window.focusWidget(), ValueEdit):
            return window.focusWidget()
        QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached a figure; focus is on {window.focusWidget()}")


def shown_error_dialogs() -> list[errors.ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, errors.ErrorDialog) and w.isVisible()]


@pytest.mark.qt_no_exception_capture  # the program's own excepthook is what is tested
def test_an_unexpected_error_in_a_save_is_shown_logged_and_changes_nothing(qtbot, started_window, store_path,
                                                                           snapshot, monkeypatch, data_home):
    window = started_window

    def broken_apply(*args, **kwargs):  # a bug inside the write transaction
        raise RuntimeError("a bug inside the write")

    monkeypatch.setattr(forms, "apply", broken_apply)
    before = snapshot(store_path)
    field = tab_to_a_figure(window)
    QTest.keyClicks(field, "146")
    QTest.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(shown_error_dialogs()) == 1)
    dialog = shown_error_dialogs()[0]
    qtbot.waitUntil(dialog.isActiveWindow)
    log_file = data_home / "logs" / logfile.LOG_NAME
    assert dialog.windowTitle() == "意外错误"
    assert "刚才的操作没有完成" in dialog.summary.text() and "已保存的数据不受影响" in dialog.summary.text()
    assert str(log_file) in dialog.where.text()
    assert "RuntimeError: a bug inside the write" in dialog.details.toPlainText()
    assert dialog.copy_button.text() == "复制详细信息(&C)"
    assert QApplication.focusWidget() is dialog.close_button  # Enter or Esc closes it
    QApplication.clipboard().clear()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # the mnemonic
    qtbot.waitUntil(lambda: QApplication.clipboard().text() != "")  # a mnemonic clicks after a short animation
    copied = QApplication.clipboard().text()
    assert "RuntimeError: a bug inside the write" in copied and str(log_file) in copied
    assert "Traceback" in log_file.read_text(encoding="utf-8")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    # the store is as it was; the clerk's input is still in the form, unsaved
    assert snapshot(store_path) == before
    assert field.text() == "146" and window.form_view.is_dirty()


@pytest.mark.qt_no_exception_capture
def test_a_second_error_while_the_dialog_is_open_is_added_to_it(qtbot, monkeypatch):
    before: list[str] = []  # the hook that was there (a console's traceback print) still gets each error
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: before.append(str(e)))
    app = application.make_app()
    app.setProperty(application.UNATTENDED, False)
    handler = errors.install(app)
    for n in range(3):
        try:
            raise ValueError(f"failure {n}")
        except ValueError:
            handler(*sys.exc_info())
    dialogs = shown_error_dialogs()
    try:
        assert len(dialogs) == 1 and dialogs[0].count == 3 and handler.failures == 3
        assert "failure 2" in dialogs[0].details.toPlainText() and "（3 次）" in dialogs[0].windowTitle()
        assert before == ["failure 0", "failure 1", "failure 2"]
    finally:
        for dialog in dialogs:
            dialog.close()
            dialog.deleteLater()


@pytest.mark.qt_no_exception_capture
def test_unattended_errors_go_to_stderr_not_a_dialog(qtbot, monkeypatch, capsys):
    monkeypatch.setattr(sys, "excepthook", lambda *exc: None)
    app = application.make_app()
    app.setProperty(application.UNATTENDED, True)
    try:
        handler = errors.install(app)
        try:
            raise KeyError("x")
        except KeyError:
            handler(*sys.exc_info())
        assert shown_error_dialogs() == [] and handler.failures == 1
        line = capsys.readouterr().err.strip()
        assert "\n" not in line and "程序内部错误（KeyError" in line
    finally:
        app.setProperty(application.UNATTENDED, False)


def test_a_start_up_refusal_is_shown_in_a_message_box(qtbot, answer_dialogs, monkeypatch, capsys):
    """The windowed build has no console: a store that cannot be opened is said in a box, then the program ends."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen = answer_dialogs([(QMessageBox, lambda box: box.accept())])
    # with a password in the address: without one the city-server sign-in dialog comes first (issue 15)
    code = application.run(argparse.Namespace(db="postgresql://nobody:x@127.0.0.1:1/none", demo=False, smoke=False),
                           exec=False)
    assert code == 1
    assert len(seen) == 1 and seen[0].startswith("QMessageBox: 程序无法启动：\n无法连接数据库"), seen
    assert "无法连接数据库" in capsys.readouterr().err  # and on stderr, for a console start


def test_an_unexpected_start_up_failure_names_the_log(qtbot, answer_dialogs, monkeypatch, store_path, data_home):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def broken_open(args):
        raise RuntimeError("cannot happen")

    monkeypatch.setattr(application, "open_store", broken_open)
    seen = answer_dialogs([(QMessageBox, lambda box: box.accept())])
    code = application.run(argparse.Namespace(db=str(store_path), demo=False, smoke=False), exec=False)
    log_file = data_home / "logs" / logfile.LOG_NAME
    assert code == 1 and len(seen) == 1
    assert "RuntimeError: cannot happen" in seen[0] and str(log_file) in seen[0]
    assert "RuntimeError: cannot happen" in log_file.read_text(encoding="utf-8")


CRASH = textwrap.dedent("""
    import faulthandler, sys
    from jzhealth_desktop import logfile
    logfile.start()
    logfile.start_faulthandler()
    if sys.argv[1] == "crash":
        faulthandler._sigsegv()
    logfile.stop_faulthandler()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="faulthandler._sigsegv opens a Windows error-report window")
def test_a_hard_crash_is_found_in_the_log_at_the_next_start(data_home, tmp_path):
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT), "JZHEALTH_HOME": str(data_home)}
    done = subprocess.run([sys.executable, "-c", CRASH, "crash"], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    crash = data_home / "logs" / logfile.CRASH_NAME
    assert "Fatal Python error" in crash.read_text(encoding="utf-8")
    logfile.start()
    previous = logfile.start_faulthandler()
    try:
        assert "Fatal Python error" in previous
        assert "the previous run ended abnormally" in (data_home / "logs" / logfile.LOG_NAME).read_text(encoding="utf-8")
    finally:
        logfile.stop_faulthandler()
    assert not crash.exists()  # a normal end: nothing to report next time
    done = subprocess.run([sys.executable, "-c", CRASH, "fine"], env=env, capture_output=True, text=True)
    assert done.returncode == 0 and not crash.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("gcc") is None,
                    reason="needs Linux and gcc to build a library that depends on a missing one")
def test_a_missing_linux_library_is_named_in_one_line(tmp_path, monkeypatch, capsys):
    """A fresh Debian machine lacked libxcb-icccm4 and libxcb-keysyms1 and Qt aborted (rc 134) blaming
    libxcb-cursor0. Here a real plugin-like library needs a library that is not installed."""
    (tmp_path / "a.c").write_text("int absent(void){return 1;}\n")
    (tmp_path / "b.c").write_text("int absent(void); int f(void){return absent();}\n")
    subprocess.run(["gcc", "-shared", "-fPIC", "-Wl,-soname,libjzabsent.so.7", "-o", "libjzabsent.so", "a.c"],
                   cwd=tmp_path, check=True)
    subprocess.run(["gcc", "-shared", "-fPIC", "-o", "libqxcb.so", "b.c", "-L.", "-ljzabsent"], cwd=tmp_path,
                   check=True)
    (tmp_path / "libjzabsent.so").unlink()
    assert entry.missing_linux_packages(tmp_path / "libqxcb.so") == ["libjzabsent7"]
    monkeypatch.setattr(entry, "xcb_plugin", lambda: tmp_path / "libqxcb.so")
    assert entry.main(["--smoke"]) == 1
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "sudo apt-get install libjzabsent7" in line and line.startswith("错误：")


def test_package_names_follow_debian_naming():
    ldd = ("\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n"
           "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x1)\n\tlibxkbcommon-x11.so.0 => not found\n"
           "\tlibX11-xcb.so.1 => not found\n\tlibglib-2.0.so.0 => not found\n")
    assert entry.missing_from_ldd(ldd) == ["libglib2.0-0", "libx11-xcb1", "libxcb-icccm4", "libxcb-keysyms1",
                                           "libxkbcommon-x11-0"]


def test_this_machine_has_what_the_window_needs(monkeypatch):
    """The check itself finds nothing missing where Qt runs (the machine the tests run on)."""
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert entry.missing_linux_packages() == []
