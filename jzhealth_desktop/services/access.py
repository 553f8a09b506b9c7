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
    "deadlines.write": frozenset({REVIEWER, ADMIN}),  # set by the city
    "accounts.manage": frozenset({ADMIN}),
    "store.backup": frozenset({CLERK, REVIEWER, ADMIN}),  # a copy protects; anyone may make one
    "store.maintain": frozenset({ADMIN}),  # restore replaces the store
}

ROLE_NAMES = {CLERK: ("县级统计员", "county clerk"), REVIEWER: ("市级审核员", "city reviewer"),
              ADMIN: ("管理员", "administrator")}


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


def allowed(ctx: object, action: str, org: str | None = None) -> bool:
    principal: Principal | None = getattr(ctx, "principal", None)
    return principal is None or principal.may(action, org)


def require(ctx: object, action: str, org: str | None = None) -> None:
    """Raise AccessDenied unless the context's principal may do ``action`` on ``org``."""
    principal: Principal | None = getattr(ctx, "principal", None)
    if principal is None or principal.may(action, org):
        return
    role_zh, role_en = ROLE_NAMES.get(principal.role, (principal.role, principal.role))
    where = f"（单位 {org}）" if org else ""
    raise AccessDenied(f"用户 {principal.name}（{role_zh}）无权执行此操作{where}",
                       f"user {principal.name} ({role_en}) may not do '{action}'" + (f" for {org}" if org else ""))
