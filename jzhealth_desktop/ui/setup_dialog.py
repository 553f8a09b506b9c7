"""First start on a new store: county or city station, which county, the operator's name."""

from __future__ import annotations

from ..domain.errors import JzError
from ..services.context import Context
from ..services.station import Station, configure_station
from .dialogs import error_text
from .qt import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QRadioButton,
                 QVBoxLayout, QWidget)
from .settings import language


class SetupDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.station: Station | None = None
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
        self.message = QLabel(self)
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.city_radio.toggled.connect(lambda city: self.county.setEnabled(not city))
        self.resize(460, 260)

    def accept(self) -> None:
        kind = "city" if self.city_radio.isChecked() else "county"
        try:
            self.station = configure_station(self.ctx, kind, self.county.currentData(), self.operator.text())
        except JzError as exc:
            self.message.setText(error_text(exc))
            return
        super().accept()
