"""One value's history from the append-only audit log: who changed it, when, old → new, from where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..domain.errors import InputError
from ..domain.periods import check_year
from ..store.models import AuditEntry, User
from .access import require
from .context import Context


@dataclass(frozen=True)
class Change:
    at: datetime  # UTC, as stored
    user: str
    action: str  # "value" | "comment"
    old: str
    new: str
    source: str
    display: str = ""  # the user's display name (李明) when the store has an account of that name


def value_history(ctx: Context, org: str, year: int, code: str) -> list[Change]:
    """Every audited change of one figure (and its comment), oldest first."""
    year = check_year(year)
    org = ctx.org(org).code
    if code not in ctx.catalogue.items:
        raise InputError(f"未知的指标代码：{code}", f"unknown indicator code: {code}")
    require(ctx, "audit.read", org)
    query = (select(AuditEntry.at, AuditEntry.user_name, AuditEntry.action, AuditEntry.old_text,
                    AuditEntry.new_text, AuditEntry.source, User.display_name)
             .outerjoin(User, User.name == AuditEntry.user_name)
             .where(AuditEntry.org_code == org, AuditEntry.year == year, AuditEntry.subject == code,
                    AuditEntry.action.in_(("value", "comment")))
             .order_by(AuditEntry.at, AuditEntry.id))
    with ctx.db.read() as session:
        return [Change(*row[:6], display=row[6] or "") for row in session.execute(query)]
