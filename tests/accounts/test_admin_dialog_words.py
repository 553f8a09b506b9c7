"""修改记录, 用户管理 and 截止日期 as a Chinese-speaking administrator uses them: words instead of the log's codes,
an Alt key on every label and button, and a window that fits a 1366×768 screen at 150 %."""

from __future__ import annotations

import time
from datetime import datetime

import pytest

from jzhealth_desktop.services import accounts
from jzhealth_desktop.services.access import ADMIN
from jzhealth_desktop.ui.accounts import audit_words
from jzhealth_desktop.ui.accounts.audit_view import AuditDialog
from jzhealth_desktop.ui.accounts.manage import DeadlinesDialog, UsersDialog
from jzhealth_desktop.ui.menus import mnemonic_of
from jzhealth_desktop.ui.qt import QApplication, QLabel, QPushButton, Qt

from jzhealth_desktop.services import workflow
from jzhealth_desktop.ui.i18n import install_translators

from .conftest import OWN, YEAR

PW = "Dialog-pass-11"
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")  # offscreen's own note


@pytest.fixture
def chinese(qapp):
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(("detail", "zh"), [("submit", "提交"), ("return: 请核实", "退回：请核实"),
                                            ("reopen: 数据有误: 重填", "重新打开：数据有误: 重填"),
                                            ("approve", "审核通过"), ("migrated", "migrated")])
def test_a_form_moves_note_reads_as_words(detail, zh):
    assert audit_words.detail_text("status", detail, english=False) == zh


def test_states_read_as_words_and_an_unknown_code_is_shown_as_it_is(chinese):
    assert audit_words.change_text("status", "submitted", "returned", english=False) == "已提交 → 已退回"
    assert audit_words.change_text("status", None, "draft", english=False) == "∅ → 草稿"
    assert audit_words.change_text("value", "12", "", english=False) == "12 → ∅"
    assert audit_words.change_text("status", "odd", "draft", english=False) == "odd → 草稿"
    assert audit_words.kind_name("value") == "数值" and audit_words.kind_name("novel") == "novel"


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset (to pin the PC's time zone) is POSIX-only")
@pytest.mark.parametrize(("stored", "zh"), [
    ("clerk@410822", "县级统计员（博爱县）"), ("clerk@410822 inactive", "县级统计员（博爱县），已停用"),
    ("reviewer", "市级审核员"), ("admin inactive", "管理员，已停用"), ("locked", "已锁定"),
    ("clerk@410822 odd", "clerk@410822 odd"), ("nobody@1", "nobody@1")])
def test_an_accounts_role_and_county_read_as_words(stored, zh):
    names = {"410822": "博爱县"}
    assert audit_words.change_text("account", "", stored, False, names.__getitem__) == f"∅ → {zh}"


@pytest.mark.parametrize(("detail", "zh"), [("created", "新建账户"), ("password reset", "重设密码"),
                                            ("5 wrong passwords", "连续 5 次密码错误"), ("hand note", "hand note")])
def test_an_accounts_note_reads_as_words(detail, zh):
    assert audit_words.detail_text("account", detail, english=False) == zh


def test_the_time_is_the_pcs_own_clock(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        assert audit_words.local_time(datetime(2022, 3, 31, 16, 30)) == "2022-04-01 00:30:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def _keys(widgets) -> list[str]:
    return [mnemonic_of(w.text()) for w in widgets if w.isVisibleTo(w.window()) and w.text()]


def test_users_dialog_has_an_alt_key_on_every_label_and_button(qtbot, ctx):
    accounts.add_user(ctx, "admin", ADMIN, PW)
    accounts.sign_in(ctx, "admin", PW)
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
    shown = dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)
    keys = _keys(w for w in shown if w.objectName() != "usersStatus")
    assert all(keys) and len(keys) == len(set(keys)) == 7
    # Alt + the password label's letter puts the keyboard in the password field; type there.
    letter = mnemonic_of(dialog.findChildren(QLabel)[[l.buddy() for l in dialog.findChildren(QLabel)].index(
        dialog.password)].text())
    qtbot.keyClick(QApplication.focusWidget(), letter, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(QApplication.focusWidget(), "abc")
    assert dialog.password.text() == "abc"


def test_deadlines_dialog_has_an_alt_key_per_form(qtbot, ctx):
    dialog = DeadlinesDialog(ctx, YEAR)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    keys = _keys(dialog.findChildren(QLabel) + dialog.findChildren(QPushButton))
    assert len(keys) == len(ctx.catalogue.domains) + 1 and len(set(keys)) == len(keys) and all(keys)


def test_the_change_log_reads_in_words(qtbot, flow_ctx, chinese):
    workflow.return_(flow_ctx, OWN, YEAR, "telemedicine", "请核实")
    dialog = AuditDialog(flow_ctx)
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(r, 6).text() for r in range(dialog.table.rowCount())]
    moved = shown.index("已提交 → 已退回")
    words = [dialog.table.item(moved, c).text() for c in range(dialog.table.columnCount())]
    # A clerk reads words, not the log's codes: the kind, the unit, the form, the source and the note.
    assert words[2] == "表单状态" and words[3] == flow_ctx.org(OWN).name
    assert words[5] == flow_ctx.catalogue.domain("telemedicine").name and words[8] == "退回：请核实"
    assert dialog.table.item(moved, 8).toolTip() == "return: 请核实"  # the code, as the CSV keeps it
    assert dialog.table.horizontalHeaderItem(0).text() == "时间"
    sources = {dialog.table.item(r, 7).text() for r in range(dialog.table.rowCount())}
    assert "demo" not in sources and "演示数据" in sources


def test_the_change_log_fits_the_screen(qtbot, flow_ctx):
    dialog = AuditDialog(flow_ctx)
    qtbot.addWidget(dialog)
    free = dialog.screen().availableGeometry()
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
