"""Whether a figure met its target (the 2014 page lists targets such as 98%以上, 70%左右)."""

from __future__ import annotations

from decimal import Decimal

from .values import Value

# 「左右」: within this share of the target counts as met.
ABOUT_TOLERANCE = Decimal("0.05")


def target_met(value: Value | None, target: Value | None, comparison: str) -> bool | None:
    """True/False, or None when there is no figure or no target to judge by."""
    if value is None or target is None:
        return None
    value, target = Decimal(value), Decimal(target)
    if comparison == ">=":
        return value >= target
    if comparison == "<=":
        return value <= target
    if comparison == "~":
        return abs(value - target) <= abs(target) * ABOUT_TOLERANCE
    return value == target


def met_text(met: bool | None) -> str:
    return {True: "是", False: "否", None: "—"}[met]
