"""Completeness of a year at a glance: per org unit × domain, the submission status and how much is filled.

A cell's share counts the domain's required fields for that org unit's level (county or city); a domain
with no required fields counts all of its fields, so a half-typed optional form still shows progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable

from sqlalchemy import func, select

from ..domain.catalogue import Indicator
from ..domain.periods import check_year
from ..domain.rules import check, needing_comment
from ..domain.submission import APPROVED, DRAFT, EMPTY, FIRST_VERSION, RETURNED, STATES, SUBMITTED
from ..store import repo
from ..store.models import DataValue, Submission
from .access import require
from .context import Context

__all__ = ["APPROVED", "DRAFT", "EMPTY", "RETURNED", "STATUSES", "SUBMITTED", "Cell", "completeness"]
STATUSES = STATES


@dataclass(frozen=True)
class Cell:
    org: str
    domain: str
    status: str
    counted: int  # fields that count towards the share
    filled: int
    pending: int = 0  # warnings still without a comment: they block submission however full the form is
    resubmit: bool = False  # a draft changed after it was submitted: 已修改，待重新提交

    @property
    def share(self) -> Decimal | None:
        """Filled ÷ counted as a percentage (exact, unrounded); None when the form has no fields here."""
        if not self.counted:
            return None
        return Decimal(self.filled * 100) / Decimal(self.counted)


def counted_fields(ctx: Context, domain: str, level: str) -> list[str]:
    """The fields of ``domain`` an org unit of ``level`` fills that count towards completeness."""
    # The city types only its own (city-level) figures; the county-level ones add up from the counties.
    fields = [i for i in ctx.catalogue.indicators(domain) if i.level == level]
    required = [i.code for i in fields if i.required]
    return required or [i.code for i in fields]


def completeness(ctx: Context, year: int, orgs: Iterable[str]) -> list[Cell]:
    """One cell per (org, domain) for ``year``, orgs in the given order and domains in catalogue order."""
    year = check_year(year)
    orgs = [ctx.org(o).code for o in orgs]
    for org in orgs:
        require(ctx, "values.read", org)
    with ctx.db.read() as session:
        rows = {(org, dom): (status, version) for org, dom, status, version in session.execute(
            select(Submission.org_code, Submission.domain_code, Submission.status, Submission.version)
            .where(Submission.year == year, Submission.org_code.in_(orgs)))}
        stored = repo.load_values_many(session, orgs, [year - 1, year])
    present = {org: set(stored.get((org, year), {})) for org in orgs}
    cells = []
    for org in orgs:
        level = ctx.org(org).level
        now = stored.get((org, year), {})
        values = {c: sv.value for c, sv in now.items()}
        comments = {c: sv.comment for c, sv in now.items()}
        last = {c: sv.value for c, sv in stored.get((org, year - 1), {}).items()}
        for dom in ctx.catalogue.domains:
            fields = counted_fields(ctx, dom.code, level)
            filled = sum(1 for code in fields if code in present[org])
            own = [c for c in ctx.catalogue.entered_at(dom.code, level) if c in present[org]]
            pending = len(needing_comment(check(ctx.catalogue, values, last, own), comments)) if own else 0
            status, version = rows.get((org, dom.code), (None, FIRST_VERSION))
            any_value = any(isinstance(ctx.catalogue.items[c], Indicator) and c in present[org] for c in dom.codes)
            status = status or (DRAFT if any_value else EMPTY)
            cells.append(Cell(org, dom.code, status, len(fields), filled, pending,
                              status == DRAFT and version > FIRST_VERSION))
    return cells


def latest_year(ctx: Context) -> int | None:
    """The newest year holding any figure (where a fresh window starts), None on an empty store."""
    with ctx.db.read() as session:
        return session.execute(select(func.max(DataValue.year))).scalar_one()
