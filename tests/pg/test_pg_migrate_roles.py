"""migrate-store onto a server prepared by `server init` (issue 15): the copy is verified, the audit is kept as it
was, every account becomes a role in its group — NOLOGIN until the administrator sets its password — and the
command names who needs `users passwd`. Against the real test server."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import NO_PG, PG_URL, _with_schema

psycopg = pytest.importorskip("psycopg")
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from jzhealth_desktop.cli import main  # noqa: E402
from jzhealth_desktop.services import accounts, passwords  # noqa: E402
from jzhealth_desktop.services.context import open_context  # noqa: E402
from jzhealth_desktop.services.forms import save_form  # noqa: E402
from jzhealth_desktop.services.station import configure_station  # noqa: E402
from jzhealth_desktop.services.pg_security import check_security, init_server, quote_ident  # noqa: E402
from jzhealth_desktop.store.copy import checksum, tables  # noqa: E402

COUNTY = "410821"


@pytest.fixture
def prepared(monkeypatch):
    """A server prepared by `server init` in its own schema and role prefix; the test's account roles too are
    dropped after (roles are cluster-wide)."""
    if not PG_URL:
        pytest.skip(NO_PG)
    monkeypatch.setattr(passwords, "COST_N", 2 ** 12)  # the SQLite source's accounts: quick hashes
    tag = uuid.uuid4().hex[:8]
    schema, prefix = f"jz_mr_{tag}", f"jzq{tag}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    url = _with_schema(PG_URL, schema)
    names = {"admin": f"adm{tag}", "clerk": f"clk{tag}", "reviewer": f"rev{tag}", "gone": f"old{tag}"}
    try:
        init_server(url, prefix)
        yield url, prefix, names
    finally:
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            conn.execute(text(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE"))
            for name in (*names.values(), *(f"{prefix}_{g}" for g in ("clerk", "reviewer", "admin", "owner"))):
                conn.execute(text(f"DROP ROLE IF EXISTS {quote_ident(name)}"))
        admin.dispose()


def _source(tmp_path, names) -> str:
    """A county's SQLite store with accounts, figures and an audit."""
    path = tmp_path / "county.sqlite"
    ctx = open_context(str(path))
    try:
        accounts.add_user(ctx, names["admin"], "admin", "Admin-pass-1")
        accounts.sign_in(ctx, names["admin"], "Admin-pass-1")
        configure_station(ctx, "county", COUNTY, "王会计")
        accounts.add_user(ctx, names["clerk"], "clerk", "Clerk-pass-1", org=COUNTY)
        accounts.add_user(ctx, names["reviewer"], "reviewer", "Review-pass-1")
        accounts.add_user(ctx, names["gone"], "clerk", "Gone-pass-1", org=COUNTY)
        accounts.update_user(ctx, names["gone"], active=False)
        save_form(ctx, COUNTY, 2021, "eldercare", {"ec_beds": "120"})
    finally:
        ctx.close()
    return str(path)


def _roles(url: str, names) -> dict[str, tuple[bool, list[str]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT a.rolname, a.rolcanlogin, coalesce(array_agg(b.rolname ORDER BY b.rolname) "
                "FILTER (WHERE b.rolname IS NOT NULL), '{}') FROM pg_roles a "
                "LEFT JOIN pg_auth_members m ON m.member = a.oid LEFT JOIN pg_roles b ON b.oid = m.roleid "
                "WHERE a.rolname = ANY(:n) GROUP BY a.rolname, a.rolcanlogin"), {"n": list(names)}).all()
    finally:
        engine.dispose()
    return {name: (login, list(groups)) for name, login, groups in rows}


def _audit_sum(url: str):
    table = next(t for t in tables() if t.name == "audit_log")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return checksum(conn, table)
    finally:
        engine.dispose()


def test_accounts_become_roles_waiting_for_their_passwords(prepared, tmp_path, capsys, monkeypatch):
    url, prefix, names = prepared
    source = _source(tmp_path, names)
    audit_before = _audit_sum(f"sqlite:///{source}")
    assert main(["migrate-store", "--from", source, "--to", url]) == 0
    out = capsys.readouterr().out
    assert "已复制并校验" in out and "4 accounts are now database roles" in out
    # every active account is named with the command that gives it a password; the disabled one is not
    for key in ("admin", "clerk", "reviewer"):
        assert f"users passwd {names[key]}" in out
    assert names["gone"] not in out.split("已复制并校验")[1]
    roles = _roles(url, names.values())
    assert roles == {names["admin"]: (False, [f"{prefix}_admin"]), names["clerk"]: (False, [f"{prefix}_clerk"]),
                     names["reviewer"]: (False, [f"{prefix}_reviewer"]), names["gone"]: (False, [f"{prefix}_clerk"])}
    assert _audit_sum(url) == audit_before and audit_before.rows >= 5  # authors and times as they were
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert {r[0] for r in conn.execute(text("SELECT password_hash FROM app_user"))} == {""}
            assert check_security(conn).ok
            assert conn.execute(text("SELECT value FROM setting WHERE key = 'station_org'")).scalar() == COUNTY
    finally:
        engine.dispose()
    # the database administrator gives the clerk a password, acting as the store's administrator account
    monkeypatch.setenv("JZHEALTH_PASSWORD", "unused-by-the-dba-login")
    monkeypatch.setenv("JZHEALTH_NEW_PASSWORD", "Clerk-on-server-1")
    assert main(["--db", url, "--user", names["admin"], "users", "passwd", names["clerk"]]) == 0
    assert _roles(url, [names["clerk"]])[names["clerk"]] == (True, [f"{prefix}_clerk"])
    u = make_url(PG_URL)
    station = _with_schema(f"{u.drivername}://{u.host}:{u.port}/{u.database}", make_url(url).query["options"]
                           .split("=", 1)[1])
    ctx = accounts.open_as_account(station, names["clerk"], "Clerk-on-server-1")
    try:
        assert ctx.principal.org == COUNTY and ctx.principal.role == "clerk"
    finally:
        ctx.close()
    with pytest.raises(Exception, match="已停用|密码错误"):  # still without a password: it cannot sign in
        accounts.open_as_account(station, names["reviewer"], "Review-pass-1")


def test_an_account_named_like_a_server_role_is_refused_before_anything_is_written(prepared, tmp_path, snapshot):
    url, prefix, names = prepared
    path = tmp_path / "odd.sqlite"
    ctx = open_context(str(path))
    try:
        accounts.add_user(ctx, f"{prefix}_owner", "admin", "Admin-pass-1")
    finally:
        ctx.close()
    before = snapshot(url)
    with pytest.raises(Exception, match="不能成为账户角色"):
        from jzhealth_desktop.services.migrate_store import migrate_store

        migrate_store(str(path), url)
    assert snapshot(url) == before


def test_a_prepared_server_with_figures_is_refused_untouched(prepared, tmp_path, snapshot):
    from jzhealth_desktop.domain.errors import InputError
    from jzhealth_desktop.services.migrate_store import migrate_store

    url, _prefix, names = prepared
    source = _source(tmp_path, names)
    migrate_store(source, url)
    before = snapshot(url)
    with pytest.raises(InputError, match="不是空库"):
        migrate_store(source, url)
    assert snapshot(url) == before
