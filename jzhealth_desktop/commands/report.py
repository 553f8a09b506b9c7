"""``jzhealth report annual|special|plan|blank --year Y [--org CODE] [--date D] [--baseline Y] -o FILE.pdf``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..domain.errors import InputError
from .core import opened


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="生成PDF报表 / build a PDF report")
    p.add_argument("kind", choices=("annual", "special", "plan", "blank"),
                   help="annual 年度统计报表 / special 专版 / plan 年度目标专版 / blank 空白报表")
    p.add_argument("--year", required=True)
    p.add_argument("--org", help="单位代码（默认全市）/ org-unit code (default: the city)")
    p.add_argument("-o", "--output", required=True, help="输出PDF文件 / output PDF file")
    p.add_argument("--date", help="出版日期 YYYY-MM-DD，印在版面上并带星期（默认今天）/ "
                   "issue date printed with its weekday (default: today)")
    p.add_argument("--baseline", metavar="YEAR", help="专版对比的基准年份（须有数据）/ "
                   "the earlier year the special page compares with (must hold data)")
    p.add_argument("--options", help="专版等选项（JSON文件）/ options as a JSON file (title, byline, credits, …)")
    p.add_argument("--domain", help="空白报表只出一个领域 / blank forms for one domain only")
    p.set_defaults(handler=cmd_report)


def _options(args: argparse.Namespace) -> dict:
    options: dict = {}
    if args.options:
        path = Path(args.options)
        try:
            options = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"无法读取选项文件 {path}：{exc}", f"cannot read the options file {path}: {exc}") from None
        if not isinstance(options, dict):
            raise InputError(f"选项文件 {path} 应为 JSON 对象", f"the options file {path} must hold a JSON object")
    if args.domain:
        options["domain"] = args.domain
    if args.date:  # the flag wins over the options file
        options["date"] = args.date
    if args.baseline:
        options["baseline_year"] = args.baseline
    return options


def cmd_report(args: argparse.Namespace) -> int:
    from ..reports import build_report

    options = _options(args)  # a bad options file is refused before the store is opened
    with opened(args) as ctx:
        out = build_report(ctx, args.kind, args.year, args.org, Path(args.output), options)
    print(f"已生成 / written: {out}")
    return 0
