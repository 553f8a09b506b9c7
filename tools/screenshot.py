"""Screenshots of the main window on a demo store, for docs/screenshots/ and the shipped user guide.

Run: ``python tools/screenshot.py`` (re-runs itself under ``xvfb-run`` when there is no display).
Writes form-immunization.png, form-eldercare.png, form-telemedicine.png, completeness.png and grid.png
to docs/screenshots/ and copies them to resources/help/images/ for 帮助 → 使用说明.

``--screen 1366x768 [--scale 1.5]``: the small laptop screen counties have, optionally at 150 % (Windows'
"recommended" scaling there). The window fills the screen as it would maximised, and the shots (plus the
dialogs a clerk opens: submit-all, user guide, report dialog and preview, history, field search, comment,
users, deadlines, audit, the error dialog) go to docs/screenshots/1366x768/ or 1366x768-150/ to be looked at
for clipping; the help images are left alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
HELP_IMAGES = ROOT / "resources" / "help" / "images"
COUNTY = "410821"  # 修武县
YEAR = 2021


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--screen", default="", help="WIDTHxHEIGHT of the screen to try, e.g. 1366x768")
    parser.add_argument("--scale", default="", help="Qt scale factor, e.g. 1.5 for 150 %%")
    options = parser.parse_args()
    if not os.environ.get("DISPLAY") and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        if not shutil.which("xvfb-run"):
            print("xvfb-run not found (apt install xvfb)", file=sys.stderr)
            return 1
        screen = options.screen or "1600x1000"
        return subprocess.call(["xvfb-run", "-a", "-s", f"-screen 0 {screen}x24", sys.executable, *sys.argv])
    if options.scale:
        os.environ["QT_SCALE_FACTOR"] = options.scale
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as home:
        os.environ["JZHEALTH_HOME"] = home  # a fresh demo store and no saved window settings
        if options.screen:
            suffix = f"-{round(float(options.scale) * 100)}" if options.scale else ""
            return shoot(OUT / f"{options.screen}{suffix}", fill_screen=True)
        return shoot()


def shoot(out: Path = OUT, fill_screen: bool = False) -> int:
    from jzhealth_desktop.services.accounts import sign_in
    from jzhealth_desktop.services.deadlines import set_deadline
    from jzhealth_desktop.ui.application import open_store, start
    from jzhealth_desktop.ui.main_window import COMPLETENESS_TAB, FORM_TAB, GRID_TAB
    from jzhealth_desktop.ui.qt import QApplication

    args = argparse.Namespace(db=None, demo=True, smoke=False)
    ctx = open_store(args)
    sign_in(ctx, "admin", "jzdemo-admin")  # a documented demo account (docs/accounts.md): no sign-in dialog
    for domain, due in (("immunization", "2022-03-31"), ("eldercare", "2022-04-15"), ("telemedicine", "2022-04-30")):
        set_deadline(ctx, domain, YEAR, due)  # due dates show in the completeness view
    from datetime import date

    from jzhealth_desktop.ui import due

    due.today = lambda: date(2022, 3, 20)  # the demo year's reporting season, so "days left" reads sensibly
    started = start(args, ctx)
    app, window = started.app, started.window
    if fill_screen:
        window.setGeometry(window.screen().availableGeometry())  # as maximised, without a window manager
    else:
        window.resize(1280, 860)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    HELP_IMAGES.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()
        window.form_view.validate_now()
        app.processEvents()

    shots = []
    for domain in ("immunization", "eldercare", "telemedicine"):
        window.select(COUNTY, YEAR, domain)
        window.focus_form()
        settle()
        shots.append((f"form-{domain}.png", window.grab()))
    window.select(window.ctx.city.code, YEAR, "immunization")
    window.tabs.setCurrentIndex(GRID_TAB)
    settle()
    shots.append(("grid.png", window.grab()))
    window.tabs.setCurrentIndex(COMPLETENESS_TAB)
    settle()
    shots.append(("completeness.png", window.grab()))
    if fill_screen:
        window.select(COUNTY, YEAR, "immunization")
        for name, make in dialogs(window, Path(home_folder()) / "shots"):
            dialog = make()
            dialog.show()
            settle()
            shots.append((name, dialog.grab()))
            dialog.close()
    for name, pixmap in shots:
        pixmap.save(str(out / name))
        if out == OUT:
            shutil.copyfile(out / name, HELP_IMAGES / name)
        print(out / name, f"{pixmap.width()}x{pixmap.height()}")
    window.close()
    started.ctx.close()
    QApplication.processEvents()
    return 0


def home_folder() -> str:
    return os.environ["JZHEALTH_HOME"]


def dialogs(window, scratch: Path) -> list:
    """The windows a clerk opens from the main window, each as (file name, a function that builds it)."""
    from jzhealth_desktop.reports import build_report
    from jzhealth_desktop.ui.accounts.audit_view import AuditDialog
    from jzhealth_desktop.ui.accounts.manage import DeadlinesDialog, UsersDialog
    from jzhealth_desktop.ui.accounts.submit_all import SubmitAllDialog
    from jzhealth_desktop.ui.errors import ErrorDialog
    from jzhealth_desktop.ui.forms.grid import CommentDialog
    from jzhealth_desktop.ui.forms.search import FieldSearch
    from jzhealth_desktop.ui.help import GuideDialog
    from jzhealth_desktop.ui.history_dialog import HistoryDialog
    from jzhealth_desktop.ui.reports.dialog import ReportDialog
    from jzhealth_desktop.ui.reports.preview import PreviewDialog

    ctx = window.ctx
    scratch.mkdir(parents=True, exist_ok=True)

    def special_dialog():
        dialog = ReportDialog(ctx, None, YEAR, window)
        dialog.kind.setCurrentIndex(dialog.kind.findData("special"))
        return dialog

    def preview():
        pdf = build_report(ctx, "annual", YEAR, None, scratch / "焦作市2021年年度统计报表.pdf", {})
        return PreviewDialog(pdf, window, pdf.name)

    def search():
        dialog = FieldSearch(ctx, False, window)
        dialog.query.setText("床位")
        return dialog

    def error():
        try:
            raise RuntimeError("示例错误")
        except RuntimeError as exc:
            import traceback

            return ErrorDialog("".join(traceback.format_exception(exc)), window)

    return [
        ("submit-all.png", lambda: SubmitAllDialog(ctx, COUNTY, YEAR, window)),
        ("guide.png", lambda: GuideDialog(window)),
        ("report-dialog.png", special_dialog),
        ("preview.png", preview),
        ("history.png", lambda: HistoryDialog(ctx, COUNTY, YEAR, "imm_clinics", window)),
        ("search.png", search),
        ("comment.png", lambda: CommentDialog("养老机构数（家） · 2021年", ["「养老机构数」比上年变化 +150%（上年 2），超过 50%，"
                                                                          "请填写说明"], "", window)),
        ("users.png", lambda: UsersDialog(ctx, window)),
        ("deadlines.png", lambda: DeadlinesDialog(ctx, YEAR, window)),
        ("audit.png", lambda: AuditDialog(ctx, window)),
        ("error.png", error),
    ]


if __name__ == "__main__":
    raise SystemExit(main())
