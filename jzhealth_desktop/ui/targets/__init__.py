"""年度目标 feature (see ui/features.py): 工具 → 年度目标… opens the targets window, for those who may set
targets (reviewers and administrators: ``targets.write``). The dialog is imported when asked for."""

from __future__ import annotations

from ..qt import QAction, QCoreApplication

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


def install(window) -> None:
    action = QAction(translate("targets", "&Targets…"), window)
    action.setObjectName("editTargets")
    action.setProperty("right", "targets.write")  # the main window enables it where access.allowed says so
    action.triggered.connect(lambda: open_targets(window))
    window.menu("tools").addAction(action)


def open_targets(window):
    from .view import TargetsDialog

    dialog = TargetsDialog(window.ctx, window.current_org(), window.current_year(), window)
    dialog.exec()
    return dialog
