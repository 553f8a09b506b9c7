"""The history popup of one figure: who changed it, when (local time), old → new, from where."""

from __future__ import annotations

from datetime import timezone

from ..services.context import Context
from ..services.history import value_history
from .qt import (QAbstractItemView, QCoreApplication, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
                 QVBoxLayout, QWidget)
from .settings import language


def source_name(source: str) -> str:
    """Where a change came from, in words (the audit keeps a code, an import also its file's checksum)."""
    kind = source.split(":", 1)[0]
    names = {"form": QCoreApplication.translate("HistoryDialog", "form"),
             "grid": QCoreApplication.translate("HistoryDialog", "grid"),
             "cli": QCoreApplication.translate("HistoryDialog", "command line"),
             "import": QCoreApplication.translate("HistoryDialog", "package import"),
             "excel": QCoreApplication.translate("HistoryDialog", "Excel import"),
             "migration": QCoreApplication.translate("HistoryDialog", "migration"),
             "demo": QCoreApplication.translate("HistoryDialog", "demo data"),
             "accounts": QCoreApplication.translate("HistoryDialog", "user management"),
             "login": QCoreApplication.translate("HistoryDialog", "sign-in"),
             "restore": QCoreApplication.translate("HistoryDialog", "restore from a backup")}
    return names.get(kind, source)


class HistoryDialog(QDialog):
    def __init__(self, ctx: Context, org: str, year: int, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        item = ctx.catalogue.items[code]
        name = item.name_en if language() == "en" else item.name
        unit = ctx.org(org)
        self.setWindowTitle(self.tr("History of {name}").format(name=name))
        self.changes = value_history(ctx, org, year, code)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{org}, {year}: {name}").format(
            org=unit.name_en if language() == "en" else unit.name, year=year, name=name), self))
        self.table = QTableWidget(len(self.changes), 5, self)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"),
                                              self.tr("Old → new"), self.tr("Source")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, change in enumerate(reversed(self.changes)):  # newest first
            local = change.at.replace(tzinfo=timezone.utc).astimezone()
            what = self.tr("figure") if change.action == "value" else self.tr("comment")
            old = change.old or self.tr("(empty)")
            new = change.new or self.tr("(empty)")
            who = f"{change.display}（{change.user}）" if change.display and change.display != change.user else change.user
            for col, text in enumerate((local.strftime("%Y-%m-%d %H:%M"), who, what, f"{old} → {new}",
                                        source_name(change.source))):
                cell = QTableWidgetItem(text)
                if col == 4:
                    cell.setToolTip(change.source)
                self.table.setItem(row, col, cell)
        if not self.changes:
            layout.addWidget(QLabel(self.tr("No change of this figure has been recorded."), self))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 320)
