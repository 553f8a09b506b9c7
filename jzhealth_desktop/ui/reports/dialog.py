"""报表 dialog: document type, org unit, year, and the page options of the special page and the plan page
(issue date, titles, credits; presets for the special page).

Labels are English source strings translated through Qt; the documents themselves are Chinese by design.
The options are checked (reports/options.py) when the clerk presses 生成并预览, so a bad date or photo is
named at once and the dialog stays open. The last document kind and the editor/proofreader/layout names are
remembered between sessions. The options scroll inside the dialog, which is never taller than the main
window (1366×768 screens), and the 栏目 list shows every domain without clipping.
"""

from __future__ import annotations

import datetime as dt

from ...domain.errors import JzError
from ...domain.numbers import format_date
from ...domain.periods import MAX_YEAR, MIN_YEAR
from ...reports.options import check_options, parse_date
from ...reports.presets import load_preset, preset_names, save_preset
from ..dialogs import error_text, open_path
from ..qt import (QT_TRANSLATE_NOOP, QComboBox, QCoreApplication, QDialog, QDialogButtonBox,
                  QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                  QMessageBox, QPushButton, QScrollArea, QSpinBox, Qt, QVBoxLayout, QWidget)
from .. import settings
from ..settings import language

translate = QCoreApplication.translate

# Label tables hold the English source (QT_TRANSLATE_NOOP marks it for lupdate); translated when the dialog is built.
KINDS = (("annual", QT_TRANSLATE_NOOP("ReportDialog", "Annual statistical report")),
         ("special", QT_TRANSLATE_NOOP("ReportDialog", "Special page (newspaper layout)")),
         ("plan", QT_TRANSLATE_NOOP("ReportDialog", "The year's targets (newspaper layout)")),
         ("blank", QT_TRANSLATE_NOOP("ReportDialog", "Blank form (for filling on paper)")))
PAGE_KINDS = ("special", "plan")  # the kinds set as a newspaper page, with the page options
# The suggested PDF name is part of the Chinese document, whatever the screen language.
FILE_LABELS = {"annual": "年度统计报表", "special": "专版", "plan": "年度目标", "blank": "空白报表"}
# Page text fields: option key → label; the kinds they apply to.
FIELDS = (("series_title", QT_TRANSLATE_NOOP("ReportDialog", "Series t&itle"), PAGE_KINDS),
          ("page_title", QT_TRANSLATE_NOOP("ReportDialog", "Page na&me"), PAGE_KINDS),
          ("page_no", QT_TRANSLATE_NOOP("ReportDialog", "Pa&ge number"), PAGE_KINDS),
          ("headline", QT_TRANSLATE_NOOP("ReportDialog", "&Headline"), PAGE_KINDS),
          ("byline", QT_TRANSLATE_NOOP("ReportDialog", "Byli&ne"), PAGE_KINDS),
          ("editor", QT_TRANSLATE_NOOP("ReportDialog", "&Editor"), PAGE_KINDS),
          ("proofreader", QT_TRANSLATE_NOOP("ReportDialog", "P&roofreader"), PAGE_KINDS),
          ("layout", QT_TRANSLATE_NOOP("ReportDialog", "&Layout"), PAGE_KINDS),
          ("summary", QT_TRANSLATE_NOOP("ReportDialog", "&Closing summary"), ("plan",)),
          ("photo_caption", QT_TRANSLATE_NOOP("ReportDialog", "Photo capti&on"), ("special",)),
          ("photographer", QT_TRANSLATE_NOOP("ReportDialog", "Photogr&apher"), ("special",)))
CREDITS = {"editor": "编辑", "proofreader": "校对", "layout": "组版"}
REMEMBERED = ("editor", "proofreader", "layout")  # people's names, the same issue after issue


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
        form.addRow(self.tr("&Document"), self.kind)
        form.addRow(self.tr("&Unit"), self.org)
        form.addRow(self.tr("&Year"), self.year)
        layout.addLayout(form)
        self.page_box = self._page_box()
        # The options scroll; the dialog itself stays within the main window's height (1366×768 screens).
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidget(self.page_box)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout.addWidget(self.scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("&Build and preview"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._restore()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # --- building ---------------------------------------------------------------------------------------

    def _page_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Page options"))
        self.page_form = form = QFormLayout(box)
        self.rows: dict[str, tuple[QLabel, QWidget, tuple[str, ...]]] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.preset = QComboBox()
        self.preset.addItems(preset_names())
        load = QPushButton(self.tr("Loa&d"))
        load.clicked.connect(self._load_preset)
        self.preset_name = QLineEdit()
        self.preset_name.setPlaceholderText(self.tr("New preset name"))
        save = QPushButton(self.tr("Sa&ve as preset"))
        save.clicked.connect(self._save_preset)
        for widget in (self.preset, load, self.preset_name, save):
            row.addWidget(widget)
        holder = QWidget()
        holder.setLayout(row)
        self._add_row(self.tr("Pr&eset"), holder, "preset", ("special",), buddy=self.preset)
        date_row = QHBoxLayout()
        date_row.setContentsMargins(0, 0, 0, 0)
        self.date = QLineEdit()
        self.date.setObjectName("date")
        self.date.setPlaceholderText(dt.date.today().isoformat())
        self.date.setToolTip(self.tr("The issue date printed on the page, as YYYY-MM-DD; empty means today"))
        self.weekday = QLabel()
        self.date.textChanged.connect(self._show_weekday)
        date_row.addWidget(self.date)
        date_row.addWidget(self.weekday, 1)
        date_holder = QWidget()
        date_holder.setLayout(date_row)
        self._add_row(self.tr("Issue da&te"), date_holder, "date", PAGE_KINDS, buddy=self.date)
        self.fields: dict[str, QLineEdit] = {}
        for key, label, kinds in FIELDS:
            self.fields[key] = QLineEdit()
            self.fields[key].setObjectName(key)
            self._add_row(translate("ReportDialog", label), self.fields[key], key, kinds)
        photo_row = QHBoxLayout()
        photo_row.setContentsMargins(0, 0, 0, 0)
        self.photo = QLineEdit()
        browse = QPushButton(self.tr("Choose a p&hoto…"))
        browse.clicked.connect(self._browse_photo)
        photo_row.addWidget(self.photo)
        photo_row.addWidget(browse)
        photo_holder = QWidget()
        photo_holder.setLayout(photo_row)
        self._add_row(self.tr("&Photo"), photo_holder, "photo", ("special",), buddy=self.photo)
        self.baseline = QSpinBox()
        self.baseline.setObjectName("baseline")
        self.baseline.setRange(MIN_YEAR - 1, MAX_YEAR)
        self.baseline.setSpecialValueText(self.tr("Automatic"))
        self.baseline.setValue(MIN_YEAR - 1)
        self.baseline.setToolTip(self.tr("The earlier year the page compares with; it must hold data"))
        self._add_row(self.tr("Compare &with year"), self.baseline, "baseline", ("special",))
        self.sections = QListWidget()
        for domain in self.ctx.catalogue.domains:
            item = QListWidgetItem(domain.name_en if language() == "en" else domain.name)
            item.setData(Qt.UserRole, domain.code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.sections.addItem(item)
        # Tall enough for every domain: the page scrolls as a whole instead of a list clipped inside it.
        rows = self.sections.sizeHintForRow(0) * self.sections.count() + 2 * self.sections.frameWidth() + 4
        self.sections.setMinimumHeight(rows)
        self.sections.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self._add_row(self.tr("&Sections"), self.sections, "sections", ("special",))
        return box

    def _add_row(self, label: str, widget: QWidget, key: str, kinds: tuple[str, ...], buddy: QWidget | None = None):
        caption = QLabel(label)
        caption.setBuddy(buddy or widget)
        self.page_form.addRow(caption, widget)
        self.rows[key] = (caption, widget, kinds)

    def _kind_changed(self) -> None:
        kind = self.kind_code()
        self.scroll.setVisible(kind in PAGE_KINDS)
        for caption, widget, kinds in self.rows.values():
            caption.setVisible(kind in kinds)
            widget.setVisible(kind in kinds)
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the options need, but never taller than the main window (or the screen without one)."""
        self.page_box.adjustSize()
        limit = self.parentWidget().height() if self.parentWidget() is not None else 0
        screen = self.screen().availableGeometry().height() if self.screen() is not None else 0
        limit = min(x for x in (limit, screen) if x) if (limit or screen) else 700
        self.setMaximumHeight(limit)
        self.adjustSize()
        if self.height() > limit:
            self.resize(self.width(), limit)

    def _show_weekday(self, text: str) -> None:
        if not text.strip():
            self.weekday.setText("")
            return
        try:
            day = parse_date(text)
        except JzError:
            self.weekday.setText(self.tr("not a date (YYYY-MM-DD)"))
            return
        self.weekday.setText(format_date(day.year, day.month, day.day, day.weekday()))

    def _browse_photo(self) -> None:
        # Documents the first time, then the folder the last photo came from (never the program's own folder)
        path = open_path(self, "photo", self.tr("Choose a photo"), self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if path:
            self.photo.setText(path)

    # --- what was chosen --------------------------------------------------------------------------------

    def kind_code(self) -> str:
        return self.kind.currentData()

    def org_code(self) -> str:
        return self.org.currentData()

    def year_value(self) -> int:
        return self.year.value()

    def options(self) -> dict:
        """The build options for the chosen document (page options only for the page kinds)."""
        kind = self.kind_code()
        if kind not in PAGE_KINDS:
            return {}
        text = {key: field.text().strip() for key, field in self.fields.items()}
        options = {
            "series_title": text["series_title"], "page_title": text["page_title"], "page_no": text["page_no"],
            "headline": text["headline"], "byline": text["byline"],
            "credits": {CREDITS[k]: text[k] for k in CREDITS},
        }
        if self.date.text().strip():
            options["date"] = self.date.text().strip()
        if kind == "plan":
            options["summary"] = text["summary"]
            return options
        checked = [self.sections.item(i).data(Qt.UserRole) for i in range(self.sections.count())
                   if self.sections.item(i).checkState() == Qt.Checked]
        options.update({"photo": self.photo.text().strip(), "photo_caption": text["photo_caption"],
                        "photographer": text["photographer"], "sections": checked or None})
        if self.baseline.value() >= MIN_YEAR:
            options["baseline_year"] = self.baseline.value()
        return options

    def apply_options(self, options: dict) -> None:
        credits = options.get("credits") or {}
        values = {**{k: options.get(k) or "" for k in self.fields},
                  **{key: credits.get(role, "") for key, role in CREDITS.items()}}
        for key, field in self.fields.items():
            field.setText(str(values.get(key) or ""))
        self.photo.setText(options.get("photo") or "")
        wanted = options.get("sections")
        for i in range(self.sections.count()):
            item = self.sections.item(i)
            on = wanted is None or item.data(Qt.UserRole) in wanted
            item.setCheckState(Qt.Checked if on else Qt.Unchecked)

    # --- checking, remembering ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Check every option before the build starts; a bad one is named and the dialog stays open."""
        try:
            check_options(self.options(), self.year_value(), self.ctx.catalogue)
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Build a report"), error_text(exc))
            return
        self._remember()
        super().accept()

    def _remember(self) -> None:
        store = settings.ui_settings()
        settings.write(settings.REPORT_KIND, self.kind_code(), store=store)
        for key in REMEMBERED:
            settings.write(settings.REPORT_FIELD, self.fields[key].text().strip(), key, store=store)
        store.sync()

    def _restore(self) -> None:
        store = settings.ui_settings()
        index = self.kind.findData(settings.read(settings.REPORT_KIND, store=store))
        if index >= 0:
            self.kind.setCurrentIndex(index)
        for key in REMEMBERED:
            self.fields[key].setText(settings.read(settings.REPORT_FIELD, key, store=store))

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
