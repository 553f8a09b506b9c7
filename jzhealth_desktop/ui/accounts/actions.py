"""The menu actions: 审核 → 提交 / 审核通过 / 退回 / 重新打开 / 修改记录; 工具 → 备份 / 恢复 / 用户管理 / 截止日期.

Every action calls a service, which checks the signed-in user's rights; the menu only greys out what
``access.allowed`` says the user may not do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain import submission
from ...domain.errors import JzError
from ...services import backup, workflow
from ...services.access import allowed
from .. import dialogs
from ..qt import QFileDialog, QMessageBox, QObject

if TYPE_CHECKING:  # pragma: no cover
    from .audit_view import AuditDialog
    from .manage import DeadlinesDialog

# The dialogs are imported when first opened: this module is loaded while the program starts.


class AccountActions(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.english = getattr(window, "english", False)

    # ---- helpers ---------------------------------------------------------------------------------------
    def _where(self) -> tuple[str, int, str]:
        return self.window.current_org(), self.window.current_year(), self.window.current_domain()

    def _tell(self, title: str, exc: JzError) -> None:
        QMessageBox.warning(self.window, title, exc.en if self.english else exc.zh)

    def _step(self, title: str, fn) -> bool:
        try:
            status = fn()
        except JzError as exc:
            self._tell(title, exc)
            return False
        zh, en = submission.NAMES[status.status]
        self.window.statusBar().showMessage(
            f"{title}: {en}" if self.english else f"{title}：{zh}", 5000)
        self.window.reload()
        return True

    def may(self, action: str) -> bool:
        org = self.window.current_org()
        return allowed(self.ctx, action, org)

    # ---- 审核 ----------------------------------------------------------------------------------------
    def form_name(self, org: str, year: int, dom: str) -> str:
        unit, domain = self.ctx.org(org), self.ctx.catalogue.domain(dom)
        if self.english:
            return f"{unit.name_en} {year} “{domain.name_en}”"
        return f"{unit.name}{year}年「{domain.name}」"

    def submit(self, confirm: bool = True) -> bool:
        """Submit the form on screen, after asking with its name (the highlighted domain may not be the one
        the clerk has in mind, e.g. while the completeness tab shows)."""
        org, year, dom = self._where()
        if confirm and not dialogs.confirm_submit(self.window, self.form_name(org, year, dom)):
            return False
        return self._step(self.tr("Submit"), lambda: workflow.submit(self.ctx, org, year, dom))

    def submit_all(self):
        """提交本年全部已完成表单: the list of the year's forms, the ready ones submitted in one step."""
        from .submit_all import SubmitAllDialog

        dialog = SubmitAllDialog(self.ctx, self.window.current_org(), self.window.current_year(), self.window,
                                 self.english)
        dialog.exec()
        if dialog.submitted:
            self.window.reload()
        return dialog

    def approve(self, confirm: bool = True) -> bool:
        """Approve the selected form. While the completeness tab (every form of the year) shows, ask first,
        naming the form: the one the window has selected may not be the cell the reviewer looks at."""
        org, year, dom = self._where()
        if confirm and not self.window.showing_one_form() and QMessageBox.question(
                self.window, self.tr("Approve"), self.tr("Approve {what}?").format(what=self.form_name(org, year, dom)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        return self._step(self.tr("Approve"), lambda: workflow.approve(self.ctx, org, year, dom))

    def _with_reason(self, title: str, fn, reason: str | None) -> bool:
        org, year, dom = self._where()
        if reason is None:
            from .reason import ReasonDialog

            what = self.form_name(org, year, dom)  # the form it acts on, whichever tab shows
            dialog = ReasonDialog(f"{title} — {what}", what + "\n" + self.tr("Reason (the county sees it):"),
                                  self.window)
            if not dialog.exec():
                return False
            reason = dialog.text()
        return self._step(title, lambda: fn(self.ctx, org, year, dom, reason))

    def return_form(self, reason: str | None = None) -> bool:
        return self._with_reason(self.tr("Return"), workflow.return_, reason)

    def reopen(self, reason: str | None = None) -> bool:
        return self._with_reason(self.tr("Reopen"), workflow.reopen, reason)

    def show_audit(self) -> AuditDialog:
        from .audit_view import AuditDialog

        dialog = AuditDialog(self.ctx, self.window, self.english)
        dialog.show()
        return dialog

    # ---- 工具 ----------------------------------------------------------------------------------------
    def make_backup(self) -> None:
        try:
            made = backup.manual_backup(self.ctx)
        except JzError as exc:
            self._tell(self.tr("Back up"), exc)
            return
        QMessageBox.information(self.window, self.tr("Back up"), self.tr("Backed up to:") + f"\n{made}")

    def restore(self, path: str | None = None, confirm: bool = True) -> bool:
        if path is None:
            from ...paths import backups_dir

            path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Restore"), str(backups_dir()),
                                                  self.tr("Backups (*.sqlite)"))
            if not path:
                return False
        if confirm and QMessageBox.question(
                self.window, self.tr("Restore"),
                self.tr("Replace all data with this backup? The current data is kept as a backup first.")
        ) != QMessageBox.StandardButton.Yes:
            return False
        try:
            backup.verify_backup(path)
            result = backup.restore(self.ctx, path)
        except JzError as exc:
            self._tell(self.tr("Restore"), exc)
            return False
        self.window.reload()
        QMessageBox.information(self.window, self.tr("Restore"),
                                self.tr("Restored. The replaced data was kept as:") + f"\n{result.kept}")
        return True

    def manage_users(self):
        from ...services.accounts import has_users
        from .login import FirstAdminDialog

        if not has_users(self.ctx):  # the first account is the administrator, and signs in at once
            dialog = FirstAdminDialog(self.ctx, self.window, self.english)
            dialog.show()
            return dialog
        from .manage import UsersDialog

        users = UsersDialog(self.ctx, self.window, self.english)
        users.show()
        return users

    def edit_deadlines(self) -> DeadlinesDialog:
        from .manage import DeadlinesDialog

        dialog = DeadlinesDialog(self.ctx, self.window.current_year(), self.window, self.english)
        dialog.show()
        return dialog
