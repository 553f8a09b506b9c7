"""Accounts feature module (see ui/features.py): sign-in at start, 审核 and 工具 menu items.

``before_main_window``: a damaged store is reported and the newest good backup offered; the first start of
the day makes a backup; a store with accounts shows the sign-in dialog (without accounts the station runs as
its operator until 工具 → 用户管理 creates the administrator).
``install``: 审核 → 提交 / 审核通过 / 退回 / 重新打开 / 修改记录; 工具 → 备份 / 恢复 / 用户管理 / 截止日期.
"""

from __future__ import annotations

from ...services import accounts, backup
from ..qt import QAction, QCoreApplication, QMessageBox
from .actions import AccountActions
from .login import LoginDialog


def _english() -> bool:
    from ..settings import language

    return language() == "en"


def before_main_window(ctx, app) -> bool:
    if ctx.db.path is not None:
        health = backup.startup_check(ctx.db.path)
        if not health.ok:
            return offer_recovery(ctx, health)
        backup.daily_backup(ctx)
    if not accounts.has_users(ctx):
        # No accounts yet: the station runs as its operator (every right) until 工具 → 用户管理 creates the
        # administrator (FirstAdminDialog); a modal step here would also stop every unattended start.
        return True
    return bool(LoginDialog(ctx, english=_english()).exec())


def offer_recovery(ctx, health) -> bool:
    """Say plainly that the store is damaged and offer the newest good backup; never open the broken store."""
    tr = QCoreApplication.translate
    text = tr("accounts", "The data file failed its check and will not be opened:") + f"\n{health.problem}\n\n"
    if health.newest_good is None:
        QMessageBox.critical(None, tr("accounts", "Damaged data file"),
                             text + tr("accounts", "No good backup was found. Ask the administrator for help."))
        return False
    answer = QMessageBox.question(None, tr("accounts", "Damaged data file"),
                                  text + tr("accounts", "Restore the newest good backup?") + f"\n{health.newest_good.name}")
    if answer != QMessageBox.StandardButton.Yes:
        return False
    ctx.db.dispose()
    result = backup.restore_file(ctx.db.path, health.newest_good)
    QMessageBox.information(None, tr("accounts", "Damaged data file"),
                            tr("accounts", "Restored. The damaged file was kept as:") + f"\n{result.kept}\n"
                            + tr("accounts", "Please start the program again."))
    return False


def install(window) -> AccountActions:
    actions = AccountActions(window)
    tr = QCoreApplication.translate
    review = window.menu("review")
    review.addSeparator()
    items = [(review, tr("accounts", "Submit"), "submitForm", actions.submit, "submission.submit"),
             (review, tr("accounts", "Approve"), "approveForm", actions.approve, "submission.review"),
             (review, tr("accounts", "Return…"), "returnForm", lambda: actions.return_form(), "submission.review"),
             (review, tr("accounts", "Reopen…"), "reopenForm", lambda: actions.reopen(), "submission.review"),
             (review, tr("accounts", "Change log…"), "auditLog", actions.show_audit, "audit.read")]
    tools = window.menu("tools")
    tools.addSeparator()
    items += [(tools, tr("accounts", "Back up now"), "backupNow", actions.make_backup, "store.backup"),
              (tools, tr("accounts", "Restore…"), "restoreBackup", lambda: actions.restore(), "store.maintain"),
              (tools, tr("accounts", "Users…"), "manageUsers", actions.manage_users, "accounts.manage"),
              (tools, tr("accounts", "Due dates…"), "editDeadlines", actions.edit_deadlines, "deadlines.write")]
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
