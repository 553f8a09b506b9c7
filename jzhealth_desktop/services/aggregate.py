"""Totals up the org-unit tree: raw figures add (or take the maximum); rates are recomputed, never averaged."""

from __future__ import annotations

from ..domain.aggregation import combine, with_rates
from ..domain.periods import check_year
from ..domain.values import Value
from ..store import repo
from .access import require
from .context import Context


def aggregate_year(ctx: Context, year: int, org: str | None = None) -> dict[str, Value | None]:
    """Every indicator and rate for ``org`` (default: the city) in ``year``; a county gets its own figures."""
    year = check_year(year)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "values.read", unit.code)
    children = [u.code for u in ctx.org_units.values() if u.parent == unit.code]
    with ctx.db.read() as session:
        own = repo.values_by_org(session, year, [unit.code])[unit.code]
        if children:
            sums, maxes = repo.sums_and_maxes(session, year, children)
        else:
            sums, maxes = {}, {}
    if not children:
        return with_rates(ctx.catalogue, own)
    return with_rates(ctx.catalogue, combine(ctx.catalogue, own, sums, maxes))


def county_table(ctx: Context, year: int, codes: list[str] | None = None) -> dict[str, dict[str, Value | None]]:
    """Each county's own figures and rates for ``year``: {org code: {code: value}}."""
    year = check_year(year)
    require(ctx, "values.read", ctx.city.code)
    orgs = [u.code for u in ctx.counties()]
    with ctx.db.read() as session:
        table = repo.values_by_org(session, year, orgs, codes)
    return {org: with_rates(ctx.catalogue, values) for org, values in table.items()}


def zero_streak(ctx: Context, code: str, upto: int, org: str | None = None) -> int:
    """Consecutive years up to ``upto`` in which ``code`` totalled 0 (e.g. 连续22年无脊髓灰质炎), 0 if none."""
    from ..domain.periods import MIN_YEAR

    unit = ctx.org(org) if org else ctx.city
    require(ctx, "values.read", unit.code)
    orgs = [unit.code] + [u.code for u in ctx.org_units.values() if u.parent == unit.code]
    with ctx.db.read() as session:
        totals = repo.yearly_totals(session, code, orgs, MIN_YEAR, check_year(upto))
    streak = 0
    for year in range(upto, MIN_YEAR - 1, -1):
        if totals.get(year) != 0:
            break
        streak += 1
    return streak
