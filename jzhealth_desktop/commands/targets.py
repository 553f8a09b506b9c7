"""``jzhealth targets set|get``: the year's targets (the 2014 page's figures), set like figures."""

from __future__ import annotations

import argparse
import json
import sys

from ..domain.numbers import format_target, trim
from ..services.access import require
from ..services.targets import COMPARISON_WORDS, json_rows, set_targets, target_rows
from .core import _pairs, opened


def register(sub: argparse._SubParsersAction) -> None:
    tgt = sub.add_parser("targets", help="年度目标 / the year's targets")
    tgt_sub = tgt.add_subparsers(dest="targets_command", required=True)
    p = tgt_sub.add_parser("set", help="设定目标（校验并记录）/ set targets (validated, audited)")
    p.add_argument("--org", required=True, help="单位代码 / org-unit code")
    p.add_argument("--year", required=True)
    p.add_argument("--comparison", default="ge", choices=tuple(COMPARISON_WORDS),
                   help="ge 以上（默认）、le 以下、about 左右、eq 等于 / at least (default), at most, about, exactly")
    p.add_argument("--note", action="append", default=[], metavar="CODE=TEXT",
                   help="年度目标专版的措辞：{target} 为目标数字，{cmp} 为以上/以下/左右 / the plan page's wording: {target} is the figure, {cmp} its 以上/以下/左右")
    p.add_argument("assignments", nargs="+", metavar="CODE=VALUE", help="值为空则删除目标 / an empty value removes it")
    p.set_defaults(handler=cmd_targets_set)
    p = tgt_sub.add_parser("get", help="查询目标 / show targets")
    p.add_argument("--org", help="单位代码（默认全市）/ org-unit code (default: the city)")
    p.add_argument("--year", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_targets_get)


def cmd_targets_set(args: argparse.Namespace) -> int:
    entries = _pairs(args.assignments, "VALUE")
    notes = _pairs(args.note, "TEXT")
    with opened(args) as ctx:
        changed = set_targets(ctx, args.org, args.year, entries, args.comparison, notes, source="cli")
    print(f"已保存，更改 {changed} 项目标 / saved, {changed} target(s) changed")
    return 0


def cmd_targets_get(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        unit = ctx.org(args.org) if args.org else ctx.city
        require(ctx, "values.read", unit.code)
        rows = target_rows(ctx, args.year, unit.code)
        out = json_rows(ctx, rows)
    if args.json:
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for row, shown in zip(rows, out):
        target = format_target(f"{trim(row.value)}{shown['unit']}", row.comparison)
        print(f"{row.code:<28} {target:<16} {shown['name']}")
    if not rows:
        print("（没有目标）/ (no targets)")
    return 0
