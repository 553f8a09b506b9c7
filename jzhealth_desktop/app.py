"""``jzhealth-desktop``: thin GUI entry point.

Parse arguments and hand over to ``ui.application.run``: the main window's frame paints first, then the store
is checked, opened and shown in it (``--smoke`` and the frozen build start the same way).
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jzhealth-desktop")
    parser.add_argument("--db", help="数据库文件或 URL / store path or URL")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库 / open the demo store")
    parser.add_argument("--smoke", action="store_true", help="启动、显示主窗口后退出 / start, show the main window, exit 0")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from .ui.application import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
