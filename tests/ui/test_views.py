"""Grid paste, the unsaved-changes guard, completeness colours, history, approved forms, county visibility."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from jzhealth_desktop.services.completeness import completeness
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form, save_form
from jzhealth_desktop.store.models import Submission
from jzhealth_desktop.ui import dialogs
from jzhealth_desktop.ui.completeness import COLOURS
from jzhealth_desktop.ui.main_window import COMPLETENESS_TAB, GRID_TAB

COUNTY = "410821"


def test_paste_block_into_city_grid_checks_every_cell(qtbot, open_window, store_path, snapshot, no_questions):
    window = open_window(store_path, kind="city", org=None)
    window.select(window.ctx.city.code, 2021, "immunization")
    window.tabs.setCurrentIndex(GRID_TAB)
    grid = window.grid
    model = grid.model_
    assert model.grid.codes[:5] == ["imm_clinics", "imm_demo_clinics", "imm_digital_clinics", "imm_units",
                                    "imm_units_covered"]
    assert [col[0] for col in model.grid.columns] == [u.code for u in window.ctx.counties()]
    # Five indicators (rows) × three counties (columns), as Excel copies them; one digital count too large.
    block = "10\t20\t30\n8\t15\t25\n5\t21\t12\n11\t22\t33\n11\t20\t30\n"
    grid.setCurrentIndex(model.index(0, 0))
    before = snapshot(store_path)
    assert grid.paste_text(block) == 15
    cols = model.grid.columns[:3]
    assert model.text(cols[1], "imm_digital_clinics") == "21"
    assert model.issues[(cols[1], "imm_digital_clinics")][0].severity == "hard"
    assert model.data(model.index(2, 1), Qt.ItemDataRole.BackgroundRole).color().name() == "#fbd5d5"
    assert window.save() is False  # a red cell blocks the save: nothing written
    assert snapshot(store_path) == before
    grid.setCurrentIndex(model.index(2, 1))
    grid.paste_text("14")
    assert not model.hard_issues()
    assert window.save()
    ctx = open_context(str(store_path))
    try:
        for (org, _year), expected in zip(cols, ([10, 8, 5, 11, 11], [20, 15, 14, 22, 20], [30, 25, 12, 33, 30])):
            values = read_form(ctx, org, 2021, "immunization").values
            assert [values[c] for c in model.grid.codes[:5]] == expected
    finally:
        ctx.close()


def test_county_grid_is_indicators_by_years(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    window.select(COUNTY, 2021, "eldercare")
    window.tabs.setCurrentIndex(GRID_TAB)
    assert window.grid.model_.grid.columns == [(COUNTY, y) for y in range(2017, 2022)]


def test_unsaved_changes_guard_on_switching(qtbot, open_window, store_path, monkeypatch):
    window = open_window(store_path)
    window.select(COUNTY, 2021, "immunization")
    edit = window.form_view.rows["imm_clinics"].edit
    edit.setFocus()
    QTest.keyClicks(edit, "12")
    asked = []

    def answer(choice):
        def ask(parent, what):
            asked.append(what)
            return choice
        monkeypatch.setattr(dialogs, "ask_unsaved", ask)

    answer(dialogs.CANCEL)
    window.year_box.setCurrentIndex(window.year_box.findData(2020))
    assert asked == ["修武县 2021 预防接种门诊"]
    assert window.current_year() == 2021 and window.year_box.currentData() == 2021 and edit.text() == "12"

    window.domain_list.setCurrentRow(1)  # eldercare: still asks, still cancelled
    assert window.current_domain() == "immunization" and window.domain_list.currentRow() == 0

    answer(dialogs.SAVE)
    window.year_box.setCurrentIndex(window.year_box.findData(2020))
    assert window.current_year() == 2020
    ctx = open_context(str(store_path))
    try:
        assert read_form(ctx, COUNTY, 2021, "immunization").values["imm_clinics"] == 12
    finally:
        ctx.close()

    edit = window.form_view.rows["imm_clinics"].edit
    QTest.keyClicks(edit, "7")
    answer(dialogs.DISCARD)
    window.step_domain(1)
    assert window.current_domain() == "eldercare"
    window.step_domain(-1)
    assert window.form_view.rows["imm_clinics"].edit.text() == ""  # 2020 was never saved


def test_completeness_colours_follow_status(qtbot, open_window, demo_path, no_questions):
    window = open_window(demo_path, kind="city", org=None)
    counties = [u.code for u in window.ctx.counties()]
    statuses = {counties[0]: "submitted", counties[1]: "approved", counties[2]: "returned"}
    with window.ctx.db.write() as session:  # the review workflow is another module's; set the states directly
        for org, status in statuses.items():
            row = session.get(Submission, (org, 2021, "immunization"))
            row.status, row.changed_at = status, datetime(2022, 1, 5)
    window.select(window.ctx.city.code, 2021, "immunization")
    window.tabs.setCurrentIndex(COMPLETENESS_TAB)
    view = window.completeness
    table = view.table
    assert table.rowCount() == 12 and table.columnCount() == len(window.ctx.catalogue.domains)
    for row in range(table.rowCount()):
        for col in range(table.columnCount()):
            cell = view.cell_at(row, col)
            item = table.item(row, col)
            if cell.counted:
                assert item.background().color() == COLOURS[cell.status], (cell, item.text())
                assert item.text().startswith(view.status_name(cell.status))
    by_org = {c.org: c for c in view.cells if c.domain == "immunization"}
    for org, status in statuses.items():
        assert by_org[org].status == status
    assert "已提交 1" in view.summary.text() and "已审核 1" in view.summary.text() and "已退回 1" in view.summary.text()
    # Double-click opens that county's form.
    row = window.orgs.index(counties[3])
    col = [d.code for d in window.ctx.catalogue.domains].index("eldercare")
    table.cellDoubleClicked.emit(row, col)
    assert (window.current_org(), window.current_domain(), window.tabs.currentIndex()) == (counties[3], "eldercare", 0)


def test_completeness_share_counts_required_fields(ctx):
    save_form(ctx, COUNTY, 2021, "eldercare", {"ec_centers": "2", "ec_beds": "40"})
    cells = {c.domain: c for c in completeness(ctx, 2021, [COUNTY])}
    assert (cells["eldercare"].status, cells["eldercare"].filled, cells["eldercare"].counted) == ("draft", 2, 8)
    assert cells["eldercare"].share * 8 == 200
    assert cells["immunization"].status == "empty" and cells["immunization"].filled == 0


def test_history_popup_lists_changes(qtbot, open_window, store_path, no_questions):
    from jzhealth_desktop.ui.history_dialog import HistoryDialog

    window = open_window(store_path)
    window.select(COUNTY, 2021, "immunization")
    edit = window.form_view.rows["imm_clinics"].edit
    for text in ("10", "12"):
        edit.setFocus()
        edit.selectAll()
        QTest.keyClicks(edit, text)
        assert window.save()
    dialog = HistoryDialog(window.ctx, COUNTY, 2021, "imm_clinics", window)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 3).text() == "10 → 12"  # newest first
    assert dialog.table.item(1, 3).text() == "（空） → 10"
    assert dialog.table.item(0, 1).text() == "王会计"
    dialog.deleteLater()


def test_approved_form_is_read_only(qtbot, open_window, demo_path, no_questions):
    window = open_window(demo_path, kind="county", org=COUNTY)
    with window.ctx.db.write() as session:
        session.get(Submission, (COUNTY, 2021, "eldercare")).status = "approved"
    window.select(COUNTY, 2021, "eldercare")
    view = window.form_view
    assert view.readonly and view.banner.isVisibleTo(view)
    assert all(row.edit.isReadOnly() for row in view.rows.values())


def test_county_station_sees_only_its_county(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    assert window.orgs == [COUNTY]
    assert window.org_box.count() == 1 and not window.org_box.isEnabled()
    assert "县级站：修武县" in window.station_label.text()
    # The telemedicine form hides the two city-level figures for a county.
    window.select(COUNTY, 2021, "telemedicine")
    hidden = [c for c, row in window.form_view.rows.items() if not row.edit.isVisibleTo(window.form_view)]
    assert hidden and all(window.ctx.catalogue.items[c].level == "city" for c in hidden)


def test_window_restores_last_selection(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    window.select(COUNTY, 2019, "tcm")
    window.close()
    again = open_window(store_path, kind=None)
    assert (again.current_org(), again.current_year(), again.current_domain()) == (COUNTY, 2019, "tcm")
    assert again.domain_list.currentItem().text() == "中医药"
