"""Shared-server commands: ``migrate-store`` copies a whole store between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import json

from ..services.migrate_store import migrate_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "migrate-store",
        help="把整个数据库复制到另一个空库并校验（SQLite ↔ PostgreSQL）/ copy a whole store into an empty one and verify it",
        description="例 / e.g. jzhealth migrate-store --from jzhealth.sqlite "
                    "--to postgresql+psycopg://jz:PASSWORD@server/jzhealth",
    )
    p.add_argument("--from", dest="source", required=True, metavar="URL", help="源：文件路径或 URL / source path or URL")
    p.add_argument("--to", dest="target", required=True, metavar="URL", help="目标（须为空库）/ target (must be empty)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_migrate_store)


def cmd_migrate_store(args: argparse.Namespace) -> int:
    report = migrate_store(args.source, args.target)
    if args.json:
        print(json.dumps({"source": report.source, "target": report.target, "revision": report.revision,
                          "verified": True,
                          "tables": [{"table": t.table, "rows": t.rows, "checksum": t.digest} for t in report.tables]},
                         ensure_ascii=False, indent=1))
        return 0
    width = max(len(t.table) for t in report.tables)
    for t in report.tables:
        print(f"{t.table:<{width}}  {t.rows:>9}  {t.digest[:16]}")
    print(f"已复制并校验 {report.rows} 行（{len(report.tables)} 张表，行数与校验和一致），结构版本 {report.revision}："
          f"{report.source} → {report.target} / copied and verified {report.rows} rows")
    return 0
