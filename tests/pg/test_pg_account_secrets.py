"""An account's password never reaches the server in clear (issue 15): the client sends jz_account_sync only the
SCRAM-SHA-256 verifier, and the function refuses anything else. Against the real test server."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.conftest import PG_URL
from tests.pg.test_pg_roles import B, PASSWORD, _can_log_in, _refused, _signed_in, server  # noqa: F401

psycopg = pytest.importorskip("psycopg")
from sqlalchemy import create_engine, event, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from jzhealth_desktop.services import accounts  # noqa: E402

BAD = psycopg.errors.InvalidParameterValue
VERIFIER = re.compile(r"SCRAM-SHA-256\$\d+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")


def _superuser():
    """The test server's trusted `postgres` login (tools/pg_test_server.sh), or None where there is none."""
    engine = create_engine(make_url(PG_URL).set(username="postgres", password=None), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar():
                return engine
    except Exception:  # noqa: BLE001 - no such login here: the caller says so
        pass
    engine.dispose()
    return None


def test_users_add_and_passwd_send_only_a_verifier(server):  # noqa: F811
    first, second = "Clear-" + uuid.uuid4().hex[:10], "Clear-" + uuid.uuid4().hex[:10]
    new = server.role("new")
    sent: list[str] = []
    ctx = _signed_in(server, "admin")
    event.listen(ctx.db.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, params, _ctx, _many: sent.append(f"{statement} {params!r}"))
    try:
        accounts.add_user(ctx, new, "clerk", first, org=B)
        accounts.set_password(ctx, new, second)
    finally:
        ctx.close()
    calls = [s for s in sent if "jz_account_sync" in s]
    assert len(calls) == 2 and all(VERIFIER.search(c) for c in calls)
    assert not any(first in s or second in s for s in sent)
    assert _can_log_in(server, new, second) and not _can_log_in(server, new, first)


def test_the_server_log_never_holds_the_password(server):  # noqa: F811
    admin = _superuser()
    if admin is None:
        pytest.skip("needs the test server's trusted postgres login to turn on log_statement (tools/pg_test_server.sh)")
    name, clear = server.role("new"), "Clear-" + uuid.uuid4().hex[:10]
    account = server.role("admin")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{account}" SET log_statement = \'all\''))
            start = conn.execute(text("SELECT size FROM pg_stat_file('server.log')")).scalar()
        ctx = _signed_in(server, "admin")  # a new session: it logs every statement with its parameters
        try:
            accounts.add_user(ctx, name, "clerk", clear, org=B)
            accounts.set_password(ctx, name, clear + "-2")
        finally:
            ctx.close()
        with admin.connect() as conn:
            log = conn.execute(text("SELECT pg_read_file('server.log', :s, 10000000)"), {"s": start}).scalar()
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER ROLE "{account}" RESET log_statement'))
        admin.dispose()
    assert "jz_account_sync" in log and VERIFIER.search(log)  # the log did record the calls, with the verifier
    assert clear not in log


def test_the_function_refuses_a_clear_password(server):  # noqa: F811
    conn = psycopg.connect(host=make_url(PG_URL).host, port=make_url(PG_URL).port, dbname=make_url(PG_URL).database,
                           user=server.role("admin"), password=PASSWORD, options=f"-csearch_path={server.schema}",
                           autocommit=True)
    try:
        _refused(conn, "SELECT jz_account_sync(%s, %s)", (server.role("clerk_a"), "a-clear-password"), BAD)
        _refused(conn, "SELECT jz_account_sync(%s, %s)", (server.role("clerk_a"), "md5" + "0" * 32), BAD)
    finally:
        conn.close()
    assert _can_log_in(server, server.role("clerk_a"), PASSWORD)
    assert not _can_log_in(server, server.role("clerk_a"), "a-clear-password")
