"""Exchange commands: export/import package files, xlsx export/import, csv export."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import InputError
from ..domain.periods import check_year
from .core import opened, org_year_arguments

SHOWN = 30  # items listed per group in the printed preview


def _years(raw: list[str]) -> list[int]:
    years: list[int] = []
    for text in raw:
        for part in str(text).split(","):
            first, sep, last = part.partition("-")
            if sep:
                years += range(check_year(first), check_year(last) + 1)
            else:
                years.append(check_year(first))
    return sorted(set(years))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="导出数据包 / export a package file (.jzhpkg)")
    p.add_argument("--org", required=True, help="单位代码 / org-unit code")
    p.add_argument("--year", required=True, action="append", help="年份，可重复或写成 2019-2021 / year(s)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.jzhpkg")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help="导入数据包（先预览）/ import a package file (preview first)")
    p.add_argument("file", metavar="FILE.jzhpkg")
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不写入 / print the preview, write nothing")
    p.add_argument("--trust-key", metavar="FINGERPRINT",
                   help="首次导入某站的数据包时：与对方电话核对过的密钥指纹 / on the first package from a station: "
                        "the key fingerprint checked with the sender (asked for when run at a terminal)")
    p.set_defaults(handler=cmd_import)

    xl = sub.add_parser("xlsx", help="Excel 工作簿 / Excel workbooks")
    xl_sub = xl.add_subparsers(dest="xlsx_command", required=True)
    p = xl_sub.add_parser("export", help="导出 Excel / export a workbook")
    org_year_arguments(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    p.set_defaults(handler=cmd_xlsx_export)
    p = xl_sub.add_parser("import", help="导入 Excel（先预览）/ import a workbook (preview first)")
    p.add_argument("file", metavar="FILE.xlsx")
    p.add_argument("--dry-run", action="store_true", help="只显示预览，不写入 / print the preview, write nothing")
    p.set_defaults(handler=cmd_xlsx_import)

    cs = sub.add_parser("csv", help="CSV 明细 / flat CSV for statisticians")
    cs_sub = cs.add_subparsers(dest="csv_command", required=True)
    p = cs_sub.add_parser("export", help="导出 CSV / export one row per org unit, year and indicator")
    p.add_argument("--year", required=True, action="append")
    p.add_argument("--org", help="单位代码（默认全部）/ org-unit code (default: all)")
    p.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    p.set_defaults(handler=cmd_csv_export)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.exchange import export_package

    with opened(args) as ctx:
        manifest = export_package(ctx, args.org, _years(args.year), args.output)
    counts = manifest["counts"]
    print(f"已导出 {counts['values']} 个数值、{counts['submissions']} 个上报状态、{counts['targets']} 个目标值到 {args.output}"
          f" / exported {counts['values']} values, {counts['submissions']} statuses, {counts['targets']} targets")
    return 0


def print_preview(preview) -> None:
    from ..services.exchange.preview import CHANGED, CONFLICTING, NEW, UNCHANGED

    inc = preview.incoming
    print(f"文件 / file: {inc.name}  单位 / unit: {inc.org}  年份 / years: {', '.join(map(str, inc.years))}"
          f"  指标目录 / catalogue: {inc.catalogue_version}  SHA-256: {inc.sha256[:16]}…")
    signer = preview.signer
    if signer is not None:
        state = {"own": "本站自己的密钥 / this station's own key", "known": "已登记的密钥 / a key kept here",
                 "new": "首次见到的密钥，需核对 / first seen, to be confirmed"}[signer.state]
        print(f"签名 / signed by: {signer.operator}（{signer.org} {signer.kind}）  指纹 / fingerprint: "
              f"{signer.fingerprint}  {state}")
    if preview.context:
        print(f"附带上年数据 {preview.context} 项，仅供对照，不导入 / {preview.context} previous-year figure(s) "
              "for comparison only, not imported")
    for group in preview.groups:
        n = {k: len(v) for k, v in group.items.items()}
        print(f"【{group.name}】新增 {n[NEW]}，修改 {n[CHANGED]}，未变 {n[UNCHANGED]}，冲突 {n[CONFLICTING]}"
              f" / new {n[NEW]}, changed {n[CHANGED]}, unchanged {n[UNCHANGED]}, conflicting {n[CONFLICTING]}")
        for name, mark in ((CHANGED, "改"), (CONFLICTING, "冲突")):
            items = group.items[name]
            for item in items[:SHOWN]:
                line = f"  {mark} {item.org} {item.year} {item.label}：{item.old or '空'} → {item.new or '空'}"
                if item.old_comment != item.new_comment and item.kind == "value":
                    line += f"（说明：{item.new_comment or '空'}）"
                if item.reason:
                    line += f"  —— {item.reason} / {item.reason_en}"
                print(line)
            if len(items) > SHOWN:
                print(f"  …另有 {len(items) - SHOWN} 项 / and {len(items) - SHOWN} more")
    for code, count in preview.unknown:
        print(f"  本机指标目录中没有“{code}”（{count} 项），不导入 / '{code}' is not in this catalogue ({count} row(s)), skipped")


def _import(args: argparse.Namespace, read) -> int:
    from ..services.exchange import build_preview, commit_import

    incoming = read(args.file)
    with opened(args) as ctx:
        preview = build_preview(ctx, incoming)
        print_preview(preview)
        if args.dry_run:
            print("试运行：未写入任何数据 / dry run: nothing written")
            return 0
        result = commit_import(ctx, preview, confirmed_key=_confirmed_key(args, preview))
    zh, en = result.message
    print(f"{zh} / {en}")
    if result.backup:
        print(f"导入前备份 / backup before import: {result.backup}")
    return 0


def _confirmed_key(args: argparse.Namespace, preview) -> str | None:
    """The fingerprint the reviewer vouches for: ``--trust-key``, or asked at a terminal on a first import."""
    signer = preview.signer
    typed = getattr(args, "trust_key", None)
    if typed or signer is None or signer.state != "new" or preview.nothing_to_do or not sys.stdin.isatty():
        return typed  # without it a new key is refused by the import, naming the fingerprint and what to do
    print(f"首次导入 {signer.org} 站的数据包。请电话与对方核对密钥指纹（对方在 帮助 → 关于 中可见）：\n  {signer.fingerprint}\n"
          f"first package from {signer.org}: check this key fingerprint with the sender by phone.")
    answer = input("指纹一致请输入 yes / type yes if it matches: ").strip().lower()
    return signer.fingerprint if answer in ("yes", "y", "是") else None


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.exchange import read_package_file

    return _import(args, read_package_file)


def cmd_xlsx_export(args: argparse.Namespace) -> int:
    from ..services.exchange.xlsx_export import export_workbook

    with opened(args) as ctx:
        count = export_workbook(ctx, args.org, check_year(args.year), args.output)
    print(f"已导出 {count} 个数值到 {args.output} / exported {count} values")
    return 0


def cmd_xlsx_import(args: argparse.Namespace) -> int:
    from ..services.exchange.xlsx_import import read_workbook_file

    with opened(args) as ctx:
        catalogue = ctx.catalogue
    return _import(args, lambda path: read_workbook_file(path, catalogue))


def cmd_csv_export(args: argparse.Namespace) -> int:
    from ..services.exchange.csv_export import export_csv

    with opened(args) as ctx:
        rows = export_csv(ctx, _years(args.year), args.org, args.output)
    if not rows:
        raise InputError("所选年份没有数据", "no figures for the chosen year(s)")
    print(f"已导出 {rows} 行到 {args.output} / exported {rows} rows")
    return 0
