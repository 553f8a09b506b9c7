"""Comments in the grid view: a pasted figure with a soft warning gets its comment there (Ctrl+M), saved with
the block in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form
from jzhealth_desktop.ui.forms.grid import SOFT_BG, EXPLAINED_BG, CommentDialog
from jzhealth_desktop.ui.main_window import GRID_TAB

COUNTY = "410821"
NOTE = "两家中心床位在建"


def stored(path, year=2021):
    ctx = open_context(str(path))
    try:
        return read_form(ctx, COUNTY, year, "eldercare")
    finally:
        ctx.close()


def open_grid(window):
    window.select(COUNTY, 2021, "eldercare")
    window.tabs.setCurrentIndex(GRID_TAB)
    grid = window.grid
    assert grid.model_.grid.codes[:2] == ["ec_centers", "ec_beds"]
    assert grid.model_.grid.columns[-1] == (COUNTY, 2021)
    return grid


def press(qtbot, grid, key):
    """Ctrl+key with the grid focused, as the clerk would (window shortcuts need the focus in the window)."""
    grid.window().activateWindow()  # a closed modal dialog may leave no window active offscreen
    grid.setFocus()
    qtbot.waitUntil(grid.hasFocus)
    QTest.keyClick(grid, key, Qt.KeyboardModifier.ControlModifier)


def type_comment(text):
    def answer(dialog: CommentDialog):
        assert dialog.findChild(type(dialog.line), "comment") is dialog.line
        dialog.line.setText(text)
        dialog.accept()
    return answer


def test_soft_warning_cell_gets_its_comment_in_the_grid(qtbot, open_window, store_path, snapshot, answer_dialogs,
                                                        no_questions):
    window = open_window(store_path)
    grid = open_grid(window)
    model = grid.model_
    last = model.columnCount() - 1
    grid.setCurrentIndex(model.index(0, last))
    before = snapshot(store_path)
    # Two columns pasted: 2020 is fine, 2021 has more centres than beds (a soft rule).
    grid.setCurrentIndex(model.index(0, last - 1))
    assert grid.paste_text("2\t5\n4\t3\n") == 4
    cell = model.index(0, last)
    issues = model.issues[((COUNTY, 2021), "ec_centers")]
    # Two soft warnings: more centres than beds, and +150 % on the 2020 pasted beside it (as the save will see it).
    assert [i.severity for i in issues] == ["soft", "soft"] and any("上年 2）" in i.zh for i in issues)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == SOFT_BG
    tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert issues[0].zh in tip and "Ctrl+M" in tip

    # Save refused with the message; the cursor is on the cell; nothing written.
    grid.setCurrentIndex(model.index(1, 0))
    press(qtbot, grid, Qt.Key.Key_S)
    assert window.statusBar().currentMessage() == "未保存：黄色标记的单元格需要填写说明（在单元格上按 Ctrl+M）"
    assert grid.currentIndex() == cell
    assert snapshot(store_path) == before
    assert model.is_dirty()

    # Ctrl+M on the cell: the dialog shows the warning; the comment typed there turns the cell explained.
    seen = answer_dialogs([(CommentDialog, type_comment(NOTE))])
    press(qtbot, grid, Qt.Key.Key_M)
    assert seen == ["CommentDialog"]
    assert model.comment((COUNTY, 2021), "ec_centers") == NOTE
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == EXPLAINED_BG
    assert NOTE in model.data(cell, Qt.ItemDataRole.ToolTipRole)
    assert snapshot(store_path) == before  # a comment is an edit, not a write

    press(qtbot, grid, Qt.Key.Key_S)
    assert window.statusBar().currentMessage() == "已保存", window.statusBar().currentMessage()
    assert not model.is_dirty()
    form = stored(store_path)
    assert form.values["ec_centers"] == 5 and form.values["ec_beds"] == 3
    assert form.comments["ec_centers"] == NOTE
    earlier = stored(store_path, 2020)
    assert earlier.values["ec_centers"] == 2 and earlier.values["ec_beds"] == 4 and not earlier.comments
    # Reloaded from the store: the stored comment shows in the grid.
    assert model.comment((COUNTY, 2021), "ec_centers") == NOTE and not model.notes


def test_comment_alone_is_saved_and_an_empty_cell_takes_none(qtbot, open_window, store_path, snapshot,
                                                               answer_dialogs, no_questions):
    window = open_window(store_path)
    grid = open_grid(window)
    model = grid.model_
    cell = model.index(0, model.columnCount() - 1)
    grid.setCurrentIndex(cell)
    seen = answer_dialogs([])
    press(qtbot, grid, Qt.Key.Key_M)  # empty cell: no dialog, a note instead
    assert seen == [] and not model.is_dirty()
    assert window.statusBar().currentMessage() == "请先填写数据：说明是针对某个数据的"
    grid.paste_text("7")
    press(qtbot, grid, Qt.Key.Key_S)
    assert stored(store_path).values["ec_centers"] == 7

    grid.setCurrentIndex(cell)
    seen = answer_dialogs([(CommentDialog, lambda d: d.reject())])
    press(qtbot, grid, Qt.Key.Key_M)
    assert seen == ["CommentDialog"] and not model.is_dirty()  # cancelled: nothing changes

    before = snapshot(store_path)
    answer_dialogs([(CommentDialog, type_comment("estimate from the civil affairs office"))])
    press(qtbot, grid, Qt.Key.Key_M)
    assert model.is_dirty() and model.data(cell, Qt.ItemDataRole.BackgroundRole).color().name() == "#e3effd"
    assert snapshot(store_path) == before
    assert window.save()
    form = stored(store_path)
    assert form.values["ec_centers"] == 7  # the figure kept as stored
    assert form.comments == {"ec_centers": "estimate from the civil affairs office"}


def test_pasting_the_year_before_rechecks_the_year_after(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    grid = open_grid(window)
    model = grid.model_
    last = model.columnCount() - 1
    grid.setCurrentIndex(model.index(1, last))  # ec_beds, 2021
    assert grid.paste_text("100\n") == 1
    assert ((COUNTY, 2021), "ec_beds") not in model.issues  # nothing stored for 2020: nothing to compare
    grid.setCurrentIndex(model.index(1, last - 1))  # ec_beds, 2020: only this column is touched now
    assert grid.paste_text("40\n") == 1
    issues = model.issues[((COUNTY, 2021), "ec_beds")]
    assert [i.severity for i in issues] == ["soft"] and "上年 40" in issues[0].zh
    assert model.data(model.index(1, last), Qt.ItemDataRole.BackgroundRole).color() == SOFT_BG
    grid.setCurrentIndex(model.index(1, last - 1))
    assert grid.paste_text("90\n") == 1  # back within 50 %: the amber goes
    assert ((COUNTY, 2021), "ec_beds") not in model.issues
