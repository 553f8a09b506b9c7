"""Core commands: init, demo, catalogue list, values set/get, check."""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Iterator
import json
import sys
from decimal import Decimal

from ..domain.catalogue import Indicator
from ..domain.errors import InputError
from ..domain.values import value_text
from ..services.access import require
from ..services.aggregate import aggregate_year
from ..services.context import Context
from ..services.demo import load_demo
from ..services.forms import save_values
from ..services.station import check_store, configure_station, station


def open_for(args: argparse.Namespace) -> Context:
    from .accounts import open_signed_in

    ctx = open_signed_in(args)  # signs in when the store has accounts
    if ctx.principal is None:
        st = station(ctx)
        if st.operator:
            ctx.user = st.operator
    return ctx


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Context]:
    """The signed-in store for one command, closed however the command ends."""
    ctx = open_for(args)
    try:
        yield ctx
    finally:
        ctx.close()


def org_year_arguments(parser: argparse.ArgumentParser) -> None:
    """``--org`` and ``--year``, both required: the one org unit's year a command works on (checked by the
    service it calls)."""
    parser.add_argument("--org", required=True)
    parser.add_argument("--year", required=True)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="创建或升级数据库 / create or upgrade the store")
    p.add_argument("--station", choices=("county", "city"), help="站点类型 / station type")
    p.add_argument("--org", help="县级站的单位代码 / county code for a county station")
    p.add_argument("--operator", default="", help="操作员 / operator name")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("demo", help="载入演示数据 / load the demo data set")
    p.set_defaults(handler=cmd_demo)

    cat = sub.add_parser("catalogue", help="指标目录 / the indicator catalogue")
    cat_sub = cat.add_subparsers(dest="catalogue_command", required=True)
    p = cat_sub.add_parser("list", help="列出指标 / list indicators")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_catalogue_list)

    val = sub.add_parser("values", help="数据值 / figures")
    val_sub = val.add_subparsers(dest="values_command", required=True)
    p = val_sub.add_parser("set", help="录入数据（校验并记录）/ set figures (validated, audited)")
    org_year_arguments(p)
    p.add_argument("--comment", action="append", default=[], metavar="CODE=TEXT", help="说明 / comment")
    p.add_argument("assignments", nargs="+", metavar="CODE=VALUE")
    p.set_defaults(handler=cmd_values_set)
    p = val_sub.add_parser("get", help="查询数据 / show figures")
    org_year_arguments(p)
    p.add_argument("--total", action="store_true", help="市级汇总（含下级）/ the city's total over its counties")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_values_get)

    p = sub.add_parser("check", help="完整性检查 / integrity check and schema version")
    p.set_defaults(handler=cmd_check)


def _pairs(items: list[str], what: str) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        code, sep, value = item.partition("=")
        if not sep or not code.strip():
            raise InputError(f"“{item}”应写成 代码=值", f"'{item}' should be CODE={what}")
        if code.strip() in result:
            raise InputError(f"指标“{code.strip()}”重复出现", f"indicator '{code.strip()}' given twice")
        result[code.strip()] = value
    return result


def cmd_init(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        if args.station:
            configure_station(ctx, args.station, args.org, args.operator or "管理员")
        print(f"数据库已就绪 / store ready: {ctx.db.display}")
        if ctx.backup_made:
            print(f"升级前备份 / backup before upgrade: {ctx.backup_made}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        if check_store(ctx).values:
            raise InputError("数据库中已有数据，演示数据只能载入空库；请用 --db 指定一个新文件",
                             "the store already holds figures; load the demo into a new store (--db NEW_FILE)")
        count = load_demo(ctx)
        print(f"已载入演示数据 {count} 项（县级数字为虚构）/ demo data loaded: {count} values (county figures invented)")
    return 0


def cmd_catalogue_list(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        rows = []
        for dom in ctx.catalogue.domains:
            for code in dom.codes:
                item = ctx.catalogue.items[code]
                rows.append({"code": code, "name": item.name, "name_en": item.name_en, "unit": item.unit,
                             "domain": dom.code, "domain_name": dom.name, "derived": item.derived,
                             "type": item.type if isinstance(item, Indicator) else "rate"})
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for r in rows:
            print(f"{r['code']:<28} {r['domain']:<16} {r['unit']:<6} {'计算' if r['derived'] else '填报'}  {r['name']}")
    return 0


def cmd_values_set(args: argparse.Namespace) -> int:
    entries = _pairs(args.assignments, "VALUE")
    comments = _pairs(args.comment, "TEXT")
    with opened(args) as ctx:
        result = save_values(ctx, args.org, args.year, entries, comments, source="cli")
    print(f"已保存，更改 {result.changed} 项 / saved, {result.changed} value(s) changed")
    for warning in result.warnings:
        print(f"提示 / note: {warning}")
    return 0


def _json_value(value) -> int | str | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value_text(value)
    return int(value)


def cmd_values_get(args: argparse.Namespace) -> int:
    from ..domain.periods import check_year
    from ..services.forms import read_values

    with opened(args) as ctx:
        year = check_year(args.year)
        unit = ctx.org(args.org)
        require(ctx, "values.read", unit.code)
        if args.total:
            values = aggregate_year(ctx, year, unit.code)
            comments: dict[str, str] = {}
        else:
            values, comments = read_values(ctx, unit.code, year)
        rows = []
        for dom in ctx.catalogue.domains:
            for code in dom.codes:
                if values.get(code) is None:
                    continue
                item = ctx.catalogue.items[code]
                rows.append({"code": code, "name": item.name, "value": _json_value(values[code]),
                             "unit": item.unit, "domain": dom.code, "derived": item.derived,
                             "comment": comments.get(code, "")})
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif not rows:
        print(f"{unit.name} {year}年 暂无数据 / no figures")
    else:
        for r in rows:
            print(f"{r['code']:<28} {str(r['value']):>14} {r['unit']:<6} {r['name']}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..services import backup
    from ..services.context import store_file

    path = store_file(args.db)
    if path is not None and path.exists():
        # Read-only, before the store is opened: a damaged file is reported (with the newest good backup), not used.
        startup = backup.startup_check(path)
        if startup.error is not None and startup.kind != backup.DAMAGED:
            raise startup.error  # locked, read-only, full, not ours: no backup to offer, the data is intact
        problem = backup.quick_check(path, full=True)
        if problem != "ok":
            raise backup.damaged_error(path, problem)
    with opened(args) as ctx:
        health = check_store(ctx)
        security = None
        if ctx.db.dialect == "postgresql":  # the city server must hold the rules itself (issue 15)
            from ..services.pg_security import check_security

            with ctx.db.engine.connect() as conn:
                security = check_security(conn)
    print(f"完整性 / integrity: {health.integrity}; 结构版本 / schema: {health.revision}; 数据项 / values: {health.values}")
    if security is not None:
        for zh, en in security.warnings:
            print(f"{zh} / {en}", file=sys.stderr)
        if not security.ok:
            raise InputError("服务器权限检查未通过：" + "；".join(zh for zh, _ in security.problems),
                             "server security check failed: " + "; ".join(en for _, en in security.problems))
        print("服务器权限 / server rules: ok (角色、行级安全、触发器与权限均在)")
    if not health.ok:
        raise InputError(f"数据库完整性检查未通过：{health.integrity}", f"integrity check failed: {health.integrity}")
    return 0
