"""The city server enforces the roles itself (issue 15): each role, with its own psycopg connection and plain
SQL — not through the program — is refused what it may not do and allowed what it may.

Every test gets its own schema and its own role prefix (roles are cluster-wide); both are dropped after.
"""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import NO_PG, PG_URL, _with_schema

psycopg = pytest.importorskip("psycopg")
from psycopg import errors  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from jzhealth_desktop.services.pg_security import SERVER_SECRET, init_server, quote_ident  # noqa: E402

A, B, YEAR = "410802", "410803", 2021  # two counties
OPEN_DOMAIN, OPEN_ITEM = "immunization", "imm_clinics"  # A's draft form
LOCKED_DOMAIN, LOCKED_ITEM = "eldercare", "ec_beds"  # A's approved form
PASSWORD = "Pw-" + uuid.uuid4().hex[:12]
ACCOUNTS = {"clerk_a": ("clerk", A), "clerk_b": ("clerk", B), "reviewer": ("reviewer", None),
            "admin": ("admin", None)}


class Server:
    def __init__(self, admin, schema: str, prefix: str):
        self.admin, self.schema, self.prefix = admin, schema, prefix
        self.url = _with_schema(PG_URL, schema)
        self._conns: list = []

    def role(self, key: str) -> str:
        """An account's login role (a group's name is ``<prefix>_<group>``)."""
        return f"{self.prefix}_u_{key}"

    def connect(self, key: str):
        """That account's own connection (autocommit: each statement stands alone)."""
        u = make_url(PG_URL)
        conn = psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=self.role(key), password=PASSWORD,
                               options=f"-csearch_path={self.schema}", autocommit=True)
        self._conns.append(conn)
        return conn

    def as_owner(self, sql: str, params: dict | None = None):
        with self.admin.connect() as conn:  # autocommit: session-level SET, reset before the pool has it back
            conn.execute(text(f"SET ROLE {quote_ident(self.prefix + '_owner')}"))
            conn.execute(text(f"SET search_path = {quote_ident(self.schema)}"))
            try:
                result = conn.execute(text(sql), params or {})
                return result.all() if result.returns_rows else result.rowcount
            finally:
                conn.execute(text("RESET ROLE"))
                conn.execute(text("RESET search_path"))

    def value(self, org: str, item: str) -> int:
        return self.as_owner("SELECT num FROM data_value WHERE org_code = :o AND year = :y AND indicator_code = :i",
                             {"o": org, "y": YEAR, "i": item})[0][0]

    def status(self, org: str, domain: str) -> str:
        return self.as_owner("SELECT status FROM submission WHERE org_code = :o AND year = :y AND domain_code = :d",
                             {"o": org, "y": YEAR, "d": domain})[0][0]

    def close(self):
        for conn in self._conns:
            conn.close()


def _create_accounts(server: Server) -> None:
    with server.admin.connect() as conn:
        for key, (group, _org) in ACCOUNTS.items():
            name = quote_ident(server.role(key))
            conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD '{PASSWORD}'"))
            conn.execute(text(f"GRANT {quote_ident(server.prefix + '_' + group)} TO {name}"))
    for key, (group, org) in ACCOUNTS.items():
        server.as_owner("INSERT INTO app_user (name, display_name, role, org_code, password_hash, failed_attempts, "
                        "active, created_at) VALUES (:n, :n, :r, :o, '', 0, true, now())",
                        {"n": server.role(key), "r": group, "o": org})


def required_codes(domain: str) -> list[str]:
    """A county's required figures of ``domain`` (the server refuses to submit a form without them)."""
    from jzhealth_desktop.domain.catalogue import Indicator
    from jzhealth_desktop.services.context import shipped_catalogue

    cat = shipped_catalogue()
    return [c for c in cat.domain(domain).codes if isinstance(cat.items[c], Indicator) and cat.items[c].required
            and cat.items[c].level != "city"]


def _seed_forms(server: Server) -> None:
    for org in (A, B):
        # A's and B's draft has every required figure (it may be submitted); the approved form has its one figure
        for domain, items in ((OPEN_DOMAIN, {OPEN_ITEM, *required_codes(OPEN_DOMAIN)}), (LOCKED_DOMAIN, {LOCKED_ITEM})):
            for item in sorted(items):
                server.as_owner("INSERT INTO data_value (org_code, year, indicator_code, num, scale, comment, "
                                "updated_by, updated_at, version) VALUES (:o, :y, :i, 10, 0, '', 'seed', now(), 1)",
                                {"o": org, "y": YEAR, "i": item})
            status = "approved" if domain == LOCKED_DOMAIN else "draft"
            server.as_owner("INSERT INTO submission (org_code, year, domain_code, status, changed_by, changed_at,"
                            " reason, version) VALUES (:o, :y, :d, :s, 'seed', now(), '', 1)",
                            {"o": org, "y": YEAR, "d": domain, "s": status})


@pytest.fixture
def server():
    if not PG_URL:
        pytest.skip(NO_PG)
    # mypy: the fixture below yields; a missing server is a skip with its reason, as in tests/conftest.py
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    tag = uuid.uuid4().hex[:10]
    schema, prefix = f"jz_roles_{tag}", f"jzr{tag}"
    srv = Server(admin, schema, prefix)
    try:
        init_server(srv.url, prefix)
        _create_accounts(srv)
        _seed_forms(srv)
        yield srv
    finally:
        srv.close()
        with admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            conn.execute(text(f"DROP SCHEMA IF EXISTS {quote_ident(schema)} CASCADE"))
            for name in (*map(srv.role, (*ACCOUNTS, "new")),
                         *(f"{prefix}_{g}" for g in ("clerk", "reviewer", "admin", "owner"))):
                conn.execute(text(f"DROP ROLE IF EXISTS {quote_ident(name)}"))
        admin.dispose()


def _refused(conn, sql: str, params=(), error=errors.InsufficientPrivilege):
    with pytest.raises(error):
        conn.execute(sql, params)


STATIONS = list(ACCOUNTS)


# --- accounts and roles -------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", ["clerk_a", "reviewer"])
def test_a_station_cannot_raise_its_role(server, key):
    conn = server.connect(key)
    _refused(conn, "UPDATE app_user SET role = 'admin' WHERE name = session_user")
    _refused(conn, "INSERT INTO app_user (name, role, created_at) VALUES ('x', 'admin', now())")
    _refused(conn, f"GRANT {quote_ident(server.prefix + '_admin')} TO {quote_ident(server.role(key))}")
    assert server.as_owner("SELECT role FROM app_user WHERE name = :n", {"n": server.role(key)})[0][0] \
        == ACCOUNTS[key][0]


def test_the_server_keeps_no_program_password_hashes(server):
    server.as_owner("UPDATE app_user SET password_hash = 'scrypt$from-sqlite'")
    init_server(server.url, server.prefix)
    hashes = {row[0] for row in server.connect("clerk_a").execute("SELECT password_hash FROM app_user")}
    # no secret left: only the mark that PostgreSQL holds the account's password (these roles can log in)
    assert hashes == {SERVER_SECRET}


def test_the_admin_manages_accounts(server):
    conn = server.connect("admin")
    conn.execute("UPDATE app_user SET display_name = '张三' WHERE name = %s", (server.role("clerk_b"),))
    assert server.as_owner("SELECT display_name FROM app_user WHERE name = :n",
                           {"n": server.role("clerk_b")})[0][0] == "张三"


# --- figures and comments ------------------------------------------------------------------------------------

def test_a_clerk_reads_only_its_county(server):
    clerk = server.connect("clerk_a")
    orgs = {row[0] for row in clerk.execute("SELECT org_code FROM data_value")}
    assert orgs == {A}
    assert {row[0] for row in clerk.execute("SELECT org_code FROM submission")} == {A}
    for key in ("reviewer", "admin"):
        assert {row[0] for row in server.connect(key).execute("SELECT org_code FROM data_value")} == {A, B}


def test_a_clerk_cannot_write_another_countys_figure_or_comment(server):
    clerk = server.connect("clerk_a")
    cur = clerk.execute("UPDATE data_value SET num = 999, comment = 'x' WHERE org_code = %s", (B,))
    assert cur.rowcount == 0  # the other county's rows are not there for it
    assert clerk.execute("DELETE FROM data_value WHERE org_code = %s", (B,)).rowcount == 0
    _refused(clerk, "INSERT INTO data_value (org_code, year, indicator_code, num, scale, comment, updated_by, "
                    "updated_at) VALUES (%s, %s, 'imm_demo_clinics', 1, 0, '', 'x', now())", (B, YEAR))
    # nor move its own row into the other county
    _refused(clerk, "UPDATE data_value SET org_code = %s WHERE org_code = %s AND indicator_code = %s",
             (B, A, OPEN_ITEM))
    assert server.value(B, OPEN_ITEM) == 10 and server.value(A, OPEN_ITEM) == 10


def test_a_clerk_writes_its_own_draft_figure_and_comment(server):
    clerk = server.connect("clerk_a")
    cur = clerk.execute("UPDATE data_value SET num = 42, comment = '新建' WHERE org_code = %s AND year = %s "
                        "AND indicator_code = %s", (A, YEAR, OPEN_ITEM))
    assert cur.rowcount == 1 and server.value(A, OPEN_ITEM) == 42


@pytest.mark.parametrize("key", ["clerk_a", "admin"])
def test_nobody_changes_an_approved_forms_figures(server, key):
    conn = server.connect(key)
    assert conn.execute("UPDATE data_value SET num = 999 WHERE org_code = %s AND indicator_code = %s",
                        (A, LOCKED_ITEM)).rowcount == 0
    assert conn.execute("DELETE FROM data_value WHERE org_code = %s AND indicator_code = %s",
                        (A, LOCKED_ITEM)).rowcount == 0
    _refused(conn, "INSERT INTO data_value (org_code, year, indicator_code, num, scale, comment, updated_by, "
                   "updated_at) VALUES (%s, %s, 'ec_centers', 1, 0, '', 'x', now())", (A, YEAR))
    assert server.value(A, LOCKED_ITEM) == 10


def test_a_reviewer_does_not_write_figures(server):
    reviewer = server.connect("reviewer")
    _refused(reviewer, "UPDATE data_value SET num = 1 WHERE org_code = %s", (A,))
    _refused(reviewer, "DELETE FROM data_value")


# --- submission states ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", STATIONS)
def test_no_station_writes_a_status_directly(server, key):
    conn = server.connect(key)
    _refused(conn, "UPDATE submission SET status = 'approved' WHERE domain_code = %s", (OPEN_DOMAIN,))
    _refused(conn, "UPDATE submission SET status = 'draft' WHERE domain_code = %s", (LOCKED_DOMAIN,))
    _refused(conn, "INSERT INTO submission (org_code, year, domain_code, status, changed_by, changed_at) "
                   "VALUES (%s, 2022, %s, 'approved', 'x', now())", (A, OPEN_DOMAIN))
    _refused(conn, "DELETE FROM submission")
    _refused(conn, "TRUNCATE submission")
    assert server.status(A, OPEN_DOMAIN) == "draft" and server.status(A, LOCKED_DOMAIN) == "approved"


def test_plain_updates_follow_the_state_machine_too(server):
    clerk, reviewer = server.connect("clerk_a"), server.connect("reviewer")
    assert clerk.execute("UPDATE submission SET status = 'submitted' WHERE org_code = %s AND domain_code = %s",
                         (B, OPEN_DOMAIN)).rowcount == 0  # not its county
    clerk.execute("UPDATE submission SET status = 'submitted', changed_by = '别人' WHERE org_code = %s "
                  "AND domain_code = %s", (A, OPEN_DOMAIN))
    assert server.as_owner("SELECT status, changed_by FROM submission WHERE org_code = :o AND domain_code = :d",
                           {"o": A, "d": OPEN_DOMAIN})[0] == ("submitted", server.role("clerk_a"))
    _refused(clerk, "UPDATE submission SET status = 'approved' WHERE org_code = %s AND domain_code = %s",
             (A, OPEN_DOMAIN))
    reviewer.execute("UPDATE submission SET status = 'approved' WHERE org_code = %s AND domain_code = %s",
                     (A, OPEN_DOMAIN))
    assert server.status(A, OPEN_DOMAIN) == "approved"


def test_a_clerk_cannot_approve_through_the_function(server):
    clerk = server.connect("clerk_a")
    clerk.execute("SELECT jz_submission_move(%s, %s, %s, 'submit')", (A, YEAR, OPEN_DOMAIN))
    _refused(clerk, "SELECT jz_submission_move(%s, %s, %s, 'approve')", (A, YEAR, OPEN_DOMAIN))
    assert server.status(A, OPEN_DOMAIN) == "submitted"


def test_a_clerk_cannot_move_another_countys_form(server):
    _refused(server.connect("clerk_a"), "SELECT jz_submission_move(%s, %s, %s, 'submit')", (B, YEAR, OPEN_DOMAIN))
    assert server.status(B, OPEN_DOMAIN) == "draft"


def test_the_moves_follow_the_state_machine(server):
    clerk, reviewer = server.connect("clerk_a"), server.connect("reviewer")
    _refused(reviewer, "SELECT jz_submission_move(%s, %s, %s, 'approve')", (A, YEAR, OPEN_DOMAIN))  # a draft
    assert clerk.execute("SELECT jz_submission_move(%s, %s, %s, 'submit')",
                         (A, YEAR, OPEN_DOMAIN)).fetchone()[0] == "submitted"
    _refused(reviewer, "SELECT jz_submission_move(%s, %s, %s, 'return', '')", (A, YEAR, OPEN_DOMAIN),
             error=errors.InvalidParameterValue)  # a return needs a reason
    assert reviewer.execute("SELECT jz_submission_move(%s, %s, %s, 'approve')",
                            (A, YEAR, OPEN_DOMAIN)).fetchone()[0] == "approved"
    assert server.status(A, OPEN_DOMAIN) == "approved"
    # now locked: the clerk's own figure cannot change
    assert clerk.execute("UPDATE data_value SET num = 1 WHERE org_code = %s AND indicator_code = %s",
                         (A, OPEN_ITEM)).rowcount == 0
    row = server.as_owner("SELECT user_name, new_text FROM audit_log WHERE action = 'status' ORDER BY id DESC")[0]
    assert tuple(row) == (server.role("reviewer"), "approved")


def test_the_first_save_opens_a_draft(server):
    clerk = server.connect("clerk_a")
    assert clerk.execute("SELECT jz_submission_move(%s, 2022, %s, 'open')", (A, OPEN_DOMAIN)).fetchone()[0] == "draft"
    assert server.as_owner("SELECT status, changed_by FROM submission WHERE org_code = :o AND year = 2022",
                           {"o": A})[0] == ("draft", server.role("clerk_a"))


# --- targets and deadlines -----------------------------------------------------------------------------------

def test_targets_and_deadlines_are_the_citys(server):
    clerk = server.connect("clerk_a")
    _refused(clerk, "INSERT INTO target (indicator_code, year, org_code, num, scale, comparison, note) "
                    "VALUES (%s, %s, %s, 1, 0, '>=', '')", (OPEN_ITEM, YEAR, A))
    _refused(clerk, "INSERT INTO deadline (domain_code, year, due, set_by, set_at) "
                    "VALUES (%s, %s, '2022-03-31', 'x', now())", (OPEN_DOMAIN, YEAR))
    for key in ("reviewer", "admin"):
        conn = server.connect(key)
        conn.execute("INSERT INTO target (indicator_code, year, org_code, num, scale, comparison, note) "
                     "VALUES (%s, %s, %s, 1, 0, '>=', '')", (OPEN_ITEM, YEAR if key == "admin" else YEAR + 1, A))
    server.connect("admin").execute("INSERT INTO deadline (domain_code, year, due, set_by, set_at) "
                                    "VALUES (%s, %s, '2022-03-31', 'x', now())", (OPEN_DOMAIN, YEAR))
    assert server.as_owner("SELECT count(*) FROM target")[0][0] == 2


# --- the audit log -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("key", STATIONS)
def test_the_audit_is_append_only_for_every_station(server, key):
    conn = server.connect(key)
    conn.execute("INSERT INTO audit_log (at, user_name, action, org_code, year, subject, old_text, new_text, source,"
                 " detail) VALUES ('2000-01-01', '别人', 'value', %s, %s, 'x', '', '', 'cli', '')",
                 (ACCOUNTS[key][1], YEAR))
    before = server.as_owner("SELECT count(*) FROM audit_log")[0][0]
    _refused(conn, "UPDATE audit_log SET detail = 'x'")
    _refused(conn, "DELETE FROM audit_log")
    _refused(conn, "TRUNCATE audit_log")
    _refused(conn, "ALTER TABLE audit_log DISABLE TRIGGER USER")
    _refused(conn, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
    _refused(conn, "DROP TRIGGER audit_log_no_change ON audit_log")
    assert server.as_owner("SELECT count(*) FROM audit_log")[0][0] == before


def test_the_server_writes_who_and_when_in_the_audit(server):
    server.connect("clerk_a").execute(
        "INSERT INTO audit_log (at, user_name, action, org_code, year, subject, old_text, new_text, source, detail)"
        " VALUES ('2000-01-01', '市管理员', 'value', %s, %s, 'x', '', '', 'cli', '')", (A, YEAR))
    user, at = server.as_owner("SELECT user_name, at FROM audit_log ORDER BY id DESC")[0]
    assert user == server.role("clerk_a") and at.year > 2000


def test_a_clerk_cannot_write_another_countys_audit(server):
    _refused(server.connect("clerk_a"),
             "INSERT INTO audit_log (at, user_name, action, org_code, year, subject, old_text, new_text, source, "
             "detail) VALUES (now(), 'x', 'value', %s, %s, 'x', '', '', 'cli', '')", (B, YEAR))


# --- set-up ----------------------------------------------------------------------------------------------------

def _rules(server: Server) -> list:
    q = ("SELECT 'policy', tablename, policyname, cmd, roles::text, qual, with_check FROM pg_policies "
         "WHERE schemaname = :s UNION ALL "
         "SELECT 'grant', table_name, grantee, privilege_type, '', '', '' FROM information_schema.role_table_grants "
         "WHERE table_schema = :s UNION ALL "
         "SELECT 'trigger', event_object_table, trigger_name, event_manipulation, action_timing, '', '' "
         "FROM information_schema.triggers WHERE trigger_schema = :s UNION ALL "
         "SELECT 'rls', relname, relrowsecurity::text, relowner::regrole::text, '', '', '' FROM pg_class "
         "WHERE relnamespace = CAST(:s AS regnamespace) AND relkind = 'r'")
    with server.admin.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text(q), {"s": server.schema}))


def test_init_twice_gives_the_same_server(server):
    rules = _rules(server)
    assert any(r[0] == "policy" for r in rules) and all(r[3] == server.prefix + "_owner"
                                                       for r in rules if r[0] == "rls")
    figures = server.as_owner("SELECT * FROM data_value ORDER BY 1, 2, 3")
    init_server(server.url, server.prefix)
    assert _rules(server) == rules
    assert server.as_owner("SELECT * FROM data_value ORDER BY 1, 2, 3") == figures


def test_init_refuses_a_sqlite_url(tmp_path):
    from jzhealth_desktop.domain.errors import InputError

    with pytest.raises(InputError):
        init_server(f"sqlite:///{tmp_path / 'x.sqlite'}")
    assert not (tmp_path / "x.sqlite").exists()


# --- jzhealth check ------------------------------------------------------------------------------------------

def _server_url(server: Server) -> str:
    """The URL a station is configured with: the server and schema, no account, no password."""
    u = make_url(PG_URL)
    return _with_schema(f"{u.drivername}://{u.host}:{u.port}/{u.database}", server.schema)


def _check(capsys, url: str, *login: str) -> tuple[int, str, str]:
    from jzhealth_desktop.cli import main

    code = main(["--db", url, *login, "check"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _as_account(server: Server, key: str, monkeypatch) -> tuple[str, str]:
    monkeypatch.setenv("JZHEALTH_PASSWORD", PASSWORD)
    return "--user", server.role(key)


@pytest.mark.parametrize("key", ["reviewer", "clerk_a"])
def test_check_passes_for_a_station_on_a_prepared_server(server, capsys, monkeypatch, key):
    code, out, err = _check(capsys, _server_url(server), *_as_account(server, key, monkeypatch))
    assert code == 0 and "server rules: ok" in out and "!!!" not in err, err


def test_check_warns_loudly_for_the_owner(server):
    from jzhealth_desktop.services.pg_security import check_security

    # the database administrator's own login is a member of the owner role: the rules do not bind it
    engine = create_engine(server.url)
    try:
        with engine.connect() as conn:
            health = check_security(conn)
    finally:
        engine.dispose()
    assert health.ok and any("!!!" in en and server.prefix + "_owner" in en for _zh, en in health.warnings)


def test_check_through_the_cli_warns_for_the_administrators_login(server, capsys, monkeypatch):
    # the database administrator may act as an account (after migrate-store nobody else can sign in yet)
    code, out, err = _check(capsys, server.url, *_as_account(server, "admin", monkeypatch))
    assert code == 0 and "server rules: ok" in out and "!!!" in err, err


def test_an_account_cannot_sign_in_as_another(server, capsys, monkeypatch):
    monkeypatch.setenv("JZHEALTH_PASSWORD", PASSWORD)
    u = make_url(PG_URL)
    url = _with_schema(f"{u.drivername}://{server.role('clerk_a')}:{PASSWORD}@{u.host}:{u.port}/{u.database}",
                       server.schema)
    code, _out, err = _check(capsys, url, "--user", server.role("admin"))
    assert code == 1 and "wrong user name or password" in err


def test_check_fails_on_an_unprepared_server(pg_url, capsys):
    from jzhealth_desktop.cli import main

    assert main(["--db", pg_url, "init"]) == 0
    capsys.readouterr()
    code, _out, err = _check(capsys, pg_url)
    assert code == 1 and "server init" in err


@pytest.mark.parametrize("damage, told", [
    ("ALTER TABLE audit_log DISABLE TRIGGER jz_audit_stamp", "jz_audit_stamp"),
    ("ALTER TABLE target DISABLE ROW LEVEL SECURITY", "target"),
    ("GRANT UPDATE ON audit_log TO {prefix}_clerk", "UPDATE"),
    ("GRANT DELETE ON submission TO PUBLIC", "PUBLIC"),
])
def test_check_fails_when_a_rule_was_removed(server, capsys, monkeypatch, damage, told):
    server.as_owner(damage.format(prefix=server.prefix))
    code, _out, err = _check(capsys, _server_url(server), *_as_account(server, "reviewer", monkeypatch))
    assert code == 1 and told in err


# --- the program as a station ----------------------------------------------------------------------------------

def test_a_station_opens_without_writing_the_schema(server, monkeypatch):
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.store.engine import login_url

    before = server.as_owner("SELECT key, value FROM setting ORDER BY key")
    ctx = open_context(login_url(_server_url(server), server.role("clerk_a"), PASSWORD))
    try:
        assert A in ctx.org_units and B in ctx.org_units
    finally:
        ctx.close()
    assert server.as_owner("SELECT key, value FROM setting ORDER BY key") == before


def test_a_station_on_an_old_server_is_told_to_ask_the_administrator(server):
    from jzhealth_desktop.domain.errors import StoreError
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.store.engine import login_url

    server.as_owner("UPDATE alembic_version SET version_num = '0003'")
    with pytest.raises(StoreError, match="server init"):
        open_context(login_url(_server_url(server), server.role("reviewer"), PASSWORD))
    assert server.as_owner("SELECT version_num FROM alembic_version")[0][0] == "0003"


def _signed_in(server: Server, key: str):
    from jzhealth_desktop.services import accounts
    from jzhealth_desktop.services.context import open_context
    from jzhealth_desktop.store.engine import login_url

    ctx = open_context(login_url(_server_url(server), server.role(key), PASSWORD))
    accounts.sign_in(ctx, server.role(key), PASSWORD)
    return ctx


def _can_log_in(server: Server, name: str, password: str) -> bool:
    u = make_url(PG_URL)
    try:
        psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=name, password=password).close()
    except psycopg.OperationalError:
        return False
    return True


def test_users_add_passwd_and_disable_are_roles(server):
    from jzhealth_desktop.services import accounts

    new, first, second = server.role("new"), "Xq7#pLm2-wd9", "Rt5!kZn8-vb3"
    ctx = _signed_in(server, "admin")
    try:
        accounts.add_user(ctx, new, "clerk", first, org=B)
        assert _can_log_in(server, new, first)
        groups = server.as_owner("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member "
                                 "JOIN pg_roles b ON b.oid = m.roleid WHERE a.rolname = :n", {"n": new})
        assert [g[0] for g in groups] == [server.prefix + "_clerk"]
        accounts.set_password(ctx, new, second)
        assert not _can_log_in(server, new, first) and _can_log_in(server, new, second)
        accounts.update_user(ctx, new, role="reviewer", org="")
        groups = server.as_owner("SELECT b.rolname FROM pg_auth_members m JOIN pg_roles a ON a.oid = m.member "
                                 "JOIN pg_roles b ON b.oid = m.roleid WHERE a.rolname = :n", {"n": new})
        assert [g[0] for g in groups] == [server.prefix + "_reviewer"]
        accounts.update_user(ctx, new, active=False)
        assert not _can_log_in(server, new, second)
    finally:
        ctx.close()
    row = server.as_owner("SELECT user_name, subject FROM audit_log WHERE action = 'account' ORDER BY id")[0]
    assert tuple(row) == (server.role("admin"), new)  # the author is the server's word


def test_a_clerk_cannot_make_accounts_even_with_plain_sql(server):
    clerk = server.connect("clerk_a")
    _refused(clerk, "SELECT jz_account_sync(%s, 'x')", (server.role("reviewer"),))
    _refused(clerk, "SELECT jz_account_sync(%s)", (server.role("clerk_a"),))
    _refused(clerk, f"CREATE ROLE {quote_ident(server.role('new'))} LOGIN PASSWORD 'x'")
    assert not _can_log_in(server, server.role("reviewer"), "x")


def test_the_program_saves_submits_and_approves_on_a_prepared_server(server):
    from jzhealth_desktop.services import workflow
    from jzhealth_desktop.services.forms import read_form, save_form

    clerk = _signed_in(server, "clerk_a")
    try:
        figures = {i.code: "7" for i in clerk.catalogue.items.values() if i.domain == OPEN_DOMAIN and not i.derived}
        save_form(clerk, A, 2022, OPEN_DOMAIN, figures, {OPEN_ITEM: "新建"})
        assert read_form(clerk, A, 2022, OPEN_DOMAIN).values[OPEN_ITEM] == 7
        workflow.submit(clerk, A, 2022, OPEN_DOMAIN)
    finally:
        clerk.close()
    reviewer = _signed_in(server, "reviewer")
    try:
        workflow.approve(reviewer, A, 2022, OPEN_DOMAIN)
    finally:
        reviewer.close()
    assert server.as_owner("SELECT status, changed_by FROM submission WHERE org_code = :o AND year = 2022",
                           {"o": A})[0] == ("approved", server.role("reviewer"))


def test_a_migrated_store_is_prepared_and_keeps_its_audit(pg_demo_url, pg_admin, capsys):
    from jzhealth_desktop.services.pg_security import check_security

    prefix = f"jzm{uuid.uuid4().hex[:10]}"
    with pg_admin.connect() as conn:
        schema = make_url(pg_demo_url).query["options"].split("=")[1]
        audit_before = conn.execute(text(f'SELECT * FROM "{schema}".audit_log ORDER BY id')).all()
    try:
        init_server(pg_demo_url, prefix)
        engine = create_engine(pg_demo_url)
        try:
            with engine.connect() as conn:
                health = check_security(conn)
                assert conn.execute(text("SELECT * FROM audit_log ORDER BY id")).all() == audit_before
                hashes = {r[0] for r in conn.execute(text("SELECT password_hash FROM app_user"))}
        finally:
            engine.dispose()
        assert health.ok, health.problems
        assert audit_before and hashes <= {""}
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text("SET lock_timeout = '20s'"))
            # the tables now belong to the owner role: drop them with it (the fixture drops the schema)
            conn.execute(text(f'DROP OWNED BY "{prefix}_owner" CASCADE'))
            for group in ("clerk", "reviewer", "admin", "owner"):
                conn.execute(text(f'DROP ROLE IF EXISTS "{prefix}_{group}"'))
