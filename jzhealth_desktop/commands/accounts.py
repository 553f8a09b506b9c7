"""Accounts, workflow, deadlines, audit and backup commands, and the CLI sign-in every command goes through.

``sign_in(ctx, args)`` is the one place the CLI authenticates: on a store with
accounts it needs ``--user NAME`` (or ``JZHEALTH_USER``) and the password from
``JZHEALTH_PASSWORD`` or a prompt; a store without accounts runs as today.
New passwords come from ``JZHEALTH_NEW_PASSWORD`` or are asked twice.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from ..domain import submission
from ..domain.errors import InputError
from ..services import accounts, audit, backup, deadlines, workflow
from ..services.context import Context, open_context
from .core import opened


def _ask(prompt: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise InputError("需要密码：请在终端中运行，或设置环境变量 JZHEALTH_PASSWORD",
                         "a password is needed: run in a terminal or set JZHEALTH_PASSWORD")
    return getpass.getpass(prompt)


def sign_in(ctx: Context, args: argparse.Namespace) -> None:
    """Authenticate the CLI user when the store has accounts; sets ``ctx.principal`` and ``ctx.user``."""
    if not accounts.has_users(ctx):
        return
    name = getattr(args, "user", None) or os.environ.get("JZHEALTH_USER")
    if not name:
        raise InputError("此数据库已设置用户账户，请用 --user 指定用户名",
                         "this store has user accounts: give --user NAME")
    password = os.environ.get("JZHEALTH_PASSWORD")
    if password is None:
        password = _ask(f"{name} 的密码 / password: ")
    accounts.sign_in(ctx, name, password)


def open_signed_in(args: argparse.Namespace) -> Context:
    from ..services.context import server_account

    server = server_account(args.db)
    if server is not None:  # a city server: connect as the account itself; PostgreSQL checks the password
        url, named = server
        name = getattr(args, "user", None) or os.environ.get("JZHEALTH_USER") or named
        if not name:
            raise InputError("连接服务器需要用户名：请用 --user 指定", "the server needs an account: give --user NAME")
        password = os.environ.get("JZHEALTH_PASSWORD")
        args.user = name
        # the same sign-in as the window's (services.accounts.open_as_account): a refusal is one line
        return accounts.open_as_account(url, name, password if password is not None
                                        else _ask(f"{name} 的密码 / password: "))
    ctx = open_context(args.db)
    try:
        sign_in(ctx, args)
    except BaseException:
        ctx.close()
        raise
    return ctx


def _new_password() -> str:
    given = os.environ.get("JZHEALTH_NEW_PASSWORD")
    if given is not None:
        return given
    first = _ask("新密码 / new password: ")
    if _ask("再输入一次 / repeat: ") != first:
        raise InputError("两次输入的密码不一致", "the two passwords differ")
    return first


def register(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="用户账户 / user accounts")
    u_sub = users.add_subparsers(dest="users_command", required=True)
    p = u_sub.add_parser("add", help="添加用户 / add a user (password: JZHEALTH_NEW_PASSWORD or prompt)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=accounts.ROLES)
    p.add_argument("--org", help="县级统计员所属县 / the clerk's county")
    p.add_argument("--display", default="", help="显示名 / name shown")
    p.set_defaults(handler=cmd_users_add)
    p = u_sub.add_parser("passwd", help="修改或重置密码 / change or reset a password")
    p.add_argument("name")
    p.set_defaults(handler=cmd_users_passwd)
    p = u_sub.add_parser("list", help="列出用户 / list users")
    p.set_defaults(handler=cmd_users_list)
    p = u_sub.add_parser("set", help="修改角色或停用 / change role or disable")
    p.add_argument("name")
    p.add_argument("--role", choices=accounts.ROLES)
    p.add_argument("--org")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--disable", action="store_true")
    state.add_argument("--enable", action="store_true")
    p.set_defaults(handler=cmd_users_set)

    for name, help_text in (("submit", "提交 / submit"), ("approve", "审核通过 / approve"),
                            ("return", "退回（需理由）/ return with a reason"),
                            ("reopen", "重新打开（需理由）/ reopen with a reason")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--org", required=True)
        p.add_argument("--year", required=True)
        p.add_argument("--domain", required=True)
        p.add_argument("--reason", default="")
        p.set_defaults(handler=cmd_workflow, step=name)

    dl = sub.add_parser("deadline", help="截止日期 / due dates")
    d_sub = dl.add_subparsers(dest="deadline_command", required=True)
    p = d_sub.add_parser("set", help="设置截止日期 / set a due date (--due none removes it)")
    p.add_argument("--domain", required=True)
    p.add_argument("--year", required=True)
    p.add_argument("--due", required=True, help="YYYY-MM-DD")
    p.set_defaults(handler=cmd_deadline_set)
    p = d_sub.add_parser("list", help="应交情况 / what is due")
    p.add_argument("--year", required=True)
    p.add_argument("--org", required=True)
    p.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    p.set_defaults(handler=cmd_deadline_list)

    p = sub.add_parser("audit", help="修改记录 / the audit log")
    for opt in ("--org", "--domain", "--user-name", "--source", "--action", "--subject"):
        p.add_argument(opt)
    p.add_argument("--year", type=int)
    p.add_argument("--since", type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, help="YYYY-MM-DD")
    p.add_argument("--csv", metavar="FILE", help="导出 CSV / export to CSV")
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser("backup", help="立即备份 / back up the store now")
    p.add_argument("-o", "--output", help="备份到此文件或文件夹 / to this file or folder")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser("restore", help="从备份恢复 / restore from a backup")
    p.add_argument("file")
    p.set_defaults(handler=cmd_restore)


def cmd_users_add(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        info = accounts.add_user(ctx, args.name, args.role, _new_password(), args.org, args.display)
    print(f"已添加用户 {info.name}（{accounts.role_label(info.role)}{' ' + info.org if info.org else ''}）/ user added")
    return 0


def cmd_users_passwd(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        own = ctx.principal is not None and ctx.principal.name == args.name
        old = (os.environ.get("JZHEALTH_PASSWORD") or _ask("原密码 / current password: ")) if own else None
        accounts.set_password(ctx, args.name, _new_password(), old)
    print(f"用户 {args.name} 的密码已更新 / password updated")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        rows = accounts.list_users(ctx)
    for u in rows:
        state = "" if u.active else "  已停用/disabled"
        if u.locked_until:
            state += f"  锁定至/locked until {u.locked_until:%Y-%m-%d %H:%M} UTC"
        print(f"{u.name:<16} {u.role:<9} {u.org or '':<8} {u.display_name}{state}")
    return 0


def cmd_users_set(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        active = False if args.disable else (True if args.enable else None)
        info = accounts.update_user(ctx, args.name, role=args.role, org=args.org, active=active)
    print(f"已更新 {info.name}：{info.role} {info.org or ''}{'' if info.active else ' 已停用'} / updated")
    return 0


STEPS = {"submit": lambda ctx, a: workflow.submit(ctx, a.org, a.year, a.domain, source="cli"),
         "approve": lambda ctx, a: workflow.approve(ctx, a.org, a.year, a.domain, source="cli"),
         "return": lambda ctx, a: workflow.return_(ctx, a.org, a.year, a.domain, a.reason, source="cli"),
         "reopen": lambda ctx, a: workflow.reopen(ctx, a.org, a.year, a.domain, a.reason, source="cli")}


def cmd_workflow(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        if args.domain not in {d.code for d in ctx.catalogue.domains}:  # the catalogue's lookup raises KeyError
            raise InputError(f"未知的业务领域“{args.domain}”", f"unknown domain '{args.domain}'")
        status = STEPS[args.step](ctx, args)
    zh, en = submission.NAMES[status.status]
    print(f"{status.org} {status.domain} {status.year}：{zh} / {en}")
    return 0


def cmd_deadline_set(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        due = None if args.due.strip().lower() in ("none", "-", "") else args.due
        deadlines.set_deadline(ctx, args.domain, args.year, due)
    print(f"{args.domain} {args.year}：截止日期 {due or '已取消'} / due date {due or 'removed'}")
    return 0


def cmd_deadline_list(args: argparse.Namespace) -> int:
    today = args.today or date.today()
    with opened(args) as ctx:
        rows = deadlines.due_list(ctx, args.org, args.year, today)
        names = {d.code: d.name for d in ctx.catalogue.domains}
    for d in rows:
        zh = workflow.status_name(d.status)
        when = "已逾期 %d 天" % -d.days_left if d.overdue else ("已交" if d.delivered else f"剩 {d.days_left} 天")
        print(f"{d.domain:<18} {d.due.isoformat()}  {zh:<6} {when}  {names[d.domain]}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    flt = audit.AuditFilter(org=args.org, year=args.year, domain=args.domain, user=args.user_name, since=args.since,
                            until=args.until, source=args.source, action=args.action, subject=args.subject)
    with opened(args) as ctx:
        if args.csv:
            count = audit.export_csv(ctx, flt, args.csv)
            print(f"已导出 {count} 条记录到 {args.csv} / exported {count} row(s)")
            return 0
        rows = audit.query(ctx, flt)
    for r in rows:
        print(f"{r.at:%Y-%m-%d %H:%M:%S} {r.user:<10} {r.action:<8} {r.org or '':<7} {r.year or '':<5} "
              f"{r.subject:<24} {r.old or '∅'} → {r.new or '∅'}  [{r.source}] {r.detail}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        made = backup.manual_backup(ctx, args.output)
    print(f"已备份到 / backed up to: {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.context import store_file

    store = store_file(args.db)
    if store is not None and not backup.startup_check(store).ok:
        # A damaged store cannot check anyone's password; restoring a checked backup is the way out.
        result = backup.restore_file(store, args.file)
    else:
        with opened(args) as ctx:
            result = backup.restore(ctx, args.file)
        open_context(args.db).close()  # migrate an older backup now, with its own pre-migration copy
    print(f"已从 {Path(args.file).name} 恢复 / restored (结构版本 / schema {result.revision})")
    if result.kept:
        print(f"被替换的数据已保存为 / the replaced store was kept as: {result.kept}")
    if result.other_store:
        print("注意：此备份来自另一个数据文件；恢复后的数据仍按本数据文件备份 / "
              "note: this backup came from another store; the restored data is backed up as this store's")
    return 0
