"""Every keystroke lands: after each way of moving (domain step, view key, year change, domain list, search,
issue keys, next required field) the focus is where the program promises, and typed digits land there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from jzhealth_desktop.ui import dialogs


COUNTY = "410821"
YEAR = 2021


@pytest.fixture
def discard(monkeypatch):
    """Leaving a form with typed figures: the clerk answers 丢弃 (the question itself is tested elsewhere)."""
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda parent, what: dialogs.DISCARD)


def edit(window, code):
    return window.form_view.rows[code].edit


def test_domain_step_view_keys_year_and_domain_list_put_the_cursor_on_the_first_empty_figure(
        qtbot, open_window, store_path, discard, keys):
    window = open_window(store_path)
    window.select(COUNTY, YEAR, "immunization")
    keys.press(window, Qt.Key.Key_PageDown, keys.CTRL)
    assert window.current_domain() == "eldercare"
    keys.type(window, "5")
    assert edit(window, "ec_centers").text() == "5"
    keys.press(window, Qt.Key.Key_2, keys.CTRL)
    assert QApplication.focusWidget() is window.grid
    keys.press(window, Qt.Key.Key_1, keys.CTRL)  # back to the form: the first *empty* figure now is the second
    keys.type(window, "9")
    assert edit(window, "ec_beds").text() == "9"
    keys.press(window, Qt.Key.Key_3, keys.CTRL)
    assert QApplication.focusWidget() is window.completeness.table
    keys.press(window, Qt.Key.Key_PageUp, keys.CTRL)  # unsaved figures: discarded by the answer above
    assert window.current_domain() == "immunization"
    keys.type(window, "3")
    assert edit(window, "imm_clinics").text() == "3"
    keys.press(window, Qt.Key.Key_Escape)  # revert that figure, so the year change asks nothing
    keys.press(window, Qt.Key.Key_Y, keys.ALT)  # 年份(&Y)
    assert QApplication.focusWidget() is window.year_box
    keys.press(window, Qt.Key.Key_Down)  # one year earlier
    assert window.current_year() == YEAR - 1
    keys.type(window, "4")
    assert edit(window, "imm_clinics").text() == "4"
    keys.press(window, Qt.Key.Key_Escape)
    keys.press(window, Qt.Key.Key_L, keys.CTRL)  # the domain list
    assert QApplication.focusWidget() is window.domain_list
    keys.press(window, Qt.Key.Key_Down)
    assert window.current_domain() == "eldercare" and QApplication.focusWidget() is window.domain_list
    keys.press(window, Qt.Key.Key_Return)
    keys.type(window, "6")
    assert edit(window, "ec_centers").text() == "6"


def test_f8_walks_the_messages_and_ctrl_e_the_empty_required_fields(qtbot, open_window, store_path, discard, keys):
    window = open_window(store_path)
    window.select(COUNTY, YEAR, "immunization")
    keys.press(window, Qt.Key.Key_1, keys.CTRL)
    keys.type(window, "5")
    keys.press(window, Qt.Key.Key_Tab)
    keys.type(window, "9")  # 9 demonstration clinics of 5 clinics: a hard error on one of the two
    qtbot.waitUntil(lambda: any(i.severity == "hard" for i in window.form_view.issues))
    codes = [window.issue_list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(window.issue_list.count())]
    keys.press(window, Qt.Key.Key_F8)
    assert window.form_view.current_code() == codes[0]  # the red one comes first
    keys.press(window, Qt.Key.Key_F8)
    assert window.form_view.current_code() == codes[1]
    keys.press(window, Qt.Key.Key_F8, keys.SHIFT)
    assert window.form_view.current_code() == codes[0]
    keys.press(window, Qt.Key.Key_F8, keys.SHIFT)  # before the first: wraps to the last message
    assert window.form_view.current_code() == codes[-1]
    # Ctrl+E: the next required field still empty after the cursor, then the one after it.
    keys.press(window, Qt.Key.Key_1, keys.CTRL)  # first empty figure: imm_digital_clinics
    assert window.form_view.current_code() == "imm_digital_clinics"
    keys.press(window, Qt.Key.Key_E, keys.CTRL)
    assert window.form_view.current_code() == "imm_units"
    keys.type(window, "7")
    assert edit(window, "imm_units").text() == "7"
    keys.press(window, Qt.Key.Key_E, keys.CTRL)
    assert window.form_view.current_code() == "imm_units_covered"


def test_ctrl_f_finds_a_field_in_another_domain_and_typing_lands_there(qtbot, open_window, store_path,
                                                                        answer_dialogs, discard, keys):
    window = open_window(store_path)
    window.select(COUNTY, YEAR, "immunization")

    focus_in_dialog = []

    def search(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        focus_in_dialog.append(QApplication.focusWidget() is dialog.query)  # the dialog puts the cursor there
        keys.ime(dialog, "医养床位")
        keys.press(dialog, Qt.Key.Key_Return)

    seen = answer_dialogs([(QDialog, search)])
    keys.press(window, Qt.Key.Key_F, keys.CTRL)
    assert seen == ["FieldSearch"] and focus_in_dialog == [True]
    assert window.current_domain() == "eldercare"
    qtbot.waitUntil(window.isActiveWindow)  # the keyboard comes back to the window the dialog closed over
    keys.type(window, "8")
    assert edit(window, "ec_beds").text() == "8"

    def by_code(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        keys.type(dialog, "mch_live")  # part of a code works too
        keys.press(dialog, Qt.Key.Key_Return)

    seen = answer_dialogs([(QDialog, by_code)])
    keys.press(window, Qt.Key.Key_F, keys.CTRL)
    assert window.current_domain() == "maternal"
    qtbot.waitUntil(window.isActiveWindow)
    keys.type(window, "12")
    assert edit(window, "mch_live_births").text() == "12"


def test_the_focused_fields_note_shows_under_the_form_and_a_third_decimal_is_explained(
        qtbot, open_window, store_path, discard, keys):
    window = open_window(store_path)
    window.select(COUNTY, YEAR, "telemedicine")
    keys.press(window, Qt.Key.Key_1, keys.CTRL)
    assert window.form_view.current_code() == "tm_county_connected"
    note = window.ctx.catalogue.items["tm_county_connected"].note
    assert note and note in window.note_label.text() and window.note_label.isVisible()
    keys.press(window, Qt.Key.Key_Tab)
    assert note not in window.note_label.text()  # the next field's own line
    keys.press(window, Qt.Key.Key_PageUp, keys.CTRL)  # eldercare: its investment keeps two decimals
    for _ in range(2):
        keys.press(window, Qt.Key.Key_Tab)
    assert window.form_view.current_code() == "ec_investment"
    keys.type(window, "12.345")
    assert edit(window, "ec_investment").text() == "12.34"
    assert window.statusBar().currentMessage() == "最多两位小数"
    keys.press(window, Qt.Key.Key_Tab, keys.SHIFT)
    keys.type(window, "3.")
    assert edit(window, "ec_beds").text() == "3"
    assert window.statusBar().currentMessage() == "只能填整数"
