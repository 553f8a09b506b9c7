"""Due dates per domain and year, set by the city; what a county still owes and how many days are left.

A form counts as delivered once it is submitted or approved; anything else past
its due date is overdue. ``today`` is a parameter so views and tests agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.submission import APPROVED, SUBMITTED
from ..store import repo
from ..store.models import Deadline, Submission
from .access import require
from .context import Context

DELIVERED = (SUBMITTED, APPROVED)


@dataclass(frozen=True)
class Due:
    org: str
    year: int
    domain: str
    due: date
    status: str  # empty | draft | submitted | approved | returned
    days_left: int  # negative when overdue

    @property
    def delivered(self) -> bool:
        return self.status in DELIVERED

    @property
    def overdue(self) -> bool:
        return not self.delivered and self.days_left < 0


def _as_date(value: date | str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"日期“{value}”无效，应写成 2022-03-31", f"'{value}' is not a date like 2022-03-31") from None


def set_deadline(ctx: Context, domain: str, year: int, due: date | str | None) -> None:
    """Set (or with ``due=None`` remove) the date a domain's figures for ``year`` are due. City only."""
    year = check_year(year)
    dom = ctx.catalogue.domain(domain)
    require(ctx, "deadlines.write", ctx.city.code)
    when = None if due is None else _as_date(due)
    if when is not None and not (year <= when.year <= year + 2):
        raise InputError(f"「{dom.name}」{year}年数据的截止日期应在 {year}–{year + 2} 年之间",
                         f"the due date for {year} figures should fall in {year}–{year + 2}")
    with ctx.db.write() as session:
        row = session.get(Deadline, (domain, year))
        old = row.due.isoformat() if row else ""
        if when is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(Deadline(domain_code=domain, year=year, due=when, set_by=ctx.user, set_at=repo.utcnow()))
        else:
            row.due, row.set_by, row.set_at = when, ctx.user, repo.utcnow()
        new = when.isoformat() if when else ""
        if old != new:
            repo.append_audit(session, [{"user_name": ctx.user, "action": "deadline", "org_code": None,
                                         "year": year, "subject": domain, "old_text": old, "new_text": new,
                                         "source": "form"}])


def deadlines(ctx: Context, year: int) -> dict[str, date]:
    """{domain: due date} for ``year``."""
    year = check_year(year)
    with ctx.db.read() as session:
        return {d: due for d, due in session.execute(
            select(Deadline.domain_code, Deadline.due).where(Deadline.year == year))}


def due_list(ctx: Context, org: str, year: int, today: date) -> list[Due]:
    """Every domain with a due date for ``org`` in ``year``, in catalogue order, with status and days left."""
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.read", org)
    dates = deadlines(ctx, year)
    with ctx.db.read() as session:
        statuses = dict(session.execute(select(Submission.domain_code, Submission.status).where(
            Submission.org_code == org, Submission.year == year)).all())
    return [Due(org, year, dom.code, dates[dom.code], statuses.get(dom.code, "empty"), (dates[dom.code] - today).days)
            for dom in ctx.catalogue.domains if dom.code in dates]


def still_due(ctx: Context, org: str, year: int, today: date) -> list[Due]:
    """What the county has not delivered yet (the clerk's start screen), soonest first."""
    return sorted((d for d in due_list(ctx, org, year, today) if not d.delivered), key=lambda d: d.due)
