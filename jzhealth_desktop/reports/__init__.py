"""ReportLab documents: annual statistical report, newspaper-style special page, blank forms.

``build_report`` is the one entry point (GUI, CLI and the frozen-app smoke test call it).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from ..domain.errors import InputError
from ..services.access import require
from ..services.context import Context
from ..services.reporting import check_progress, gather
from .fonts import register_fonts

KINDS = ("annual", "special", "blank")


def build_report(ctx: Context, kind: str, year: int, org: str | None, out_path: Path,
                 options: dict | None = None, progress: Callable[[int, int], bool] | None = None) -> Path:
    """Build one document into ``out_path`` (written whole or not at all) and return the path.

    ``progress(done, total)`` is called along the way; returning False cancels (raises Cancelled).
    """
    if kind not in KINDS:
        raise InputError(f"未知的报表类型“{kind}”（可选：年报 annual、专版 special、空白表 blank）",
                         f"unknown report kind '{kind}' (one of {', '.join(KINDS)})")
    options = dict(options or {})
    out_path = Path(out_path)
    unit = ctx.org(org) if org else ctx.city
    require(ctx, "reports.build", unit.code)
    if not out_path.parent.is_dir():
        raise InputError(f"输出文件夹不存在：{out_path.parent}", f"output folder does not exist: {out_path.parent}")
    register_fonts()
    fd, temp = tempfile.mkstemp(suffix=".pdf.part", dir=out_path.parent)
    os.close(fd)
    try:
        if kind == "blank":
            from .blank import build_blank

            build_blank(ctx, year, unit, Path(temp), options)
        else:
            data = gather(ctx, year, unit.code, options.get("baseline_year"), progress=progress)
            if kind == "annual":
                from .annual import build_annual

                build_annual(data, Path(temp), options)
            else:
                from .special import build_special

                build_special(data, Path(temp), options)
        check_progress(progress, 1, 1)
        os.replace(temp, out_path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return out_path


__all__ = ["build_report", "KINDS"]
