"""Typing a form by keyboard only: derived rate live, Ctrl+S, reopen, Esc, Ctrl+Z, hard and soft issues."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form

COUNTY = "410821"  # 修武县, the station's county (conftest)

IMM_FIELDS = ["imm_clinics", "imm_demo_clinics", "imm_digital_clinics", "imm_units", "imm_units_covered"]


def type_fields(qtbot, window, texts):
    """Start in the form's first field and type each text followed by Tab (keyboard only)."""
    first = window.form_view.first_field()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for text in texts:
        QTest.keyClicks(window.focusWidget(), text)
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)


def press_save(window):
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_keyboard_entry_rate_save_and_reopen(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    assert window.current_org() == COUNTY and window.current_domain() == "immunization"
    window.select(COUNTY, 2021, "immunization")
    type_fields(qtbot, window, ["146", "127", "90", "150", "149"])
    view = window.form_view
    # Reading order: Tab went from field to field in the catalogue's order.
    assert [view.rows[c].edit.text() for c in IMM_FIELDS] == ["146", "127", "90", "150", "149"]
    assert view.rate_text("imm_demo_rate") == "86.99%"  # 127 / 146, shown while typing
    assert window.save_label.text() == "有未保存的修改"
    press_save(window)
    assert window.save_label.text().startswith("已保存 ")
    window.close()
    assert not window.isVisible()

    again = open_window(store_path, kind=None)
    assert again.current_org() == COUNTY and again.current_year() == 2021
    assert [again.form_view.rows[c].edit.text() for c in IMM_FIELDS] == ["146", "127", "90", "150", "149"]
    assert again.form_view.rate_text("imm_demo_rate") == "86.99%"
    ctx = open_context(str(store_path))
    try:
        assert read_form(ctx, COUNTY, 2021, "immunization").values["imm_demo_clinics"] == 127
    finally:
        ctx.close()


def test_enter_moves_on_esc_reverts_ctrl_z_undoes(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    window.select(COUNTY, 2021, "immunization")
    view = window.form_view
    first = view.rows["imm_clinics"].edit
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    QTest.keyClicks(first, "12")
    QTest.keyClick(first, Qt.Key.Key_Return)
    second = view.rows["imm_demo_clinics"].edit
    assert second.hasFocus()
    QTest.keyClicks(second, "7")
    QTest.keyClick(second, Qt.Key.Key_Escape)  # back to the stored (empty) value
    assert second.text() == ""
    QTest.keyClick(second, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the revert
    assert second.text() == "7"
    QTest.keyClick(second, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo typing 7
    assert second.text() == ""
    QTest.keyClick(second, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the first field's edit
    assert first.text() == "" and first.hasFocus()
    assert not window.is_dirty()
    # The field only takes what a count allows.
    QTest.keyClicks(first, "1a.5")
    assert first.text() == "15"


def test_hard_error_blocks_save_and_writes_nothing(qtbot, open_window, store_path, snapshot, no_questions):
    window = open_window(store_path)
    window.select(COUNTY, 2021, "immunization")
    before = snapshot(store_path)
    type_fields(qtbot, window, ["5", "3", "9"])  # 9 digital clinics out of 5
    press_save(window)
    edit = window.form_view.rows["imm_digital_clinics"].edit
    assert edit.property("issue") == "hard"
    assert "数字化门诊数不能超过预防接种门诊数" in edit.toolTip()
    assert any("数字化门诊数不能超过" in window.issue_list.item(i).text() for i in range(window.issue_list.count()))
    assert window.save_label.text() == "有未保存的修改"
    assert snapshot(store_path) == before
    # Fix it and the save goes through.
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "4")
    press_save(window)
    assert snapshot(store_path) != before
    assert edit.property("issue") == ""


def test_soft_warning_needs_a_comment(qtbot, open_window, store_path, snapshot, no_questions):
    window = open_window(store_path)
    window.select(COUNTY, 2021, "eldercare")
    before = snapshot(store_path)
    type_fields(qtbot, window, ["5", "3"])  # more centers than beds: soft rule
    press_save(window)
    assert snapshot(store_path) == before
    view = window.form_view
    centers = view.rows["ec_centers"]
    assert centers.edit.property("issue") == "soft"
    assert centers.comment.property("issue") == "need"
    assert centers.comment.hasFocus()  # the window took the clerk to the comment to write
    QTest.keyClicks(centers.comment, "2 centers: beds under construction")  # QTest types Latin-1 only
    press_save(window)
    ctx = open_context(str(store_path))
    try:
        form = read_form(ctx, COUNTY, 2021, "eldercare")
    finally:
        ctx.close()
    assert form.values["ec_centers"] == 5 and form.comments["ec_centers"] == "2 centers: beds under construction"
