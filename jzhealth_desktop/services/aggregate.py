"""Totals up the org-unit tree: raw figures add (or take the maximum); rates are recomputed, never averaged."""

from __future__ import annotations

from sqlalchemy import select

from ..domain.aggregation import combine, with_rates
from ..domain.periods import check_year
from ..domain.values import Value
from ..store import repo
from ..store.models import DataValue
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
    """How many years up to ``upto`` ``code`` has been 0 (e.g. 连续22年无脊髓灰质炎), 0 when none or unknown.

    The streak starts at the catalogue's ``streak_from`` (the store rarely holds every year since then)
    or the year after the last non-zero figure the store holds, whichever is later. The store must hold
    0 for ``upto`` itself. Without ``streak_from`` there is no streak: counting only the years the store
    happens to hold would print 「连续1年」 for a store with one year.
    """
    from ..domain.periods import MIN_YEAR

    upto = check_year(upto)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "values.read", unit.code)
    start: int | None = getattr(ctx.catalogue.items.get(code), "streak_from", None)
    if start is None or start > upto:
        return 0
    orgs = [unit.code] + [u.code for u in ctx.org_units.values() if u.parent == unit.code]
    with ctx.db.read() as session:
        totals = repo.yearly_totals(session, code, orgs, MIN_YEAR, upto)
    if totals.get(upto) != 0:
        return 0
    broken = [year for year, total in totals.items() if total != 0]
    first = max([start] + [year + 1 for year in broken])
    return upto - first + 1


def years_with_data(ctx: Context, org: str | None = None, before: int | None = None) -> list[int]:
    """The years, oldest first, for which the store holds any figure of ``org`` (with its counties)."""
    from ..domain.periods import MAX_YEAR, MIN_YEAR

    unit = ctx.org(org) if org else ctx.city
    require(ctx, "values.read", unit.code)
    orgs = [unit.code] + [u.code for u in ctx.org_units.values() if u.parent == unit.code]
    last = (before - 1) if before is not None else MAX_YEAR
    query = (select(DataValue.year).distinct()
             .where(DataValue.org_code.in_(orgs), DataValue.year.between(MIN_YEAR, last)).order_by(DataValue.year))
    with ctx.db.read() as session:
        return [year for (year,) in session.execute(query)]
