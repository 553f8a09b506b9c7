"""Start-up: first-run set-up, --smoke, feature hooks, background helper, help, translations."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import accounts
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.station import station
from jzhealth_desktop.ui import application, features
from jzhealth_desktop.ui.setup_dialog import SetupDialog

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "jzhealth_zh_CN.ts"


def test_first_run_dialog_sets_up_a_county_station_and_the_administrator(qtbot, store_path, snapshot):
    application.make_app()  # the program's translators: messages in Chinese
    ctx = open_context(str(store_path))
    try:
        dialog = SetupDialog(ctx)
        qtbot.addWidget(dialog)
        assert dialog.with_admin  # no accounts yet: the first administrator is part of the set-up
        before = snapshot(store_path)
        dialog.accept()  # no operator name: refused, nothing written
        assert "请填写操作员姓名" in dialog.message.text() and dialog.result() == 0
        assert snapshot(store_path) == before
        dialog.county.setCurrentIndex(dialog.county.findData("410822"))
        QTest.keyClicks(dialog.operator, "Li Na")
        dialog.admin_password.setText("Long-enough-1")
        dialog.admin_repeat.setText("Long-enough-2")
        dialog.accept()  # the two passwords differ: refused, nothing written, neither kept in the widgets
        assert dialog.message.text() == "两次输入的密码不一致。" and dialog.result() == 0
        assert dialog.admin_password.text() == dialog.admin_repeat.text() == ""
        dialog.admin_password.setText("short")
        dialog.admin_repeat.setText("short")
        dialog.accept()  # the service's minimum length
        assert "至少需要 8 个字符" in dialog.message.text() and dialog.result() == 0
        assert snapshot(store_path) == before and not accounts.has_users(ctx)
        dialog.admin_name.setText("zhuren")
        dialog.admin_password.setText("Long-enough-1")
        dialog.admin_repeat.setText("Long-enough-1")
        dialog.accept()
        assert dialog.result() == 1
        assert station(ctx) == dialog.station
        assert (dialog.station.kind, dialog.station.org, dialog.station.operator) == ("county", "410822", "Li Na")
        assert [(u.name, u.role) for u in accounts.list_users(ctx)] == [("zhuren", "admin")]
        assert ctx.principal.name == "zhuren" and ctx.user == "zhuren"  # signed in as the new administrator
        assert dialog.admin_password.text() == ""
    finally:
        ctx.close()


def test_set_up_on_a_store_with_accounts_asks_no_administrator(qtbot, store_path):
    ctx = open_context(str(store_path))
    try:
        accounts.add_user(ctx, "admin", "admin", "Long-enough-1")
        dialog = SetupDialog(ctx)
        qtbot.addWidget(dialog)
        assert not dialog.with_admin and not hasattr(dialog, "admin_password")
        QTest.keyClicks(dialog.operator, "Zhang")
        dialog.accept()
        assert dialog.result() == 1 and [u.name for u in accounts.list_users(ctx)] == ["admin"]
    finally:
        ctx.close()


def test_start_shows_set_up_first_then_the_window(qtbot, store_path, answer_dialogs):
    def fill(dialog):
        dialog.city_radio.setChecked(True)
        QTest.keyClicks(dialog.operator, "Zhang")
        dialog.admin_password.setText("Long-enough-1")
        dialog.admin_repeat.setText("Long-enough-1")
        dialog.buttons.accepted.emit()

    seen = answer_dialogs([(SetupDialog, fill)])
    started = application.start(argparse.Namespace(db=str(store_path), demo=False, smoke=False))
    try:
        window = started.window
        assert seen == ["SetupDialog"]  # the new administrator is signed in: no sign-in dialog after set-up
        assert window is not None and window.station.kind == "city"
        assert started.ctx.principal.role == "admin" and started.ctx.user == "admin"
        assert station(started.ctx).operator == "Zhang"
        assert window.org_box.count() == 12
    finally:
        started.window.deleteLater()
        started.ctx.close()


def test_feature_hooks_run_around_the_window_and_its_declared_items_are_placed(qtbot, store_path, monkeypatch):
    from jzhealth_desktop.ui.menu_action import MenuAction

    calls = []
    module = type(sys)("jz_fake_feature")
    module.before_main_window = lambda ctx, app: calls.append(("before", ctx.db.path)) or True
    module.ACTIONS = (MenuAction("reports", 0, 0, "fake", "fake report", "fakeReport",
                                 lambda window: lambda: calls.append(("run", window.current_domain())),
                                 right="reports.build", shortcut="Ctrl+Shift+F"),)
    monkeypatch.setitem(sys.modules, "jz_fake_feature", module)
    monkeypatch.setattr(application, "FEATURE_MODULES", ("jz_fake_feature",))
    started = application.start(argparse.Namespace(db=str(store_path), demo=False, smoke=True))
    try:
        assert calls == [("before", store_path.resolve())]
        placed = started.window.menu("reports").actions()
        assert [(a.text(), a.objectName(), a.shortcut().toString()) for a in placed] == [
            ("fake report", "fakeReport", "Ctrl+Shift+F")]
        assert placed[0].property("right") == "reports.build" and placed[0].isEnabled()
        placed[0].trigger()
        assert calls[-1] == ("run", "immunization")
    finally:
        started.window.deleteLater()
        started.ctx.close()
    assert isinstance(features.FEATURE_MODULES, tuple)


def test_smoke_exits_zero_after_painting(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "jzhealth_desktop.app", "--demo", "--smoke"], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "demo.sqlite").exists()
    bad = subprocess.run([sys.executable, "-m", "jzhealth_desktop.app", "--db", str(ROOT / "README.md"), "--smoke"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert bad.returncode == 1 and "错误" in bad.stderr


def test_background_helper_reports_progress_result_and_errors(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    seen, results, errors = [], [], []
    worker_threads = []

    def work(progress):
        worker_threads.append(threading.get_ident())
        for n in range(3):
            seen.append(progress(n + 1, 3))
        return "ok"

    window.run_in_background("test", work, results.append)
    qtbot.waitUntil(lambda: results == ["ok"])
    assert seen == [True, True, True] and worker_threads[0] != threading.get_ident()

    def fail(progress):  # a refusal reaches on_error; an unexpected error: tests/ui/test_background_errors.py
        raise InputError("文件不是数据包", "not a package")

    window.run_in_background("test", fail, results.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], InputError)

    release = threading.Event()
    answers = []

    def long(progress):
        release.wait(30)
        answers.append(progress(1, 2))
        return "stopped"

    op = window.run_in_background("test", long, results.append, cancellable=True)
    op.cancel()
    release.set()
    qtbot.waitUntil(lambda: results[-1] == "stopped")
    assert answers == [False]  # the worker learns it was cancelled


def test_help_guide_and_about(qtbot, open_window, store_path, no_questions):
    from jzhealth_desktop.ui.help import GuideDialog, about_text, guide_path

    window = open_window(store_path)
    dialog = GuideDialog(window)
    text = dialog.browser.toPlainText()
    assert "使用说明" in text and "完成情况" in text
    for image in re.findall(r"\]\((images/[^)]+)\)", guide_path().read_text(encoding="utf-8")):
        assert (guide_path().parent / image).exists(), image
    dialog.deleteLater()
    about = about_text(window.ctx)
    assert str(store_path.resolve()) in about and window.ctx.catalogue.version in about


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[a-z_]*\}|%\d", text or ""))


def test_every_translation_keeps_its_placeholders_and_is_finished():
    messages = list(ET.parse(TS).getroot().iter("message"))
    assert len(messages) > 50
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None, f"untranslated: {source!r}"
        assert _placeholders(source) == _placeholders(translation.text), (source, translation.text)
        assert ("&" in source.replace("&amp;", "")) <= ("&" in translation.text), (source, translation.text)


def test_compiled_translation_is_current_and_loaded(qtbot):
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1
    app = application.make_app()
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's own qtbase_zh_CN
    assert app is QApplication.instance()
