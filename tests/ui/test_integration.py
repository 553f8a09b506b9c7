"""The finished features wired into start-up and the main window: demo accounts, the damaged-store check before
opening, sign-in, a clerk's county-only window and rights-mirroring menus, due dates, the smoke report, the icon
and the store address."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from jzhealth_desktop.services import accounts, backup, workflow
from jzhealth_desktop.services.access import ADMIN, CLERK, REVIEWER
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.deadlines import set_deadline
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui import application, due
from jzhealth_desktop.ui.accounts.login import LoginDialog
from jzhealth_desktop.ui.main_window import COMPLETENESS_TAB

ROOT = Path(__file__).resolve().parents[2]
OWN, OTHER = "410821", "410822"
YEAR = 2021
PW = "Long-enough-1"


def _args(path, smoke=False, demo=False):
    return argparse.Namespace(db=str(path) if path else None, demo=demo, smoke=smoke)


def _damage(path: Path) -> None:
    """Overwrite a run of pages in the middle of the file, as a failing disk would."""
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2 // 4096 * 4096)
        fh.write(b"\xde\xad\xbe\xef" * 4096)


def _close(started) -> None:
    if started.window is not None:
        started.window.form_view.revert_all()
        started.window.close()
        started.window.deleteLater()
    if started.ctx is not None:
        started.ctx.close()


# ---- 1. --demo ----------------------------------------------------------------------------------------------
def test_demo_smoke_is_unattended_and_the_demo_store_has_the_documented_accounts(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "jzhealth_desktop.app", "--demo", "--smoke"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    os.environ["JZHEALTH_HOME"] = str(tmp_path)  # data_home already points elsewhere; this store's own folder
    ctx = open_context(str(tmp_path / "demo.sqlite"))
    try:
        users = {(u.name, u.role, u.org) for u in accounts.list_users(ctx)}
        assert users == {("admin", ADMIN, None), ("shenhe", REVIEWER, None), ("xiuwu", CLERK, "410821"),
                         ("boai", CLERK, "410822")}
        assert accounts.authenticate(ctx, "xiuwu", "jzdemo-xiuwu").org == "410821"  # the documented password
    finally:
        ctx.close()


def test_demo_start_asks_for_a_sign_in(qtbot, tmp_path, answer_dialogs):
    def sign_in(dialog):
        dialog.name.setText("boai")
        dialog.password.setText("jzdemo-boai")
        dialog.try_sign_in()

    seen = answer_dialogs([(LoginDialog, sign_in)])
    started = application.start(_args(tmp_path / "demo.sqlite", demo=True))
    try:
        assert seen == ["LoginDialog"]
        assert started.ctx.principal.name == "boai" and started.window.orgs == [OTHER]
    finally:
        _close(started)


# ---- 2. the damaged-store check before opening ---------------------------------------------------------------
@pytest.fixture
def damaged(demo_path, tmp_path):
    """The demo store with a good backup, then damaged on disk; returns (path, backup, bytes as damaged)."""
    ctx = open_context(str(demo_path))
    configure_station(ctx, "city", None, "王会计")
    made = backup.manual_backup(ctx)
    ctx.close()
    _damage(demo_path)
    assert not backup.startup_check(demo_path).ok
    return demo_path, made, demo_path.read_bytes()


def test_smoke_on_a_damaged_store_exits_non_zero_naming_the_problem(damaged, data_home):
    path, made, as_damaged = damaged
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "JZHEALTH_HOME": str(data_home)}
    done = subprocess.run([sys.executable, "-m", "jzhealth_desktop.app", "--db", str(path), "--smoke"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 1
    assert "未通过检查" in done.stderr and str(path) in done.stderr and made.name in done.stderr
    assert path.read_bytes() == as_damaged  # never opened, never changed


def test_damaged_store_refused_restore_leaves_it_untouched(qtbot, damaged, monkeypatch):
    path, made, as_damaged = damaged
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    started = application.start(_args(path))
    assert started.window is None and started.ctx is None
    assert "未通过完整性检查" in asked[0] and made.name in asked[0]
    assert path.read_bytes() == as_damaged


def test_damaged_store_restores_the_newest_good_backup_and_opens(qtbot, damaged, monkeypatch, snapshot):
    path, made, _ = damaged
    at_backup = snapshot(made)
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    started = application.start(_args(path))
    try:
        assert started.window is not None and started.window.org_box.count() == 12
        assert "损坏的文件已保存为" in told[0]
        kept = Path(told[0].splitlines()[-1])
        assert kept.name.endswith("-damaged.sqlite") and kept.exists()
    finally:
        _close(started)
    restored = snapshot(path)  # the backup's data plus the restore's own audit row (services/backup.py)
    assert [line for line in restored if "'store',NULL,NULL,'restore'," not in line] == at_backup


def test_no_good_backup_says_so_and_does_not_start(qtbot, store_path, monkeypatch):
    ctx = open_context(str(store_path))
    ctx.close()
    _damage_whole = store_path.read_bytes()
    store_path.write_bytes(_damage_whole[:100] + b"\x00" * (len(_damage_whole) - 100))
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    started = application.start(_args(store_path))
    assert started.window is None and "没有找到完好的备份" in said[0]


# ---- 3./4. sign-in at start, a clerk's window, menus mirroring rights ----------------------------------------
@pytest.fixture
def accounts_store(demo_path):
    ctx = open_context(str(demo_path))
    configure_station(ctx, "city", None, "王会计")
    accounts.add_user(ctx, "admin", ADMIN, PW)
    accounts.sign_in(ctx, "admin", PW)
    accounts.add_user(ctx, "li", CLERK, PW, org=OWN)
    accounts.add_user(ctx, "wang", REVIEWER, PW)
    ctx.close()
    return demo_path


def _enabled(window) -> dict[str, bool]:
    return {a.objectName(): a.isEnabled() for m in window.menus.values() for a in m.actions() if a.objectName()}


def test_sign_in_at_start_and_a_clerk_sees_only_their_county(qtbot, accounts_store, answer_dialogs):
    def wrong_then_right(dialog):
        dialog.name.setText("li")
        dialog.password.setText("not-the-password")
        dialog.try_sign_in()
        assert dialog.error.text() == "用户名或密码错误" and dialog.isVisible()
        dialog.password.setText(PW)
        dialog.try_sign_in()

    seen = answer_dialogs([(LoginDialog, wrong_then_right)])
    started = application.start(_args(accounts_store))
    try:
        window = started.window
        assert seen == ["LoginDialog"] and started.ctx.user == "li"
        assert window.orgs == [OWN] and window.org_box.count() == 1 and window.current_org() == OWN
        assert "li" in window.station_label.text() and "县级统计员" in window.station_label.text()
        enabled = _enabled(window)
        assert enabled["save"] and enabled["submitForm"] and enabled["exportPackage"] and enabled["buildReport"]
        assert not enabled["approveForm"] and not enabled["manageUsers"] and not enabled["editDeadlines"]
        assert not enabled["restoreBackup"]
    finally:
        _close(started)


def test_cancelled_sign_in_opens_no_window(qtbot, accounts_store, answer_dialogs):
    seen = answer_dialogs([(LoginDialog, lambda dialog: dialog.reject())])
    started = application.start(_args(accounts_store))
    try:
        assert seen == ["LoginDialog"] and started.window is None
    finally:
        _close(started)


def test_reviewer_menus_mirror_the_rights_per_unit(qtbot, accounts_store):
    ctx = open_context(str(accounts_store))
    accounts.sign_in(ctx, "wang", PW)
    started = application.start(_args(accounts_store), ctx)  # already signed in: nobody is asked again
    try:
        window = started.window
        assert window.org_box.count() == 12
        enabled = _enabled(window)
        assert not enabled["save"] and not enabled["submitForm"]  # a reviewer types no figures
        assert enabled["approveForm"] and enabled["editDeadlines"] and enabled["buildReport"]
        assert not enabled["manageUsers"]
        assert window.form_view.readonly  # the form mirrors it too
    finally:
        _close(started)


# ---- 5. due dates ----------------------------------------------------------------------------------------
def test_clerk_start_screen_lists_what_is_still_due_and_completeness_shows_due_dates(qtbot, accounts_store,
                                                                                   monkeypatch):
    ctx = open_context(str(accounts_store))
    accounts.sign_in(ctx, "admin", PW)
    set_deadline(ctx, "eldercare", YEAR, "2022-03-31")
    set_deadline(ctx, "telemedicine", YEAR, "2022-03-10")
    set_deadline(ctx, "immunization", YEAR, "2022-04-30")
    workflow.submit(ctx, OWN, YEAR, "immunization")  # delivered: not listed as due
    ctx.close()
    monkeypatch.setattr(due, "today", lambda: date(2022, 3, 20))
    ctx = open_context(str(accounts_store))
    accounts.sign_in(ctx, "li", PW)
    started = application.start(_args(accounts_store), ctx)
    try:
        window = started.window
        window.select(OWN, YEAR, "eldercare")
        banner = window.due_banner
        assert banner.isVisibleTo(window)
        assert [d.domain for d in banner.items] == ["telemedicine", "eldercare"]  # soonest first
        text = banner.text()
        assert "2021年尚未报送" in text and "已逾期 10 天" in text and "还剩 11 天" in text
        assert "截止 3月31日" in text and "免疫" not in text
        banner.linkActivated.emit("domain:telemedicine")  # a click opens that form
        assert window.current_domain() == "telemedicine"

        window.tabs.setCurrentIndex(COMPLETENESS_TAB)
        view = window.completeness
        domains = [d.code for d in window.ctx.catalogue.domains]
        headers = [view.table.horizontalHeaderItem(c).text() for c in range(len(domains))]
        assert headers[domains.index("eldercare")].endswith("截止 3月31日")
        tele = view.table.item(0, domains.index("telemedicine"))
        assert "已逾期 10 天" in tele.text() and tele.foreground().color().name() == "#b00020"
        elder = view.table.item(0, domains.index("eldercare"))
        assert "还剩 11 天" in elder.text() and elder.foreground().color().name() != "#b00020"
        imm = view.table.item(0, domains.index("immunization"))
        assert "天" not in imm.text()  # submitted: no days counted
        assert "逾期 1" in view.summary.text()
    finally:
        _close(started)


def test_city_window_shows_no_due_banner(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path, kind="city", org=None)
    assert not window.due_banner.isVisibleTo(window)


# ---- 6. the smoke report ---------------------------------------------------------------------------------
def test_smoke_builds_a_report_after_the_first_paint(qtbot, demo_path, monkeypatch):
    built = []
    real = application.smoke_report

    def spy(window):
        assert application.QApplication.instance() is not None
        out = real(window)
        built.append((out, window.isVisible()))
        return out

    monkeypatch.setattr(application, "smoke_report", spy)
    assert application.run(_args(demo_path, smoke=True)) == 0
    assert len(built) == 1 and built[0][1] and built[0][0].name == "smoke.pdf"
    assert not built[0][0].parent.exists()  # the temporary folder is removed


def test_smoke_fails_when_the_report_fails(qtbot, demo_path, monkeypatch, capsys):
    def broken(window):
        raise RuntimeError("no fonts")

    monkeypatch.setattr(application, "smoke_report", broken)
    assert application.run(_args(demo_path, smoke=True)) == 3
    assert "报表未能生成" in capsys.readouterr().err


# ---- 7./8. icon and store address ------------------------------------------------------------------------
def test_window_icon_and_store_address(qtbot, open_window, store_path, no_questions):
    window = open_window(store_path)
    app = application.QApplication.instance()
    assert not app.windowIcon().isNull()
    assert window.store_label.toolTip() == window.ctx.db.display == str(store_path.resolve())


def test_about_shows_a_server_address_without_its_password():
    from jzhealth_desktop.store.engine import display_url
    from jzhealth_desktop.ui.help import about_text

    class Db:
        display = display_url("postgresql+psycopg://jz:secret-pw@db.example/jz")

    class Cat:
        version = "1"

    class Ctx:
        db, catalogue = Db(), Cat()

    text = about_text(Ctx())
    assert "db.example" in text and "secret-pw" not in text
