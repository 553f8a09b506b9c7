"""The 文件 menu's exchange actions and the import preview dialog, on a real main window and store."""

from __future__ import annotations

import argparse

import pytest

from jzhealth_desktop.services.exchange import build_package, build_preview, commit_import, read_package
from jzhealth_desktop.services.forms import read_form
from jzhealth_desktop.ui import dialogs
from jzhealth_desktop.ui.application import start
from jzhealth_desktop.ui.exchange import actions as exchange_actions
from jzhealth_desktop.ui.exchange.preview_dialog import ImportPreviewDialog

from .conftest import COUNTY, YEAR, set_status

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def exchange(window) -> exchange_actions.ExchangeActions:
    """The window's exchange controller (made by the 文件 menu's declared items)."""
    return window.controller(exchange_actions.ExchangeActions)


@pytest.fixture
def window(qtbot, city_path):
    started = start(argparse.Namespace(db=str(city_path), demo=False, smoke=False))
    win = started.window
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()
    started.ctx.close()


@pytest.fixture
def told(monkeypatch):
    messages = []
    monkeypatch.setattr(exchange_actions, "inform", lambda parent, title, text: messages.append((title, text)))
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, exc: errors.append(dialogs.error_text(exc)))
    return messages, errors


def test_file_menu_has_the_four_exchange_actions(window):
    names = [a.objectName() for a in window.menu("file").actions()]
    for name in ("exportPackage", "importPackage", "exportExcel", "importExcel"):
        assert name in names
    assert names.index("importExcel") < len(names) - 1  # Quit stays last


def test_import_package_previews_then_commits_in_background(window, qtbot, county_ctx, tmp_path, monkeypatch, told):
    path = tmp_path / "解放区.jzhpkg"
    path.write_bytes(build_package(county_ctx, COUNTY, [YEAR]))
    shown = []

    def confirm(dialog: ImportPreviewDialog) -> bool:
        shown.append({g: dialog.tables[g].rowCount() for g in dialog.tables})
        assert dialog.confirm is not None and dialog.tabs.count() == 4
        return True

    monkeypatch.setattr(exchange_actions, "choose_open_path", lambda *a: str(path))
    monkeypatch.setattr(exchange_actions, "confirm_preview", confirm)
    window.findChild(type(window.menu("file").actions()[0]), "importPackage").trigger()
    qtbot.waitUntil(lambda: exchange(window).last_result is not None, timeout=20000)
    assert shown and shown[0]["new"] > 0 and shown[0]["conflicting"] == 0
    assert told[0] and "已导入" in told[0][-1][1] and not told[1]
    assert read_form(window.ctx, COUNTY, YEAR, "eldercare").values["ec_beds"] == 260


def test_cancelled_preview_writes_nothing(window, qtbot, county_ctx, city_path, tmp_path, monkeypatch, told, snapshot):
    path = tmp_path / "解放区.jzhpkg"
    path.write_bytes(build_package(county_ctx, COUNTY, [YEAR]))
    seen = []
    monkeypatch.setattr(exchange_actions, "choose_open_path", lambda *a: str(path))
    monkeypatch.setattr(exchange_actions, "confirm_preview", lambda dialog: seen.append(dialog) and False)
    before = snapshot(city_path)
    exchange(window).import_package()
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    qtbot.wait(50)
    assert snapshot(city_path) == before and exchange(window).last_result is None


def test_refused_file_shows_its_message(window, qtbot, tmp_path, monkeypatch, told):
    bad = tmp_path / "bad.jzhpkg"
    bad.write_bytes(b"not a zip at all")
    monkeypatch.setattr(exchange_actions, "choose_open_path", lambda *a: str(bad))
    exchange(window).import_package()
    qtbot.waitUntil(lambda: bool(told[1]), timeout=20000)
    assert "不是 zip" in told[1][0]


def test_export_actions_write_files(window, qtbot, tmp_path, monkeypatch, told):
    from jzhealth_desktop.services.forms import save_form

    save_form(window.ctx, window.current_org(), window.current_year(), "eldercare", {"ec_beds": "12"})
    for name, action in (("out.jzhpkg", "export_package"), ("out.xlsx", "export_workbook")):
        target = tmp_path / name
        monkeypatch.setattr(exchange_actions, "choose_save_path", lambda *a, t=target: str(t))
        getattr(exchange(window), action)()
        qtbot.waitUntil(lambda t=target: t.exists() and len(told[0]) >= 1, timeout=20000)
        told[0].clear()
    assert not told[1]


def test_preview_dialog_shows_conflicts_first_and_no_confirm_when_nothing_to_do(qtbot, county_ctx, city_ctx):
    data = build_package(county_ctx, COUNTY, [YEAR])
    commit_import(city_ctx, build_preview(city_ctx, read_package(data)))
    same = ImportPreviewDialog(build_preview(city_ctx, read_package(data)), lambda c: c)
    qtbot.addWidget(same)
    assert same.confirm is None and same.tables["unchanged"].rowCount() > 0

    set_status(city_ctx, COUNTY, YEAR, "eldercare", "approved")
    from jzhealth_desktop.services.forms import save_form

    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "300"}, {"ec_beds": "补报"})
    dialog = ImportPreviewDialog(build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR]))),
                                 lambda c: c)
    qtbot.addWidget(dialog)
    assert dialog.tabs.currentWidget() is dialog.tables["conflicting"]
    table = dialog.tables["conflicting"]
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[3] == "医养床位数" and row[5:7] == ["260", "300"] and "审核通过" in row[8]


def test_preview_dialog_lists_the_first_rows_and_says_so(qtbot, county_ctx, city_ctx, monkeypatch):
    from jzhealth_desktop.ui.application import make_app
    from jzhealth_desktop.ui.exchange import preview_dialog

    make_app()  # the program's translators: the note in Chinese
    preview = build_preview(city_ctx, read_package(build_package(county_ctx, COUNTY, [YEAR])))
    new = preview.count("new")
    assert new > 3
    monkeypatch.setattr(preview_dialog, "MAX_ROWS", 3)
    dialog = ImportPreviewDialog(preview, lambda c: c)
    qtbot.addWidget(dialog)
    assert dialog.tables["new"].rowCount() == 3
    assert str(new) in dialog.tabs.tabText(list(dialog.tables).index("new"))  # the title counts the whole file
    assert "前 3 条" in dialog.note.text()
    monkeypatch.setattr(preview_dialog, "MAX_ROWS", 5000)
    whole = ImportPreviewDialog(preview, lambda c: c)
    qtbot.addWidget(whole)
    assert whole.tables["new"].rowCount() == new and "前 5000 条" not in whole.note.text()


@pytest.mark.first_contact
def test_first_package_is_imported_only_by_confirming_its_fingerprint(window, qtbot, county_ctx, tmp_path,
                                                                      monkeypatch, told):
    """The preview names the signing station and its fingerprint, and its import button says what pressing it
    vouches for; the reviewer presses it by its mnemonic (Alt+M), and the key is kept."""
    from jzhealth_desktop.services.station import own_fingerprint
    from jzhealth_desktop.ui.qt import QApplication, Qt, QTimer

    path = tmp_path / "解放区.jzhpkg"
    path.write_bytes(build_package(county_ctx, COUNTY, [YEAR]))
    fingerprint = own_fingerprint(county_ctx)
    monkeypatch.setattr(exchange_actions, "choose_open_path", lambda *a: str(path))
    seen = []

    def press_when_shown(tries=[0]):  # a timer: fires inside the dialog's own event loop, as a person's keys
        dialog = QApplication.activeModalWidget()
        tries[0] += 1
        if not isinstance(dialog, ImportPreviewDialog) or (QApplication.activeWindow() is not dialog and tries[0] < 100):
            if isinstance(dialog, ImportPreviewDialog):
                dialog.activateWindow()  # what a desktop does with a new modal dialog (offscreen: on request)
            QTimer.singleShot(20, press_when_shown)
            return
        seen.append((dialog.signer.text(), dialog.confirm.text()))
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)

        def still_open():  # a mnemonic clicks after a short animation; if it did not, fail instead of hanging
            if dialog.isVisible():
                seen.append("still open")
                dialog.reject()
        QTimer.singleShot(1500, still_open)

    QTimer.singleShot(20, press_when_shown)
    exchange(window).import_package()
    qtbot.waitUntil(lambda: exchange(window).last_result is not None or len(seen) > 1, timeout=20000)
    assert fingerprint in seen[0][0] and "&" in seen[0][1] and len(seen) == 1
    assert not told[1] and "已导入" in told[0][-1][1]
    assert build_preview(window.ctx, read_package(path.read_bytes())).signer.state == "known"
