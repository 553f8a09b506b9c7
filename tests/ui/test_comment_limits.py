"""A comment is held to the store's limit while it is typed (the form's comment box and the grid's comment dialog),
and the clerk is told when the cap cuts what was typed; the grid checks typed comments by the save's rule and
shows a warning already answered by a comment as 「已说明：…」, not as still needing one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from jzhealth_desktop.domain.comments import MAX_LENGTH
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form, save_values
from jzhealth_desktop.ui.forms.field import CommentEdit
from jzhealth_desktop.ui.forms.grid import EXPLAINED_BG, HARD_BG, CommentDialog

COUNTY = "410821"
YEAR = 2021
CAP_SAID = f"说明最多 {MAX_LENGTH} 字，多出的部分未录入"


def stored(path, year):
    ctx = open_context(str(path))
    try:
        return read_form(ctx, COUNTY, year, "eldercare")
    finally:
        ctx.close()


def test_the_forms_comment_box_takes_4000_characters_and_says_so_at_the_4001st(qtbot, open_window, store_path,
                                                                                keys, no_questions):
    assert MAX_LENGTH == 4000  # the service's limit (domain/comments.py), the one the box must hold to
    window = open_window(store_path)
    keys.press(window, Qt.Key.Key_PageDown, keys.CTRL)  # 免疫规划 → 养老服务
    assert (window.current_org(), window.current_domain()) == (COUNTY, "eldercare")
    keys.type(window, "5")  # the cursor starts on the first empty figure
    keys.press(window, Qt.Key.Key_M, keys.CTRL)  # to that figure's comment
    box = QApplication.focusWidget()
    assert isinstance(box, CommentEdit) and box is window.form_view.rows["ec_centers"].comment
    keys.type(window, "x" * 3999)  # key by key (Chinese arrives by input method: the test below)
    assert window.statusBar().currentMessage() == ""
    keys.type(window, "yz")  # the 4000th lands, the 4001st does not
    assert box.text() == "x" * 3999 + "y"
    assert window.statusBar().currentMessage() == CAP_SAID
    keys.press(window, Qt.Key.Key_S, keys.CTRL)
    assert window.statusBar().currentMessage() == "已保存", window.statusBar().currentMessage()
    assert stored(store_path, window.current_year()).comments["ec_centers"] == "x" * 3999 + "y"


def test_an_input_method_or_a_paste_past_the_cap_is_cut_and_said(qtbot, keys):
    told = []
    box = CommentEdit()
    qtbot.addWidget(box)
    box.refused.connect(told.append)
    box.show()
    qtbot.waitExposed(box)
    box.activateWindow()
    qtbot.waitUntil(box.hasFocus)  # the only widget of its window takes the focus when it activates
    keys.ime(box, "新" * (MAX_LENGTH - 2))
    assert told == []
    keys.ime(box, "建中心")  # an input method commits three characters where two fit
    assert box.text() == "新" * (MAX_LENGTH - 2) + "建中" and told == [CAP_SAID]
    keys.press(box, Qt.Key.Key_Backspace)
    QApplication.clipboard().setText("养老院")
    keys.press(box, Qt.Key.Key_V, keys.CTRL)
    assert box.text().endswith("建养") and len(box.text()) == MAX_LENGTH and told == [CAP_SAID, CAP_SAID]
    keys.press(box, Qt.Key.Key_Backspace)
    keys.type(box, "x")  # what fits is typed without a word
    assert len(told) == 2


def open_grid(window, keys):
    keys.press(window, Qt.Key.Key_PageDown, keys.CTRL)  # 免疫规划 → 养老服务
    assert (window.current_org(), window.current_domain()) == (COUNTY, "eldercare")
    keys.press(window, Qt.Key.Key_2, keys.CTRL)  # the grid, on this year's column of the first row
    grid = window.grid
    assert QApplication.focusWidget() is grid
    assert grid.model_.cell(grid.currentIndex()) == ((COUNTY, window.current_year()), "ec_centers")
    return grid


def type_in_cell(qtbot, window, keys, text):
    """Type into the current cell and press Enter (the cell's editor hands the text over when events run)."""
    model = window.grid.model_
    keys.type(window, text)
    keys.press(window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.grid and any(model.edits.values()))


def test_the_grids_comment_dialog_takes_4000_characters_and_says_so(qtbot, open_window, store_path, keys,
                                                                     answer_dialogs, no_questions):
    window = open_window(store_path)
    grid = open_grid(window, keys)
    type_in_cell(qtbot, window, keys, "5")
    keys.press(window, Qt.Key.Key_Up)  # back to the figure just typed
    said = []

    def type_too_much(dialog: CommentDialog):  # recorded, not asserted: an error here would end in the event loop
        said.append((QApplication.focusWidget() is dialog.line, dialog.limit.isVisible()))
        keys.type(dialog, "x" * (MAX_LENGTH + 1))
        said.append((len(dialog.line.text()), dialog.limit.isVisible(), dialog.limit.text()))
        dialog.accept()

    seen = answer_dialogs([(CommentDialog, type_too_much)])
    keys.press(window, Qt.Key.Key_M, keys.CTRL)
    qtbot.waitUntil(lambda: len(said) == 2 or bool(seen) and seen != ["CommentDialog"])
    assert seen == ["CommentDialog"], (seen, window.statusBar().currentMessage())
    assert said == [(True, False), (MAX_LENGTH, True, CAP_SAID)]
    assert grid.model_.comment((COUNTY, window.current_year()), "ec_centers") == "x" * MAX_LENGTH


def test_a_commented_warning_reads_explained_in_the_grid(qtbot, open_window, store_path, keys, no_questions):
    ctx = open_context(str(store_path))
    save_values(ctx, COUNTY, YEAR, {"ec_centers": "5", "ec_beds": "9"}, {"ec_centers": "两家中心床位在建"})
    ctx.close()
    window = open_window(store_path)
    assert window.current_year() == YEAR  # the latest year with figures
    grid = open_grid(window, keys)
    model = grid.model_
    keys.press(window, Qt.Key.Key_Down)
    type_in_cell(qtbot, window, keys, "3")  # fewer beds than centres: a soft warning on the centres (commented)
    cell = model.index(0, model.columnCount() - 1)
    assert any(i.severity == "soft" for i in model.issues[((COUNTY, YEAR), "ec_centers")])
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert "已说明：两家中心床位在建" in tip and "请填写说明" not in tip and "Ctrl+M" not in tip
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == EXPLAINED_BG
    assert model.needing_comment() == []


def test_a_typed_comment_is_checked_by_the_saves_rule_in_the_grid(qtbot, open_window, store_path, snapshot,
                                                                  answer_dialogs, keys, no_questions):
    window = open_window(store_path)
    grid = open_grid(window, keys)
    model = grid.model_
    type_in_cell(qtbot, window, keys, "5")
    keys.press(window, Qt.Key.Key_Up)
    before = snapshot(store_path)

    def paste_a_control_character(dialog: CommentDialog):
        QApplication.clipboard().setText("床位\x0b在建")  # a vertical tab from a spreadsheet cell
        keys.press(dialog, Qt.Key.Key_V, keys.CTRL)
        dialog.accept()

    seen = answer_dialogs([(CommentDialog, paste_a_control_character)])
    keys.press(window, Qt.Key.Key_M, keys.CTRL)
    qtbot.waitUntil(lambda: model.is_dirty() and bool(model.notes))
    assert seen == ["CommentDialog"]
    cell = model.index(0, model.columnCount() - 1)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == HARD_BG  # red before any save
    assert "控制字符 U+000B" in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert model.hard_issues()
    qtbot.waitUntil(window.isActiveWindow)  # the dialog closed: keys reach the window again
    keys.press(window, Qt.Key.Key_S, keys.CTRL)
    assert window.statusBar().currentMessage() == "未保存：有 1 个红色单元格需要改正"
    assert snapshot(store_path) == before


def test_a_stored_comment_beyond_the_bmp_is_shown_whole(qtbot):
    text = "😀" + "说" * (MAX_LENGTH - 1)  # 4000 characters, 4001 UTF-16 units
    box = CommentEdit(text)
    qtbot.addWidget(box)
    assert box.text() == text  # not cut: the form would otherwise look edited on opening
