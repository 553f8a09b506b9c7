"""The targets window: every catalogue item of one unit and year with its target, comparison and wording.

Typed like a form: the table takes the keys (typing a figure starts editing, Enter/Tab move on), 保存 writes
(Ctrl+S or Alt+S) every change in one checked, audited transaction (services/targets.py) and a refusal names the indicator and
changes nothing. An empty target removes it. The wording is what the plan page prints (``{target}`` = the
figure as printed, ``{cmp}`` = 以上/以下/左右).
"""

from __future__ import annotations

from ...domain.errors import JzError
from ...domain.numbers import trim
from ...domain.periods import MAX_YEAR, MIN_YEAR
from ...services.targets import COMPARISONS, set_targets, target_rows
from ..dialogs import error_text
from ..qt import (QT_TRANSLATE_NOOP, QAbstractItemView, QComboBox, QCoreApplication, QDialog, QHBoxLayout,
                  QHeaderView, QKeySequence, QLabel, QMessageBox, QPushButton, QShortcut, QSpinBox, Qt, QTableWidget, QTableWidgetItem,
                  QVBoxLayout)
from ..settings import language

translate = QCoreApplication.translate

NAME, UNIT, COMPARISON, TARGET, WORDING = range(5)
HEADERS = (QT_TRANSLATE_NOOP("TargetsDialog", "Indicator"), QT_TRANSLATE_NOOP("TargetsDialog", "Unit"),
           QT_TRANSLATE_NOOP("TargetsDialog", "Comparison"), QT_TRANSLATE_NOOP("TargetsDialog", "Target"),
           QT_TRANSLATE_NOOP("TargetsDialog", "Wording on the plan page"))
COMPARISON_LABELS = {">=": QT_TRANSLATE_NOOP("TargetsDialog", "at least (以上)"),
                     "<=": QT_TRANSLATE_NOOP("TargetsDialog", "at most (以下)"),
                     "~": QT_TRANSLATE_NOOP("TargetsDialog", "about (左右)"),
                     "=": QT_TRANSLATE_NOOP("TargetsDialog", "exactly")}


class TargetsDialog(QDialog):
    def __init__(self, ctx, org: str | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        english = language() == "en"
        self.setWindowTitle(self.tr("Targets"))
        self.codes = [code for domain in ctx.catalogue.domains for code in domain.codes]
        top = QHBoxLayout()
        self.org = QComboBox()
        for unit in [ctx.city] + ctx.counties():
            self.org.addItem(unit.name_en if english else unit.name, unit.code)
        self.org.setCurrentIndex(max(0, self.org.findData(org or ctx.city.code)))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year or 2021)
        for text, widget in ((self.tr("&Unit"), self.org), (self.tr("&Year"), self.year)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        self.table = QTableWidget(len(self.codes), len(HEADERS))
        self.table.setHorizontalHeaderLabels([translate("TargetsDialog", h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.AnyKeyPressed | QAbstractItemView.DoubleClicked
                                   | QAbstractItemView.EditKeyPressed)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(WORDING, QHeaderView.Stretch)
        for row, code in enumerate(self.codes):
            item = ctx.catalogue.items[code]
            name = QTableWidgetItem(item.name_en if english else item.name)
            name.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            name.setData(Qt.UserRole, code)
            unit = QTableWidgetItem(item.unit)
            unit.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            self.table.setItem(row, NAME, name)
            self.table.setItem(row, UNIT, unit)
            combo = QComboBox()
            for symbol in COMPARISONS:
                combo.addItem(translate("TargetsDialog", COMPARISON_LABELS[symbol]), symbol)
            self.table.setCellWidget(row, COMPARISON, combo)
            self.table.setItem(row, TARGET, QTableWidgetItem(""))
            self.table.setItem(row, WORDING, QTableWidgetItem(""))
        self.status = QLabel()
        save = QPushButton(self.tr("&Save"))
        save.setAutoDefault(False)
        close = QPushButton(self.tr("&Close"))
        close.setAutoDefault(False)
        save.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)  # Ctrl+S, as on the forms
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(save)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(900, 560)
        self.loaded: dict[str, tuple[str, str, str]] = {}
        self.reload()
        self.org.currentIndexChanged.connect(self._selection_changed)
        self.year.valueChanged.connect(self._selection_changed)
        # Keys go straight to the first target: typing a figure starts editing it.
        self.table.setCurrentCell(0, TARGET)
        self.table.setFocus()

    def row_of(self, code: str) -> int:
        return self.codes.index(code)

    def _state(self, row: int) -> tuple[str, str, str]:
        combo = self.table.cellWidget(row, COMPARISON)
        return (self.table.item(row, TARGET).text().strip(), combo.currentData(),
                self.table.item(row, WORDING).text().strip())

    def changes(self) -> dict[str, tuple[str, str, str]]:
        """code → (target text, comparison, wording) for every row that differs from the store."""
        result = {}
        for row, code in enumerate(self.codes):
            state = self._state(row)
            if state != self.loaded.get(code, ("", ">=", "")) and (state[0] or code in self.loaded):
                result[code] = state
        return result

    def reload(self) -> None:
        self.shown = (self.org.currentData(), self.year.value())
        rows = {r.code: r for r in target_rows(self.ctx, self.year.value(), self.org.currentData())}
        self.loaded = {code: (trim(r.value), r.comparison, r.note) for code, r in rows.items()}
        for row, code in enumerate(self.codes):
            text, comparison, note = self.loaded.get(code, ("", ">=", ""))
            self.table.item(row, TARGET).setText(text)
            self.table.item(row, WORDING).setText(note)
            combo = self.table.cellWidget(row, COMPARISON)
            combo.setCurrentIndex(combo.findData(comparison))
        self.status.setText(self.tr("%n target(s) set", "", len(rows)))

    def _selection_changed(self) -> None:
        if self.changes():
            answer = QMessageBox.question(self, self.tr("Targets"),
                                          self.tr("Unsaved targets are discarded. Continue?"))
            if answer != QMessageBox.Yes:  # back to the unit and year the edits belong to
                for widget in (self.org, self.year):
                    widget.blockSignals(True)
                self.org.setCurrentIndex(self.org.findData(self.shown[0]))
                self.year.setValue(self.shown[1])
                for widget in (self.org, self.year):
                    widget.blockSignals(False)
                return
        self.reload()

    def save(self) -> bool:
        changes = self.changes()
        if not changes:
            self.status.setText(self.tr("Nothing to save"))
            return True
        try:
            count = set_targets(self.ctx, self.org.currentData(), self.year.value(),
                                {code: state[0] for code, state in changes.items()},
                                notes={code: state[2] for code, state in changes.items() if state[0]},
                                comparisons={code: state[1] for code, state in changes.items()}, source="form")
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Targets"), error_text(exc))
            return False
        self.reload()
        self.status.setText(self.tr("Saved: %n target(s) changed", "", count))
        return True
