"""Gathers what a report needs from the store, in one read: this year, last year, a baseline
year, history for charts, targets, zero streaks and (for the city) each county's figures.

Reports print only what comes from here, so every number on paper came from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..domain.catalogue import Catalogue, Domain
from ..domain.errors import InputError, JzError
from ..domain.orgunits import OrgUnit
from ..domain.periods import MIN_YEAR, check_year
from ..domain.values import Value
from .access import require
from .aggregate import aggregate_year, county_table, years_with_data, zero_streak
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
    baseline_year: int | None  # the earlier year comparisons are made against; None: the store holds none
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

    def has_data(self, codes: Iterable[str] | None = None) -> bool:
        codes = self.catalogue.items if codes is None else codes
        return any(self.values.get(code) is not None for code in codes)

    def domains_with_data(self) -> list[Domain]:
        """The domains this year has figures for, in the catalogue's order: the 专版 prints these only."""
        return [domain for domain in self.catalogue.domains if self.has_data(domain.codes)]


def check_progress(progress: Progress, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled()


# Comparisons look back this many years when the store holds that year (the 2022 page: 2016 → 2021).
BASELINE_GAP = 5


def choose_baseline(ctx: Context, year: int, unit: OrgUnit, baseline_year: int | str | None) -> int | None:
    """The year comparisons are made against.

    Given (the report option ``baseline_year``): it must be earlier than ``year`` and the store must hold
    figures of ``unit`` for it, else a one-line refusal. Not given: the latest year at least
    ``BASELINE_GAP`` years back that has data, else the earliest earlier year that has data (a store
    with 2019 and 2023 only compares 2023 with 2019), else None (no comparison is printed).
    """
    held = years_with_data(ctx, unit.code, before=year)
    if baseline_year not in (None, ""):
        try:
            base = check_year(baseline_year)
        except JzError:
            raise InputError(f"比较基准年份“{baseline_year}”不是有效年份", f"baseline year '{baseline_year}' is not a valid year") from None
        if base >= year:
            raise InputError(f"比较基准年份{base}年须早于报表年份{year}年",
                             f"the baseline year {base} must be earlier than the report year {year}")
        if base not in held:
            have = "、".join(f"{y}年" for y in held) or "无"
            raise InputError(f"比较基准年份{base}年没有{unit.name}的数据（有数据的更早年份：{have}）",
                             f"no figures of {unit.name} for the baseline year {base}; earlier years with data: "
                             + (", ".join(map(str, held)) or "none"))
        return base
    if not held:
        return None
    far = [y for y in held if y <= year - BASELINE_GAP]
    return far[-1] if far else held[0]


def gather(ctx: Context, year: int, org: str | None = None, baseline_year: int | str | None = None,
           history_years: int = 10, progress: Progress = None) -> ReportData:
    """Everything a report on ``org`` (default the city) for ``year`` prints.

    ``baseline_year``: the earlier year the comparisons 「由2019年的X降至2023年的Y」 are made against
    (see ``choose_baseline``); refused with InputError when the store holds no data for it.
    """
    year = check_year(year)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "reports.build", unit.code)
    baseline = choose_baseline(ctx, year, unit, baseline_year)
    first = max(MIN_YEAR, year - history_years + 1)
    years = list(range(first, year + 1))
    steps = len(years) + 4
    history: dict[int, Figures] = {}
    for done, y in enumerate(years):
        check_progress(progress, done, steps)
        history[y] = aggregate_year(ctx, y, unit.code)
    last = history.get(year - 1) if year - 1 >= first else (aggregate_year(ctx, year - 1, unit.code)
                                                              if year > MIN_YEAR else {})
    base = {} if baseline is None else history.get(baseline) or aggregate_year(ctx, baseline, unit.code)
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
