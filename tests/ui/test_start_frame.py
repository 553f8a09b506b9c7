"""The main window paints its frame before the store is open, then the same window is filled (ui/application.run).

What keeps the first paint quick is what the frame does *not* load; a subprocess checks that, since the test
process itself has long imported everything.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui import application
from jzhealth_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
COUNTY = "410821"

FRAME_ONLY = """
import sys
from jzhealth_desktop.ui.application import make_app
from jzhealth_desktop.ui.main_window import MainWindow
app = make_app()
window = MainWindow()
window.show()
app.processEvents()
from jzhealth_desktop.ui import qt
loaded = sorted(m for m in sys.modules if m.startswith(("sqlalchemy", "jzhealth_desktop.store", "reportlab")))
print("LOADED", loaded, "Qt" in vars(qt), window.centralWidget().objectName())
"""


def test_frame_paints_without_the_store_sqlalchemy_or_qt_enums(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", FRAME_ONLY], cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    line = [x for x in done.stdout.splitlines() if x.startswith("LOADED")]
    assert line == ["LOADED [] False opening"], done.stdout


def test_frame_is_inert_until_attached_then_the_same_window_is_filled(qtbot, store_path):
    setup = open_context(str(store_path))
    configure_station(setup, "county", COUNTY, "王会计")
    setup.close()
    application.make_app()
    frame = MainWindow()
    qtbot.addWidget(frame)
    frame.show()
    qtbot.waitExposed(frame)
    assert not frame.is_attached()
    assert frame.centralWidget().text() == "正在打开数据…"
    actions = [a for menu in frame.menus.values() for a in menu.actions() if not a.isSeparator() and not a.menu()]
    assert [a.objectName() for a in actions if a.isEnabled()] == ["quit"]
    assert frame.action("save").shortcut().isEmpty()  # keys come with the store

    started = application.start(argparse.Namespace(db=str(store_path), demo=False, smoke=False), frame=frame)
    try:
        assert started.window is frame and frame.is_attached()
        assert frame.centralWidget().objectName() != "opening"
        assert frame.action("save").shortcut().toString() == "Ctrl+S"
        assert frame.org_box.currentData() == COUNTY and frame.current_domain() == "immunization"
        assert frame.store_label.text().endswith(store_path.name)
        field = frame.form_view.first_field()
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        QTest.keyClicks(field, "12")
        QTest.keyClick(field, Qt.Key.Key_Tab)
        assert frame.form_view.is_dirty()
        QTest.keyClick(frame.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        assert not frame.form_view.is_dirty()  # Ctrl+S, given in attach, saved
    finally:
        frame.form_view.revert_all()  # nothing left to ask about when qtbot closes the window
        started.ctx.close()


def test_closing_the_frame_before_the_store_opened_asks_nothing(qtbot):
    application.make_app()
    frame = MainWindow()
    qtbot.addWidget(frame)
    frame.show()
    assert frame.close()
    assert not frame.isVisible()


def test_run_without_event_loop_fills_the_frame_it_painted(qtbot, store_path):
    setup = open_context(str(store_path))
    configure_station(setup, "county", COUNTY, "王会计")
    setup.close()
    before = set(QApplication.topLevelWidgets())
    assert application.run(argparse.Namespace(db=str(store_path), demo=False, smoke=False), exec=False) == 0
    shown = [w for w in QApplication.topLevelWidgets() if w not in before and isinstance(w, MainWindow)]
    try:
        assert len(shown) == 1 and shown[0].isVisible() and shown[0].is_attached()  # one window, never two
    finally:
        for window in shown:
            window.form_view.revert_all()
            window.close()
            window.ctx.close()
            window.deleteLater()


def test_frame_closed_before_the_store_opened_ends_the_program(qtbot, store_path, monkeypatch):
    """The clerk closes the window in the moment before the store opens: the program ends, opening nothing."""
    from PySide6.QtCore import QTimer

    opened = []
    def fake_start(*args, **kwargs):  # records the call, then ends the start as a cancelled set-up would
        opened.append(args)
        return application.Started(QApplication.instance(), None, None)

    monkeypatch.setattr(application, "start", fake_start)

    def close_frame():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()

    QTimer.singleShot(0, close_frame)  # before the frame hands over (after its paint, or WAIT_MS without one)
    code = application.run(argparse.Namespace(db=str(store_path), demo=False, smoke=False))
    assert code == 0 and opened == [] and not store_path.exists()
