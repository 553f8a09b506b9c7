"""年度目标 feature (see ui/features.py): 工具 → 年度目标… opens the targets window, for those who may set
targets (reviewers and administrators: ``targets.write``). The dialog is imported when asked for."""

from __future__ import annotations

from ..menu_action import QT_TRANSLATE_NOOP, MenuAction
from ..window_actions import FEATURE_GROUP

ACTIONS = (
    MenuAction("tools", FEATURE_GROUP, 90, "targets", QT_TRANSLATE_NOOP("targets", "&Targets…"), "editTargets",
               lambda window: lambda: open_targets(window), "targets.write"),
)


def open_targets(window):
    from .view import TargetsDialog

    dialog = TargetsDialog(window.ctx, window.current_org(), window.current_year(), window)
    dialog.exec()
    return dialog
