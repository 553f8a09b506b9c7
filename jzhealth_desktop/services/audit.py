"""Reading the audit log: filtered queries, CSV export, and replaying a value's history.

The log is append-only: the services only insert, and on SQLite the store's own
triggers refuse UPDATE and DELETE (migration 0003). Nothing here writes to it.
A county clerk sees only their own county's rows.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import or_, select

from ..domain.errors import InputError
from ..domain.periods import check_year
from ..store.models import AuditEntry
from .access import CLERK, require
from .context import Context

LIMIT = 5000
CSV_HEADER = ("时间", "用户", "类别", "单位", "年份", "项目", "原值", "新值", "来源", "说明")


@dataclass(frozen=True)
class AuditFilter:
    org: str | None = None
    year: int | None = None
    domain: str | None = None
    user: str | None = None
    since: date | None = None  # inclusive, local dates of the UTC timestamps are close enough for a filter
    until: date | None = None  # inclusive
    source: str | None = None  # exact, or a prefix ending in ':' (e.g. "import:")
    action: str | None = None
    subject: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    user: str
    action: str
    org: str | None
    year: int | None
    subject: str
    old: str
    new: str
    source: str
    detail: str


def _scoped(ctx: Context, flt: AuditFilter) -> AuditFilter:
    """Check the right to read; a clerk's query is pinned to their county."""
    org = ctx.org(flt.org).code if flt.org else None
    principal = ctx.principal
    if principal is not None and principal.role == CLERK:
        org = org or principal.org
    require(ctx, "audit.read", org)
    if flt.year is not None:
        check_year(flt.year)
    if flt.domain:
        ctx.catalogue.domain(flt.domain)
    if flt.since and flt.until and flt.since > flt.until:
        raise InputError("开始日期晚于结束日期", "the start date is after the end date")
    return AuditFilter(org, flt.year, flt.domain, flt.user, flt.since, flt.until, flt.source, flt.action, flt.subject)


def query(ctx: Context, flt: AuditFilter = AuditFilter(), limit: int = LIMIT) -> list[AuditRow]:
    """Matching audit rows, newest first."""
    flt = _scoped(ctx, flt)
    a = AuditEntry
    stmt = select(a.id, a.at, a.user_name, a.action, a.org_code, a.year, a.subject, a.old_text, a.new_text,
                  a.source, a.detail)
    if flt.org:
        stmt = stmt.where(a.org_code == flt.org)
    if flt.year is not None:
        stmt = stmt.where(a.year == flt.year)
    if flt.domain:
        codes = list(ctx.catalogue.domain(flt.domain).codes)
        stmt = stmt.where(or_(a.subject == flt.domain, a.subject.in_(codes)))
    if flt.user:
        stmt = stmt.where(a.user_name == flt.user)
    if flt.since:
        stmt = stmt.where(a.at >= datetime.combine(flt.since, time.min))
    if flt.until:
        stmt = stmt.where(a.at < datetime.combine(flt.until + timedelta(days=1), time.min))
    if flt.source:
        stmt = stmt.where(a.source.startswith(flt.source) if flt.source.endswith(":") else a.source == flt.source)
    if flt.action:
        stmt = stmt.where(a.action == flt.action)
    if flt.subject:
        stmt = stmt.where(a.subject == flt.subject)
    stmt = stmt.order_by(a.id.desc()).limit(limit)
    with ctx.db.read() as session:
        return [AuditRow(*row) for row in session.execute(stmt)]


def users_and_sources(ctx: Context) -> tuple[list[str], list[str]]:
    """The distinct user names and sources in the log (for the viewer's filter lists)."""
    require(ctx, "audit.read")
    with ctx.db.read() as session:
        users = sorted(session.scalars(select(AuditEntry.user_name).distinct()))
        sources = sorted(session.scalars(select(AuditEntry.source).distinct()))
    return users, sources


def export_csv(ctx: Context, flt: AuditFilter, path: str | Path) -> int:
    """Write the matching rows to a CSV file (UTF-8 with BOM so Excel reads the Chinese); returns the count."""
    from ..fileio import check_output_path, replacing
    from .exchange.safe_text import csv_row

    check_output_path(path)
    rows = query(ctx, flt, limit=10 ** 9)
    with replacing(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:  # whole or not at all
        writer = csv.writer(fh)
        writer.writerow(CSV_HEADER)
        for r in rows:  # comments, names and details are typed by people: never a formula in Excel
            writer.writerow(csv_row([r.at.isoformat(sep=" ", timespec="seconds"), r.user, r.action, r.org or "",
                                     "" if r.year is None else r.year, r.subject, r.old, r.new, r.source, r.detail]))
    return len(rows)
