"""The city server holds the rules itself: roles, grants, row-level security and SECURITY DEFINER functions.

``init_server`` is run once by the database administrator (a superuser, or a role with CREATEROLE that may
grant itself the owner role). It creates:

* ``<prefix>_owner`` (NOLOGIN) that owns the schema and every table: the program's migrations run as it
  (``SET ROLE``). No station logs in as it, so no station can ALTER, DISABLE TRIGGER or TRUNCATE anything.
* group roles ``<prefix>_clerk`` / ``_reviewer`` / ``_admin`` (NOLOGIN); accounts are LOGIN roles in one group
  and have a row in ``app_user`` under their role name, which gives a clerk its county (``jz_my_org()``).
* row-level security on data_value (figures and their comments), submission and target; the grants mirror
  services/access.py (RIGHTS) and the status moves mirror domain/submission.py (MOVES), both read from those
  modules when the SQL is built, so the server and the program state one rule.
* submission rows are written only through ``jz_submission_move()`` (SECURITY DEFINER), which checks the move.
* audit_log: INSERT (and SELECT) only; a trigger fills user_name/at from session_user/now().

Every statement is idempotent (CREATE … IF NOT EXISTS, CREATE OR REPLACE, DROP POLICY IF EXISTS first), so
running ``server init`` twice gives the same result. The pure SQL builders are separate from the runner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ..domain import submission as sub
from ..domain.errors import InputError, StoreError
from .access import ADMIN, CLERK, REVIEWER, RIGHTS

DEFAULT_PREFIX = "jzhealth"
# What PQencryptPasswordConn(…, "scram-sha-256") returns: SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
SCRAM_VERIFIER = r"^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$"
# app_user.password_hash of an account on a prepared server whose role has a password (PostgreSQL holds the
# SCRAM secret; the column holds no secret there). Never a valid scrypt hash, so it matches no password.
SERVER_SECRET = "postgresql:scram"
SERVER_OPERATOR = "城市服务器"  # the station operator a prepared server names (every station signs in as an account)
GROUPS = (CLERK, REVIEWER, ADMIN)
_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")
# Tables every station reads (the catalogue and settings); written only by the owner (migrations) or admin.
READ_ONLY = ("org_unit", "domain", "indicator", "alembic_version")
RLS_TABLES = ("data_value", "submission", "target")


@dataclass(frozen=True)
class Roles:
    prefix: str = DEFAULT_PREFIX

    def __post_init__(self):
        if not _IDENT.match(self.prefix):
            raise InputError(f"角色前缀“{self.prefix}”无效（只能用小写字母、数字、下划线）",
                             f"bad role prefix '{self.prefix}'")

    @property
    def owner(self) -> str:
        return f"{self.prefix}_owner"

    def group(self, role: str) -> str:
        return f"{self.prefix}_{role}"

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self.group(r) for r in GROUPS)


def quote_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _holds_right(roles: Roles, can_write_values: str, right: str) -> str:
    """SQL that is true when the session's groups hold the access right named by the SQL expression ``right``
    (a move's right: submit, review, or writing the form's figures)."""
    return f"""CASE {right}
                WHEN 'submission.submit' THEN {_in_groups(roles, "submission.submit")}
                WHEN 'submission.review' THEN {_in_groups(roles, "submission.review")}
                WHEN 'values.write' THEN {can_write_values}
                ELSE false END"""


def _in_groups(roles: Roles, right: str) -> str:
    """SQL: is the session's account in a group that holds ``right`` (access.py RIGHTS)?"""
    names = [roles.group(r) for r in GROUPS if r in RIGHTS[right]]
    return "(" + " OR ".join(f"(SELECT pg_has_role(session_user, {quote_literal(n)}, 'MEMBER'))" for n in names) + ")"


def role_statements(roles: Roles) -> list[str]:
    """Cluster-wide roles (NOLOGIN) — created only when missing."""
    out = []
    for name in (roles.owner, *roles.groups):
        out.append(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {quote_literal(name)}) "
                   f"THEN CREATE ROLE {quote_ident(name)} NOLOGIN; END IF; END $$")
    return out


def admin_option_statements(roles: Roles, server_version: int) -> list[str]:
    """PostgreSQL 16 changed CREATEROLE: a role may grant only roles it holds with ADMIN OPTION. The owner
    (through jz_account_sync) puts accounts into the groups, so it gets ADMIN on each group — without
    membership (INHERIT FALSE, SET FALSE), so it gains none of their rights. Before 16 CREATEROLE sufficed.
    The accounts it creates itself it administers automatically on 16."""
    if server_version < 160000:
        return []
    return [f"GRANT {quote_ident(g)} TO {quote_ident(roles.owner)} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE"
            for g in roles.groups]


def _move_table() -> str:
    """The moves of domain/submission.py as a SQL VALUES list (action, from, to, needs_reason, right)."""
    rows = []
    for move in sub.MOVES.values():
        for source in move.sources:
            rows.append(f"({quote_literal(move.action)}, {quote_literal(source)}, {quote_literal(move.target)}, "
                        f"{'true' if move.needs_reason else 'false'}, {quote_literal(move.right)})")
    return ", ".join(rows)


def security_statements(roles: Roles, schema: str) -> list[str]:
    """Functions, triggers, policies and grants, run as the owner inside ``schema``. Idempotent."""
    s = quote_ident(schema)
    owner = quote_ident(roles.owner)
    clerk, reviewer, admin = (quote_ident(roles.group(r)) for r in GROUPS)
    everyone = ", ".join(quote_ident(g) for g in roles.groups)
    definer = f"SECURITY DEFINER SET search_path = {s}, pg_temp"
    # Each wrapped in a scalar sub-select: in a policy PostgreSQL then works it out once per statement (an
    # InitPlan), not once per row (benchmarks/bench_pg.py measures the prepared server).
    is_clerk = f"(SELECT pg_has_role(session_user, {quote_literal(roles.group(CLERK))}, 'MEMBER'))"
    is_admin = f"(SELECT pg_has_role(session_user, {quote_literal(roles.group(ADMIN))}, 'MEMBER'))"
    can_write_values = _in_groups(roles, "values.write")
    can_write_targets = _in_groups(roles, "targets.write")
    can_write_deadlines = _in_groups(roles, "deadlines.write")
    # A clerk sees and writes its own county; the other groups the whole city.
    own_rows = f"(NOT {is_clerk} OR {is_admin} OR org_code = (SELECT {s}.jz_my_org()))"
    out = [
        # The clerk's county, read as the owner so app_user needs no policy of its own.
        f"CREATE OR REPLACE FUNCTION {s}.jz_my_org() RETURNS varchar LANGUAGE sql STABLE {definer} AS "
        f"$$ SELECT org_code FROM {s}.app_user WHERE name = session_user AND active $$",
        # Is the form (org, year, the indicator's domain) approved? Approved figures are locked for everyone.
        f"CREATE OR REPLACE FUNCTION {s}.jz_form_locked(p_org varchar, p_year integer, p_indicator varchar) "
        f"RETURNS boolean LANGUAGE sql STABLE {definer} AS $$ SELECT EXISTS (SELECT 1 FROM {s}.submission x "
        f"JOIN {s}.indicator i ON i.domain_code = x.domain_code WHERE x.org_code = p_org AND x.year = p_year "
        f"AND i.code = p_indicator AND x.status = {quote_literal(sub.APPROVED)}) $$",
        # The audit's author and time come from the server, never from the client. Only the owner (no station
        # can become it: the migrations and migrate-store's copy of an existing audit) writes rows as given.
        f"CREATE OR REPLACE FUNCTION {s}.jz_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN IF current_user <> {quote_literal(roles.owner)} AND NOT "
        f"(SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN "
        f"NEW.user_name := session_user; NEW.at := now() AT TIME ZONE 'UTC'; END IF; RETURN NEW; END $$",
        f"DROP TRIGGER IF EXISTS jz_audit_stamp ON {s}.audit_log",
        f"CREATE TRIGGER jz_audit_stamp BEFORE INSERT ON {s}.audit_log FOR EACH ROW "
        f"EXECUTE FUNCTION {s}.jz_audit_stamp()",
        # Status moves: the only way a station writes a submission row.
        f"""CREATE OR REPLACE FUNCTION {s}.jz_submission_move(p_org varchar, p_year integer, p_domain varchar,
                p_action varchar, p_reason text DEFAULT '') RETURNS varchar LANGUAGE plpgsql {definer} AS $$
            DECLARE cur varchar; ver integer; mv record; ok boolean; problem text;
            BEGIN
              IF {is_clerk} AND NOT {is_admin} AND p_org IS DISTINCT FROM jz_my_org() THEN
                RAISE EXCEPTION 'jz: not your county' USING ERRCODE = '42501';
              END IF;
              SELECT status, version INTO cur, ver FROM submission
                WHERE org_code = p_org AND year = p_year AND domain_code = p_domain FOR UPDATE;
              IF p_action = 'open' THEN  -- the first save of a form: an empty form becomes a draft
                IF NOT {can_write_values} THEN RAISE EXCEPTION 'jz: may not write figures' USING ERRCODE = '42501';
                END IF;
                IF cur IS NULL THEN
                  INSERT INTO submission (org_code, year, domain_code, status, changed_by, changed_at, reason, version)
                  VALUES (p_org, p_year, p_domain, {quote_literal(sub.DRAFT)}, session_user,
                          now() AT TIME ZONE 'UTC', '', {sub.FIRST_VERSION});
                  RETURN {quote_literal(sub.DRAFT)};
                END IF;
                RETURN cur;
              END IF;
              SELECT * INTO mv FROM (VALUES {_move_table()}) AS m(action, source, target, needs_reason, right_)
                WHERE m.action = p_action AND m.source = coalesce(cur, {quote_literal(sub.EMPTY)});
              IF NOT FOUND THEN
                RAISE EXCEPTION 'jz: cannot % a form that is %', p_action, coalesce(cur, 'empty')
                  USING ERRCODE = '42501';
              END IF;
              ok := {_holds_right(roles, can_write_values, "mv.right_")};
              IF NOT ok THEN RAISE EXCEPTION 'jz: may not %', p_action USING ERRCODE = '42501'; END IF;
              IF mv.needs_reason AND btrim(coalesce(p_reason, '')) = '' THEN
                RAISE EXCEPTION 'jz: a reason is required' USING ERRCODE = '22023';
              END IF;
              IF mv.target = {quote_literal(sub.SUBMITTED)} THEN
                problem := jz_submit_problem(p_org, p_year, p_domain);
                IF problem IS NOT NULL THEN
                  RAISE EXCEPTION 'jz: 未提交：%', problem USING ERRCODE = '23514';
                END IF;
              END IF;
              UPDATE submission SET status = mv.target, changed_by = session_user,
                     changed_at = now() AT TIME ZONE 'UTC', reason = coalesce(p_reason, ''), version = ver + 1
                WHERE org_code = p_org AND year = p_year AND domain_code = p_domain;
              INSERT INTO audit_log (at, user_name, action, org_code, year, subject, old_text, new_text, source, detail)
                VALUES (now() AT TIME ZONE 'UTC', session_user, 'status', p_org, p_year, p_domain, cur, mv.target,
                        'server', coalesce(p_reason, ''));
              RETURN mv.target;
            END $$""",
        # The program's own writes of a submission row (first save, edit back to draft, workflow, import) are
        # checked by this trigger with the same move table: a station that is not the owner can only make a move
        # its group holds, from the state the row is in; the author and time are the server's.
        f"""CREATE OR REPLACE FUNCTION {s}.jz_submission_guard() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE mv record; ok boolean; problem text;
            BEGIN
              IF current_user = {quote_literal(roles.owner)}
                 OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN RETURN NEW; END IF;
              NEW.changed_by := session_user; NEW.changed_at := now() AT TIME ZONE 'UTC';
              IF TG_OP = 'INSERT' THEN
                IF NEW.status <> {quote_literal(sub.DRAFT)} OR NOT {can_write_values} THEN
                  RAISE EXCEPTION 'jz: a new form starts as a draft' USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
              END IF;
              IF (NEW.org_code, NEW.year, NEW.domain_code) IS DISTINCT FROM (OLD.org_code, OLD.year, OLD.domain_code)
              THEN RAISE EXCEPTION 'jz: a form keeps its key' USING ERRCODE = '42501'; END IF;
              IF NEW.status = OLD.status THEN RETURN NEW; END IF;
              SELECT * INTO mv FROM (VALUES {_move_table()}) AS m(action, source, target, needs_reason, right_)
                WHERE m.source = OLD.status AND m.target = NEW.status
                ORDER BY m.right_ = 'values.write' LIMIT 1;
              IF NOT FOUND THEN
                RAISE EXCEPTION 'jz: % cannot become %', OLD.status, NEW.status USING ERRCODE = '42501';
              END IF;
              ok := {_holds_right(roles, can_write_values, "mv.right_")};
              IF NOT ok THEN RAISE EXCEPTION 'jz: may not %', mv.action USING ERRCODE = '42501'; END IF;
              IF NEW.status = {quote_literal(sub.SUBMITTED)} THEN
                problem := {s}.jz_submit_problem(NEW.org_code, NEW.year, NEW.domain_code);
                IF problem IS NOT NULL THEN
                  RAISE EXCEPTION 'jz: 未提交：%', problem USING ERRCODE = '23514';
                END IF;
              END IF;
              RETURN NEW;
            END $$""",
        f"DROP TRIGGER IF EXISTS jz_submission_guard ON {s}.submission",
        f"CREATE TRIGGER jz_submission_guard BEFORE INSERT OR UPDATE ON {s}.submission FOR EACH ROW "
        f"EXECUTE FUNCTION {s}.jz_submission_guard()",
        # Accounts are LOGIN roles: the app_user row (written by the program as an administrator) is mirrored onto
        # its role — group, LOGIN/NOLOGIN, password (SCRAM, the server's password_encryption). Only roles that are
        # accounts are touched: never a superuser, the owner or a group.
        # The password arrives as a SCRAM-SHA-256 verifier computed by the client (services.accounts), never in
        # clear: a function's arguments show in pg_stat_activity and in a log_statement=all log. Anything else
        # is refused (ALTER ROLE … PASSWORD would hash a clear text itself).
        f"DROP FUNCTION IF EXISTS {s}.jz_account_sync(varchar, text)",
        f"""CREATE FUNCTION {s}.jz_account_sync(p_name varchar, p_verifier text DEFAULT NULL)
            RETURNS void LANGUAGE plpgsql {definer} AS $$
            DECLARE acc record; g text; self_only boolean;
            BEGIN
              self_only := p_name = session_user AND p_verifier IS NOT NULL;
              IF NOT ({is_admin} OR pg_has_role(session_user, {quote_literal(roles.owner)}, 'MEMBER')
                      OR self_only) THEN
                RAISE EXCEPTION 'jz: only an administrator manages accounts' USING ERRCODE = '42501';
              END IF;
              IF p_verifier IS NOT NULL AND p_verifier !~ {quote_literal(SCRAM_VERIFIER)} THEN
                RAISE EXCEPTION 'jz: a password is given as its SCRAM-SHA-256 verifier only' USING ERRCODE = '22023';
              END IF;
              SELECT * INTO acc FROM app_user WHERE name = p_name;
              IF NOT FOUND THEN RAISE EXCEPTION 'jz: no account %', p_name USING ERRCODE = '42704'; END IF;
              IF p_name IN ({", ".join(quote_literal(n) for n in (roles.owner, *roles.groups))})
                 OR EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name AND (rolsuper OR rolcreaterole)) THEN
                RAISE EXCEPTION 'jz: % is not an account role', p_name USING ERRCODE = '42501';
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', p_name);
              END IF;
              IF p_verifier IS NOT NULL THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_verifier);
                UPDATE app_user SET password_hash = {quote_literal(SERVER_SECRET)} WHERE name = p_name;
                acc.password_hash := {quote_literal(SERVER_SECRET)};
              END IF;
              IF self_only AND NOT ({is_admin} OR pg_has_role(session_user, {quote_literal(roles.owner)}, 'MEMBER'))
              THEN RETURN; END IF;
              FOREACH g IN ARRAY ARRAY[{", ".join(quote_literal(g) for g in roles.groups)}] LOOP
                IF g = {quote_literal(roles.prefix + "_")} || acc.role THEN
                  EXECUTE format('GRANT %I TO %I', g, p_name);
                ELSE
                  EXECUTE format('REVOKE %I FROM %I', g, p_name);
                END IF;
              END LOOP;
              -- LOGIN only once the role has a password (an account copied by migrate-store waits for one)
              EXECUTE format('ALTER ROLE %I %s', p_name, CASE WHEN acc.active
                AND acc.password_hash = {quote_literal(SERVER_SECRET)} THEN 'LOGIN' ELSE 'NOLOGIN' END);
            END $$""",
        # Schema and table privileges: the stations hold only what their group needs.
        f"REVOKE ALL ON SCHEMA {s} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {s} TO {everyone}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC, {everyone}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION {s}.jz_my_org(), {s}.jz_form_locked(varchar, integer, varchar), "
        f"{s}.jz_submission_move(varchar, integer, varchar, varchar, text), {s}.jz_account_sync(varchar, text), "
        f"{s}.jz_submit_problem(varchar, integer, varchar), {s}.jz_submit_rules(), {s}.jz_submit_caps(), "
        f"{s}.jz_submit_cross() TO {everyone}",
        *(f"GRANT SELECT ON {s}.{t} TO {everyone}" for t in (*READ_ONLY, *RLS_TABLES, "deadline", "setting")),
        # The program reads whole account rows; on the server they hold no secret (PostgreSQL keeps the SCRAM
        # verifiers), so the hashes a SQLite store brought along are emptied. SERVER_SECRET marks an account
        # whose role has a password; an account that could log in before that mark existed keeps its login.
        f"UPDATE {s}.app_user SET password_hash = '' WHERE password_hash NOT IN ('', {quote_literal(SERVER_SECRET)})",
        f"UPDATE {s}.app_user u SET password_hash = {quote_literal(SERVER_SECRET)} WHERE password_hash = '' "
        f"AND EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = u.name AND r.rolcanlogin)",
        f"GRANT SELECT ON {s}.app_user TO {everyone}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {s}.app_user, {s}.setting TO {admin}",
        f"GRANT INSERT, UPDATE, DELETE ON {s}.data_value TO {clerk}, {admin}",
        f"GRANT INSERT, UPDATE ON {s}.submission TO {everyone}",  # every row through jz_submission_guard
        f"GRANT INSERT, UPDATE, DELETE ON {s}.target, {s}.deadline TO {reviewer}, {admin}",
        f"GRANT SELECT, INSERT ON {s}.audit_log TO {everyone}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {everyone}",
        # Row-level security (the owner is exempt: it runs the migrations; no station is the owner).
        *(f"ALTER TABLE {s}.{t} ENABLE ROW LEVEL SECURITY" for t in (*RLS_TABLES, "audit_log")),
    ]
    policies = {
        "data_value": [
            ("jz_read", "SELECT", own_rows, None),
            ("jz_insert", "INSERT", None,
             f"{can_write_values} AND {own_rows} AND NOT {s}.jz_form_locked(org_code, year, indicator_code)"),
            ("jz_update", "UPDATE", f"{own_rows} AND NOT {s}.jz_form_locked(org_code, year, indicator_code)",
             f"{can_write_values} AND {own_rows} AND NOT {s}.jz_form_locked(org_code, year, indicator_code)"),
            ("jz_delete", "DELETE",
             f"{can_write_values} AND {own_rows} AND NOT {s}.jz_form_locked(org_code, year, indicator_code)", None),
        ],
        "submission": [
            ("jz_read", "SELECT", own_rows, None),
            ("jz_insert", "INSERT", None, own_rows),
            ("jz_update", "UPDATE", own_rows, own_rows),
        ],
        "target": [
            ("jz_read", "SELECT", own_rows, None),
            ("jz_write", "ALL", can_write_targets, can_write_targets),
        ],
        "audit_log": [
            ("jz_read", "SELECT", f"(org_code IS NULL OR {own_rows})", None),
            ("jz_insert", "INSERT", None, f"(org_code IS NULL OR {own_rows})"),
        ],
    }
    del can_write_deadlines  # deadlines carry no county: their grant alone says who writes them
    for table, items in policies.items():
        for name, command, using, check in items:
            out.append(f"DROP POLICY IF EXISTS {name} ON {s}.{table}")
            sql = f"CREATE POLICY {name} ON {s}.{table} FOR {command} TO {everyone}"
            if using:
                sql += f" USING ({using})"
            if check:
                sql += f" WITH CHECK ({check})"
            out.append(sql)
    out.append(f"ALTER TABLE {s}.app_user OWNER TO {owner}")  # no-op when the migrations made it (idempotent)
    return out


def submit_rule_statements(schema: str, catalogue) -> list[str]:
    """The catalogue's submit checks (domain/rules.py ``check`` + ``needing_comment``) as functions the owner
    regenerates at every ``server init`` (the one place a prepared server's catalogue is synced): required
    figures, hard bounds, usual ranges and the change on last year (``jz_submit_rules()``), capped rates
    (``jz_submit_caps()``) and the cross-field rules (``jz_submit_cross()``). Functions, not tables: a table the
    program has no model for would make migrate-store take the store for a foreign one.

    ``jz_submit_problem(org, year, domain)`` gives the first problem of a form in the program's order (blocking
    problems first, then the warnings without a comment on their field), or NULL; the submission guard and
    ``jz_submission_move`` refuse a submit with it. It runs as its caller (row-level security applies: a clerk
    learns nothing about another county). Exact arithmetic: the change on last year is compared as
    |now − last| × 100 ≤ threshold × |last| (no division); a comment counts when it holds more than blanks,
    tabs and line breaks (the program's ``strip`` also drops other Unicode spaces, so the server is never
    stricter than the program)."""
    from ..domain.catalogue import Indicator

    s = quote_ident(schema)

    def num(value) -> str:
        return "NULL::numeric" if value is None else f"{value}::numeric"

    def codes(items) -> str:
        return "ARRAY[" + ", ".join(quote_literal(c) for c in items) + "]::varchar[]"

    rules, position = [], 0
    for dom in catalogue.domains:
        for code in dom.codes:
            item = catalogue.items[code]
            if not isinstance(item, Indicator):
                continue
            position += 1
            threshold = catalogue.yoy_default if item.yoy is None else item.yoy
            rules.append(f"({position}, {quote_literal(dom.code)}, {quote_literal(code)}, {quote_literal(item.name)}, "
                         f"{quote_literal(item.level)}, {'true' if item.required else 'false'}, {num(item.min)}, "
                         f"{num(item.max)}, {num(item.soft_min)}, {num(item.soft_max)}, "
                         f"{num(str(threshold) if threshold > 0 else None)})")
    caps = [f"({quote_literal(r.numerator)}, {quote_literal(r.denominator)}, "
            f"{quote_literal(catalogue.items[r.numerator].name)}, {quote_literal(catalogue.items[r.denominator].name)})"
            for r in catalogue.rates() if r.capped]
    caps = caps or ["(NULL::varchar, NULL::varchar, NULL::varchar, NULL::varchar)"]
    cross = [f"({n}, {quote_literal(r.severity)}, {codes(r.left)}, {quote_literal(r.op)}, {codes(r.right)}, "
             f"{r.right_constant}::numeric, {quote_literal(r.zh)})" for n, r in enumerate(catalogue.rules, 1)]
    cross = cross or ["(0, 'hard', ARRAY[]::varchar[], '==', ARRAY[]::varchar[], 0::numeric, '')"]
    value = "(v.num::numeric / (10::numeric ^ v.scale))"
    blank = "(btrim(coalesce({c}, ''), E' \\t\\r\\n') = '')"
    return [
        # The result columns changed since the first version: drop before re-creating (the same transaction).
        f"DROP FUNCTION IF EXISTS {s}.jz_submit_rules()",
        f"CREATE FUNCTION {s}.jz_submit_rules() RETURNS TABLE (pos integer, domain_code varchar, code varchar, "
        f"name varchar, level varchar, required boolean, min_value numeric, max_value numeric, soft_min numeric, "
        f"soft_max numeric, change_pct numeric) LANGUAGE sql IMMUTABLE AS $$ VALUES {', '.join(rules)} $$",
        f"CREATE OR REPLACE FUNCTION {s}.jz_submit_caps() RETURNS TABLE (numerator varchar, denominator varchar, "
        f"numerator_name varchar, denominator_name varchar) LANGUAGE sql IMMUTABLE AS $$ VALUES {', '.join(caps)} $$",
        f"CREATE OR REPLACE FUNCTION {s}.jz_submit_cross() RETURNS TABLE (n integer, severity varchar, "
        f"left_codes varchar[], op varchar, right_codes varchar[], right_constant numeric, zh varchar) "
        f"LANGUAGE sql IMMUTABLE AS $$ VALUES {', '.join(cross)} $$",
        f"""CREATE OR REPLACE FUNCTION {s}.jz_submit_problem(p_org varchar, p_year integer, p_domain varchar)
            RETURNS text LANGUAGE sql STABLE SET search_path = {s}, pg_temp AS $$
            WITH unit AS (SELECT level FROM org_unit WHERE code = p_org),
            vals AS (SELECT v.indicator_code AS code, {value} AS val, v.comment FROM data_value v
                     WHERE v.org_code = p_org AND v.year = p_year),
            prev AS (SELECT v.indicator_code AS code, {value} AS val FROM data_value v
                     WHERE v.org_code = p_org AND v.year = p_year - 1),
            form AS (SELECT r.*, x.val, x.comment, l.val AS last_val FROM jz_submit_rules() r
                     LEFT JOIN vals x ON x.code = r.code LEFT JOIN prev l ON l.code = r.code
                     WHERE r.domain_code = p_domain AND (r.level <> 'city' OR (SELECT level FROM unit) = 'city')),
            sides AS (
              SELECT c.*,
                (SELECT CASE WHEN count(x.val) = count(*) THEN coalesce(sum(x.val), 0) END
                   FROM unnest(c.left_codes) AS k(code) LEFT JOIN vals x ON x.code = k.code) AS lhs,
                (SELECT CASE WHEN count(x.val) = count(*) THEN coalesce(sum(x.val), 0) + c.right_constant END
                   FROM unnest(c.right_codes) AS k(code) LEFT JOIN vals x ON x.code = k.code) AS rhs,
                (SELECT comment FROM vals WHERE vals.code = c.left_codes[1]) AS comment
              FROM jz_submit_cross() c
              WHERE EXISTS (SELECT 1 FROM form f WHERE f.code = ANY(c.left_codes || c.right_codes))),
            broken AS (SELECT * FROM sides WHERE lhs IS NOT NULL AND rhs IS NOT NULL AND NOT CASE op
                         WHEN '<=' THEN lhs <= rhs WHEN '>=' THEN lhs >= rhs WHEN '==' THEN lhs = rhs
                         WHEN '<' THEN lhs < rhs WHEN '>' THEN lhs > rhs ELSE true END),
            found AS (
              -- what blocks: a missing required figure, a hard bound, a capped rate, a hard rule
              SELECT pos AS rank, CASE WHEN val IS NULL THEN '「' || name || '」为必填项'
                               WHEN val < min_value AND min_value = 0 THEN '「' || name || '」不能为负数'
                               WHEN val < min_value THEN '「' || name || '」不能小于 ' || min_value
                               ELSE '「' || name || '」不能大于 ' || max_value END AS problem
                FROM form WHERE (val IS NULL AND required) OR val < min_value OR val > max_value
              UNION ALL
              SELECT 1000000, '「' || c.numerator_name || '」（' || trim_scale(n.val) || '）不能大于「'
                              || c.denominator_name || '」（' || trim_scale(d.val) || '）'
                FROM jz_submit_caps() c
                JOIN vals n ON n.code = c.numerator JOIN vals d ON d.code = c.denominator
                WHERE n.val > d.val AND EXISTS (SELECT 1 FROM form WHERE code IN (c.numerator, c.denominator))
              UNION ALL
              SELECT 2000000 + n, zh || '（' || trim_scale(lhs) || ' / ' || trim_scale(rhs) || '）'
                FROM broken WHERE severity = 'hard'
              UNION ALL
              -- then the warnings that need a comment on their field
              SELECT 3000000 + pos, CASE WHEN val < soft_min OR val > soft_max
                                         THEN '「' || name || '」超出通常范围，请填写说明'
                                         ELSE '「' || name || '」比上年变化超过 ' || trim_scale(change_pct)
                                              || '%，请填写说明' END
                FROM form WHERE val IS NOT NULL AND {blank.format(c="comment")}
                 AND (val < soft_min OR val > soft_max OR (last_val IS NOT NULL AND last_val <> 0
                      AND change_pct IS NOT NULL AND abs(val - last_val) * 100 > change_pct * abs(last_val)))
              UNION ALL
              SELECT 4000000 + n, zh || '，请填写说明' FROM broken WHERE severity = 'soft' AND {blank.format(c="comment")})
            SELECT problem FROM found ORDER BY rank LIMIT 1 $$""",
    ]


def url_schema(url: str) -> str:
    """The schema a URL's ``options=-csearch_path=…`` names, else ``public``."""
    options = make_url(url).query.get("options", "")
    if isinstance(options, tuple):
        options = " ".join(options)
    found = re.search(r"search_path=([^\s,]+)", options)
    return found.group(1).strip('"') if found else "public"


@dataclass
class InitReport:
    schema: str
    owner: str
    groups: tuple[str, ...]
    revision: str


def init_server(admin_url: str, prefix: str = DEFAULT_PREFIX) -> InitReport:
    """Create the owner and group roles, the schema (migrated as the owner) and the rules. Idempotent."""
    from ..store.migrate import HEAD, check_revision

    if make_url(admin_url).get_backend_name() != "postgresql":
        raise InputError("server init 只用于 PostgreSQL 服务器（--db postgresql+psycopg://…）",
                         "server init is for a PostgreSQL server only")
    roles = Roles(prefix)
    schema = url_schema(admin_url)
    engine = create_engine(admin_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('jzhealth server init'))"))
            for sql in role_statements(roles):
                conn.execute(text(sql))
            me = conn.execute(text("SELECT current_user")).scalar()
            is_super = conn.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
            if not is_super:  # CREATEROLE: become a member of the owner so SET ROLE works
                conn.execute(text(f"GRANT {quote_ident(roles.owner)} TO {quote_ident(me)}"))
            # The owner creates account roles, only through jz_account_sync (no station logs in as it).
            conn.execute(text(f"ALTER ROLE {quote_ident(roles.owner)} CREATEROLE"))
            version = int(conn.execute(text("SHOW server_version_num")).scalar())
            for sql in admin_option_statements(roles, version):
                conn.execute(text(sql))
            exists = conn.execute(text("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = :s"),
                                  {"s": schema}).scalar()
            if exists is None:
                conn.execute(text(f"CREATE SCHEMA {quote_ident(schema)} AUTHORIZATION {quote_ident(roles.owner)}"))
            elif exists.strip('"') != roles.owner:
                conn.execute(text(f"GRANT USAGE, CREATE ON SCHEMA {quote_ident(schema)} TO {quote_ident(roles.owner)}"))
            _hand_to_owner(conn, schema, roles.owner)
            conn.execute(text(f"SET LOCAL ROLE {quote_ident(roles.owner)}"))
            conn.execute(text(f"SET LOCAL search_path = {quote_ident(schema)}"))
            has_version = conn.execute(text("SELECT to_regclass(:t)"), {"t": f'{quote_ident(schema)}.alembic_version'}
                                       ).scalar()
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() if has_version else None
            check_revision(revision, schema)
            if revision != HEAD:
                _migrate(conn)
            _seed(conn)
            from .context import shipped_catalogue

            for sql in submit_rule_statements(schema, shipped_catalogue()) + security_statements(roles, schema):
                conn.execute(text(sql))
            conn.execute(text("RESET ROLE"))
    except Exception as exc:
        if isinstance(exc, (InputError, StoreError)):
            raise
        raise StoreError(f"服务器初始化失败，未作任何改动：{str(exc).splitlines()[0]}",
                         f"server init failed, nothing changed: {exc}") from None
    finally:
        engine.dispose()
    return InitReport(schema, roles.owner, roles.groups, HEAD)


def _hand_to_owner(conn, schema: str, owner: str) -> None:
    """Tables a migrate-store (or an older shared login) made belong to whoever made them: give them, their
    sequences and functions to the owner role, so the rules apply to that login too."""
    rows = conn.execute(text(
        "SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.relname FROM pg_class c "
        "WHERE c.relnamespace = CAST(:s AS regnamespace) AND c.relkind IN ('r', 'p', 'S') "
        "AND c.relowner <> CAST(:o AS regrole) AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d "
        "WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))"), {"s": schema, "o": owner}).all()
    for kind, name in rows:
        conn.execute(text(f"ALTER {kind} {quote_ident(schema)}.{quote_ident(name)} OWNER TO {quote_ident(owner)}"))
    for (signature,) in conn.execute(text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = CAST(:s AS regnamespace) "
            "AND p.proowner <> CAST(:o AS regrole)"), {"s": schema, "o": owner}):
        conn.execute(text(f"ALTER FUNCTION {signature} OWNER TO {quote_ident(owner)}"))


def _migrate(conn) -> None:
    """Run the program's migrations on this connection (already SET ROLE owner, in its transaction)."""
    from alembic import command
    from alembic.config import Config

    from ..paths import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _seed(conn) -> None:
    """What open_context does on a store it may write: the identity, the org units once, the catalogue.
    On a prepared server only the owner may do it, so server init does it (stations no longer do)."""
    import uuid

    from sqlalchemy.orm import Session

    from .context import shipped_catalogue, shipped_org_units
    from ..store.migrate import STORE_ID
    from ..store.sync import get_setting, put_setting, sync_catalogue, sync_org_units

    session = Session(bind=conn)
    if not get_setting(session, STORE_ID):
        put_setting(session, STORE_ID, uuid.uuid4().hex)
    if not get_setting(session, "org_units_synced"):
        sync_org_units(session, shipped_org_units())
        put_setting(session, "org_units_synced", "1")
    sync_catalogue(session, shipped_catalogue())
    session.flush()
    ensure_station(conn)


def ensure_station(conn) -> None:
    """The server is the city's store: a store without a station set-up is named the city station. Stations sign
    in as accounts (a clerk sees its county), and none may write the settings the window's set-up would ask for."""
    if conn.execute(text("SELECT 1 FROM setting WHERE key = 'station_type' AND value <> ''")).scalar():
        return
    city = conn.execute(text("SELECT code FROM org_unit WHERE level = 'city' ORDER BY code LIMIT 1")).scalar()
    for key, value in (("station_type", "city"), ("station_org", city or ""), ("operator", SERVER_OPERATOR)):
        conn.execute(text("DELETE FROM setting WHERE key = :k"), {"k": key})
        conn.execute(text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value})


@dataclass
class SecurityHealth:
    problems: list[tuple[str, str]]  # (zh, en): the server does not hold the rules — `check` fails
    warnings: list[tuple[str, str]]  # the rules hold, but this connection is not bound by them

    @property
    def ok(self) -> bool:
        return not self.problems


# Writes no station group may hold, whatever else was granted by hand: the audit and the states.
_FORBIDDEN = {"audit_log": ("UPDATE", "DELETE", "TRUNCATE"), "submission": ("DELETE", "TRUNCATE"),
              "app_user": ("TRUNCATE",), "data_value": ("TRUNCATE",), "target": ("TRUNCATE",)}
_TRIGGERS = ("audit_log_no_change", "jz_audit_stamp", "jz_submission_guard")
_FUNCTIONS = ("jz_my_org", "jz_form_locked", "jz_submission_move", "jz_account_sync")


def check_security(conn) -> SecurityHealth:
    """Are the roles, policies, grants and triggers of ``server init`` in place in the connection's schema, and is
    this connection a station (not the owner, not a superuser)? Reads the catalogue only."""
    problems: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    me, is_super = conn.execute(text("SELECT session_user, rolsuper FROM pg_roles WHERE rolname = session_user")).one()
    owner = conn.execute(text("SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass('data_value')")
                         ).scalar()
    owner = (owner or "").strip('"')
    if is_super:
        warnings.append((f"！！！当前以超级用户“{me}”连接：服务器上的权限规则对此连接不起作用，工作站切勿如此连接",
                         f"!!! connected as the superuser '{me}': the server's rules do not bind this connection"))
    elif owner and conn.execute(text("SELECT pg_has_role(session_user, :o, 'MEMBER')"), {"o": owner}).scalar():
        warnings.append((f"！！！当前以数据所有者“{owner}”（或其成员“{me}”）连接：可改动任何数据与审计，工作站切勿如此连接",
                         f"!!! connected as the owner '{owner}' (or its member '{me}'): it can change anything"))
    if not owner.endswith("_owner"):
        problems.append(("服务器未用 jzhealth server init 准备：所有数据归登录账户“%s”所有，任何工作站都能改动任何数据与审计" % owner,
                         f"the server was not prepared with `jzhealth server init`: the tables belong to '{owner}'"))
        return SecurityHealth(problems, warnings)
    rls = dict(conn.execute(text(
        "SELECT relname, relrowsecurity FROM pg_class WHERE relnamespace = current_schema()::regnamespace "
        "AND relname IN ('data_value', 'submission', 'target', 'audit_log')")).all())
    policies = {r[0] for r in conn.execute(text("SELECT DISTINCT tablename FROM pg_policies "
                                                "WHERE schemaname = current_schema()"))}
    for table in (*RLS_TABLES, "audit_log"):
        if not rls.get(table) or table not in policies:
            problems.append((f"表 {table} 未启用行级安全策略", f"row-level security is off on {table}"))
    triggers = dict(conn.execute(text(
        "SELECT tgname, tgenabled FROM pg_trigger WHERE tgrelid IN (to_regclass('audit_log'), to_regclass('submission'))"
        " AND NOT tgisinternal")
    ).all())
    for name in _TRIGGERS:
        if triggers.get(name) != "O":
            problems.append((f"触发器 {name} 缺失或被停用", f"trigger {name} is missing or disabled"))
    functions = {r[0] for r in conn.execute(text(
        "SELECT proname FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND prosecdef"))}
    for name in _FUNCTIONS:
        if name not in functions:
            problems.append((f"服务器函数 {name} 缺失", f"server function {name} is missing"))
    for table, privileges in _FORBIDDEN.items():
        held = conn.execute(text(
            "SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, a.privilege_type "
            "FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = to_regclass(:t) AND a.grantee <> c.relowner "
            "AND a.privilege_type = ANY(:p)"), {"t": table, "p": list(privileges)}).all()
        for grantee, privilege in held:
            problems.append((f"{grantee} 对表 {table} 有不应有的 {privilege} 权限",
                             f"{grantee} holds {privilege} on {table}, which no station may"))
    return SecurityHealth(problems, warnings)


def is_secured(conn) -> bool:
    """Was this PostgreSQL schema prepared by ``server init`` (its tables belong to a ``*_owner`` role)?"""
    owner = conn.execute(text("SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass('data_value')")
                         ).scalar()
    return bool(owner) and owner.strip('"').endswith("_owner") and bool(conn.execute(text(
        "SELECT 1 FROM pg_proc WHERE proname = 'jz_submission_move' "
        "AND pronamespace = current_schema()::regnamespace")).scalar())


def session_account(conn) -> str:
    """The account this connection signed in as: PostgreSQL checked its password (SCRAM)."""
    return conn.execute(text("SELECT session_user")).scalar()


def is_database_admin(conn) -> bool:
    """Is this connection a superuser or a member of the schema's owner (it is not bound by the rules anyway)?"""
    owner = conn.execute(text("SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass('data_value')")
                         ).scalar()
    return bool(conn.execute(text(
        "SELECT rolsuper OR (CAST(:o AS text) IS NOT NULL AND pg_has_role(session_user, CAST(:o AS text), 'MEMBER')) "
        "FROM pg_roles "
        "WHERE rolname = session_user"), {"o": (owner or "").strip('"') or None}).scalar())


def table_owner(conn) -> str | None:
    """The role that owns the store's tables (``<prefix>_owner`` on a prepared server)."""
    owner = conn.execute(text("SELECT relowner::regrole::text FROM pg_class WHERE oid = to_regclass('data_value')")
                         ).scalar()
    return owner.strip('"') if owner else None


@dataclass(frozen=True)
class AccountRoles:
    made: tuple[str, ...]  # every account, now a role in its group
    waiting: tuple[str, ...]  # of those, the ones without a password yet (NOLOGIN): `users passwd NAME`


def make_account_roles(conn) -> AccountRoles:
    """Every account of a prepared store becomes a role in its group (jz_account_sync without a password, so
    NOLOGIN until the administrator sets one: SQLite's scrypt hashes cannot become SCRAM secrets, and are
    emptied). Run by the database administrator, in the caller's transaction. An account whose name is a
    database administrator role, the owner or a group is refused by the function (the whole transaction)."""
    owner = table_owner(conn)
    conn.execute(text(f"SET LOCAL ROLE {quote_ident(owner)}"))
    conn.execute(text("UPDATE app_user SET password_hash = '' WHERE password_hash <> :m"), {"m": SERVER_SECRET})
    ensure_station(conn)  # a source store never set up: the city station, as server init names it
    names = [r[0] for r in conn.execute(text("SELECT name FROM app_user ORDER BY name"))]
    for name in names:
        conn.execute(text("SELECT jz_account_sync(:n, NULL)"), {"n": name})
    waiting = [r[0] for r in conn.execute(text(
        "SELECT name FROM app_user WHERE active AND password_hash <> :m ORDER BY name"), {"m": SERVER_SECRET})]
    conn.execute(text("RESET ROLE"))
    return AccountRoles(tuple(names), tuple(waiting))


def role_conflicts(conn, names: list[str]) -> list[str]:
    """Account names that cannot become account roles here: a superuser or CREATEROLE role, or one of the
    server's own (owner, groups). Read before migrate-store writes anything."""
    owner = table_owner(conn) or ""
    prefix = owner[: -len("_owner")] if owner.endswith("_owner") else DEFAULT_PREFIX
    own = {Roles(prefix).owner, *Roles(prefix).groups}
    taken = {r[0] for r in conn.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:n) AND (rolsuper OR rolcreaterole)"), {"n": names})}
    return sorted(n for n in names if n in own or n in taken)
