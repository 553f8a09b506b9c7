"""Accounts feature module (see ui/features.py): sign-in at start, 审核 and 工具 menu items.

``before_main_window``: the first start of the day makes a backup; a store with accounts shows the sign-in
dialog (without accounts the station runs as its operator until 工具 → 用户管理 creates the administrator).
A damaged store never gets this far: ``recovery.offer_recovery`` runs before the store is opened.
``ACTIONS``: 审核 → 提交 / 审核通过 / 退回 / 重新打开 / 修改记录; 工具 → 备份 / 恢复 / 用户管理 / 截止日期.
"""

from __future__ import annotations

from ...services import accounts, backup
from ..menu_action import QT_TRANSLATE_NOOP, MenuAction
from ..window_actions import FEATURE_GROUP
from .actions import AccountActions
from .login import LoginDialog


def _item(menu: str, order: int, text: str, name: str, method: str, right: str) -> MenuAction:
    return MenuAction(menu, FEATURE_GROUP, order, "accounts", text, name,
                      lambda window: getattr(window.controller(AccountActions), method), right)


ACTIONS = (
    _item("review", 0, QT_TRANSLATE_NOOP("accounts", "&Submit…"), "submitForm", "submit", "submission.submit"),
    _item("review", 1, QT_TRANSLATE_NOOP("accounts", "Submit all &finished forms of the year…"), "submitAll",
          "submit_all", "submission.submit"),
    _item("review", 2, QT_TRANSLATE_NOOP("accounts", "&Approve"), "approveForm", "approve", "submission.review"),
    _item("review", 3, QT_TRANSLATE_NOOP("accounts", "R&eturn…"), "returnForm", "return_form", "submission.review"),
    _item("review", 4, QT_TRANSLATE_NOOP("accounts", "Re&open…"), "reopenForm", "reopen", "submission.review"),
    _item("review", 5, QT_TRANSLATE_NOOP("accounts", "Change &log…"), "auditLog", "show_audit", "audit.read"),
    _item("tools", 0, QT_TRANSLATE_NOOP("accounts", "&Back up now"), "backupNow", "make_backup", "store.backup"),
    _item("tools", 1, QT_TRANSLATE_NOOP("accounts", "&Restore…"), "restoreBackup", "restore", "store.maintain"),
    _item("tools", 2, QT_TRANSLATE_NOOP("accounts", "&Users…"), "manageUsers", "manage_users", "accounts.manage"),
    _item("tools", 3, QT_TRANSLATE_NOOP("accounts", "&Due dates…"), "editDeadlines", "edit_deadlines",
          "deadlines.write"),
)


def _english() -> bool:
    from ..settings import language

    return language() == "en"


def before_main_window(ctx, app) -> bool:
    # The store file was checked before it was opened (ui/application.py, accounts/recovery.py).
    if ctx.db.path is not None:
        backup.daily_backup(ctx)
    if ctx.principal is not None or not accounts.has_users(ctx):
        # Already signed in (the first administrator, just created by the set-up dialog), or no accounts yet:
        # the station runs as its operator until 工具 → 用户管理 creates the administrator.
        return True
    if app.property("unattended"):
        return True  # --smoke: no one to sign in; it shows the window, builds a report to a temp folder, exits
    return bool(LoginDialog(ctx, english=_english()).exec())
