"""Start the GUI: open the store, create the QApplication, first-run set-up, feature hooks, the main window.

``run(args)`` is what ``jzhealth-desktop`` calls; ``start(args)`` does everything but the event loop so
tests and ``--smoke`` start exactly the way a clerk's double-click does.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import JzError
from ..paths import data_dir
from ..services.context import Context, open_context
from ..services.demo import load_demo
from ..services.station import configure_station, station
from .features import FEATURE_MODULES
from .i18n import install_translators
from .qt import QApplication, QEvent, QFont, QObject, QTimer
from .settings import language
from .style import STYLE_SHEET

DEMO_OPERATOR = "演示用户"


@dataclass
class Started:
    app: QApplication
    ctx: Context
    window: object | None  # MainWindow, or None if the clerk cancelled set-up or a feature said no


def open_store(args: argparse.Namespace) -> Context:
    """The store from --db / JZHEALTH_DB / the default file; --demo: a demo store in the data folder."""
    if not getattr(args, "demo", False):
        return open_context(args.db)
    path = args.db or str(data_dir() / "demo.sqlite")
    new = "://" not in path and not Path(path).exists()
    ctx = open_context(path)
    if new:  # a fresh demo store: the demo figures, set up as the city station so every county shows
        load_demo(ctx)
        configure_station(ctx, "city", None, DEMO_OPERATOR)
    return ctx


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("jzhealth-desktop")
    app.setOrganizationName("Jiaozuo")
    app.setStyle("Fusion")
    font = QFont(app.font())
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                      font.family()])
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    if not hasattr(app, "_jz_translators"):
        app._jz_translators = install_translators(app, language())  # kept alive with the app
    return app


def start(args: argparse.Namespace, ctx: Context | None = None) -> Started:
    ctx = ctx or open_store(args)
    app = make_app()
    current = station(ctx)
    if current.configured:
        ctx.user = current.operator
    elif not getattr(args, "smoke", False):
        from .setup_dialog import SetupDialog

        dialog = SetupDialog(ctx)
        if not dialog.exec():
            return Started(app, ctx, None)
        current = dialog.station or station(ctx)
    modules = [importlib.import_module(name) for name in FEATURE_MODULES]
    for module in modules:
        hook = getattr(module, "before_main_window", None)
        if hook is not None and hook(ctx, app) is False:
            return Started(app, ctx, None)
    from .main_window import MainWindow

    window = MainWindow(ctx, current)
    for module in modules:
        hook = getattr(module, "install", None)
        if hook is not None:
            hook(window)
    return Started(app, ctx, window)


class _FirstPaint(QObject):
    """Quits the event loop once the main window has been painted (for --smoke and the start benchmark)."""

    def __init__(self, app: QApplication):
        super().__init__()
        self.app = app
        self.painted = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            stamp = os.environ.get("JZHEALTH_PAINT_STAMP")  # benchmarks/bench_gui.py: when the first paint happened
            if stamp:
                Path(stamp).write_text(repr(time.time()), encoding="utf-8")
            QTimer.singleShot(0, self.app.quit)
        return False


def run(args: argparse.Namespace, exec: bool = True) -> int:
    try:
        started = start(args)
    except JzError as exc:
        print(f"错误：{exc.zh} / Error: {exc.en}", file=sys.stderr)
        return 1
    except Exception as exc:  # a start-up failure must end with a message and a non-zero status
        print(f"错误：程序无法启动 / Error: cannot start: {type(exc).__name__}: {exc}", file=sys.stderr)
        if not getattr(args, "smoke", False):
            raise
        return 1
    app, ctx, window = started.app, started.ctx, started.window
    if window is None:
        ctx.close()
        return 0
    watcher = None
    if getattr(args, "smoke", False):
        watcher = _FirstPaint(app)
        window.installEventFilter(watcher)
    window.show()
    if not exec:
        return 0
    code = app.exec()
    ctx.close()
    if watcher is not None and not watcher.painted:
        print("错误：主窗口未能显示 / Error: the main window was never painted", file=sys.stderr)
        return 2
    return code
