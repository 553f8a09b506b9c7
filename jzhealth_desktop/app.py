"""``jzhealth-desktop``: thin GUI entry point.

Parse arguments and hand over to ``ui.application.run``: the main window's frame paints first, then the store
is checked, opened and shown in it (``--smoke`` and the frozen build start the same way).

On Linux, before Qt is started: if the X11 platform plugin would not load (system libraries missing on a fresh
machine), say in one line which packages to install, instead of Qt's abort (exit 134) naming the wrong one.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Sequence

# Debian names that do not follow the soname (libfoo.so.N → libfooN, libfoo-1.so.N → libfoo-1-N).
_PACKAGE_OF = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
               "libgobject-2.0.so.0": "libglib2.0-0"}
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that ships a shared library, by Debian's naming of library packages."""
    if soname in _PACKAGE_OF:
        return _PACKAGE_OF[soname]
    base, _, version = soname.partition(".so.")
    base = base.lower()
    return f"{base}-{version}" if base[-1:].isdigit() else f"{base}{version}"


def missing_from_ldd(output: str) -> list[str]:
    """Packages to install for the libraries ``ldd`` reports as not found."""
    return sorted({debian_package(name) for name in _NOT_FOUND.findall(output)})


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, when Qt is going to load it (Linux, no other platform chosen)."""
    if not sys.platform.startswith("linux"):
        return None
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if (chosen and not chosen.startswith("xcb")) or (not chosen and os.environ.get("WAYLAND_DISPLAY")):
        return None
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_linux_packages(plugin: Path | None = None) -> list[str]:
    """System packages the X11 plugin needs and the machine lacks (empty when nothing is missing or unknown).

    Loading the plugin the way Qt will costs nothing extra (Qt maps the same libraries a moment later); only
    when that fails is ``ldd`` asked for the whole list (the loader names just the first missing library)."""
    import ctypes

    plugin = plugin or xcb_plugin()
    if plugin is None:
        return []
    try:
        ctypes.CDLL(str(plugin), mode=os.RTLD_LAZY)
        return []
    except OSError as exc:
        first = re.match(r"(\S+\.so[.\d]*): cannot open shared object file", str(exc))
    try:
        listed = missing_from_ldd(subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                                  encoding="utf-8", errors="replace").stdout)
    except OSError:  # no ldd
        listed = []
    return listed or ([debian_package(first.group(1))] if first else [])


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jzhealth-desktop")
    parser.add_argument("--db", help="数据库文件或 URL / store path or URL")
    parser.add_argument("--demo", action="store_true", help="打开演示数据库 / open the demo store")
    parser.add_argument("--smoke", action="store_true", help="启动、显示主窗口后退出 / start, show the main window, exit 0")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    missing = missing_linux_packages()
    if missing:
        names = " ".join(missing)
        print(f"错误：缺少图形界面所需的系统库，请先安装：sudo apt-get install {names} / Error: the window needs "
              f"system libraries that are missing; install them: sudo apt-get install {names}", file=sys.stderr)
        return 1
    from .ui.application import run

    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
