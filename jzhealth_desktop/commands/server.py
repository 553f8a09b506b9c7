"""Shared-server commands: ``server init`` prepares a PostgreSQL city server (roles, grants, row-level security);
``migrate-store`` copies a whole store between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import json

from ..services.migrate_store import migrate_store
from ..services.context import shown_url


def register(sub: argparse._SubParsersAction) -> None:
    server = sub.add_parser("server", help="PostgreSQL 市级服务器 / the PostgreSQL city server")
    s_sub = server.add_subparsers(dest="server_command", required=True)
    p = s_sub.add_parser(
        "init",
        help="由数据库管理员运行一次：建立角色、权限与行级安全 / run once by the database administrator: "
             "roles, grants, row-level security (safe to run again)",
        description="例 / e.g. jzhealth server init --db postgresql+psycopg://postgres@server/jzhealth",
    )
    p.add_argument("--db", required=True, metavar="ADMIN_URL",
                   help="以超级用户或具有 CREATEROLE 的角色连接 / connect as a superuser or a CREATEROLE role")
    p.add_argument("--prefix", default="jzhealth", help="角色名前缀 / role name prefix (default jzhealth)")
    p.set_defaults(handler=cmd_server_init)

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
                          "verified": True, "roles": list(report.roles), "need_password": list(report.waiting),
                          "tables": [{"table": t.table, "rows": t.rows, "checksum": t.digest} for t in report.tables]},
                         ensure_ascii=False, indent=1))
        return 0
    width = max(len(t.table) for t in report.tables)
    for t in report.tables:
        print(f"{t.table:<{width}}  {t.rows:>9}  {t.digest[:16]}")
    print(f"已复制并校验 {report.rows} 行（{len(report.tables)} 张表，行数与校验和一致），结构版本 {report.revision}："
          f"{report.source} → {report.target} / copied and verified {report.rows} rows")
    if report.roles:
        print(f"已为 {len(report.roles)} 个账户建立数据库角色 / {len(report.roles)} accounts are now database roles")
    if report.waiting:
        print(f"以下 {len(report.waiting)} 个账户尚无密码、不能登录，请管理员逐一设置 / these accounts need a password "
              "before they can sign in:")
        for name in report.waiting:
            print(f"  jzhealth --db ADMIN_URL --user ADMIN_ACCOUNT users passwd {name}")
    return 0


def cmd_server_init(args: argparse.Namespace) -> int:
    from ..services.pg_security import init_server

    report = init_server(args.db, args.prefix)
    print(f"服务器已就绪：{shown_url(args.db)}，模式 {report.schema} 归 {report.owner} 所有（结构版本 {report.revision}），"
          f"组角色 {', '.join(report.groups)} / server ready; accounts are added with `jzhealth users add`")
    return 0
