"""Accounts feature module (see ui/features.py): sign-in at start, 审核 and 工具 menu items.

``before_main_window``: the first start of the day makes a backup; a store with accounts shows the sign-in
dialog (without accounts the station runs as its operator until 工具 → 用户管理 creates the administrator).
A damaged store never gets this far: ``recovery.offer_recovery`` runs before the store is opened.
``install``: 审核 → 提交 / 审核通过 / 退回 / 重新打开 / 修改记录; 工具 → 备份 / 恢复 / 用户管理 / 截止日期.
"""

from __future__ import annotations

from ...services import accounts, backup
from ..qt import QAction, QCoreApplication
from .actions import AccountActions
from .login import LoginDialog

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


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


def install(window) -> AccountActions:
    actions = AccountActions(window)
    review = window.menu("review")
    review.addSeparator()
    items = [(review, translate("accounts", "&Submit…"), "submitForm", lambda: actions.submit(), "submission.submit"),
             (review, translate("accounts", "Submit &all finished forms of the year…"), "submitAll",
              lambda: actions.submit_all(), "submission.submit"),
             (review, translate("accounts", "&Approve"), "approveForm", actions.approve, "submission.review"),
             (review, translate("accounts", "R&eturn…"), "returnForm", lambda: actions.return_form(), "submission.review"),
             (review, translate("accounts", "Re&open…"), "reopenForm", lambda: actions.reopen(), "submission.review"),
             (review, translate("accounts", "Change &log…"), "auditLog", actions.show_audit, "audit.read")]
    tools = window.menu("tools")
    tools.addSeparator()
    items += [(tools, translate("accounts", "&Back up now"), "backupNow", actions.make_backup, "store.backup"),
              (tools, translate("accounts", "&Restore…"), "restoreBackup", lambda: actions.restore(), "store.maintain"),
              (tools, translate("accounts", "&Users…"), "manageUsers", actions.manage_users, "accounts.manage"),
              (tools, translate("accounts", "&Due dates…"), "editDeadlines", actions.edit_deadlines, "deadlines.write")]
    window.account_actions_list = []
    for menu, text, name, slot, right in items:
        action = QAction(text, menu)
        action.setObjectName(name)
        action.triggered.connect(slot)
        action.setProperty("right", right)
        menu.addAction(action)
        window.account_actions_list.append(action)

    def mirror(*_args) -> None:  # the menu mirrors what the services allow for the selected unit
        for action in window.account_actions_list:
            action.setEnabled(actions.may(action.property("right")))

    window.selection_changed.connect(mirror)
    mirror()
    window.account_actions = actions
    return actions
