"""Submission workflow per (county, year, domain): draft → submitted → approved | returned(reason).

The clerk submits; the city reviewer approves or returns with a reason, and may
reopen an approved form with a reason (it goes back as returned, so the clerk
sees why). Every change is one transaction with an audit row (action "status").
Approved figures are locked by ``forms.apply``, which names who approved them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Mapping

from sqlalchemy.orm import Session

from ..domain.catalogue import Indicator
from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.rules import HARD, MISSING, SOFT, Issue, check, needing_comment
from ..domain.submission import (DRAFT, EMPTY, FIRST_VERSION, MOVES, NAMES, WorkflowError, check_move,
                                 check_reason)
from ..domain.values import Value
from ..store import repo
from . import submission
from .access import require
from .context import Context
from .forms import MAX_LISTED, ValidationFailed

__all__ = ["WorkflowError", "SubmitBlocked", "Status", "Readiness", "submit", "submit_ready", "readiness", "approve",
           "return_", "reopen", "status_name"]


class SubmitBlocked(ValidationFailed):
    """Submitting was refused; ``issues`` names every field to fix or comment."""

    def __init__(self, issues: list[Issue]):
        super().__init__(issues)
        shown = issues[:MAX_LISTED]
        more = f"；另有 {len(issues) - len(shown)} 处" if len(issues) > len(shown) else ""
        InputError.__init__(self, f"未提交，{len(issues)} 处需要先处理：" + "；".join(i.zh for i in shown) + more,
                            f"not submitted, {len(issues)} problem(s) to fix first: " + "; ".join(i.en for i in shown))


@dataclass(frozen=True)
class Status:
    org: str
    year: int
    domain: str
    status: str
    changed_by: str
    changed_at: datetime | None
    reason: str
    version: int = FIRST_VERSION

    @property
    def edited_after_submit(self) -> bool:
        """A draft that was submitted (or returned) before and changed since: it must be submitted again.
        Drafts start at the first version; the only way back into draft is the *edit* move."""
        return self.status == DRAFT and self.version > FIRST_VERSION


@dataclass(frozen=True)
class Readiness:
    """One form's answer to "can it be submitted now?" (submit-all lists these)."""

    domain: str
    status: str
    errors: int  # hard errors
    missing: int  # required fields left empty
    pending: int  # warnings without a comment

    @property
    def ready(self) -> bool:
        return self.status in MOVES["submit"].sources and not (self.errors or self.missing or self.pending)


def status_name(status: str) -> str:
    return NAMES.get(status, (status, status))[0]


def get_status(ctx: Context, org: str, year: int, domain: str) -> Status:
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.read", org)
    ctx.catalogue.domain(domain)
    with ctx.db.read() as session:
        sub = repo.submission_status(session, org, year, domain)
        if sub is None:
            return Status(org, year, domain, EMPTY, "", None, "")
        return Status(org, year, domain, sub.status, sub.changed_by, sub.changed_at, sub.reason, sub.version)


def submission_issues(ctx: Context, session: Session, org: str, year: int, domain: str) -> list[Issue]:
    """What stops the form from being submitted: hard errors, empty required fields, uncommented warnings."""
    stored = repo.load_values(session, org, year)
    last = repo.load_plain(session, org, [year - 1])[year - 1]
    return form_issues(ctx, org, domain, {c: sv.value for c, sv in stored.items()},
                       {c: sv.comment for c, sv in stored.items()}, last)


def form_issues(ctx: Context, org: str, domain: str, values: Mapping[str, Value], comments: Mapping[str, str],
                last: Mapping[str, Value]) -> list[Issue]:
    """``submission_issues`` on given figures (an import's preview checks the form as the import would leave it)."""
    items = ctx.catalogue.items
    city = ctx.org(org).level == "city"  # the city checks every figure; a county not the city-only ones
    codes = [c for c in ctx.catalogue.domain(domain).codes
             if isinstance(item := items[c], Indicator) and (city or item.level != "city")]
    found = check(ctx.catalogue, values, last, codes)
    blocking = [i for i in found if i.severity in (HARD, MISSING)]
    return blocking + needing_comment(found, comments)


def _move(ctx: Context, org: str, year: int, domain: str, action: str, reason: str = "",
          source: str = "form") -> Status:
    year = check_year(year)
    org = ctx.org(org).code
    ctx.catalogue.domain(domain)
    require(ctx, MOVES[action].right, org)
    with ctx.db.write() as session:
        return _move_in(ctx, session, org, year, domain, action, reason, source)


def _move_in(ctx: Context, session: Session, org: str, year: int, domain: str, action: str, reason: str,
             source: str) -> Status:
    """One move inside the caller's transaction (rights already checked)."""
    dom = ctx.catalogue.domain(domain)
    sub = repo.submission_status(session, org, year, domain)
    move = check_move(action, sub.status if sub else EMPTY, f"{ctx.org(org).name}「{dom.name}」{year}年")
    reason = check_reason(move, reason)
    if action == "submit":
        issues = submission_issues(ctx, session, org, year, domain)
        if issues:
            raise SubmitBlocked(issues)
    assert sub is not None  # every state a move starts from has a row
    now = repo.utcnow()
    old = submission.apply(sub, move.target, ctx.user, now, reason)
    repo.append_audit(session, [submission.audit_row(org, year, domain, old, move.target, ctx.user, source,
                                                      f"{action}: {reason}" if reason else action)])
    return Status(org, year, domain, move.target, ctx.user, now, reason, sub.version)


def form_domains(ctx: Context, org: str) -> list[str]:
    """The domains an org unit types figures into (a county has no form for a city-only domain)."""
    level = ctx.org(org).level
    return [d.code for d in ctx.catalogue.domains if ctx.catalogue.entered_at(d.code, level)]


def _readiness_in(ctx: Context, session: Session, org: str, year: int, domain: str) -> Readiness:
    sub = repo.submission_status(session, org, year, domain)
    status = sub.status if sub else EMPTY
    issues = submission_issues(ctx, session, org, year, domain)
    count = {sev: sum(1 for i in issues if i.severity == sev) for sev in (HARD, MISSING, SOFT)}
    return Readiness(domain, status, count[HARD], count[MISSING], count[SOFT])


def readiness(ctx: Context, org: str, year: int) -> list[Readiness]:
    """Every form of ``org`` for ``year`` in catalogue order, with what (if anything) stops its submission."""
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, "values.read", org)
    with ctx.db.read() as session:
        return [_readiness_in(ctx, session, org, year, d) for d in form_domains(ctx, org)]


def submit_ready(ctx: Context, org: str, year: int, domains: list[str] | None = None,
                 source: str = "form") -> list[Status]:
    """Submit every ready form of ``org`` for ``year`` (or of ``domains``) in one transaction.

    Forms that are not ready are left as they are (``readiness`` says why); if any chosen form turned out not
    to be ready by the time of writing (someone saved meanwhile), nothing is submitted."""
    year = check_year(year)
    org = ctx.org(org).code
    require(ctx, MOVES["submit"].right, org)
    with ctx.db.write() as session:
        wanted = domains if domains is not None else [
            r.domain for r in (_readiness_in(ctx, session, org, year, d) for d in form_domains(ctx, org)) if r.ready]
        return [_move_in(ctx, session, org, year, d, "submit", "", source) for d in wanted]


def submit(ctx: Context, org: str, year: int, domain: str, source: str = "form") -> Status:
    """Clerk: send a draft (or a returned form) to the city; refused with every issue that blocks it."""
    return _move(ctx, org, year, domain, "submit", source=source)


def approve(ctx: Context, org: str, year: int, domain: str, source: str = "form") -> Status:
    """Reviewer: accept a submitted form; its figures are locked from now on."""
    return _move(ctx, org, year, domain, "approve", source=source)


def return_(ctx: Context, org: str, year: int, domain: str, reason: str, source: str = "form") -> Status:
    """Reviewer: send a submitted form back to the clerk with a reason."""
    return _move(ctx, org, year, domain, "return", reason, source)


def reopen(ctx: Context, org: str, year: int, domain: str, reason: str, source: str = "form") -> Status:
    """Reviewer: unlock an approved form with a reason; it goes back to the clerk as returned."""
    return _move(ctx, org, year, domain, "reopen", reason, source)
