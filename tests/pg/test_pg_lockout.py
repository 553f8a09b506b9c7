"""Disabling an account on a prepared server is PostgreSQL's NOLOGIN; wrong passwords are refused by PostgreSQL
each time but lock nothing (PostgreSQL has no lockout: docs/server.md says what to do instead)."""

from __future__ import annotations

import pytest

from tests.pg.test_pg_roles import B, PASSWORD, _can_log_in, _server_url, _signed_in, server  # noqa: F401

pytest.importorskip("psycopg")

from jzhealth_desktop.domain.errors import JzError  # noqa: E402
from jzhealth_desktop.services import accounts  # noqa: E402

NEW_PASSWORD = "Xq7#pLm2-lock"


def test_disable_is_nologin_and_enable_gives_the_login_back(server, capsys, monkeypatch):  # noqa: F811
    from jzhealth_desktop.cli import main

    name = server.role("new")
    ctx = _signed_in(server, "admin")
    try:
        accounts.add_user(ctx, name, "clerk", NEW_PASSWORD, org=B)
    finally:
        ctx.close()
    assert _can_log_in(server, name, NEW_PASSWORD)
    monkeypatch.setenv("JZHEALTH_PASSWORD", PASSWORD)
    admin = ["--db", _server_url(server), "--user", server.role("admin")]
    assert main([*admin, "users", "set", name, "--disable"]) == 0
    assert not _can_log_in(server, name, NEW_PASSWORD)
    with pytest.raises(JzError) as refused:  # the sign-in says so (PostgreSQL checked the password first)
        accounts.open_as_account(_server_url(server), name, NEW_PASSWORD)
    assert "已停用" in refused.value.zh
    assert main([*admin, "users", "set", name, "--enable"]) == 0
    assert _can_log_in(server, name, NEW_PASSWORD)  # the role kept its password: LOGIN again
    capsys.readouterr()


def test_wrong_passwords_are_refused_each_time_but_lock_nothing(server):  # noqa: F811
    url, name = _server_url(server), server.role("clerk_b")
    for _ in range(accounts.MAX_TRIES + 2):
        with pytest.raises(JzError) as wrong:
            accounts.open_as_account(url, name, "not-the-password")
        assert wrong.value.zh == "用户名或密码错误"
    ctx = accounts.open_as_account(url, name, PASSWORD)  # PostgreSQL has no lockout of its own
    try:
        assert ctx.principal.name == name
    finally:
        ctx.close()
