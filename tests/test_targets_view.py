"""The targets window, driven by keys as an administrator types: arrows to the row, the figure, Enter, Ctrl+S."""

from __future__ import annotations

import argparse
from decimal import Decimal

import pytest

from jzhealth_desktop.services import audit
from jzhealth_desktop.services.targets import targets
from jzhealth_desktop.ui.qt import QApplication, QMessageBox, Qt
from jzhealth_desktop.ui.targets.view import COMPARISON, TARGET, WORDING, TargetsDialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def shown(qtbot, ctx, org="410800", year=2014) -> TargetsDialog:
    dialog = TargetsDialog(ctx, org, year)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # what the window system does for a new dialog; offscreen leaves it to us
    qtbot.waitActive(dialog)
    return dialog


def down_to(qtbot, dialog: TargetsDialog, code: str) -> None:
    """Arrow keys from where the focus is to ``code``'s row (the program put the focus on the first target)."""
    assert dialog.focusWidget() is dialog.table and dialog.table.currentColumn() == TARGET
    for _ in range(dialog.row_of(code) - dialog.table.currentRow()):
        qtbot.keyClick(dialog.table, Qt.Key_Down)
    assert dialog.table.currentRow() == dialog.row_of(code)


def type_keys(qtbot, dialog: TargetsDialog, text: str) -> None:
    """Each key to whatever has the focus then, as a keyboard does (the first opens the cell's editor), then
    Enter; the event loop runs between two keys (the delegate commits on Enter through a queued call)."""
    for key in [*text, Qt.Key_Return]:
        if isinstance(key, str):
            qtbot.keyClicks(dialog.focusWidget(), key)
        else:
            qtbot.keyClick(dialog.focusWidget(), key)
        QApplication.processEvents()


def test_shows_the_years_targets(qtbot, demo_ctx):
    dialog = shown(qtbot, demo_ctx)
    row = dialog.row_of("pj_total_investment")
    assert dialog.table.item(row, TARGET).text() == "96800"
    assert dialog.table.item(row, WORDING).text() == "总投资{target}"
    assert dialog.table.cellWidget(dialog.row_of("ncms_major_ratio"), COMPARISON).currentData() == "~"
    assert "24" in dialog.status.text()


def test_type_a_target_and_save_with_the_keys(qtbot, demo_ctx):
    dialog = shown(qtbot, demo_ctx)
    down_to(qtbot, dialog, "ncms_subsidy")
    type_keys(qtbot, dialog, "350")  # the first key opens the editor over the old figure
    assert dialog.table.item(dialog.row_of("ncms_subsidy"), TARGET).text() == "350"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_S, Qt.ControlModifier)
    assert targets(demo_ctx, 2014)["ncms_subsidy"] == (Decimal("350.00"), ">=")
    rows = audit.query(demo_ctx, audit.AuditFilter(action="target", subject="ncms_subsidy"))
    assert rows[0].source == "form" and rows[0].old == ">=320.00"


def test_a_bad_figure_is_named_and_nothing_is_written(qtbot, demo_path, demo_ctx, snapshot, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = shown(qtbot, demo_ctx)
    down_to(qtbot, dialog, "ec_beds")
    before = snapshot(demo_path)
    type_keys(qtbot, dialog, "12x")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key_S, Qt.ControlModifier)
    assert warnings and "医养床位数" in warnings[0] and "不是数字" in warnings[0]
    assert snapshot(demo_path) == before


def test_menu_item_opens_the_window(qtbot, demo_path, monkeypatch):
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.services.station import configure_station
    from jzhealth_desktop.ui import targets as feature
    from jzhealth_desktop.ui.application import start

    setup = open_context(str(demo_path))
    configure_station(setup, "city", None, "王会计")
    setup.close()
    started = start(argparse.Namespace(db=str(demo_path), demo=False, smoke=False))
    window = started.window
    try:
        action = [a for a in window.menu("tools").actions() if a.objectName() == "editTargets"]
        assert action and action[0].text() == "年度目标(&T)…" and action[0].isEnabled()
        monkeypatch.setattr(TargetsDialog, "exec", lambda self: 0)
        dialog = feature.open_targets(window)
        assert dialog.org.currentData() == window.current_org() and dialog.year.value() == window.current_year()
        dialog.deleteLater()
    finally:
        window.close()
        window.deleteLater()
        started.ctx.close()
