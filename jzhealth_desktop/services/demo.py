"""The demo data set: the seed pages' city figures, with invented county figures that add up to them.

See ``resources/demo/demo.toml`` for what is real and what is invented.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass

from ..domain.catalogue import Catalogue, Indicator, Rate
from ..domain.split import split
from ..domain.values import Value, fit_scale, from_scaled, to_decimal, to_scaled
from ..paths import resources_dir
from ..store.sync import put_setting
from .access import require
from .context import Context
from .forms import Batch, apply_many
from .targets import put_target

DEMO_SOURCE = "demo"


@dataclass
class DemoSet:
    label_zh: str
    label_en: str
    weights: dict[str, int]
    years: dict[int, dict[str, Value]]  # city totals (county-level codes) and city values (city-level codes)
    targets: list[tuple[int, str, str, str, str]]  # year, code, value, comparison, the plan page's wording


def read_demo(cat: Catalogue) -> DemoSet:
    data = tomllib.loads((resources_dir() / "demo" / "demo.toml").read_text(encoding="utf-8"))
    years: dict[int, dict[str, Value]] = {}

    def put(year: int, code: str, raw: object) -> None:
        ind = cat.items[code]
        assert isinstance(ind, Indicator), code
        years.setdefault(year, {})[code] = fit_scale(to_decimal(raw), ind.scale)

    for series in data.get("series", []):
        for year in range(series["from"], series["to"] + 1):
            put(year, series["code"], series["value"])
    for block in data["year"]:
        for code, raw in block["values"].items():
            put(block["year"], code, raw)
    targets = [(block["year"], t["code"], str(t["value"]), t["comparison"], t.get("note", ""))
               for block in data.get("target", []) for t in block["targets"]]
    return DemoSet(data["label_zh"], data["label_en"], {str(k): int(v) for k, v in data["weights"].items()},
                   years, targets)


def _wholes(cat: Catalogue) -> dict[str, set[str]]:
    """part → the indicators it may not exceed (capped rates and single-term hard ≤ rules)."""
    wholes: dict[str, set[str]] = {}
    for item in cat.items.values():
        if isinstance(item, Rate) and item.capped:
            wholes.setdefault(item.numerator, set()).add(item.denominator)
    for rule in cat.rules:
        if rule.severity == "hard" and rule.op in ("<=", "<") and len(rule.left) == 1 and len(rule.right) == 1:
            wholes.setdefault(rule.left[0], set()).add(rule.right[0])
    return wholes


def split_counties(cat: Catalogue, totals: dict[str, Value], weights: dict[str, int]) -> dict[str, dict[str, Value]]:
    """County figures for one year: every county-level total split by weight, parts never above their wholes."""
    orgs = list(weights)
    w = [weights[o] for o in orgs]
    wholes = _wholes(cat)
    result: dict[str, dict[str, Value]] = {o: {} for o in orgs}
    done: set[str] = set()
    level = {i.code: i.level for i in cat.indicators()}  # the demo's totals are all raw indicators
    pending = [c for c in totals if level[c] == "county"]
    while pending:
        ready = [c for c in pending if not (wholes.get(c, set()) & set(pending))]
        if not ready:
            raise ValueError(f"circular part/whole rules among {pending}")
        for code in ready:
            ind = cat.items[code]
            assert isinstance(ind, Indicator)
            caps: list[int | None] = []
            for org in orgs:
                limits = [to_scaled(result[org][whole], ind.scale) for whole in wholes.get(code, ()) if whole in result[org]]
                if ind.max is not None:
                    limits.append(to_scaled(ind.max, ind.scale))
                caps.append(min(limits) if limits else None)
            parts = split(to_scaled(totals[code], ind.scale), w, caps)
            for org, part in zip(orgs, parts):
                result[org][code] = from_scaled(part, ind.scale)
            done.add(code)
        pending = [c for c in pending if c not in done]
    return result


def load_demo(ctx: Context) -> int:
    """Write the demo data set in one transaction; returns the number of values written."""
    require(ctx, "store.maintain")
    demo = read_demo(ctx.catalogue)
    city = ctx.city.code
    level = {i.code: i.level for i in ctx.catalogue.indicators()}  # the demo's totals are all raw indicators
    batches = []
    for year in sorted(demo.years):
        totals = demo.years[year]
        own = {c: v for c, v in totals.items() if level[c] == "city"}
        if own:
            batches.append(Batch(city, year, own))
        batches += [Batch(org, year, values)
                    for org, values in split_counties(ctx.catalogue, totals, demo.weights).items() if values]
    with ctx.db.write() as session:
        written = sum(r.changed for r in apply_many(ctx, session, batches, DEMO_SOURCE, require_comments=False))
        for year, code, value, comparison, note in demo.targets:
            put_target(ctx, session, code, year, city, value, comparison, DEMO_SOURCE, note)
        put_setting(session, "demo_label", demo.label_zh)
    return written

