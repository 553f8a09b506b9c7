"""First start on a new store: county or city station, which county, the operator's name, and, on a store
without accounts, the administrator (name, password twice; the service enforces the minimum length)."""

from __future__ import annotations

from ..domain.errors import JzError
from ..services import accounts
from ..services.access import ADMIN
from ..services.context import Context
from ..services.station import Station, configure_station
from .dialogs import error_text
from .qt import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
                 QRadioButton, QVBoxLayout, QWidget)
from .settings import language


class SetupDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None, with_admin: bool | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station: Station | None = None
        self.with_admin = (not accounts.has_users(ctx)) if with_admin is None else with_admin
        self._admin_made = False
        self.setObjectName("setupDialog")
        self.setWindowTitle(self.tr("Set up this station"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("This program keeps its data on this computer. Tell it whose data it holds."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.county_radio = QRadioButton(self.tr("County station (one county-level unit)"), self)
        self.city_radio = QRadioButton(self.tr("City station (the city and all counties)"), self)
        self.county_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.county_radio)
        group.addButton(self.city_radio)
        form.addRow(self.tr("Station type:"), self.county_radio)
        form.addRow("", self.city_radio)
        self.county = QComboBox(self)
        self.county.setObjectName("setupCounty")
        for unit in ctx.counties():
            self.county.addItem(unit.name_en if language() == "en" else unit.name, unit.code)
        form.addRow(self.tr("&County:"), self.county)
        self.operator = QLineEdit(self)
        self.operator.setObjectName("setupOperator")
        self.operator.setPlaceholderText(self.tr("your name, recorded with every change"))
        form.addRow(self.tr("&Operator:"), self.operator)
        layout.addLayout(form)
        if self.with_admin:
            layout.addWidget(self._admin_box())
        self.message = QLabel(self)
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.city_radio.toggled.connect(lambda city: self.county.setEnabled(not city))
        self.resize(480, 420 if self.with_admin else 260)

    def _admin_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Administrator account"), self)
        form = QFormLayout(box)
        note = QLabel(self.tr("The administrator manages user accounts, backups and restores. "
                              "Everyone signs in from now on; keep this password safe."), box)
        note.setWordWrap(True)
        form.addRow(note)
        self.admin_name = QLineEdit("admin", box)
        self.admin_name.setObjectName("setupAdminName")
        self.admin_password = QLineEdit(box)
        self.admin_password.setObjectName("setupAdminPassword")
        self.admin_repeat = QLineEdit(box)
        self.admin_repeat.setObjectName("setupAdminRepeat")
        for edit in (self.admin_password, self.admin_repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&User name:"), self.admin_name)
        form.addRow(self.tr("&Password (at least 8 characters):"), self.admin_password)
        form.addRow(self.tr("&Repeat the password:"), self.admin_repeat)
        return box

    def accept(self) -> None:
        kind = "city" if self.city_radio.isChecked() else "county"
        operator = self.operator.text().strip()
        try:
            if self.with_admin and not self._admin_made:
                # What the dialog itself can check is checked before the first write: a refusal changes nothing.
                if not operator:
                    self.message.setText(self.tr("Please enter the operator's name."))
                    return
                if self.admin_password.text() != self.admin_repeat.text():
                    self.message.setText(self.tr("The two passwords differ."))
                    self._clear_passwords()
                    return
                self.ctx.user = operator  # the new account's audit row names who made it
                try:
                    accounts.add_user(self.ctx, self.admin_name.text(), ADMIN, self.admin_password.text(),
                                      display_name=operator)
                    accounts.sign_in(self.ctx, self.admin_name.text(), self.admin_password.text())
                finally:
                    self._clear_passwords()  # never left in a widget once used
                self._admin_made = True
            self.station = configure_station(self.ctx, kind, self.county.currentData(), operator)
        except JzError as exc:
            self.message.setText(error_text(exc))
            return
        if self.ctx.principal is not None:
            self.ctx.user = self.ctx.principal.name  # signed in: changes are recorded under the account
        super().accept()

    def _clear_passwords(self) -> None:
        self.admin_password.clear()
        self.admin_repeat.clear()
