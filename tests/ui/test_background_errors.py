"""A background job never fails silently: a bug in it reaches the same 「意外错误」 dialog and log as one on the UI
thread (never a raw ``ValueError: …`` box, never nothing); a refusal goes to the caller's handler or a message box."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from jzhealth_desktop import logfile
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.ui import application, errors
from jzhealth_desktop.ui.background import run_in_background
from jzhealth_desktop.ui.qt import QWidget


def shown_error_dialogs() -> list[errors.ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, errors.ErrorDialog) and w.isVisible()]


@pytest.fixture
def program_hook(qtbot, monkeypatch, data_home):
    """The program's own excepthook and log, as ``application.run`` installs them (given back afterwards)."""
    monkeypatch.setattr(sys, "excepthook", lambda *a: None)  # the hook before ours: a console's print
    app = application.make_app()
    before = app.property(errors.UNATTENDED)
    app.setProperty(errors.UNATTENDED, False)
    logfile.start()
    handler = errors.install(app)
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    yield handler, owner
    for dialog in shown_error_dialogs():
        dialog.close()
    app.setProperty(errors.UNATTENDED, before)


def boom(progress):
    raise RuntimeError("a bug in the worker")


@pytest.mark.qt_no_exception_capture  # the program's excepthook is what is tested
def test_a_bug_in_a_background_job_shows_the_error_dialog_and_is_logged(qtbot, program_hook, data_home):
    handler, owner = program_hook
    handled, done = [], []
    operation = run_in_background(owner, "正在导出数据包", boom, done.append, handled.append)
    qtbot.waitUntil(lambda: len(shown_error_dialogs()) == 1)
    dialog = shown_error_dialogs()[0]
    assert operation.done and isinstance(operation.error, RuntimeError)
    assert dialog.windowTitle() == "意外错误" and "刚才的操作没有完成" in dialog.summary.text()
    details = dialog.details.toPlainText()
    assert "RuntimeError: a bug in the worker" in details and "background job: 正在导出数据包" in details
    assert "in boom" in details  # the worker's own frame: the traceback crossed the thread
    log = (data_home / "logs" / logfile.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and "a bug in the worker" in log
    assert handler.failures == 1
    assert handled == [] and done == []  # no second, raw message from the caller's handler


@pytest.mark.qt_no_exception_capture
def test_under_smoke_a_background_bug_is_one_line_on_stderr(qtbot, program_hook, monkeypatch, capsys):
    handler, owner = program_hook
    QApplication.instance().setProperty(errors.UNATTENDED, True)
    run_in_background(owner, "生成报表", boom, lambda result: None)
    qtbot.waitUntil(lambda: handler.failures == 1)
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("错误：程序内部错误（RuntimeError: a bug in the worker）")
    assert shown_error_dialogs() == []


def test_a_refusal_goes_to_the_callers_handler_or_a_message_box(qtbot, monkeypatch):
    owner = QWidget()
    qtbot.addWidget(owner)

    def refuse(progress):
        raise InputError("文件不是数据包", "not a package")

    handled = []
    run_in_background(owner, "导入数据包", refuse, lambda result: None, handled.append)
    qtbot.waitUntil(lambda: bool(handled))
    assert isinstance(handled[0], InputError)
    boxes = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: boxes.append((parent, title, text)))
    run_in_background(owner, "导入数据包", refuse, lambda result: None)  # no handler: still said, never silent
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes == [(owner, "导入数据包", "文件不是数据包")]
