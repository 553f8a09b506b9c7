"""Start the GUI: check and open the store, create the QApplication, first-run set-up (station and
administrator), feature hooks (sign-in), the main window.

``run(args)`` is what ``jzhealth-desktop`` calls; ``start(args)`` does everything but the event loop so
tests and ``--smoke`` start exactly the way a clerk's double-click does.

Order: a SQLite store file is checked (``PRAGMA quick_check``, read-only) *before* it is opened; a damaged
one is never opened: ``--smoke`` exits non-zero naming the problem, the program offers the newest good backup.
``--smoke`` is unattended: no set-up and no sign-in dialog (it runs as the station operator, shows the window,
builds the annual report into a temporary folder after the first paint, then exits; non-zero if any step failed).
For benchmarks/bench_gui.py, ``JZHEALTH_PAINT_STAMP`` names a file for the first filled paint's time, whether
the form was usable then, and the peak memory so far; ``JZHEALTH_SMOKE_UNTIL=form`` ends the run at that paint.

``run`` shows the main window's frame (title, menus, status bar, "opening the data…") first and only then
imports SQLAlchemy, opens the store and fills the same window (``MainWindow.attach``): importing SQLAlchemy
alone takes longer than a bare PySide6 window needs to appear (benchmarks/bench_gui.py prints the frame's and
the filled window's first paint). ``start`` itself keeps the old order (store, then QApplication) for tests
and tools.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from .. import logfile
from ..domain.errors import JzError, StoreError
from ..paths import data_dir, resources_dir
from .features import FEATURE_MODULES, declared_actions
from .i18n import install_translators
from . import errors, gc_guard
from .qt import QApplication, QCoreApplication, QEvent, QFont, QIcon, QMessageBox, QObject, QTimer
from .settings import language
from .style import STYLE_SHEET

if TYPE_CHECKING:  # pragma: no cover
    from ..services.backup import Startup
    from ..services.context import Context

# SQLAlchemy (through services and store) is imported inside the functions below, after the shell has painted.

DEMO_OPERATOR = "演示用户"
UNATTENDED = "unattended"  # QApplication property: True under --smoke, so no hook waits for a person


@dataclass
class Started:
    app: QApplication
    ctx: Context | None  # None when a damaged store was not opened
    window: object | None  # MainWindow, or None if the clerk cancelled set-up or a feature said no


class DamagedStore(StoreError):
    """The store file failed its check before opening; it was not opened."""

    def __init__(self, path: Path, health: "Startup"):
        self.path, self.health = path, health
        offer_zh = f"最新的完好备份：{health.newest_good.name}" if health.newest_good else "没有找到完好的备份"
        offer_en = f"newest good backup: {health.newest_good.name}" if health.newest_good else "no good backup found"
        if health.kind not in ("", "damaged"):  # locked, read-only, full, not ours: no backup is offered
            offer_zh, offer_en = "不提供备份恢复（见上）", "no backup is offered (see above)"
        super().__init__(f"数据文件“{path}”未通过检查（{health.problem}），未打开；{offer_zh}",
                         f"the store file '{path}' failed its check ({health.problem}) and was not opened; {offer_en}")


def store_target(args: argparse.Namespace) -> str:
    """--db, else JZHEALTH_DB, else the default file; --demo without --db: demo.sqlite in the data folder."""
    from ..services.context import store_url

    if getattr(args, "demo", False) and not args.db:
        return str(data_dir() / "demo.sqlite")
    return store_url(args.db)


def check_store_file(args: argparse.Namespace) -> None:
    """Raise DamagedStore when the SQLite file exists and fails its quick check (server stores: nothing to do)."""
    from ..services import backup
    from ..services.context import store_file

    path = store_file(store_target(args))
    if path is None:
        return
    health = backup.startup_check(path)
    if not health.ok:
        raise DamagedStore(path, health)


def open_store(args: argparse.Namespace) -> Context:
    """Open the checked store; a new --demo store gets the demo figures, the city station and demo accounts."""
    from ..services.context import open_context
    from ..services.station import configure_station
    from ..services.context import store_file

    target = store_target(args)
    path = store_file(target)
    new_demo = getattr(args, "demo", False) and path is not None and not path.exists()
    ctx = open_context(target)
    if new_demo:
        from ..services.accounts import add_demo_accounts
        from ..services.demo import load_demo

        load_demo(ctx)
        configure_station(ctx, "city", None, DEMO_OPERATOR)
        add_demo_accounts(ctx)  # documented in docs/accounts.md; the sign-in dialog asks for one
    return ctx


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    gc_guard.install(app)  # cycles are collected on this thread, never in a worker
    app.setApplicationName("jzhealth-desktop")
    app.setOrganizationName("Jiaozuo")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "jzhealth.png")))
    font = QFont(app.font())
    font.setFamilies(["Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                      font.family()])
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    if not hasattr(app, "_jz_translators"):
        app._jz_translators = install_translators(app, language())  # kept alive with the app
    return app


def start(args: argparse.Namespace, ctx: Context | None = None, frame=None) -> Started:
    """Open (or take) the store, then the QApplication, set-up, feature hooks and the main window.

    A ``ctx`` passed in is used as it is; if it already has a signed-in principal, nobody is asked to sign in.
    A ``frame`` (a MainWindow painted before the store was open, see ``run``) is filled instead of building a
    new window.
    """
    from ..services.station import station

    smoke = bool(getattr(args, "smoke", False))
    if ctx is None:
        try:
            check_store_file(args)
        except DamagedStore as damaged:
            if smoke:
                raise
            app = make_app()
            from .accounts.recovery import offer_recovery

            if not offer_recovery(damaged.path, damaged.health):
                return Started(app, None, None)
        from .accounts.server_sign_in import CANCELLED, open_server_store  # a city server: sign in, then open

        ctx = open_server_store(store_target(args), smoke, make_app)
        if ctx is CANCELLED:
            return Started(make_app(), None, None)
        ctx = ctx or open_store(args)
    app = make_app()
    app.setProperty(UNATTENDED, smoke)
    current = station(ctx)
    if current.configured:
        if ctx.principal is None:
            ctx.user = current.operator
    elif not smoke:
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

    if frame is None:
        window = MainWindow(ctx, current)
    else:
        window = frame
        window.attach(ctx, current)
    window.add_actions(declared_actions(modules))  # the features' menu items, placed by ui/menus.py
    return Started(app, ctx, window)


def smoke_report(window) -> Path:
    """--smoke's last step: the annual report of the shown unit and year into a temporary folder (then removed)."""
    from ..reports import build_report

    folder = Path(tempfile.mkdtemp(prefix="jzhealth-smoke-"))
    try:
        out = build_report(window.ctx, "annual", window.current_year(), window.current_org(), folder / "smoke.pdf")
        if out.read_bytes()[:5] != b"%PDF-":
            raise StoreError("冒烟测试生成的报表不是 PDF", "the smoke report is not a PDF")
        return out
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def peak_memory_kib() -> int:
    """This process's peak resident set so far, in KiB (POSIX ``ru_maxrss``; Windows ``PeakWorkingSetSize``):
    benchmarks/bench_gui.py reads it at the first filled paint, and the bare window's the same way."""
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                        ("PeakWorkingSetSize", ctypes.c_size_t), ("rest", ctypes.c_size_t * 7)]

        kernel32, psapi = ctypes.windll.kernel32, ctypes.windll.psapi
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE  # a pseudo-handle: (HANDLE)-1, not an int -1
        psapi.GetProcessMemoryInfo.argtypes = [wintypes.HANDLE, ctypes.POINTER(Counters), wintypes.DWORD]
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        if not psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb):
            return 0  # unknown (the benchmark refuses a zero)
        return counters.PeakWorkingSetSize // 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB elsewhere


def usable_form(window) -> str:
    """"usable" when the shown form has figures and the keyboard is in its first empty figure (where typing
    starts), else what is missing: what benchmarks/bench_gui.py's filled-usable-form row requires."""
    view = window.form_view
    if view.form is None or not view.editable_rows():
        return "no form to type in"
    start = view.first_empty_field()
    focused = QApplication.focusWidget()
    if focused is not start:
        return f"focus on {type(focused).__name__} {getattr(focused, 'code', '')}, not the first empty figure"
    return "usable"


class _FirstPaint(QObject):
    """--smoke: once the main window has been painted, build a report, then quit the event loop."""

    def __init__(self, app: QApplication, window):
        super().__init__()
        self.app, self.window = app, window
        self.painted = False
        self.failure: BaseException | None = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            stamp = os.environ.get("JZHEALTH_PAINT_STAMP")  # benchmarks/bench_gui.py: when the first paint happened
            if stamp:
                Path(stamp).write_text(f"{time.time()!r}\n{usable_form(self.window)}\n{peak_memory_kib()}",
                                       encoding="utf-8")
            if os.environ.get("JZHEALTH_SMOKE_UNTIL") == "form":  # the benchmark's peak memory: stop at the form
                QTimer.singleShot(0, lambda: self.app.exit(0))
            else:
                QTimer.singleShot(0, self.finish)
        return False

    def finish(self) -> None:
        try:
            smoke_report(self.window)
        except Exception as exc:  # reported by run() with a non-zero status
            self.failure = exc
        # exit(), not quit(): quit() closes every window, and closing the last one posts a second Quit event that
        # would end the next event loop (a dialog's, in tests that run the smoke in-process) at once.
        self.app.exit(0)


def _say(exc: BaseException) -> None:
    if isinstance(exc, JzError):
        print(f"错误：{exc.zh} / Error: {exc.en}", file=sys.stderr)
    else:
        print(f"错误：程序无法启动 / Error: cannot start: {type(exc).__name__}: {exc}", file=sys.stderr)


def refusal_box(exc: BaseException) -> None:
    """A start-up refusal told in a window (the windowed build has no console for ``_say``): the reason in the
    UI's language and, for an unexpected error, where the log with its details is."""
    from .dialogs import error_text

    translate = QCoreApplication.translate
    text = translate("application", "The program cannot start:") + "\n" + error_text(exc)
    if not isinstance(exc, JzError):
        text += "\n\n" + translate("application", "The details were written to the log file:") + f"\n{logfile.where()}"
    QMessageBox.critical(None, translate("application", "Cannot start"), text)


def previous_crash_box(parent) -> None:
    """The last run ended in a hard crash (faulthandler wrote to crash.log): say so once, and where the log is."""
    translate = QCoreApplication.translate
    QMessageBox.warning(parent, translate("application", "The program ended abnormally last time"),
                        translate("application", "The program ended abnormally the last time it ran. Data already "
                                                 "saved is kept. The details were written to the log file:")
                        + f"\n{logfile.where()}")


class _FramePainted(QObject):
    """Once the main window's frame has painted, go on (``then``) from the event loop; a start without a paint
    event (hidden session) goes on after ``WAIT_MS``. Writes the paint's time for benchmarks/bench_gui.py."""

    WAIT_MS = 500

    def __init__(self, then):
        super().__init__()
        self.then = then
        self.done = False
        QTimer.singleShot(self.WAIT_MS, self.go)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.done:
            stamp = os.environ.get("JZHEALTH_FRAME_STAMP")
            if stamp:
                Path(stamp).write_text(repr(time.time()), encoding="utf-8")
            QTimer.singleShot(0, self.go)
        return False

    def go(self) -> None:
        if not self.done:
            self.done = True
            self.then()


def run(args: argparse.Namespace, exec: bool = True) -> int:
    """The program: the main window's frame paints first; then (inside the event loop) ``start`` opens the store
    and fills the same window."""
    from .main_window import MainWindow

    smoke = bool(getattr(args, "smoke", False))
    logfile.start()
    logfile.announce("jzhealth-desktop")
    crashed_before = logfile.start_faulthandler() if exec else ""
    app = make_app()
    app.setProperty(UNATTENDED, smoke)
    errors.install(app)
    window = MainWindow()  # the frame: title, menus, status bar, "opening the data…"
    app.setQuitOnLastWindowClosed(False)  # a refusal closes the frame; that must not post a second quit
    outcome: dict = {"code": 0, "started": None, "watcher": None}

    def finish(code: int) -> None:
        outcome["code"] = code
        window.close()
        if exec:
            app.exit(code)

    def proceed() -> None:
        if not window.isVisible():  # closed before the store was opened: nothing to open it for
            return finish(0)
        try:
            started = start(args, frame=window)
        except Exception as exc:  # a start-up failure must end with a message and a non-zero status
            if isinstance(exc, JzError):
                logfile.log.warning("start refused: %s", exc)
            else:  # raising here would only reach Qt's slot machinery, not the caller
                logfile.log.exception("start failed")
            _say(exc)
            if not smoke:
                refusal_box(exc)
            return finish(1)
        outcome["started"] = started
        if started.window is None:
            if started.ctx is not None:
                started.ctx.close()
            return finish(0)
        if smoke:  # the next paint is the filled window
            outcome["watcher"] = _FirstPaint(app, window)
            window.installEventFilter(outcome["watcher"])
            window.update()
        app.setQuitOnLastWindowClosed(True)  # from now on closing the main window ends the program
        if crashed_before and not smoke:
            QTimer.singleShot(0, lambda: previous_crash_box(window))

    if not exec:  # tests: everything up to the filled main window, without an event loop
        window.show()
        proceed()
        return outcome["code"]
    painted = _FramePainted(proceed)
    window.installEventFilter(painted)
    window.show()
    try:
        code = app.exec()
    finally:
        logfile.stop_faulthandler()  # a normal end: nothing to report at the next start
    started, watcher = outcome["started"], outcome["watcher"]
    if started is None or started.window is None:
        return outcome["code"]
    ctx = started.ctx
    window.hide()  # --smoke leaves it open (see _FirstPaint.finish)
    window.deleteLater()
    ctx.close()
    if watcher is not None:
        if not watcher.painted:
            print("错误：主窗口未能显示 / Error: the main window was never painted", file=sys.stderr)
            return 2
        if watcher.failure is not None:
            print("错误：报表未能生成 / Error: the report could not be built", file=sys.stderr)
            _say(watcher.failure)
            return 3
    return code
