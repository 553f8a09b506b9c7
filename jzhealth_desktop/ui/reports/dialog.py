"""报表 dialog: document type, org unit, year, and the special page's options kept as presets.

Labels are English source strings translated through Qt; the documents themselves are Chinese by design.
"""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import JzError
from ...domain.periods import MAX_YEAR, MIN_YEAR
from ...reports.presets import load_preset, preset_names, save_preset
from ..dialogs import error_text
from ..qt import (QT_TRANSLATE_NOOP, QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QFileDialog,
                  QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                  QPushButton, QSpinBox, Qt, QVBoxLayout, QWidget)
from ..settings import language

translate = QCoreApplication.translate

# Label tables hold the English source (QT_TRANSLATE_NOOP marks it for lupdate); translated when the dialog is built.
KINDS = (("annual", QT_TRANSLATE_NOOP("ReportDialog", "Annual statistical report")),
         ("special", QT_TRANSLATE_NOOP("ReportDialog", "Special page (newspaper layout)")),
         ("blank", QT_TRANSLATE_NOOP("ReportDialog", "Blank form (for filling on paper)")))
# The suggested PDF name is part of the Chinese document, whatever the screen language.
FILE_LABELS = {"annual": "年度统计报表", "special": "专版", "blank": "空白报表"}
# Special-page text fields: option key → label.
FIELDS = (("series_title", QT_TRANSLATE_NOOP("ReportDialog", "Series title")),
          ("page_title", QT_TRANSLATE_NOOP("ReportDialog", "Page name")),
          ("page_no", QT_TRANSLATE_NOOP("ReportDialog", "Page number")),
          ("headline", QT_TRANSLATE_NOOP("ReportDialog", "Headline")),
          ("byline", QT_TRANSLATE_NOOP("ReportDialog", "Byline")),
          ("editor", QT_TRANSLATE_NOOP("ReportDialog", "Editor")),
          ("proofreader", QT_TRANSLATE_NOOP("ReportDialog", "Proofreader")),
          ("layout", QT_TRANSLATE_NOOP("ReportDialog", "Layout")),
          ("photo_caption", QT_TRANSLATE_NOOP("ReportDialog", "Photo caption")),
          ("photographer", QT_TRANSLATE_NOOP("ReportDialog", "Photographer")))


class ReportDialog(QDialog):
    def __init__(self, ctx, org: str | None = None, year: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        english = language() == "en"
        self.setWindowTitle(self.tr("Build a report"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        for code, label in KINDS:
            self.kind.addItem(translate("ReportDialog", label), code)
        self.org = QComboBox()
        for unit in [ctx.city] + ctx.counties():
            self.org.addItem(unit.name_en if english else unit.name, unit.code)
        if org:
            self.org.setCurrentIndex(max(0, self.org.findData(org)))
        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year or 2021)
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("Unit"), self.org)
        form.addRow(self.tr("Year"), self.year)
        layout.addLayout(form)
        self.special = self._special_box()
        layout.addWidget(self.special)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Build and preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _special_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Special page options"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.addItems(preset_names())
        load = QPushButton(self.tr("Load"))
        load.clicked.connect(self._load_preset)
        self.preset_name = QLineEdit()
        self.preset_name.setPlaceholderText(self.tr("New preset name"))
        save = QPushButton(self.tr("Save as preset"))
        save.clicked.connect(self._save_preset)
        for widget in (self.preset, load, self.preset_name, save):
            row.addWidget(widget)
        holder = QWidget()
        holder.setLayout(row)
        form.addRow(self.tr("Preset"), holder)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in FIELDS:
            self.fields[key] = QLineEdit()
            self.fields[key].setObjectName(key)
            form.addRow(translate("ReportDialog", label), self.fields[key])
        photo_row = QHBoxLayout()
        self.photo = QLineEdit()
        browse = QPushButton(self.tr("Choose a photo…"))
        browse.clicked.connect(self._browse_photo)
        photo_row.addWidget(self.photo)
        photo_row.addWidget(browse)
        photo_holder = QWidget()
        photo_holder.setLayout(photo_row)
        form.addRow(self.tr("Photo"), photo_holder)
        self.sections = QListWidget()
        for domain in self.ctx.catalogue.domains:
            item = QListWidgetItem(domain.name_en if language() == "en" else domain.name)
            item.setData(Qt.UserRole, domain.code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.sections.addItem(item)
        self.sections.setMaximumHeight(120)
        form.addRow(self.tr("Sections"), self.sections)
        return box

    def _kind_changed(self) -> None:
        self.special.setVisible(self.kind.currentData() == "special")
        self.adjustSize()

    def _browse_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if path:
            self.photo.setText(path)

    def kind_code(self) -> str:
        return self.kind.currentData()

    def org_code(self) -> str:
        return self.org.currentData()

    def year_value(self) -> int:
        return self.year.value()

    def options(self) -> dict:
        """The build options for the chosen document (special-page fields only for the special page)."""
        if self.kind_code() != "special":
            return {}
        text = {key: field.text().strip() for key, field in self.fields.items()}
        checked = [self.sections.item(i).data(Qt.UserRole) for i in range(self.sections.count())
                   if self.sections.item(i).checkState() == Qt.Checked]
        return {
            "series_title": text["series_title"], "page_title": text["page_title"], "page_no": text["page_no"],
            "headline": text["headline"], "byline": text["byline"],
            "credits": {"编辑": text["editor"], "校对": text["proofreader"], "组版": text["layout"]},
            "photo": self.photo.text().strip(), "photo_caption": text["photo_caption"],
            "photographer": text["photographer"], "sections": checked or None,
        }

    def apply_options(self, options: dict) -> None:
        credits = options.get("credits") or {}
        values = {**{k: options.get(k) or "" for k in self.fields},
                  "editor": credits.get("编辑", ""), "proofreader": credits.get("校对", ""),
                  "layout": credits.get("组版", "")}
        for key, field in self.fields.items():
            field.setText(str(values.get(key) or ""))
        self.photo.setText(options.get("photo") or "")
        wanted = options.get("sections")
        for i in range(self.sections.count()):
            item = self.sections.item(i)
            on = wanted is None or item.data(Qt.UserRole) in wanted
            item.setCheckState(Qt.Checked if on else Qt.Unchecked)

    def _load_preset(self) -> None:
        try:
            self.apply_options(load_preset(self.preset.currentText()))
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Preset"), error_text(exc))

    def _save_preset(self) -> None:
        name = self.preset_name.text().strip()
        try:
            save_preset(name, self.options())
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Preset"), error_text(exc))
            return
        if self.preset.findText(name) < 0:
            self.preset.addItem(name)
        self.preset.setCurrentText(name)


def suggested_name(kind: str, org_name: str, year: int) -> str:
    return f"{org_name}{year}年{FILE_LABELS[kind]}.pdf"


def default_folder() -> Path:
    return Path.home()
