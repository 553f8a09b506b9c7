"""Screenshots of the main window on a demo store, for docs/screenshots/ and the shipped user guide.

Run: ``python tools/screenshot.py`` (re-runs itself under ``xvfb-run`` when there is no display).
Writes form-immunization.png, form-eldercare.png, form-telemedicine.png, completeness.png and grid.png
to docs/screenshots/ and copies them to resources/help/images/ for 帮助 → 使用说明.

``--screen 1366x768 [--scale 1.5]``: the small laptop screen counties have, optionally at 150 % (Windows'
"recommended" scaling there). The window fills the screen as it would maximised, and the shots (plus the
submit-all dialog and the user guide) go to docs/screenshots/1366x768/ or 1366x768-150/ to be looked at for
clipping; the help images are left alone.
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
        from jzhealth_desktop.ui.accounts.submit_all import SubmitAllDialog
        from jzhealth_desktop.ui.help import GuideDialog

        window.select(COUNTY, YEAR, "immunization")
        for name, dialog in (("submit-all.png", SubmitAllDialog(window.ctx, COUNTY, YEAR, window)),
                             ("guide.png", GuideDialog(window))):
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


if __name__ == "__main__":
    raise SystemExit(main())
