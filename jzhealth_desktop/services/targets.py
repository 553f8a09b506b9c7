"""Targets per indicator, year and org unit (the 2014 page is a list of them).

Set like figures: checked in full before anything is written (unknown code, not a number, more decimals
than the indicator keeps, outside its bounds), one transaction per call, every change audited with the old
and the new target. A target may carry its wording for the plan page (``note``, e.g. 「确保参合率达到{target}{cmp}」).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.catalogue import Indicator
from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.values import Value, fit_scale, from_scaled, to_decimal, to_scaled, value_text
from ..store import repo
from ..store.models import Target
from .access import require
from .context import Context

COMPARISONS = (">=", "<=", "~", "=")
# The CLI's words for them (a shell would take > and < for redirections).
COMPARISON_WORDS = {"ge": ">=", "le": "<=", "about": "~", "eq": "="}
COMPARISON_NAMES = {">=": ("不低于（以上）", "at least"), "<=": ("不高于（以下）", "at most"),
                    "~": ("左右", "about"), "=": ("等于", "exactly")}
MAX_NOTE = 120


@dataclass(frozen=True)
class TargetRow:
    code: str
    value: Value
    comparison: str
    note: str


def comparison_of(word: str) -> str:
    """``ge``/``>=`` → ``>=`` etc.; InputError for anything else."""
    comparison = COMPARISON_WORDS.get(word, word)
    if comparison not in COMPARISONS:
        raise InputError(f"目标比较方式“{word}”无效（可选：ge 以上、le 以下、about 左右、eq 等于）",
                         f"target comparison '{word}' is not one of ge, le, about, eq")
    return comparison


def check_target(ctx: Context, code: str, raw: object) -> Value:
    """The exact target value for ``code`` from what was typed; InputError naming the indicator."""
    item = ctx.catalogue.items.get(code)
    if item is None:
        raise InputError(f"未知的指标代码：{code}", f"unknown indicator code: {code}")
    scale = item.scale if isinstance(item, Indicator) else item.decimals
    try:
        value = fit_scale(to_decimal(raw), scale)
    except InputError as exc:
        raise InputError(f"「{item.name}」目标值：{exc.zh}", f"target for {item.name_en}: {exc.en}") from None
    low = item.min if isinstance(item, Indicator) else 0
    high = item.max if isinstance(item, Indicator) else (item.factor if item.capped else None)
    if low is not None and value < low:
        raise InputError(f"「{item.name}」目标值 {value_text(value)} 小于下限 {low}",
                         f"target for {item.name_en} ({value_text(value)}) is below {low}")
    if high is not None and value > high:
        raise InputError(f"「{item.name}」目标值 {value_text(value)} 超过上限 {high}",
                         f"target for {item.name_en} ({value_text(value)}) is above {high}")
    return value


def _note(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    if "\n" in note or len(note) > MAX_NOTE:
        raise InputError(f"目标措辞应为一行，最多{MAX_NOTE}字", f"a target's wording is one line of at most {MAX_NOTE} characters")
    return note


def _text(row: Target | None) -> str:
    return "" if row is None else f"{row.comparison}{value_text(from_scaled(row.num, row.scale))}"


def put_target(ctx: Context, session: Session, code: str, year: int, org: str, value: object,
               comparison: str, source: str, note: str | None = None) -> None:
    """Set one target inside the caller's write transaction (audited). ``note=None`` keeps the wording;
    an empty ``value`` removes the target."""
    year = check_year(year)
    org = ctx.org(org).code
    comparison = comparison_of(comparison)
    note = _note(note)
    row = session.get(Target, (code, year, org))
    old = _text(row)
    if value is None or (isinstance(value, str) and not value.strip()):
        if code not in ctx.catalogue.items:
            raise InputError(f"未知的指标代码：{code}", f"unknown indicator code: {code}")
        if row is None:
            return
        session.delete(row)
        new = ""
    else:
        exact = check_target(ctx, code, value)
        item = ctx.catalogue.items[code]
        scale = item.scale if isinstance(item, Indicator) else item.decimals
        if row is None:
            row = Target(indicator_code=code, year=year, org_code=org, note="")
            session.add(row)
        row.num, row.scale, row.comparison = to_scaled(exact, scale), scale, comparison
        if note is not None:
            row.note = note
        new = _text(row)
    if old != new:
        repo.append_audit(session, [{"user_name": ctx.user, "action": "target", "org_code": org, "year": year,
                                     "subject": code, "old_text": old, "new_text": new, "source": source}])


def set_target(ctx: Context, code: str, year: int, org: str, value: object, comparison: str = ">=",
               note: str | None = None, source: str = "form") -> None:
    require(ctx, "targets.write", org)
    with ctx.db.write() as session:
        put_target(ctx, session, code, year, org, value, comparison, source, note)


def set_targets(ctx: Context, org: str, year: int, entries: Mapping[str, object], comparison: str = ">=",
                notes: Mapping[str, str] | None = None, source: str = "cli",
                comparisons: Mapping[str, str] | None = None) -> int:
    """Set several targets in one transaction: all are checked first; one bad entry writes none.
    ``comparisons`` gives some codes their own comparison (the targets window); the rest use ``comparison``.
    Returns how many targets changed."""
    year = check_year(year)
    unit = ctx.org(org)
    require(ctx, "targets.write", unit.code)
    comparison = comparison_of(comparison)
    own = {code: comparison_of(word) for code, word in (comparisons or {}).items()}
    notes = dict(notes or {})
    for code, raw in entries.items():  # check everything before the transaction opens
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if code not in ctx.catalogue.items:
                raise InputError(f"未知的指标代码：{code}", f"unknown indicator code: {code}")
        else:
            check_target(ctx, code, raw)
    stray = [code for code in notes if code not in entries]
    if stray:
        raise InputError(f"只给了措辞、没有目标值：{'、'.join(stray)}", f"wording without a target value: {', '.join(stray)}")
    for note in notes.values():
        _note(note)
    before = {row.code: row for row in target_rows(ctx, year, unit.code)}
    with ctx.db.write() as session:
        for code, raw in entries.items():
            put_target(ctx, session, code, year, unit.code, raw, own.get(code, comparison), source, notes.get(code))
    after = {row.code: row for row in target_rows(ctx, year, unit.code)}
    return sum(1 for code in entries if before.get(code) != after.get(code))


def targets(ctx: Context, year: int, org: str | None = None) -> dict[str, Any]:
    """{code: (value, comparison)} for ``org`` (default the city) and ``year``."""
    unit = ctx.org(org) if org else ctx.city
    with ctx.db.read() as session:
        return repo.targets_for(session, check_year(year), unit.code)


def target_rows(ctx: Context, year: int, org: str | None = None) -> list[TargetRow]:
    """The targets of ``org`` (default the city) for ``year`` with their wording, in catalogue order."""
    unit = ctx.org(org) if org else ctx.city
    year = check_year(year)
    query = select(Target.indicator_code, Target.num, Target.scale, Target.comparison, Target.note).where(
        Target.year == year, Target.org_code == unit.code)
    with ctx.db.read() as session:
        rows = session.execute(query).all()
    order = {code: index for index, code in enumerate(c for d in ctx.catalogue.domains for c in d.codes)}
    found = [TargetRow(code, from_scaled(num, scale), comparison, note or "")
             for code, num, scale, comparison, note in rows]
    return sorted(found, key=lambda row: order.get(row.code, len(order)))


def json_rows(ctx: Context, rows: list[TargetRow]) -> list[dict[str, Any]]:
    """Rows for ``targets get --json``: exact values as text (never floats), counts as integers."""
    result = []
    for row in rows:
        item = ctx.catalogue.items.get(row.code)
        value = value_text(row.value) if isinstance(row.value, Decimal) else int(row.value)
        result.append({"code": row.code, "name": item.name if item else "", "unit": item.unit if item else "",
                       "value": value, "comparison": row.comparison, "note": row.note})
    return result


__all__ = ["COMPARISONS", "COMPARISON_WORDS", "TargetRow", "check_target", "comparison_of", "json_rows",
           "put_target", "set_target", "set_targets", "target_rows", "targets"]
