"""ReportLab documents: annual statistical report, newspaper-style special page, the year's plan
(targets, as the 2014 page), blank forms.

``build_report`` is the one entry point (GUI, CLI and the frozen-app smoke test call it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..domain.errors import InputError
from ..domain.periods import check_year
from ..fileio import check_output_path, replacing
from ..services.access import require
from ..services.context import Context
from ..services.reporting import check_progress, gather
from .fonts import register_fonts
from .options import check_options

KINDS = ("annual", "special", "plan", "blank")


def build_report(ctx: Context, kind: str, year: int, org: str | None, out_path: Path,
                 options: dict | None = None, progress: Callable[[int, int], bool] | None = None) -> Path:
    """Build one document into ``out_path`` (written whole or not at all) and return the path.

    Every option and the output path are checked before any work (InputError / fileio.OutputError,
    one line naming what is wrong); an existing file at ``out_path`` is only replaced by a finished one.
    ``progress(done, total)`` is called along the way; returning False cancels (raises Cancelled).
    """
    if kind not in KINDS:
        raise InputError(f"未知的报表类型“{kind}”（可选：年报 annual、专版 special、年度目标 plan、空白表 blank）",
                         f"unknown report kind '{kind}' (one of {', '.join(KINDS)})")
    year = check_year(year)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "reports.build", unit.code)
    options = check_options(options, year, ctx.catalogue)
    out_path = check_output_path(out_path)
    register_fonts()
    with replacing(out_path) as temp:
        if kind == "blank":
            from .blank import build_blank

            build_blank(ctx, year, unit, temp, options)
        elif kind == "plan":
            from .plan import build_plan

            build_plan(ctx, year, unit, temp, options)
        else:
            data = gather(ctx, year, unit.code, options.get("baseline_year"), progress=progress)
            if kind == "annual":
                from .annual import build_annual

                build_annual(data, temp, options)
            else:
                from .special import build_special

                build_special(data, temp, options)
        check_progress(progress, 1, 1)
    return out_path


__all__ = ["build_report", "KINDS"]
