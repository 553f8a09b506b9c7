"""Replaying one value's audit rows, for tests that check the audit log is a complete chain.

Built on the service the audit viewer uses (``audit.query``), so the replay sees what a reader of the log sees."""

from __future__ import annotations

from dataclasses import dataclass

from jzhealth_desktop.domain.values import value_text
from jzhealth_desktop.services import audit
from jzhealth_desktop.services.context import Context
from jzhealth_desktop.services.forms import read_values


@dataclass(frozen=True)
class Replay:
    steps: list[audit.AuditRow]  # oldest first
    value: str  # the value the history ends with ("" = empty)
    broken: list[int]  # ids of rows whose "old" does not match the value before them


def replay(ctx: Context, org: str, year: int, code: str) -> Replay:
    """Rebuild one value from its audit rows, oldest first; ``broken`` lists any gap in the chain."""
    rows = audit.query(ctx, audit.AuditFilter(org=org, year=year, action="value", subject=code), limit=10 ** 9)
    steps = rows[::-1]
    value, broken = "", []
    for step in steps:
        if step.old != value:
            broken.append(step.id)
        value = step.new
    return Replay(steps, value, broken)


def current_text(ctx: Context, org: str, year: int, code: str) -> str:
    """The stored value as the audit log writes it ("" when empty), to compare with a replay."""
    stored = read_values(ctx, org, year)[0].get(code)
    return "" if stored is None else value_text(stored)
