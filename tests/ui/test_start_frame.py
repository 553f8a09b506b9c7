"""The main window paints its frame before the store is open, then the same window is filled (ui/application.run).

What keeps the first paint quick is what the frame does *not* load; a subprocess checks that, since the test
process itself has long imported everything.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
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


# ---- the filled start: what it does not load (issue 14, "Start and memory") ---------------------------------------
FILLED = """
import linecache, sys
from jzhealth_desktop.app import main
code = main(["--db", sys.argv[1], "--smoke"])  # JZHEALTH_SMOKE_UNTIL=form: ends at the first filled paint
read = sorted(k for k in linecache.cache if k.endswith(".py") and "sqlalchemy" in k.replace("\\\\", "/"))
later = {"reportlab", "openpyxl", "alembic", "pypdfium2", "PySide6.QtPrintSupport", "PySide6.QtSvg"}
loaded = sorted(({m.split(".")[0] for m in sys.modules} | set(sys.modules)) & later)
print("CODE", code)
print("LOADED", loaded)
print("SOURCES READ", read[:3])
"""


def _county_store(path: Path) -> None:
    setup = open_context(str(path))  # created at the schema's head: nothing to migrate on the next start
    configure_station(setup, "county", COUNTY, "王会计")
    setup.close()


def test_first_filled_form_is_usable_without_reports_workbooks_migrations_or_sources_read(tmp_path, store_path):
    """The program up to its first filled paint, as a clerk starts it (app.main, a subprocess: this test process
    has long imported everything): the keyboard is in the first empty figure at that paint; ReportLab, pypdfium2,
    openpyxl, Alembic (the store is at head), Qt's printing and SVG modules are not imported; PySide did not
    read SQLAlchemy's sources."""
    _county_store(store_path)
    stamp = tmp_path / "paint.stamp"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(tmp_path / "home"),
           "JZHEALTH_SMOKE_UNTIL": "form", "JZHEALTH_PAINT_STAMP": str(stamp)}
    done = subprocess.run([sys.executable, "-c", FILLED, str(store_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    lines = [x for x in done.stdout.splitlines() if x.startswith(("CODE", "LOADED", "SOURCES"))]
    assert lines == ["CODE 0", "LOADED []", "SOURCES READ []"], done.stdout + done.stderr
    assert stamp.read_text(encoding="utf-8").splitlines()[1] == "usable"


def test_smoke_without_the_stop_still_builds_its_report(tmp_path, store_path):
    """The stop at the form is the benchmark's: a plain --smoke goes on to the report (ReportLab loaded)."""
    _county_store(store_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(tmp_path / "home")}
    env.pop("JZHEALTH_SMOKE_UNTIL", None)
    done = subprocess.run([sys.executable, "-c", FILLED, str(store_path)], cwd=ROOT, env=env, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert "LOADED ['reportlab']" in done.stdout.splitlines(), done.stdout


def test_completeness_view_is_built_when_first_shown(qtbot, open_window, store_path, keys):
    """The completeness tab is hidden behind the form at start: its table is made when the tab is first shown
    (Ctrl+3), filled, and the keyboard goes into it."""
    window = open_window(store_path)
    assert window.completeness._table is None
    keys.press(window, Qt.Key.Key_3, keys.CTRL)
    table = window.completeness._table
    assert table is not None and QApplication.focusWidget() is table
    assert table.rowCount() == 1 and table.columnCount() == len(window.ctx.catalogue.domains)
    assert window.completeness.summary.text().startswith(f"{window.current_year()}年")


def test_feature_scan_is_skipped_for_the_standard_library_the_store_and_ours_only():
    import email.utils
    import json
    import os as os_module

    import shiboken6
    import sqlalchemy.orm
    from PySide6 import QtCore

    from jzhealth_desktop.services import context
    from jzhealth_desktop.ui import main_window, qt

    assert all(qt._scan_not_needed(m) for m in (json, email.utils, os_module, sqlalchemy.orm, context, main_window))
    assert not any(qt._scan_not_needed(m) for m in (QtCore, shiboken6, pytest))


def test_the_program_never_switches_pyside_features():
    """What lets ui/qt.py skip PySide's per-module source scan for our own modules."""
    switch = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.MULTILINE)
    sources = (ROOT / "jzhealth_desktop").rglob("*.py")
    assert [p.name for p in sources if switch.search(p.read_text(encoding="utf-8"))] == []
