"""Dialogs a clerk meets: sign-in remembers the last user and says which station and store it opens; the
history names people and sources in words; every menu item has an Alt key; the due banner's links take Tab;
file dialogs start in Documents, then the last folder; Qt's own dialogs and the .ts are Chinese throughout."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from jzhealth_desktop.services import accounts
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.deadlines import set_deadline
from jzhealth_desktop.services.forms import save_values
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui import application, dialogs, due
from jzhealth_desktop.ui.accounts.login import LoginDialog
from jzhealth_desktop.ui.history_dialog import HistoryDialog
from jzhealth_desktop.ui.menus import mnemonic_of

COUNTY, YEAR = "410821", 2021
ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "jzhealth_zh_CN.ts"
PW = "Long-enough-1"


def test_sign_in_fills_in_the_last_user_and_names_station_and_store(qtbot, store_path, keys):
    application.make_app()
    ctx = open_context(str(store_path))
    try:
        configure_station(ctx, "county", COUNTY, "王会计")
        accounts.add_user(ctx, "admin", accounts.ADMIN, PW)  # the first account is the administrator
        accounts.add_user(ctx, "liming", accounts.CLERK, PW, COUNTY, display_name="李明")
        first = LoginDialog(ctx)
        qtbot.addWidget(first)
        first.show()
        qtbot.waitUntil(first.isActiveWindow)
        assert "县级站点：修武县" in first.where.text() and str(store_path) in first.where.text()
        assert QApplication.focusWidget() is first.name  # nobody signed in here yet: the name first
        keys.type(first, "liming")
        keys.press(first, Qt.Key.Key_Tab)
        keys.type(first, PW)
        keys.press(first, Qt.Key.Key_Return)
        assert first.principal is not None and first.principal.name == "liming"
        again = LoginDialog(ctx)
        qtbot.addWidget(again)
        again.show()
        qtbot.waitUntil(again.isActiveWindow)
        assert again.name.text() == "liming" and QApplication.focusWidget() is again.password
        keys.type(again, PW)  # only the password to type
        keys.press(again, Qt.Key.Key_Return)
        assert again.principal is not None and again.principal.name == "liming"
    finally:
        ctx.close()


def test_history_names_people_by_display_name_and_sources_in_words(qtbot, store_path):
    application.make_app()
    ctx = open_context(str(store_path))
    try:
        accounts.add_user(ctx, "admin", accounts.ADMIN, PW)
        accounts.add_user(ctx, "liming", accounts.CLERK, PW, COUNTY, display_name="李明")
        accounts.sign_in(ctx, "liming", PW)
        save_values(ctx, COUNTY, YEAR, {"imm_clinics": "12"})
        save_values(ctx, COUNTY, YEAR, {"imm_clinics": "13"}, source="cli")
        dialog = HistoryDialog(ctx, COUNTY, YEAR, "imm_clinics")
        qtbot.addWidget(dialog)
        rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.table.rowCount())]
        assert [r[1] for r in rows] == ["李明（liming）", "李明（liming）"]
        assert [r[4] for r in rows] == ["命令行", "表单"]  # newest first
        assert rows[0][3] == "12 → 13" and rows[1][3].endswith("→ 12")
    finally:
        ctx.close()


def test_every_menu_item_has_its_own_alt_key(qtbot, open_window, store_path, keys, no_questions):
    window = open_window(store_path)
    for menu in window.menus.values():
        title_key = mnemonic_of(menu.title())
        assert title_key, menu.title()
        keys.press(window, getattr(Qt.Key, f"Key_{title_key}"), keys.ALT)  # opens it, as a person would
        qtbot.waitUntil(lambda m=menu: m.isVisible())
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        letters = [mnemonic_of(t) for t in texts]
        assert all(letters), [t for t, k in zip(texts, letters) if not k]
        assert len(set(letters)) == len(letters), texts  # one letter runs one item
        keys.press(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda m=menu: not m.isVisible())
    export = next(a for m in window.menus.values() for a in m.actions() if a.objectName() == "exportPackage")
    assert export.text().startswith("导出数据包(&")  # a Chinese item gets 「…(&E)」 as Chinese programs write it


def test_due_banner_links_take_tab_and_enter_opens_the_form(qtbot, open_window, store_path, keys, monkeypatch,
                                                           no_questions):
    ctx = open_context(str(store_path))
    configure_station(ctx, "city", None, "市统计员")
    set_deadline(ctx, "eldercare", YEAR, "2022-03-31")
    ctx.close()
    monkeypatch.setattr(due, "today", lambda: date(2022, 3, 20))
    window = open_window(store_path)  # set up as 修武县's station again
    window.select(COUNTY, YEAR, "immunization")
    assert "截止 2022年3月31日" in window.due_banner.text()
    keys.press(window, Qt.Key.Key_Y, keys.ALT)  # the year selector; the banner is next in the Tab order
    keys.press(window, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.due_banner and window.due_banner.selectedText() == "医养结合"
    keys.press(window, Qt.Key.Key_Return)
    assert window.current_domain() == "eldercare"
    keys.type(window, "4")
    assert window.form_view.rows["ec_centers"].edit.text() == "4"
    keys.press(window, Qt.Key.Key_Escape)


def test_file_dialogs_start_in_documents_then_the_last_folder_of_their_kind(qtbot, tmp_path, monkeypatch):
    application.make_app()
    asked = []

    def fake_save(parent, title, start, pattern):  # Qt's own file dialog stands in for the clerk
        asked.append(start)
        return (str(tmp_path / "out" / "修武县-2021.jzhpkg"), pattern)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    (tmp_path / "out").mkdir()
    dialogs.save_path(None, "package", "导出数据包", "修武县-2021.jzhpkg", "*.jzhpkg")
    dialogs.save_path(None, "package", "导出数据包", "修武县-2022.jzhpkg", "*.jzhpkg")
    dialogs.save_path(None, "pdf", "另存为", "年报.pdf", "*.pdf")
    documents = Path(dialogs.documents_folder())
    assert Path(asked[0]) == documents / "修武县-2021.jzhpkg"
    assert Path(asked[1]) == tmp_path / "out" / "修武县-2022.jzhpkg"  # the folder used last for packages
    assert Path(asked[2]).parent == documents  # another kind keeps its own folder
    assert Path.cwd() not in {Path(a).parent for a in asked[:1]} or Path.cwd() == documents


def test_saved_pdf_says_where_with_open_containing_folder(qtbot, tmp_path, answer_dialogs, monkeypatch):
    application.make_app()
    opened = []
    monkeypatch.setattr(dialogs, "open_folder_of", lambda path: opened.append(path) or True)
    target = tmp_path / "年报.pdf"

    def take_folder(box):
        button = next(b for b in box.findChildren(QPushButton) if b.text() == "打开所在文件夹(&O)")
        button.click()

    seen = answer_dialogs([(dialogs.QMessageBox, take_folder)])
    assert dialogs.tell_saved(None, "生成报表", str(target))
    assert seen == [f"QMessageBox: 已保存到：\n{target}"] and opened == [str(target)]


def test_qt_own_dialogs_and_dates_are_chinese(qtbot):
    app = application.make_app()
    assert app is not None
    dialog = QFileDialog(None, "打开")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert "取消" in buttons, buttons
    assert QLocale().toString(QDate(2024, 3, 31), QLocale.FormatType.LongFormat).startswith("2024年3月31日")


@pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="pyside6-lupdate not installed")
def test_the_translation_is_complete(tmp_path):
    """Every tr() string of the UI is in the .ts and translated: a fresh lupdate into a copy adds nothing
    unfinished, and no translation is empty or left marked unfinished."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "jzhealth_desktop" / "ui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True)
    missing = []
    for context in ET.parse(copy).getroot():
        for message in context.findall("message"):
            translation = message.find("translation")
            texts = [f.text for f in translation.findall("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all((t or "").strip() for t in texts):
                missing.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert missing == []
