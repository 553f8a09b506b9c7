"""``jzhealth``: the command-line front end over the same services as the GUI.

Global options (``--db``) come before the command. Every failure prints one line, Chinese then English, and
exits 1; nothing is changed: a refusal (``JzError``), bad arguments (argparse's message, without the usage
block), and — the safety net — an unexpected error, whose traceback goes to the log file
(``logfile.py``) that the line names.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from . import __version__, logfile
from .console import configure_output
from .domain.errors import JzError

# Each module registers its sub-commands; features add theirs here.
COMMAND_MODULES = (
    "jzhealth_desktop.commands.core",
    "jzhealth_desktop.commands.report",
    "jzhealth_desktop.commands.accounts",
    "jzhealth_desktop.commands.exchange",
    "jzhealth_desktop.commands.server",
    "jzhealth_desktop.commands.targets",
)


class BadArguments(Exception):
    """argparse found the command line wrong; ``main`` prints the one line."""


class _Parser(argparse.ArgumentParser):
    """argparse without the usage block and exit 2: a bad argument is one line and exit 1 like any refusal
    (sub-command parsers are made of the same class)."""

    def error(self, message: str):  # noqa: D102 - argparse's hook
        raise BadArguments(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="jzhealth", description="焦作市卫生健康统计 / Jiaozuo health statistics")
    parser.add_argument("--db", help="数据库：文件路径或 SQLAlchemy URL / store path or URL (default: JZHEALTH_DB or the per-user file)")
    parser.add_argument("--user", help="用户名（数据库已设账户时必填；密码取自 JZHEALTH_PASSWORD 或提示输入）/ "
                        "user name when the store has accounts (password: JZHEALTH_PASSWORD or a prompt)")
    parser.add_argument("--version", action="version", version=f"jzhealth {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    configure_output()  # UTF-8, or cp936 when redirected on Windows (console.py)
    try:
        args = build_parser().parse_args(argv)
    except BadArguments as exc:
        return _refuse(f"参数有误：{exc}（用 -h 查看用法）", f"bad arguments: {exc} (see -h)")
    logfile.start()
    words = " ".join(str(getattr(args, key)) for key in vars(args) if key == "command" or key.endswith("_command"))
    try:
        return int(args.handler(args) or 0)
    except JzError as exc:
        logfile.log.info("refused: %s: %s", words, exc)
        return _refuse(exc.zh, exc.en)
    except BrokenPipeError:  # output piped into head and the like
        return 0
    except KeyboardInterrupt:
        return _refuse("已中断，未完成的操作没有写入", "interrupted; what was not finished was not written")
    except Exception as exc:  # the safety net: a bug must still end in one line, with the details kept
        logfile.log.exception("unexpected failure: %s", words)
        where = logfile.where()
        return _refuse(f"程序内部错误（{type(exc).__name__}），请把日志 {where} 交给维护人员",
                       f"internal error ({type(exc).__name__}); please pass the log {where} to support")


def _refuse(zh: str, en: str) -> int:
    try:
        print(f"错误：{zh} / Error: {en}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # no console (windowed) or a closed stream: the exit code says it
        pass
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
