"""审核 → 修改记录: the audit log with filters (org, year, domain, user, dates, source) and CSV export."""

from __future__ import annotations

from datetime import date

from ...domain.errors import JzError
from ...services import audit
from ..menus import ensure_mnemonics
from ..qt import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
                  QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)
from ..history_dialog import source_name
from . import audit_words as words

COLUMNS = 9


class AuditDialog(QDialog):
    def __init__(self, ctx, parent=None, english: bool = False):
        super().__init__(parent)
        self.ctx, self.english = ctx, english
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Change log"))
        self._fit(1000, 560)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.org = QComboBox(self)
        self.org.setObjectName("auditOrg")
        self.org.addItem(self.tr("All units"), None)
        for unit in [ctx.city, *ctx.counties()]:
            self.org.addItem(unit.name_en if english else unit.name, unit.code)
        self.domain = QComboBox(self)
        self.domain.setObjectName("auditDomain")
        self.domain.addItem(self.tr("All forms"), None)
        for dom in ctx.catalogue.domains:
            self.domain.addItem(dom.name_en if english else dom.name, dom.code)
        self.year = QLineEdit(self)
        self.year.setObjectName("auditYear")
        self.year.setPlaceholderText(self.tr("Year"))
        self.year.setMaximumWidth(self.year.fontMetrics().horizontalAdvance("年度 00000") + 16)  # four digits
        self.user = QComboBox(self)
        self.user.setObjectName("auditUser")
        self.source = QComboBox(self)
        self.source.setObjectName("auditSource")
        self.since = QLineEdit(self)
        self.since.setObjectName("auditSince")
        self.since.setPlaceholderText(self.tr("From YYYY-MM-DD"))
        self.until = QLineEdit(self)
        self.until.setObjectName("auditUntil")
        self.until.setPlaceholderText(self.tr("To YYYY-MM-DD"))
        for widget in (self.org, self.domain, self.year, self.user, self.source):
            bar.addWidget(widget)
        # The dates and the buttons on a second line: the placeholders say the format and must show whole,
        # and one line of everything is wider than a 1366×768 screen at 150 %.
        second = QHBoxLayout()
        for edit in (self.since, self.until):
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 16)
            second.addWidget(edit)
        show = QPushButton(self.tr("Show"), self)
        show.setObjectName("auditShow")
        show.clicked.connect(self.refresh)
        export = QPushButton(self.tr("Export CSV…"), self)
        export.setObjectName("auditExport")
        export.clicked.connect(self.export)
        second.addStretch(1)
        second.addWidget(show)
        second.addWidget(export)
        ensure_mnemonics([show, export])
        layout.addLayout(bar)
        layout.addLayout(second)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"), self.tr("Kind"),
                                              self.tr("Unit"), self.tr("Year"), self.tr("Item"),
                                              self.tr("Old → new"), self.tr("Source"), self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.status = QLabel(self)
        self.status.setObjectName("auditStatus")
        layout.addWidget(self.status)
        self._fill_lists()
        self.refresh()

    def _fill_lists(self) -> None:
        users, sources = audit.users_and_sources(self.ctx)
        self.user.addItem(self.tr("All users"), None)
        for name in users:
            self.user.addItem(name, name)
        self.source.addItem(self.tr("All sources"), None)
        for src in sorted({s.split(":")[0] + (":" if ":" in s else "") for s in sources}):
            self.source.addItem(source_name(src), src)

    def _fit(self, width: int, height: int) -> None:
        """The wanted size, but never larger than the screen's free area (1366×768 at 150 % leaves ~1200×680)."""
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(width, height)

    def _unit(self, code: str | None) -> str:
        if not code or code not in self.ctx.org_units:
            return code or ""
        unit = self.ctx.org_units[code]
        return unit.name_en if self.english else unit.name

    def _subject(self, subject: str | None) -> str:
        """An item's or a form's name where the log keeps its code; an account's or a key's name as it is."""
        cat = self.ctx.catalogue
        if subject in cat.items:
            item = cat.items[subject]
            return item.name_en if self.english else item.name
        domain = next((d for d in cat.domains if d.code == subject), None)
        if domain is not None:
            return domain.name_en if self.english else domain.name
        return subject or ""

    def current_filter(self) -> audit.AuditFilter:
        def day(edit: QLineEdit) -> date | None:
            text = edit.text().strip()
            if not text:
                return None
            try:
                return date.fromisoformat(text)
            except ValueError:
                raise JzError(f"日期“{text}”应写成 2022-03-31", f"'{text}' should be a date like 2022-03-31") from None

        year_text = self.year.text().strip()
        if year_text and not year_text.isdigit():
            raise JzError(f"年份“{year_text}”无效", f"'{year_text}' is not a year")
        return audit.AuditFilter(org=self.org.currentData(), year=int(year_text) if year_text else None,
                                 domain=self.domain.currentData(), user=self.user.currentData(),
                                 since=day(self.since), until=day(self.until), source=self.source.currentData())

    def _fail(self, exc: JzError) -> None:
        self.status.setText(exc.en if self.english else exc.zh)

    def refresh(self) -> None:
        try:
            rows = audit.query(self.ctx, self.current_filter())
        except JzError as exc:
            self._fail(exc)
            return
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [words.local_time(r.at), r.user, words.kind_name(r.action), self._unit(r.org), str(r.year or ""),
                     self._subject(r.subject), words.change_text(r.action, r.old, r.new, self.english, self._unit),
                     source_name(r.source), words.detail_text(r.action, r.detail, self.english)]
            codes = [r.at.isoformat(sep=" ") + " UTC", r.user, r.action, r.org or "", "", r.subject or "",
                     "", r.source, r.detail]
            for j, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if codes[j] and codes[j] != text:
                    cell.setToolTip(codes[j])  # the code the log keeps, for whoever compares with the CSV
                self.table.setItem(i, j, cell)
        self.status.setText(self.tr("%n row(s)", "", len(rows)))

    def export(self, path: str | None = None) -> None:
        if not path:
            from .. import dialogs

            path = dialogs.save_path(self, "csv", self.tr("Export CSV"), "audit.csv", "CSV (*.csv)")
            if not path:
                return
        try:
            count = audit.export_csv(self.ctx, self.current_filter(), path)
        except (JzError, OSError) as exc:
            if isinstance(exc, JzError):
                self._fail(exc)
            else:
                QMessageBox.warning(self, self.tr("Export CSV"), str(exc))
            return
        self.status.setText(self.tr("Exported %1 row(s) to %2").replace("%1", str(count)).replace("%2", str(path)))
