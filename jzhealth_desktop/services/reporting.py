"""Gathers what a report needs from the store, in one read: this year, last year, a baseline
year, history for charts, targets, zero streaks and (for the city) each county's figures.

Reports print only what comes from here, so every number on paper came from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..domain.catalogue import Catalogue
from ..domain.errors import JzError
from ..domain.orgunits import OrgUnit
from ..domain.periods import MIN_YEAR, check_year
from ..domain.values import Value
from .access import require
from .aggregate import aggregate_year, county_table, zero_streak
from .context import Context
from .station import station
from .targets import targets

Figures = dict[str, Value | None]
Progress = Callable[[int, int], bool] | None


class Cancelled(JzError):
    """The user stopped a report build; no file was written."""

    def __init__(self) -> None:
        super().__init__("已取消生成报表", "report build cancelled")


@dataclass
class ReportData:
    catalogue: Catalogue
    org: OrgUnit
    is_city: bool
    year: int
    baseline_year: int
    values: Figures
    last: Figures
    baseline: Figures
    targets: dict[str, tuple[Value, str]]
    streaks: dict[str, int]
    history: dict[int, Figures]  # oldest first, ends with ``year``
    counties: list[OrgUnit] = field(default_factory=list)
    county_values: dict[str, Figures] = field(default_factory=dict)
    station_name: str = ""
    demo_label: str = ""

    @property
    def subject(self) -> str:
        """Who the sentences speak of: 全市 for the city, else the county's name."""
        return "全市" if self.is_city else self.org.name

    def has_data(self, codes=None) -> bool:
        codes = self.catalogue.items if codes is None else codes
        return any(self.values.get(code) is not None for code in codes)


def check_progress(progress: Progress, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


def gather(ctx: Context, year: int, org: str | None = None, baseline_year: int | None = None,
           history_years: int = 10, progress: Progress = None) -> ReportData:
    """Everything a report on ``org`` (default the city) for ``year`` prints."""
    year = check_year(year)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "reports.build", unit.code)
    baseline = check_year(baseline_year) if baseline_year else max(MIN_YEAR, year - 5)
    first = max(MIN_YEAR, year - history_years + 1)
    years = list(range(first, year + 1))
    steps = len(years) + 4
    history: dict[int, Figures] = {}
    for done, y in enumerate(years):
        check_progress(progress, done, steps)
        history[y] = aggregate_year(ctx, y, unit.code)
    last = history.get(year - 1) if year - 1 >= first else (aggregate_year(ctx, year - 1, unit.code)
                                                              if year > MIN_YEAR else {})
    base = history.get(baseline) or aggregate_year(ctx, baseline, unit.code)
    check_progress(progress, len(years) + 1, steps)
    streak_codes = [i.code for i in ctx.catalogue.items.values() if "{streak" in i.phrase]
    streaks = {code: zero_streak(ctx, code, year, unit.code) for code in streak_codes}
    is_city = unit.level == "city"
    counties: list[OrgUnit] = []
    county_values: dict[str, Figures] = {}
    if is_city:
        counties = ctx.counties()
        county_values = county_table(ctx, year)
    check_progress(progress, len(years) + 2, steps)
    st = station(ctx)
    station_name = ctx.org_units[st.org].name if st.org in ctx.org_units else ""
    return ReportData(
        catalogue=ctx.catalogue, org=unit, is_city=is_city, year=year, baseline_year=baseline,
        values=history[year], last=last or {}, baseline=base, targets=targets(ctx, year, unit.code),
        streaks=streaks, history=history, counties=counties, county_values=county_values,
        station_name=station_name, demo_label=ctx.setting("demo_label", ""),
    )
