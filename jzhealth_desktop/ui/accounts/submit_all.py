"""审核 → 提交本年全部已完成表单: every form of the year with its state, the ready ones submitted in one step."""

from __future__ import annotations

from ...domain import submission
from ...domain.errors import JzError
from ...services import workflow
from ..qt import (QAbstractItemView, QBrush, QColor, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                  QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

READY_COLOUR, BLOCKED_COLOUR = QColor("#1b5e20"), QColor("#8a4b00")


class SubmitAllDialog(QDialog):
    def __init__(self, ctx, org: str, year: int, parent=None, english: bool = False):
        super().__init__(parent)
        self.ctx, self.org, self.year, self.english = ctx, org, year, english
        self.submitted: list[workflow.Status] = []
        unit = ctx.org(org)
        self.setWindowTitle(self.tr("Submit all finished forms of the year"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("{unit}, {year}: forms ready to submit are marked ✓").format(
            unit=unit.name_en if english else unit.name, year=year), self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("readiness")
        self.table.setHorizontalHeaderLabels([self.tr("Form"), self.tr("Status"), self.tr("Check")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.outcome = QLabel(self)  # not `result`: that is QDialog.result()
        self.outcome.setObjectName("submitResult")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(self)
        self.submit_button.setObjectName("submitReady")
        self.submit_button.clicked.connect(self.submit)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        box.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        box.rejected.connect(self.reject)
        buttons.addWidget(self.submit_button)
        buttons.addStretch(1)
        buttons.addWidget(box)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self.refresh()
        self.submit_button.setDefault(True)
        self.submit_button.setFocus()

    def check_text(self, r: workflow.Readiness) -> str:
        if r.status in (submission.SUBMITTED, submission.APPROVED):
            return self.tr("Already delivered")
        if r.status == submission.EMPTY:
            return self.tr("Nothing typed yet")
        parts = []
        if r.errors:
            parts.append(self.tr("{n} error(s)").format(n=r.errors))
        if r.missing:
            parts.append(self.tr("{n} required field(s) empty").format(n=r.missing))
        if r.pending:
            parts.append(self.tr("{n} warning(s) without a comment").format(n=r.pending))
        return "；".join(parts) if parts else "✓ " + self.tr("Complete, ready to submit")

    def refresh(self) -> None:
        try:
            self.rows = workflow.readiness(self.ctx, self.org, self.year)
        except JzError as exc:
            self.rows = []
            self.outcome.setText(exc.en if self.english else exc.zh)
        self.table.setRowCount(len(self.rows))
        for n, r in enumerate(self.rows):
            dom = self.ctx.catalogue.domain(r.domain)
            zh, en = submission.NAMES[r.status]
            cells = [dom.name_en if self.english else dom.name, en if self.english else zh, self.check_text(r)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(QBrush(READY_COLOUR if r.ready else BLOCKED_COLOUR))
                self.table.setItem(n, col, item)
        ready = sum(1 for r in self.rows if r.ready)
        self.submit_button.setText(self.tr("&Submit the {n} ready form(s)").format(n=ready))
        self.submit_button.setEnabled(ready > 0)

    def submit(self) -> None:
        try:
            done = workflow.submit_ready(self.ctx, self.org, self.year)
        except JzError as exc:
            self.outcome.setText(self.tr("Nothing was submitted: {why}").format(why=exc.en if self.english else exc.zh))
            self.refresh()
            return
        self.submitted += done
        names = "、".join((self.ctx.catalogue.domain(s.domain).name_en if self.english
                          else self.ctx.catalogue.domain(s.domain).name) for s in done)
        self.refresh()
        left = sum(1 for r in self.rows if r.status not in (submission.SUBMITTED, submission.APPROVED))
        text = self.tr("Submitted {n} form(s): {names}.").format(n=len(done), names=names)
        if left:
            text += " " + self.tr("{n} form(s) not submitted; the list says what they still need.").format(n=left)
        self.outcome.setText(text)
        self.submit_button.setEnabled(False)
        self.table.setFocus()
