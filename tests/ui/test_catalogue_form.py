"""A new indicator and rate added to the catalogue's TOML appear in the form, typed and saved, with no code change."""

import shutil

from PySide6.QtCore import Qt

from jzhealth_desktop.paths import catalogue_dir
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form

COUNTY = "410821"  # the station's county (conftest)

EXTRA = '''
[[section]]
code = "staff"
name = "医养人员"
name_en = "Staff"
indicator = [
  { code = "ec_nurses", name = "护理人员数", name_en = "Nurses", unit = "名" },
  { code = "ec_nurses_certified", name = "持证护理人员数", name_en = "Certified nurses", unit = "名" },
]
rate = [
  { code = "ec_certified_share", name = "护理人员持证率", name_en = "Certified share", numerator = "ec_nurses_certified", denominator = "ec_nurses", per = "%", decimals = 1 },
]
'''


def test_new_toml_indicator_shows_in_the_form_and_saves(qtbot, open_window, store_path, tmp_path, monkeypatch,
                                                        no_questions):
    folder = tmp_path / "catalogue"
    shutil.copytree(catalogue_dir(), folder)
    with open(folder / "20-eldercare.toml", "a", encoding="utf-8") as fh:
        fh.write(EXTRA)
    monkeypatch.setenv("JZHEALTH_CATALOGUE", str(folder))
    window = open_window(store_path)
    window.select(COUNTY, 2021, "eldercare")
    view = window.form_view
    assert view.rows["ec_nurses"].label.text().startswith("护理人员数")
    assert view.rows["ec_nurses"].unit.text() == "名"
    edit = view.rows["ec_nurses"].edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "40")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(window.focusWidget(), "36")
    assert view.rate_text("ec_certified_share") == "90%"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.save_label.text().startswith("已保存 "), timeout=5000)
    ctx = open_context(str(store_path), catalogue=window.ctx.catalogue)
    try:
        assert read_form(ctx, COUNTY, 2021, "eldercare").values["ec_nurses"] == 40
    finally:
        ctx.close()
