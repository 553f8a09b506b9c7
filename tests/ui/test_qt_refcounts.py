"""The Qt binding must not release references it does not hold: PySide6 6.12.0 drops one reference to None on
every call of a method that returns nothing, and on CPython 3.11 (None not yet immortal) the program then dies
with "Fatal Python error: none_dealloc" after some tens of thousands of calls — a clerk's morning of typing.
pyproject.toml keeps such a binding off 3.11; this test fails if one is installed anyway."""

from __future__ import annotations

import sys

from jzhealth_desktop.ui.qt import QLabel, QTableWidget, QTableWidgetItem

CALLS = 2000


def test_void_qt_calls_leave_nones_references_alone(qapp):
    label = QLabel()
    table = QTableWidget(4, 4)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText("焦作")
        table.setItem(i % 4, i % 4, QTableWidgetItem("1"))
    lost = before - sys.getrefcount(None)
    # A little drift comes from the interpreter itself; a binding that leaks loses one per call (4000 here).
    assert lost < CALLS // 10, f"{lost} references to None released by {2 * CALLS} Qt calls"
