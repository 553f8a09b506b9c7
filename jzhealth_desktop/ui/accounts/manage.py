"""工具 → 用户管理 and 工具 → 截止日期: small dialogs over the accounts and deadlines services."""

from __future__ import annotations

from ...domain.errors import JzError
from ...services import accounts, deadlines
from ..menus import ensure_mnemonics
from ..qt import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableWidget,
                  QTableWidgetItem, QVBoxLayout)


class UsersDialog(QDialog):
    def __init__(self, ctx, parent=None, english: bool = False):
        super().__init__(parent)
        self.ctx, self.english = ctx, english
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("Users"))
        self.resize(700, 420)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Role"), self.tr("County"), self.tr("State")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("userName")
        self.role = QComboBox(self)
        self.role.setObjectName("userRole")
        for role in accounts.ROLES:
            self.role.addItem(accounts.role_label(role) if not english else role, role)
        self.org = QComboBox(self)
        self.org.setObjectName("userOrg")
        self.org.addItem("—", None)
        for unit in ctx.counties():
            self.org.addItem(unit.name_en if english else unit.name, unit.code)
        self.password = QLineEdit(self)
        self.password.setObjectName("userPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("County (clerks)"), self.org)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        keyed = [form.labelForField(w) for w in (self.name, self.role, self.org, self.password)]
        buttons = QHBoxLayout()
        for text, name, slot in ((self.tr("Add user"), "addUser", self.add),
                                 (self.tr("Reset password"), "resetPassword", self.reset),
                                 (self.tr("Disable / enable"), "toggleUser", self.toggle)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            keyed.append(button)
        ensure_mnemonics(keyed)  # Alt keys for every label (its field takes the focus) and button
        layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("usersStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        users = accounts.list_users(self.ctx)
        self.table.setRowCount(len(users))
        for i, u in enumerate(users):
            state = self.tr("active") if u.active else self.tr("disabled")
            if u.locked_until:
                state += " " + self.tr("(locked)")
            for j, text in enumerate([u.name, accounts.role_label(u.role), u.org or "", state]):
                self.table.setItem(i, j, QTableWidgetItem(text))

    def _selected(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.text() if item is not None else None

    def _run(self, fn, done: str) -> None:
        try:
            fn()
        except JzError as exc:
            self.status.setText(exc.en if self.english else exc.zh)
            return
        finally:
            self.password.clear()
        self.status.setText(done)
        self.refresh()

    def add(self) -> None:
        self._run(lambda: accounts.add_user(self.ctx, self.name.text(), self.role.currentData(), self.password.text(),
                                            self.org.currentData()), self.tr("User added."))

    def reset(self) -> None:
        name = self._selected() or self.name.text().strip()
        self._run(lambda: accounts.set_password(self.ctx, name, self.password.text()), self.tr("Password reset."))

    def toggle(self) -> None:
        name = self._selected()
        if not name:
            return
        active = next(u.active for u in accounts.list_users(self.ctx) if u.name == name)
        self._run(lambda: accounts.update_user(self.ctx, name, active=not active), self.tr("Account updated."))


class DeadlinesDialog(QDialog):
    """Due dates of every form for one year (YYYY-MM-DD; empty removes the date)."""

    def __init__(self, ctx, year: int, parent=None, english: bool = False):
        super().__init__(parent)
        self.ctx, self.year, self.english = ctx, year, english
        self.setObjectName("deadlinesDialog")
        self.setWindowTitle(self.tr("Due dates for %1").replace("%1", str(year)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        current = deadlines.deadlines(ctx, year)
        self.edits: dict[str, QLineEdit] = {}
        for dom in ctx.catalogue.domains:
            edit = QLineEdit(current[dom.code].isoformat() if dom.code in current else "", self)
            edit.setObjectName(f"due_{dom.code}")
            edit.setPlaceholderText("YYYY-MM-DD")
            self.edits[dom.code] = edit
            form.addRow(dom.name_en if english else dom.name, edit)
        layout.addLayout(form)
        save = QPushButton(self.tr("Save"), self)
        save.setObjectName("saveDeadlines")
        save.clicked.connect(self.save)
        ensure_mnemonics([save, *(form.labelForField(edit) for edit in self.edits.values())])
        layout.addWidget(save)
        self.status = QLabel(self)
        self.status.setObjectName("deadlinesStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

    def save(self) -> bool:
        current = deadlines.deadlines(self.ctx, self.year)
        try:
            for code, edit in self.edits.items():
                text = edit.text().strip()
                if text != (current[code].isoformat() if code in current else ""):
                    deadlines.set_deadline(self.ctx, code, self.year, text or None)
        except JzError as exc:
            self.status.setText(exc.en if self.english else exc.zh)
            return False
        self.accept()
        return True
