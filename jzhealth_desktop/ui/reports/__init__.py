"""报表 feature: the report dialog, building off the UI thread, and the in-app preview.

ReportLab and pypdfium2 are imported when a report is asked for, not at start-up.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..menu_action import QT_TRANSLATE_NOOP, MenuAction
from ..qt import QCoreApplication, Qt

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")

ACTIONS = (
    MenuAction("reports", 0, 0, "reports", QT_TRANSLATE_NOOP("reports", "Build a report…"), "buildReport",
               lambda window: lambda: open_report_dialog(window), "reports.build"),
)


def open_report_dialog(window) -> None:
    from ...reports import build_report
    from .dialog import ReportDialog, suggested_name
    from .preview import PreviewDialog

    dialog = ReportDialog(window.ctx, window.current_org(), window.current_year(), window)
    if dialog.exec() != ReportDialog.DialogCode.Accepted:
        return
    kind, org, year, options = dialog.kind_code(), dialog.org_code(), dialog.year_value(), dialog.options()
    name = suggested_name(kind, window.ctx.org(org).name, year)
    out = Path(tempfile.mkdtemp(prefix="jzhealth-report-")) / name

    def work(progress):
        return build_report(window.ctx, kind, year, org, out, options, progress)

    def done(path):
        preview = PreviewDialog(path, window, name)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        preview.show()

    window.run_in_background(translate("reports", "Building the report…"), work, done, cancellable=True)
