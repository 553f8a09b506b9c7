"""Flat CSV for statisticians: one row per org unit, year and indicator (rates marked as computed).

UTF-8 with a byte-order mark so Excel opens the Chinese correctly; values are
the exact texts (8465.01 stays 8465.01); a text that a spreadsheet would run as a formula is neutralised
(``safe_text.csv_field``).
"""

from __future__ import annotations

import csv
import io
import os
from typing import Iterable

from ...domain.aggregation import with_rates
from ...domain.catalogue import Rate
from ...domain.periods import check_year
from ...domain.values import value_text
from ...fileio import check_output_path, write_bytes
from ...store import repo
from ..access import require
from ..context import Context
from .package_export import scope
from .safe_text import csv_row

HEADER = ["单位代码", "单位", "年度", "领域", "指标代码", "指标", "计量单位", "数值", "类型", "说明"]


def build_csv(ctx: Context, years: Iterable[int], org: str | None = None) -> tuple[str, int]:
    unit = ctx.org(org) if org else ctx.city
    orgs = scope(ctx, unit.code) if org is None else [unit.code]
    for o in orgs:
        require(ctx, "exchange.export", o)
    cat = ctx.catalogue
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    with ctx.db.read() as session:
        for year in sorted({check_year(y) for y in years}):
            for o in orgs:
                stored = repo.load_values(session, o, year)
                shown = with_rates(cat, {c: sv.value for c, sv in stored.items()})
                for dom in cat.domains:
                    for code in dom.codes:
                        value = shown.get(code)
                        if value is None:
                            continue
                        item = cat.items[code]
                        derived = isinstance(item, Rate)
                        writer.writerow(csv_row([o, ctx.org_units[o].name, year, dom.name, code, item.name,
                                                 item.unit, value_text(value), "计算" if derived else "填报",
                                                 "" if derived else stored[code].comment]))
                        count += 1
    return out.getvalue(), count


def export_csv(ctx: Context, years: Iterable[int], org: str | None, path: str | os.PathLike[str]) -> int:
    check_output_path(path)
    text, count = build_csv(ctx, years, org)
    if count:
        write_bytes(path, text.encode("utf-8-sig"))
    return count
