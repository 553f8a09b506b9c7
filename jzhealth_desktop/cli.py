"""``jzhealth``: the command-line front end over the same services as the GUI.

Global options (``--db``) come before the command. Refusals print one line,
Chinese then English, and exit non-zero; nothing is changed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from . import __version__
from .domain.errors import JzError

# Each module registers its sub-commands; features add theirs here.
COMMAND_MODULES = (
    "jzhealth_desktop.commands.core",
    "jzhealth_desktop.commands.report",
    "jzhealth_desktop.commands.accounts",
    "jzhealth_desktop.commands.exchange",
    "jzhealth_desktop.commands.keys",
    "jzhealth_desktop.commands.server",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jzhealth", description="焦作市卫生健康统计 / Jiaozuo health statistics")
    parser.add_argument("--db", help="数据库：文件路径或 SQLAlchemy URL / store path or URL (default: JZHEALTH_DB or the per-user file)")
    parser.add_argument("--user", help="用户名（数据库已设账户时必填；密码取自 JZHEALTH_PASSWORD 或提示输入）/ "
                        "user name when the store has accounts (password: JZHEALTH_PASSWORD or a prompt)")
    parser.add_argument("--version", action="version", version=f"jzhealth {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _utf8_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except JzError as exc:
        print(f"错误：{exc.zh} / Error: {exc.en}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into head and the like
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
