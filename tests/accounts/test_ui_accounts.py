"""The accounts UI driven with pytest-qt on real stores: sign-in, first administrator, audit viewer, menus."""

import argparse
import csv

import pytest

from jzhealth_desktop.services import accounts, workflow
from jzhealth_desktop.services.access import ADMIN, CLERK, REVIEWER, Principal
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.station import configure_station
from jzhealth_desktop.ui.accounts.audit_view import AuditDialog
from jzhealth_desktop.ui.accounts.login import FirstAdminDialog, LoginDialog
from jzhealth_desktop.ui.accounts.manage import DeadlinesDialog, UsersDialog

from .conftest import OTHER, OWN, YEAR

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")
PW = "Dialog-pass-11"


def test_login_dialog_refuses_then_signs_in(qtbot, ctx, clock):
    accounts.add_user(ctx, "admin", ADMIN, PW)
    dialog = LoginDialog(ctx, clock=clock)
    qtbot.addWidget(dialog)
    dialog.name.setText("admin")
    dialog.password.setText("not-the-password")
    dialog.try_sign_in()
    assert dialog.error.text() == "用户名或密码错误" and dialog.password.text() == ""
    assert dialog.result() == 0 and ctx.principal is None
    for _ in range(4):
        dialog.password.setText("not-the-password")
        dialog.try_sign_in()
    assert "已锁定" in dialog.error.text() and "not-the-password" not in dialog.error.text()
    clock.advance(minutes=2)
    dialog.password.setText(PW)
    dialog.try_sign_in()
    assert dialog.result() == 1 and ctx.principal == Principal("admin", ADMIN) and dialog.password.text() == ""


def test_first_admin_dialog(qtbot, ctx):
    dialog = FirstAdminDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.password.setText(PW)
    dialog.repeat.setText(PW + "x")
    dialog.create()
    assert not accounts.has_users(ctx) and dialog.error.text()
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.create()
    assert "至少需要 8 个字符" in dialog.error.text() and not accounts.has_users(ctx)
    dialog.password.setText(PW)
    dialog.repeat.setText(PW)
    dialog.create()
    assert dialog.result() == 1 and ctx.principal.role == ADMIN


def test_audit_viewer_filters_and_exports(qtbot, flow_ctx, tmp_path):
    workflow.return_(flow_ctx, OWN, YEAR, "telemedicine", "请核实")
    dialog = AuditDialog(flow_ctx)
    qtbot.addWidget(dialog)
    everything = dialog.table.rowCount()
    assert everything > 100  # the demo load wrote one row per value
    dialog.org.setCurrentIndex(dialog.org.findData(OWN))
    dialog.domain.setCurrentIndex(dialog.domain.findData("telemedicine"))
    dialog.refresh()
    shown = [dialog.table.item(r, 6).text() for r in range(dialog.table.rowCount())]
    assert "已提交 → 已退回" in shown and 0 < len(shown) < everything
    dialog.year.setText("20x1")
    dialog.refresh()
    assert "无效" in dialog.status.text()
    dialog.year.setText(str(YEAR))
    path = tmp_path / "log.csv"
    dialog.export(str(path))
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) - 1 == len(shown) and {r[3] for r in rows[1:]} == {OWN}


def test_audit_viewer_for_a_clerk_shows_only_their_county(qtbot, flow_ctx):
    flow_ctx.principal = Principal("li", CLERK, OWN)
    dialog = AuditDialog(flow_ctx)
    qtbot.addWidget(dialog)
    assert {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())} == {flow_ctx.org(OWN).name}
    dialog.org.setCurrentIndex(dialog.org.findData(OTHER))
    dialog.refresh()
    assert "无权" in dialog.status.text()


def test_users_and_deadlines_dialogs(qtbot, ctx):
    accounts.add_user(ctx, "admin", ADMIN, PW)
    accounts.sign_in(ctx, "admin", PW)
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText("li")
    dialog.role.setCurrentIndex(dialog.role.findData(CLERK))
    dialog.org.setCurrentIndex(dialog.org.findData(OWN))
    dialog.password.setText(PW)
    dialog.add()
    assert dialog.table.rowCount() == 2 and dialog.password.text() == ""
    dialog.table.setCurrentCell(1, 0)
    dialog.toggle()
    assert not next(u for u in accounts.list_users(ctx) if u.name == "li").active
    deadlines_dialog = DeadlinesDialog(ctx, YEAR)
    qtbot.addWidget(deadlines_dialog)
    deadlines_dialog.edits["eldercare"].setText("2022-13-40")
    assert not deadlines_dialog.save() and "日期" in deadlines_dialog.status.text()
    deadlines_dialog.edits["eldercare"].setText("2022-03-31")
    assert deadlines_dialog.save()
    from jzhealth_desktop.services.deadlines import deadlines

    assert deadlines(ctx, YEAR)["eldercare"].isoformat() == "2022-03-31"


@pytest.fixture
def window(qtbot, flow_path):
    from jzhealth_desktop.ui.application import start

    setup = open_context(str(flow_path))
    configure_station(setup, "city", None, "市统计员")
    setup.close()
    started = start(argparse.Namespace(db=str(flow_path), demo=False, smoke=False))
    yield started.window
    started.window.form_view.revert_all()
    started.window.close()
    started.window.deleteLater()
    started.ctx.close()


def test_menus_run_the_workflow_and_mirror_the_rights(qtbot, window):
    names = {a.objectName() for a in window.menu("review").actions()} | {a.objectName() for a in window.menu("tools").actions()}
    assert {"submitForm", "approveForm", "returnForm", "reopenForm", "auditLog", "backupNow", "restoreBackup",
            "manageUsers", "editDeadlines"} <= names
    from jzhealth_desktop.ui.accounts.actions import AccountActions

    actions = window.controller(AccountActions)
    assert window.select(OWN, YEAR, "telemedicine")
    assert actions.return_form(reason="请补充说明")
    assert workflow.get_status(window.ctx, OWN, YEAR, "telemedicine").status == "returned"
    assert window.select(OWN, YEAR, "eldercare")
    assert actions.submit(confirm=False)  # the question itself: tests/ui/test_submission_ui.py
    assert actions.approve()
    assert workflow.get_status(window.ctx, OWN, YEAR, "eldercare").status == "approved"
    # a reviewer signed in: figures are not theirs to submit, accounts not theirs to manage
    window.ctx.principal = Principal("wang", REVIEWER)
    window.selection_changed.emit(OWN, YEAR, "eldercare")
    enabled = {a.objectName(): a.isEnabled() for key in ("review", "tools") for a in window.menu(key).actions()}
    assert enabled["approveForm"] and enabled["auditLog"] and enabled["editDeadlines"]
    assert not enabled["submitForm"] and not enabled["manageUsers"] and not enabled["restoreBackup"]


def test_a_locked_store_at_start_is_told_so_and_offered_no_backup(qtbot, tmp_path, data_home, monkeypatch):
    import sqlite3

    from jzhealth_desktop.services import backup
    from jzhealth_desktop.ui import application
    from jzhealth_desktop.ui.qt import QMessageBox

    path = tmp_path / "jzhealth.sqlite"
    ctx = open_context(str(path))
    backup.manual_backup(ctx)  # a good backup exists: it must not be offered over intact data
    ctx.close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    before = path.read_bytes()
    said, asked = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: said.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    try:
        started = application.start(argparse.Namespace(db=str(path), demo=False, smoke=False))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert started.window is None and started.ctx is None
    assert asked == [] and len(said) == 1
    assert "其他程序占用" in said[0] and "关闭" in said[0] and "备份" not in said[0].split("\n", 1)[0]
    assert path.read_bytes() == before
