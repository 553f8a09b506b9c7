"""Queries on values, targets, submissions and the audit log, written for speed (Core, not ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from itertools import chain
from typing import Iterable, Sequence, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from ..domain.submission import DRAFT, FIRST_VERSION
from ..domain.values import Value, from_scaled
from .models import AuditEntry, DataValue, Submission, Target

# A value row as written in bulk: (org, year, code, num, scale, comment), num the integer value × 10^scale.
ValueWrite = tuple[str, int, str, int, int, str]
# An audit row of one change, as written in bulk: (action, org, year, subject, old text, new text, detail).
AuditWrite = tuple[str, str, int, str, str, str, str]

# the tables themselves, for Core statements (bulk writes, plain-tuple reads)
# (a declarative model's ``__table__`` is typed as any FromClause; these are Tables, as ``update``/``delete`` need)
VALUES_TABLE = cast(Table, DataValue.__table__)
AUDIT_TABLE = cast(Table, AuditEntry.__table__)


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class StoredValue:
    value: Value
    comment: str
    updated_by: str
    updated_at: datetime
    version: int

    @property
    def stamp(self) -> str:
        """Identifies this stored state of the value (optimistic concurrency: changed stamp = changed since read)."""
        return f"{self.version}@{self.updated_at.isoformat()}"


def load_values(session: Session, org: str, year: int, codes: Iterable[str] | None = None) -> dict[str, StoredValue]:
    cols = VALUES_TABLE.c
    query = select(cols.indicator_code, cols.num, cols.scale, cols.comment, cols.updated_by,
                   cols.updated_at, cols.version).where(cols.org_code == org, cols.year == year)
    if codes is not None:
        query = query.where(cols.indicator_code.in_(list(codes)))
    return {code: StoredValue(from_scaled(num, scale), comment, by, at, version)
            for code, num, scale, comment, by, at, version in session.execute(query)}


def load_plain(session: Session, org: str, years: Sequence[int]) -> dict[int, dict[str, Value]]:
    """Just the values of several years at once: {year: {code: value}}."""
    cols = VALUES_TABLE.c
    result: dict[int, dict[str, Value]] = {year: {} for year in years}
    query = select(cols.year, cols.indicator_code, cols.num, cols.scale).where(
        cols.org_code == org, cols.year.in_(list(years)))
    for year, code, num, scale in session.execute(query):
        result[year][code] = from_scaled(num, scale)
    return result


def load_values_many(session: Session, orgs: Sequence[str], years: Sequence[int]
                     ) -> dict[tuple[str, int], dict[str, StoredValue]]:
    """Every stored value of the given org units and years, in one query: {(org, year): {code: value}}."""
    cols = VALUES_TABLE.c
    result: dict[tuple[str, int], dict[str, StoredValue]] = {}
    query = select(cols.org_code, cols.year, cols.indicator_code, cols.num, cols.scale, cols.comment,
                   cols.updated_by, cols.updated_at, cols.version).where(
        cols.org_code.in_(list(orgs)), cols.year.in_(list(years)))
    for org, year, code, num, scale, comment, by, at, version in session.execute(query):
        result.setdefault((org, year), {})[code] = StoredValue(from_scaled(num, scale), comment, by, at, version)
    return result


# Parameters one statement may carry: SQLite before 3.32 allowed 999 (PostgreSQL 65 535); bulk inserts stay under.
MAX_PARAMETERS = 999


def bulk_insert(session: Session, table, columns: Sequence[str], rows: list[tuple],
                constants: dict[str, object] | None = None) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` within the session's transaction,
    through the plain DBAPI: for large inserts (imports, demo) SQLAlchemy's per-row parameter processing costs
    more than the database's own work. Dialect details stay here.

    Each statement inserts many rows (``VALUES (...), (...), ...``, as many as ``MAX_PARAMETERS`` allows): run
    once per row, a statement is started, and opens its table, its indexes and the tables its foreign keys
    name, once for every row. ``constants``: columns with the same value in every row, given once instead of in
    each row. On SQLite they go into the statement as literals made by SQLite's own ``quote()`` (binding the
    same values again for every row is a measurable part of the insert); elsewhere they are bound with each row
    as usual. benchmarks/README.md has the figures."""
    if not rows:
        return
    conn = session.connection()
    mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}[conn.dialect.paramstyle]
    names, slots = list(columns), [mark] * len(columns)
    if constants:
        literals = _sqlite_literals(conn, list(constants.values()))
        if literals is None:
            extra = tuple(constants.values())
            rows = [(*row, *extra) for row in rows]
            literals = [mark] * len(constants)
        names += constants
        slots += literals
    width = slots.count(mark)
    per = max(1, MAX_PARAMETERS // max(1, width))  # rows per statement
    head = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
    row_sql = f"({', '.join(slots)})"
    whole = len(rows) - len(rows) % per
    if whole:
        flat = list(chain.from_iterable(rows[:whole]))
        step = per * width
        conn.exec_driver_sql(head + ", ".join([row_sql] * per),
                             [tuple(flat[i:i + step]) for i in range(0, len(flat), step)])
    if whole < len(rows):
        rest = rows[whole:]
        conn.exec_driver_sql(head + ", ".join([row_sql] * len(rest)), tuple(chain.from_iterable(rest)))


def _sqlite_literals(conn, values: list[object]) -> list[str] | None:
    """SQL literals of ``values`` as SQLite's ``quote()`` writes them; None off SQLite or for a text holding a NUL
    character (which a statement's text cannot carry)."""
    if conn.dialect.name != "sqlite" or any(isinstance(v, str) and "\x00" in v for v in values):
        return None
    cursor = conn.connection.dbapi_connection.cursor()
    try:
        return [cursor.execute("SELECT quote(?)", (value,)).fetchone()[0] for value in values]
    finally:
        cursor.close()


def fetch_plain(session: Session, query) -> list[tuple]:
    """All rows of a Core ``query`` as plain tuples, fetched through the DBAPI cursor in one call: for exports
    and import previews, SQLAlchemy's per-row Row objects cost more than the database's read.
    Only for columns whose driver values need no conversion (integers, text): type processors are skipped."""
    conn = session.connection()
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    args = tuple(params[name] for name in compiled.positiontup) if compiled.positional else params
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None  # a session's connection in use is never detached
    cursor = dbapi.cursor()
    try:
        cursor.execute(str(compiled), args)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def driver_time(session: Session, at: datetime):
    """A time as the driver takes it in ``bulk_insert``: on SQLite the text SQLAlchemy's DateTime reads back."""
    if session.connection().dialect.name == "sqlite":
        return at.strftime("%Y-%m-%d %H:%M:%S.%f")
    return at


def insert_values(session: Session, rows: list[ValueWrite], user: str, at: datetime) -> None:
    """New stored values written by ``user`` at ``at``: (org, year, code, num, scale, comment) each, inserted
    in bulk (``bulk_insert``)."""
    bulk_insert(session, VALUES_TABLE, ("org_code", "year", "indicator_code", "num", "scale", "comment"), rows,
                {"updated_by": user, "updated_at": driver_time(session, at), "version": 1})


def update_values(session: Session, rows: list[ValueWrite], user: str, at: datetime) -> None:
    """Stored values changed by ``user`` at ``at``: (org, year, code, num, scale, comment) each."""
    cols = VALUES_TABLE.c
    if not rows:
        return
    stmt = (update(VALUES_TABLE)
            .where(cols.org_code == bindparam("b_org"), cols.year == bindparam("b_year"),
                   cols.indicator_code == bindparam("b_code"))
            .values(num=bindparam("b_num"), scale=bindparam("b_scale"), comment=bindparam("b_comment"),
                    updated_by=bindparam("b_user"), updated_at=bindparam("b_at"), version=cols.version + 1))
    session.connection().execute(stmt, [
        {"b_org": org, "b_year": year, "b_code": code, "b_num": num, "b_scale": scale, "b_comment": comment,
         "b_user": user, "b_at": at} for org, year, code, num, scale, comment in rows])


def insert_drafts(session: Session, keys: Iterable[tuple[str, int, str]], user: str) -> None:
    """New draft submissions for (org, year, domain) keys that have none yet (the caller checked)."""
    bulk_insert(session, Submission.__table__, ("org_code", "year", "domain_code"), list(keys),
                {"status": DRAFT, "changed_by": user, "changed_at": driver_time(session, utcnow()), "reason": "",
                 "version": FIRST_VERSION})


def load_submissions(session: Session, orgs: Sequence[str], years: Sequence[int]) -> dict[tuple[str, int, str], Submission]:
    query = select(Submission).where(Submission.org_code.in_(list(orgs)), Submission.year.in_(list(years)))
    return {(s.org_code, s.year, s.domain_code): s for s in session.scalars(query)}


def delete_values(session: Session, org: str, year: int, codes: Iterable[str]) -> None:
    cols = VALUES_TABLE.c
    codes = list(codes)
    if codes:
        session.execute(delete(VALUES_TABLE)
                        .where(cols.org_code == org, cols.year == year, cols.indicator_code.in_(codes)))


def append_audit(session: Session, rows: list[dict]) -> None:
    """Audit rows: {user_name, action, org_code, year, subject, old_text, new_text, source, detail}."""
    at = driver_time(session, utcnow())
    bulk_insert(session, AUDIT_TABLE, ("at", "user_name", "action", "org_code", "year", "subject", "old_text",
                                       "new_text", "source", "detail"),
                [(at, r["user_name"], r["action"], r.get("org_code"), r.get("year"), r["subject"], r["old_text"],
                  r["new_text"], r["source"], r.get("detail", "")) for r in rows])


def insert_audit_rows(session: Session, rows: list[AuditWrite], user: str, source: str, at: datetime) -> None:
    """Audit rows of one change by ``user`` from ``source`` at ``at``: (action, org_code, year, subject, old_text,
    new_text, detail) each, inserted in bulk (``bulk_insert``)."""
    bulk_insert(session, AUDIT_TABLE, ("action", "org_code", "year", "subject", "old_text", "new_text", "detail"), rows,
                {"at": driver_time(session, at), "user_name": user, "source": source})


def sums_and_maxes(session: Session, year: int, orgs: Sequence[str]) -> tuple[dict[str, Value], dict[str, Value]]:
    """Per indicator, the exact sum and the maximum over ``orgs`` for ``year``."""
    cols = VALUES_TABLE.c
    query = (select(cols.indicator_code, cols.scale, func.sum(cols.num), func.max(cols.num))
             .where(cols.year == year, cols.org_code.in_(list(orgs)))
             .group_by(cols.indicator_code, cols.scale))
    sums: dict[str, Value] = {}
    maxes: dict[str, Value] = {}
    for code, scale, total, largest in session.execute(query):
        total_v, largest_v = from_scaled(int(total), scale), from_scaled(int(largest), scale)
        sums[code] = sums[code] + total_v if code in sums else total_v
        maxes[code] = max(maxes[code], largest_v) if code in maxes else largest_v
    return sums, maxes


def values_by_org(session: Session, year: int, orgs: Sequence[str], codes: Iterable[str] | None = None
                  ) -> dict[str, dict[str, Value]]:
    cols = VALUES_TABLE.c
    result: dict[str, dict[str, Value]] = {org: {} for org in orgs}
    query = select(cols.org_code, cols.indicator_code, cols.num, cols.scale).where(
        cols.year == year, cols.org_code.in_(list(orgs)))
    if codes is not None:
        query = query.where(cols.indicator_code.in_(list(codes)))
    for org, code, num, scale in session.execute(query):
        result[org][code] = from_scaled(num, scale)
    return result


def submission_status(session: Session, org: str, year: int, domain: str) -> Submission | None:
    return session.get(Submission, (org, year, domain))


def ensure_draft(session: Session, org: str, year: int, domain: str, user: str) -> Submission:
    row = session.get(Submission, (org, year, domain))
    if row is None:
        row = Submission(org_code=org, year=year, domain_code=domain, status=DRAFT, changed_by=user,
                         changed_at=utcnow(), reason="", version=FIRST_VERSION)
        session.add(row)
    return row


def targets_for(session: Session, year: int, org: str) -> dict[str, tuple[Decimal | int, str]]:
    query = select(Target.indicator_code, Target.num, Target.scale, Target.comparison).where(
        Target.year == year, Target.org_code == org)
    return {code: (from_scaled(num, scale), comparison) for code, num, scale, comparison in session.execute(query)}



def yearly_totals(session: Session, code: str, orgs: Sequence[str], first: int, last: int) -> dict[int, Value]:
    """{year: Σ value over orgs} for one indicator, years that have any value only."""
    cols = VALUES_TABLE.c
    query = (select(cols.year, cols.scale, func.sum(cols.num))
             .where(cols.indicator_code == code, cols.org_code.in_(list(orgs)), cols.year.between(first, last))
             .group_by(cols.year, cols.scale))
    totals: dict[int, Value] = {}
    for year, scale, total in session.execute(query):
        value = from_scaled(int(total), scale)
        totals[year] = totals[year] + value if year in totals else value
    return totals
