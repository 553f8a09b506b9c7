"""Validation of one org unit's year: bounds, part ≤ whole, catalogue rules, usual ranges, change on last year.

Hard issues block a save; soft issues are accepted only with a comment on the
field; "missing" marks an empty required field (allowed in a draft).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Iterable, Mapping, NamedTuple, cast

from .catalogue import Catalogue, Indicator, Rate, Rule
from .values import Value, value_text

HARD, SOFT, MISSING = "hard", "soft", "missing"

_OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq, "<": operator.lt, ">": operator.gt}


@dataclass(frozen=True)
class Issue:
    code: str  # the field the issue belongs to
    severity: str
    zh: str
    en: str
    rule: str

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


def _name(cat: Catalogue, code: str) -> str:
    return cat.items[code].name


def bound_issues(ind: Indicator, value: Value) -> list[Issue]:
    issues = []
    if ind.min is not None and value < ind.min:
        if ind.min == 0:
            zh, en = f"「{ind.name}」不能为负数", f"{ind.name_en} cannot be negative"
        else:
            zh, en = f"「{ind.name}」不能小于 {ind.min}", f"{ind.name_en} cannot be below {ind.min}"
        issues.append(Issue(ind.code, HARD, zh, en, "min"))
    if ind.max is not None and value > ind.max:
        issues.append(Issue(ind.code, HARD, f"「{ind.name}」不能大于 {ind.max}",
                            f"{ind.name_en} cannot exceed {ind.max}", "max"))
    if ind.soft_min is not None and value < ind.soft_min or ind.soft_max is not None and value > ind.soft_max:
        issues.append(Issue(ind.code, SOFT,
                            f"「{ind.name}」{value_text(value)} 超出通常范围（{_usual_range(ind)}），请填写说明",
                            f"{ind.name_en} {value_text(value)} is outside the usual range; add a comment", "usual_range"))
    return issues


def _usual_range(ind: Indicator) -> str:
    """The usual range as the message names it; either end may be open."""
    if ind.soft_max is None:
        return f"不低于 {ind.soft_min}"
    if ind.soft_min is None:
        return f"不高于 {ind.soft_max}"
    return f"{ind.soft_min}–{ind.soft_max}"


def _side(codes: tuple[str, ...], constant: int, values: Mapping[str, Value]) -> Value | None:
    total: Value = constant
    for code in codes:
        value = values.get(code)
        if value is None:
            return None
        total = total + value
    return total


def rule_issue(rule: Rule, values: Mapping[str, Value]) -> Issue | None:
    left = _side(rule.left, 0, values)
    right = _side(rule.right, rule.right_constant, values)
    if left is None or right is None or _OPS[rule.op](left, right):
        return None
    detail = f"（{value_text(left)} / {value_text(right)}）"
    return Issue(rule.left[0], rule.severity, rule.zh + detail, rule.en + f" ({value_text(left)} vs {value_text(right)})", rule.code)


def cap_issue(cat: Catalogue, rate: Rate, values: Mapping[str, Value]) -> Issue | None:
    """A capped rate's numerator above its denominator (a hard rule: 12 deaths among 10 births)."""
    num, den = values.get(rate.numerator), values.get(rate.denominator)
    if num is None or den is None or not num > den:
        return None
    return Issue(
        rate.numerator, HARD,
        f"「{_name(cat, rate.numerator)}」（{value_text(num)}）不能大于「{_name(cat, rate.denominator)}」（{value_text(den)}）",
        f"{cat.items[rate.numerator].name_en} ({value_text(num)}) cannot exceed "
        f"{cat.items[rate.denominator].name_en} ({value_text(den)})",
        f"cap:{rate.code}")


def change_issue(cat: Catalogue, ind: Indicator, value: Value, last: Value | None) -> Issue | None:
    threshold = cat.yoy_default if ind.yoy is None else ind.yoy
    if last is None or last == 0 or threshold <= 0:
        return None
    change = (Decimal(value) - Decimal(last)) * 100 / Decimal(last)
    if abs(change) <= Decimal(str(threshold)):
        return None
    pct = f"{change:+.1f}%"
    return Issue(ind.code, SOFT,
                 f"「{ind.name}」比上年变化 {pct}（上年 {value_text(last)}），超过 {threshold:g}%，请填写说明",
                 f"{ind.name_en} changed {pct} on last year ({value_text(last)}), over {threshold:g}%; add a comment",
                 "change")


def check(
    cat: Catalogue,
    values: Mapping[str, Value],
    last_year: Mapping[str, Value] | None = None,
    codes: Iterable[str] | None = None,
) -> list[Issue]:
    """Every issue for ``codes`` (default: all raw indicators) given the org unit's whole year ``values``."""
    last_year = last_year or {}
    wanted = list(codes) if codes is not None else [i.code for i in cat.indicators()]
    wanted_set = set(wanted)
    issues: list[Issue] = []
    for code in wanted:
        ind = cat.items.get(code)
        if not isinstance(ind, Indicator):
            continue
        value = values.get(code)
        if value is None:
            if ind.required:
                issues.append(Issue(code, MISSING, f"「{ind.name}」为必填项", f"{ind.name_en} is required", "required"))
            continue
        issues.extend(bound_issues(ind, value))
        changed = change_issue(cat, ind, value, last_year.get(code))
        if changed:
            issues.append(changed)
    for rate in cat.rates():
        if rate.capped and wanted_set.intersection((rate.numerator, rate.denominator)):
            issue = cap_issue(cat, rate, values)
            if issue is not None:
                issues.append(issue)
    for rule in cat.rules_touching(wanted_set):
        issue = rule_issue(rule, values)
        if issue:
            issues.append(issue)
    return _dedupe(issues)


class HardRules:
    """``blocking(check(cat, values, None, codes))`` for one catalogue, with its lookups worked out once:
    ``issues(values, codes)`` returns the same hard issues in the same order (tests/test_rules_hard.py holds it
    to ``check``). The catalogue must not change while one is in use.

    An import checks many org-years at a time; ``check`` walks the whole catalogue (every rate, every
    rule) and works out the soft issues too for each one. Here the capped rates and hard rules some codes bring
    into play, and those codes grouped by their bounds, are found once per distinct tuple of codes (an import's
    org-years mostly bring the same); the bounds are then checked a group at a time (min and max of the group's
    values), and code by code, in ``check``'s order, only when a group breaks them.
    """

    def __init__(self, cat: Catalogue):
        self.cat = cat
        self._indicators = {i.code: i for i in cat.indicators()}
        self._touching: dict[tuple[str, ...], _Touched] = {}

    def issues(self, values: Mapping[str, Value], codes: Iterable[str]) -> list[Issue]:
        """The hard issues for ``codes`` given the org unit's whole year ``values``."""
        codes = tuple(codes)
        touched = self._touching.get(codes) or self._touched(codes)
        issues: list[Issue] = []
        if any(_breaks(values, group) for group in touched.bounded):
            for code in codes:
                ind = self._indicators.get(code)
                value = values.get(code)
                if ind is not None and value is not None:
                    issues.extend(blocking(bound_issues(ind, value)))
        for rate in touched.rates:
            capped = cap_issue(self.cat, rate, values)
            if capped is not None:
                issues.append(capped)
        for rule in touched.rules:
            issue = rule_issue(rule, values)
            if issue is not None:
                issues.append(issue)
        return _dedupe(issues) if issues else issues

    def _touched(self, codes: tuple[str, ...]) -> _Touched:
        """Worked out once per distinct tuple of codes (an import passes each org-year's codes sorted)."""
        wanted = set(codes)
        bounded: dict[tuple[int | None, int | None], list[str]] = {}
        for code in sorted(wanted):
            ind = self._indicators.get(code)
            if ind is not None and (ind.min is not None or ind.max is not None):
                bounded.setdefault((ind.min, ind.max), []).append(code)
        found = self._touching[codes] = _Touched(
            [_Bounded(low, high, tuple(group)) for (low, high), group in bounded.items()],
            [r for r in self.cat.rates() if r.capped and wanted.intersection((r.numerator, r.denominator))],
            [r for r in self.cat.rules_touching(wanted) if r.severity == HARD])
        return found


@dataclass(frozen=True)
class _Touched:
    """What ``check`` looks at for one set of codes: its bounded codes grouped by (min, max), in catalogue order
    the capped rates and the hard rules it brings into play."""

    bounded: list[_Bounded]
    rates: list[Rate]
    rules: list[Rule]


class _Bounded(NamedTuple):
    """Codes that share the same hard bounds (an indicator's ``min``/``max``; None = unbounded that side)."""

    low: int | None
    high: int | None
    codes: tuple[str, ...]


def _breaks(values: Mapping[str, Value], group: _Bounded) -> bool:
    """Whether any of the group's values lies outside its bounds (one min and one max, not a test per code)."""
    low, high = group.low, group.high
    present = cast("list[Value]", list(filter(_IS_VALUE, map(values.get, group.codes))))  # filter drops the Nones
    return bool(present) and (low is not None and min(present) < low or high is not None and max(present) > high)


_IS_VALUE = partial(operator.is_not, None)  # x is not None, called from C


def _dedupe(issues: list[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for issue in issues:
        key = (issue.code, issue.zh)
        if key not in seen:
            seen.add(key)
            unique.append(issue)
    return unique


def blocking(issues: Iterable[Issue]) -> list[Issue]:
    return [i for i in issues if i.severity == HARD]


def needing_comment(issues: Iterable[Issue], comments: Mapping[str, str]) -> list[Issue]:
    return [i for i in issues if i.severity == SOFT and not (comments.get(i.code) or "").strip()]
