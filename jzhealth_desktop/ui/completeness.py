"""Completeness at a glance: org units × domains, each cell coloured by status with the share filled; each
domain's due date in its header, days left in the cells still owed, overdue cells in red."""

from __future__ import annotations

from collections import Counter

from ..domain.numbers import trim
from ..services.completeness import APPROVED, DRAFT, EMPTY, RETURNED, STATUSES, SUBMITTED, Cell, completeness
from ..services.context import Context
from ..services.deadlines import Due, deadlines, due_list
from ..domain.derived import rounded
from . import due as due_words
from .qt import (QAbstractItemView, QBrush, QColor, QHeaderView, QLabel, QShowEvent, Qt, QTableWidget,
                 QTableWidgetItem, QVBoxLayout, QWidget, Signal)
from .settings import language

COLOURS = {
    EMPTY: QColor("#f2f2f2"),
    DRAFT: QColor("#fff4cc"),
    SUBMITTED: QColor("#d6e8fb"),
    APPROVED: QColor("#d4efd9"),
    RETURNED: QColor("#f9d3d3"),
}
OVERDUE = QColor("#b00020")
CELL_ROLE = Qt.ItemDataRole.UserRole + 1


class CompletenessView(QWidget):
    """Double-click a cell to open that org unit's form.

    Its table, summary and legend are built when first needed (shown, refreshed or asked for): the window is
    built with this tab hidden behind the form, and a start should not pay for a view nobody has looked at."""

    open_requested = Signal(str, str)  # org, domain

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.cells: list[Cell] = []
        self.dues: dict[tuple[str, str], Due] = {}
        self._table: QTableWidget | None = None

    @property
    def table(self) -> QTableWidget:
        if self._table is None:
            self._table = self._build()
        return self._table

    @property
    def summary(self) -> QLabel:
        self.table  # noqa: B018 - builds the view
        return self._summary

    def _build(self) -> QTableWidget:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self._summary = QLabel(self)
        self._summary.setObjectName("completenessSummary")
        layout.addWidget(self._summary)
        table = QTableWidget(self)
        table.setObjectName("completeness")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.cellDoubleClicked.connect(self._open)
        table.cellActivated.connect(self._open)
        layout.addWidget(table, 1)
        legend = QLabel("　".join(f"<span style='background:{COLOURS[s].name()}'>　{self.status_name(s)}　</span>"
                                  for s in STATUSES), self)
        legend.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(legend)
        for child in (self._summary, table, legend):  # built while shown: visible now, so focus can go in at once
            child.show()
        return table

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        self.table  # noqa: B018 - builds the view before its first paint
        super().showEvent(event)

    def status_name(self, status: str) -> str:
        return {EMPTY: self.tr("Not filled"), DRAFT: self.tr("Draft"), SUBMITTED: self.tr("Submitted"),
                APPROVED: self.tr("Approved"), RETURNED: self.tr("Returned")}[status]

    def refresh(self, year: int, orgs: list[str]) -> None:
        self.cells = completeness(self.ctx, year, orgs)
        dates = deadlines(self.ctx, year)
        today = due_words.today()
        self.dues = {(d.org, d.domain): d for org in orgs for d in due_list(self.ctx, org, year, today)} if dates else {}
        english = language() == "en"
        domains = self.ctx.catalogue.domains
        self.table.clear()
        self.table.setRowCount(len(orgs))
        self.table.setColumnCount(len(domains))
        self.table.setHorizontalHeaderLabels([(d.name_en if english else d.name)
                                              + (f"\n{due_words.due_date_text(dates[d.code])}" if d.code in dates else "")
                                              for d in domains])
        self.table.setVerticalHeaderLabels([self.ctx.org(o).name_en if english else self.ctx.org(o).name for o in orgs])
        for n, cell in enumerate(self.cells):
            row, col = divmod(n, len(domains))
            if cell.share is None:  # nothing for this org unit to type here (e.g. city-only or county-only domain)
                item = QTableWidgetItem("—")
                item.setForeground(QBrush(QColor("#9aa0a6")))
            else:
                share = trim(rounded(cell.share, 0)) + "%"
                name = self.tr("Changed, to be submitted again") if cell.resubmit else self.status_name(cell.status)
                item = QTableWidgetItem(f"{name}  {share}")
                if cell.pending:  # 100 % is not ready while a warning waits for its comment
                    item.setText(item.text() + "\n" + due_words.pending_text(cell.pending))
                item.setBackground(QBrush(COLOURS[cell.status]))
            due = self.dues.get((cell.org, cell.domain)) if cell.share is not None else None
            days = due_words.days_text(due) if due else ""
            if days:
                item.setText(f"{item.text()}\n{days}")
            if due is not None and due.overdue:
                item.setForeground(QBrush(OVERDUE))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setData(CELL_ROLE, (cell.org, cell.domain))
            item.setToolTip(self.tr("{filled} of {counted} fields filled").format(filled=cell.filled, counted=cell.counted)
                            + (f"\n{due_words.due_date_text(due.due)}" if due else ""))
            self.table.setItem(row, col, item)
        counts = Counter(cell.status for cell in self.cells if cell.counted)
        overdue = sum(1 for cell in self.cells if cell.counted and (d := self.dues.get((cell.org, cell.domain)))
                      and d.overdue)
        self.summary.setText(self.tr("{year}: ").format(year=year) + "　".join(
            self.tr("{status} {count}").format(status=self.status_name(s), count=counts.get(s, 0)) for s in STATUSES)
            + ("　" + self.tr("Overdue {count}").format(count=overdue) if self.dues else ""))

    def due_at(self, row: int, col: int) -> Due | None:
        cell = self.cell_at(row, col)
        return self.dues.get((cell.org, cell.domain))

    def cell_at(self, row: int, col: int) -> Cell:
        return self.cells[row * self.table.columnCount() + col]

    def _open(self, row: int, col: int) -> None:
        cell = self.cell_at(row, col)
        self.open_requested.emit(cell.org, cell.domain)
