"""Issue 14 in the window, driven by keys: the grid's Ctrl+S asks before it changes a submitted form, as the
form's does (one save path, ui/save_flow.py); single-form review actions taken while the completeness tab
shows name the form they act on before they act."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMessageBox

from jzhealth_desktop.domain.values import value_text
from jzhealth_desktop.services import workflow
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.ui.main_window import COMPLETENESS_TAB, GRID_TAB

COUNTY, YEAR = "410821", 2021  # 修武县: the demo store's 2021 forms are all complete


def submitted(path, domain: str) -> None:
    ctx = open_context(str(path))
    try:
        workflow.submit(ctx, COUNTY, YEAR, domain)
    finally:
        ctx.close()


def status_of(path, domain):
    ctx = open_context(str(path))
    try:
        return workflow.get_status(ctx, COUNTY, YEAR, domain)
    finally:
        ctx.close()


def yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def no(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.No).click()


def open_menu_item(qtbot, window, keys, menu_letter, item_letter):
    """Alt+letter opens a menu, the item's letter runs it: as a person reaches it without the mouse."""
    qtbot.waitUntil(window.isActiveWindow)
    keys.press(window, menu_letter, keys.ALT)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    keys.press(window, item_letter)


def type_in_grid(qtbot, window, keys) -> str:
    """Ctrl+2, then a new figure typed into the cell the grid puts the cursor on (this year's, first row):
    the stored figure plus one, which no rule questions. Returns what was typed."""
    keys.press(window, Qt.Key.Key_2, keys.CTRL)
    grid = window.grid
    assert window.tabs.currentIndex() == GRID_TAB and QApplication.focusWidget() is grid
    index = grid.currentIndex()
    column, code = grid.model_.cell(index)
    assert column == (COUNTY, YEAR)
    typed = str(int(value_text(grid.model_.grid.values[column][code])) + 1)
    for digit in typed:  # each key to where the focus is: the first opens the cell's editor
        keys.type(window, digit)
    keys.press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState)  # Qt commits it queued
    assert grid.model_.edits == {column: {code: typed}}
    return typed


def test_grid_ctrl_s_on_a_submitted_form_asks_no_keeps_the_store_yes_puts_it_back_to_draft(
        qtbot, open_window, demo_path, answer_dialogs, keys, snapshot, no_questions):
    submitted(demo_path, "immunization")
    window = open_window(demo_path)
    window.select(COUNTY, YEAR, "immunization")
    type_in_grid(qtbot, window, keys)
    before = snapshot(demo_path)
    seen = answer_dialogs([(QMessageBox, no)])
    keys.press(window, Qt.Key.Key_S, keys.CTRL)
    assert len(seen) == 1 and "此表已于" in seen[0] and "修改后需要重新提交，并重新导出数据包。继续？" in seen[0]
    assert snapshot(demo_path) == before and window.grid.model_.is_dirty()  # nothing written, the typing kept
    assert status_of(demo_path, "immunization").status == "submitted"
    qtbot.waitUntil(window.isActiveWindow)
    answer_dialogs([(QMessageBox, yes)])  # the same list of dialogs seen, one more now
    keys.press(window, Qt.Key.Key_S, keys.CTRL)
    assert len(seen) == 2 and seen[1] == seen[0]
    status = status_of(demo_path, "immunization")
    assert status.status == "draft" and status.edited_after_submit
    assert not window.grid.model_.is_dirty()
    assert window.status_badge.text() == "表单状态：已修改，待重新提交"


def test_grid_ctrl_s_on_a_draft_saves_without_asking(qtbot, open_window, demo_path, answer_dialogs, keys,
                                                     no_questions):
    window = open_window(demo_path)
    window.select(COUNTY, YEAR, "immunization")
    typed = type_in_grid(qtbot, window, keys)
    seen = answer_dialogs([])
    keys.press(window, Qt.Key.Key_S, keys.CTRL)
    assert seen == [] and not window.grid.model_.is_dirty()
    code = window.grid.model_.grid.codes[0]
    assert value_text(window.grid.model_.grid.values[(COUNTY, YEAR)][code]) == typed


def test_submit_on_the_completeness_tab_names_the_form_it_acts_on(qtbot, open_window, demo_path, answer_dialogs,
                                                                  keys, snapshot, no_questions):
    window = open_window(demo_path)
    window.select(COUNTY, YEAR, "eldercare")
    keys.press(window, Qt.Key.Key_3, keys.CTRL)
    assert window.tabs.currentIndex() == COMPLETENESS_TAB and not window.showing_one_form()
    before = snapshot(demo_path)
    seen = answer_dialogs([(QMessageBox, no)])
    open_menu_item(qtbot, window, keys, Qt.Key.Key_V, Qt.Key.Key_S)  # 审核(&V) → 提交(&S)…
    assert len(seen) == 1 and "修武县2021年「医养结合」" in seen[0]
    assert snapshot(demo_path) == before
    answer_dialogs([(QMessageBox, yes)])
    open_menu_item(qtbot, window, keys, Qt.Key.Key_V, Qt.Key.Key_S)
    assert status_of(demo_path, "eldercare").status == "submitted"
    assert status_of(demo_path, "immunization").status == "draft"  # only the form named


def test_review_actions_on_the_completeness_tab_name_the_form_before_acting(
        qtbot, open_window, demo_path, answer_dialogs, keys, snapshot, no_questions):
    submitted(demo_path, "eldercare")
    window = open_window(demo_path)
    window.select(COUNTY, YEAR, "eldercare")
    keys.press(window, Qt.Key.Key_3, keys.CTRL)
    before = snapshot(demo_path)
    seen = answer_dialogs([(QMessageBox, no)])
    open_menu_item(qtbot, window, keys, Qt.Key.Key_V, Qt.Key.Key_P)  # 审核(&V) → 审核通过(&P)
    assert seen == ["QMessageBox: 审核通过修武县2021年「医养结合」？"]
    assert snapshot(demo_path) == before
    shown = {}

    def cancel_reason(dialog: QDialog) -> None:
        shown["title"] = dialog.windowTitle()
        keys.press(dialog, Qt.Key.Key_Escape)

    answer_dialogs([(QDialog, cancel_reason)])
    open_menu_item(qtbot, window, keys, Qt.Key.Key_V, Qt.Key.Key_E)  # 审核(&V) → 退回(&E)…
    assert seen[-1] == "ReasonDialog"
    assert shown["title"] == "退回 — 修武县2021年「医养结合」" and snapshot(demo_path) == before
    answer_dialogs([(QMessageBox, yes)])
    open_menu_item(qtbot, window, keys, Qt.Key.Key_V, Qt.Key.Key_P)
    assert status_of(demo_path, "eldercare").status == "approved"
