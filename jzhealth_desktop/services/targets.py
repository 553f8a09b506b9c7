"""Targets per indicator, year and org unit (the 2014 page is a list of them)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..domain.catalogue import Indicator
from ..domain.errors import InputError
from ..domain.periods import check_year
from ..domain.values import fit_scale, from_scaled, to_decimal, to_scaled, value_text
from ..store import repo
from ..store.models import Target
from .access import require
from .context import Context

COMPARISONS = (">=", "<=", "~", "=")


def put_target(ctx: Context, session: Session, code: str, year: int, org: str, value: object,
               comparison: str, source: str) -> None:
    """Set one target inside the caller's write transaction (audited)."""
    year = check_year(year)
    org = ctx.org(org).code
    item = ctx.catalogue.items.get(code)
    if item is None:
        raise InputError(f"未知的指标代码：{code}", f"unknown indicator code: {code}")
    if comparison not in COMPARISONS:
        raise InputError(f"目标比较方式“{comparison}”无效", f"target comparison '{comparison}' is not one of {COMPARISONS}")
    scale = item.scale if isinstance(item, Indicator) else item.decimals
    try:
        value = fit_scale(to_decimal(value), scale)
    except InputError as exc:
        raise InputError(f"「{item.name}」目标值：{exc.zh}", f"target for {item.name_en}: {exc.en}") from None
    row = session.get(Target, (code, year, org))
    old = "" if row is None else f"{row.comparison}{value_text(from_scaled(row.num, row.scale))}"
    if row is None:
        row = Target(indicator_code=code, year=year, org_code=org, note="")
        session.add(row)
    row.num, row.scale, row.comparison = to_scaled(value, scale), scale, comparison
    repo.append_audit(session, [{"user_name": ctx.user, "action": "target", "org_code": org, "year": year,
                                 "subject": code, "old_text": old, "new_text": f"{comparison}{value_text(value)}",
                                 "source": source}])


def set_target(ctx: Context, code: str, year: int, org: str, value: object, comparison: str = ">=") -> None:
    require(ctx, "targets.write", org)
    with ctx.db.write() as session:
        put_target(ctx, session, code, year, org, value, comparison, "form")


def targets(ctx: Context, year: int, org: str | None = None) -> dict:
    """{code: (value, comparison)} for ``org`` (default the city) and ``year``."""
    unit = ctx.org(org) if org else ctx.city
    with ctx.db.read() as session:
        return repo.targets_for(session, check_year(year), unit.code)
