"""The window signs in to a prepared city server (issue 15): account and password come first, the store is then
opened as that account's own PostgreSQL role, and the window acts as it. Against the real test server.
"""

from __future__ import annotations

import argparse

import pytest

from tests.conftest import PG_URL
from tests.pg.test_pg_roles import A, PASSWORD, _server_url, server  # noqa: F401 - `server` is the fixture

pytest.importorskip("psycopg")
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from jzhealth_desktop.domain.errors import JzError  # noqa: E402
from jzhealth_desktop.services import accounts  # noqa: E402

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def _connections_of(name: str) -> int:
    engine = create_engine(PG_URL)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE usename = :n"), {"n": name}).scalar()
    finally:
        engine.dispose()


def _files_holding(folder, secret: str) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def _drive_sign_in(steps: list):
    """Answer the sign-in dialog as a person does: each step is (text typed, key) into the focused widget; what
    the dialog showed after each Enter is recorded."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from jzhealth_desktop.ui.accounts.server_sign_in import ServerSignInDialog

    seen: list[dict] = []
    timer = QTimer()
    timer.setInterval(20)

    def act():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if not isinstance(dialog, ServerSignInDialog):  # any other box (an error): recorded and closed, no hang
            seen.append({"other": type(dialog).__name__})
            dialog.reject()
            return
        if not dialog.isActiveWindow():
            return
        timer.stop()
        for typed, key in steps:
            if typed:
                QTest.keyClicks(QApplication.focusWidget(), typed)
            QTest.keyClick(QApplication.focusWidget(), key)
            seen.append({"error": dialog.error.text(), "ctx": dialog.ctx, "password": dialog.password.text(),
                         "open": dialog.isVisible(), "where": dialog.where.text()})
        if dialog.isVisible():
            dialog.reject()

    timer.timeout.connect(act)
    timer.start()
    return seen, timer


def test_the_window_signs_in_to_the_server_as_the_account(server, qtbot, data_home):  # noqa: F811
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from jzhealth_desktop.ui import application
    from jzhealth_desktop.ui.main_window import MainWindow

    application.make_app()  # the program's translators: messages in Chinese
    clerk = server.role("clerk_a")
    enter, tab = Qt.Key.Key_Return, Qt.Key.Key_Tab
    seen, timer = _drive_sign_in([(clerk, tab), ("not-the-password", enter), (PASSWORD, enter)])
    before = set(QApplication.topLevelWidgets())
    try:
        code = application.run(argparse.Namespace(db=_server_url(server), demo=False, smoke=False), exec=False)
    finally:
        timer.stop()
    shown = [w for w in QApplication.topLevelWidgets() if w not in before and isinstance(w, MainWindow)]
    try:
        assert code == 0 and len(seen) == 3
        wrong = seen[1]
        # a wrong password: one Chinese line, the dialog stays for another try, nothing opened, field emptied
        assert wrong["error"] == "用户名或密码错误" and wrong["open"] and wrong["ctx"] is None
        assert wrong["password"] == ""
        assert seen[0]["where"].startswith("市级服务器：") and "127.0.0.1" in seen[0]["where"]
        assert PASSWORD not in seen[0]["where"]
        assert not seen[2]["open"] and seen[2]["ctx"] is not None
        assert len(shown) == 1 and shown[0].is_attached()
        window = shown[0]
        assert window.ctx.principal.name == clerk and window.ctx.principal.role == "clerk"
        assert window.current_org() == A and window.orgs == [A]  # that county's form, and only that county
        with window.ctx.db.engine.connect() as conn:  # the connection is the account's own role
            assert conn.execute(text("SELECT session_user")).scalar() == clerk
        assert PASSWORD not in window.store_label.text() + window.store_label.toolTip()
        assert clerk in window.station_label.text()
    finally:
        for window in shown:
            window.form_view.revert_all()
            # its pending check reads the store: let it run while the account still exists (the fixture drops it)
            qtbot.waitUntil(lambda: not window.form_view._check_timer.isActive())
            window.close()
            window.ctx.close()
            window.deleteLater()
    # the password was written nowhere: not in ui.ini (it remembers the name), not in the log
    assert _files_holding(data_home, PASSWORD) == []
    assert any(clerk.encode() in p.read_bytes() for p in data_home.rglob("ui.ini"))


def test_a_reviewer_remembered_on_this_pc_signs_in_with_the_password_alone(server, qtbot):  # noqa: F811
    from PySide6.QtCore import Qt

    from jzhealth_desktop.ui import application
    from jzhealth_desktop.ui import settings

    application.make_app()
    reviewer = server.role("reviewer")
    settings.write(settings.LAST_USER, reviewer)  # the last sign-in on this PC: the cursor waits in the password
    seen, timer = _drive_sign_in([(PASSWORD, Qt.Key.Key_Return)])
    try:
        started = application.start(argparse.Namespace(db=_server_url(server), demo=False, smoke=False))
    finally:
        timer.stop()
    window = started.window
    try:
        assert seen[0]["ctx"] is not None and window is not None
        assert window.ctx.principal.role == "reviewer"
        assert len(window.orgs) > 2 and A in window.orgs  # the city and every county
        enabled = {name: window.action(name).isEnabled() for name in ("submitForm", "manageUsers")}
        assert not enabled["submitForm"] and not enabled["manageUsers"]  # the account's rights, not the station's
    finally:
        window.form_view.revert_all()
        qtbot.waitUntil(lambda: not window.form_view._check_timer.isActive())
        window.close()
        started.ctx.close()
        window.deleteLater()


def test_a_wrong_password_opens_nothing_and_cancel_ends_the_start(server, qtbot):  # noqa: F811
    from PySide6.QtCore import Qt

    from jzhealth_desktop.ui import application

    application.make_app()
    clerk = server.role("clerk_b")
    seen, timer = _drive_sign_in([(clerk, Qt.Key.Key_Tab), ("wrong-wrong-1", Qt.Key.Key_Return)])
    try:
        started = application.start(argparse.Namespace(db=_server_url(server), demo=False, smoke=False))
    finally:
        timer.stop()
    assert seen[-1]["error"] == "用户名或密码错误" and seen[-1]["ctx"] is None
    assert started.window is None and started.ctx is None  # the dialog was then closed: nothing opened
    assert _connections_of(clerk) == 0


def test_the_service_tells_each_refusal_in_one_line(server):  # noqa: F811
    url = _server_url(server)
    with pytest.raises(JzError) as wrong:
        accounts.open_as_account(url, server.role("reviewer"), "not-it-at-all")
    assert wrong.value.zh == "用户名或密码错误"
    with pytest.raises(JzError) as nobody:  # an unknown account reads exactly like a wrong password
        accounts.open_as_account(url, server.role("nobody"), PASSWORD)
    assert nobody.value.zh == "用户名或密码错误"
    with server.admin.connect() as conn:  # disabled (or not given a password yet); the login that made the role
        conn.execute(text(f'ALTER ROLE "{server.role("clerk_b")}" NOLOGIN'))
    with pytest.raises(JzError) as disabled:
        accounts.open_as_account(url, server.role("clerk_b"), PASSWORD)
    assert "已停用" in disabled.value.zh and "\n" not in disabled.value.zh
    with pytest.raises(JzError) as empty:
        accounts.open_as_account(url, server.role("clerk_a"), "")
    assert empty.value.zh == "请填写密码"
    closed = make_url(url).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(JzError) as unreachable:
        accounts.open_as_account(closed, server.role("clerk_a"), PASSWORD)
    assert "无法连接数据库" in unreachable.value.zh and PASSWORD not in unreachable.value.zh + unreachable.value.en
    ctx = accounts.open_as_account(url, server.role("reviewer"), PASSWORD)
    try:
        assert ctx.principal.name == server.role("reviewer") and PASSWORD not in ctx.db.display
    finally:
        ctx.close()


def test_the_cli_tells_a_wrong_password_in_one_line(server, capsys, monkeypatch):  # noqa: F811
    from jzhealth_desktop.cli import main

    monkeypatch.setenv("JZHEALTH_PASSWORD", "not-it-at-all")
    code = main(["--db", _server_url(server), "--user", server.role("clerk_a"), "check"])
    err = capsys.readouterr().err
    assert code != 0 and "用户名或密码错误" in err and "Traceback" not in err
