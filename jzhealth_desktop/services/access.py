"""Who may do what: every service asks here before it reads or writes an org unit's data.

A ``Principal`` is the signed-in user. A store with no user accounts yet (a
fresh station, tests, scripts) runs as the station operator with every right;
once accounts exist, the services require a principal and check its role and
county on every call. The UI only mirrors these answers (``allowed``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.errors import JzError

CLERK, REVIEWER, ADMIN = "clerk", "reviewer", "admin"

# action → roles allowed. A clerk is further limited to their own county.
RIGHTS: dict[str, frozenset[str]] = {
    "values.read": frozenset({CLERK, REVIEWER, ADMIN}),
    "values.write": frozenset({CLERK, ADMIN}),
    "targets.write": frozenset({REVIEWER, ADMIN}),
    "submission.submit": frozenset({CLERK, ADMIN}),
    "submission.review": frozenset({REVIEWER, ADMIN}),
    "exchange.export": frozenset({CLERK, REVIEWER, ADMIN}),
    "exchange.import": frozenset({CLERK, REVIEWER, ADMIN}),
    "reports.build": frozenset({CLERK, REVIEWER, ADMIN}),
    "audit.read": frozenset({CLERK, REVIEWER, ADMIN}),
    "accounts.manage": frozenset({ADMIN}),
    "store.maintain": frozenset({ADMIN}),
}


class AccessDenied(JzError):
    """The acting user may not do this; nothing was read or written."""


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    org: str | None = None  # a clerk's county

    def may(self, action: str, org: str | None = None) -> bool:
        if self.role not in RIGHTS.get(action, frozenset()):
            return False
        if self.role == CLERK and org is not None and org != self.org:
            return False
        return True


def allowed(ctx, action: str, org: str | None = None) -> bool:
    principal: Principal | None = getattr(ctx, "principal", None)
    return principal is None or principal.may(action, org)


def require(ctx, action: str, org: str | None = None) -> None:
    """Raise AccessDenied unless the context's principal may do ``action`` on ``org``."""
    if allowed(ctx, action, org):
        return
    principal: Principal = ctx.principal
    where = f"（单位 {org}）" if org else ""
    raise AccessDenied(f"用户 {principal.name}（{principal.role}）无权执行此操作{where}",
                       f"user {principal.name} ({principal.role}) may not do '{action}'" + (f" for {org}" if org else ""))
