"""The import preview: what the file would change, per group (new / changed / unchanged / conflicting).

One tab per group, each a table with the domain, unit, year, item, old and new
value, comment and (for conflicts) why it will not be applied. Confirming is
the only way on to the commit.
"""

from __future__ import annotations

from itertools import islice

from ...services.exchange.preview import CHANGED, CONFLICTING, GROUPS, NEW, UNCHANGED, Preview
from ..qt import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, Qt, QTableWidget,
                  QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

MAX_ROWS = 5000  # per tab; a 100 000-value file is summarised, not drawn row by row


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: Preview, org_name, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview = preview
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        inc = preview.incoming
        years = ", ".join(str(y) for y in inc.years)
        self.summary = QLabel(self.tr("File: {name}\nUnit: {unit}   Years: {years}   Catalogue version: {version}")
                              .format(name=inc.name, unit=org_name(inc.org), years=years, version=inc.catalogue_version), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.signer = QLabel(self)  # who signed the package, and whether this station knows the key
        self.signer.setObjectName("signer")
        self.signer.setWordWrap(True)
        self.signer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signer.setText(self._signer_text(org_name))
        self.signer.setVisible(preview.signer is not None)
        layout.addWidget(self.signer)
        titles = {NEW: self.tr("New ({n})"), CHANGED: self.tr("Changed ({n})"),
                  UNCHANGED: self.tr("Unchanged ({n})"), CONFLICTING: self.tr("Conflicting ({n})")}
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        for group in GROUPS:
            table = self._table(group, org_name)
            self.tables[group] = table
            self.tabs.addTab(table, titles[group].format(n=preview.count(group)))
        layout.addWidget(self.tabs, 1)
        if preview.count(CONFLICTING):
            self.tabs.setCurrentWidget(self.tables[CONFLICTING])
        elif preview.count(CHANGED):
            self.tabs.setCurrentWidget(self.tables[CHANGED])
        self.unknown = QLabel(self)
        self.unknown.setWordWrap(True)
        if preview.unknown:
            codes = ", ".join(f"{code} ({count})" for code, count in preview.unknown)
            self.unknown.setText(self.tr("Not in this program's catalogue, will not be imported: {codes}").format(codes=codes))
        self.unknown.setVisible(bool(preview.unknown))
        layout.addWidget(self.unknown)
        self.context = QLabel(self)
        self.context.setObjectName("contextNote")
        self.context.setWordWrap(True)
        if preview.context:
            self.context.setText(self.tr(
                "The package also brings {n} figure(s) of the year before, shown under \"Last year\" where this "
                "station has none of its own; they are for comparison only and are not imported.").format(n=preview.context))
        self.context.setVisible(bool(preview.context))
        layout.addWidget(self.context)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        if preview.nothing_to_do:
            self.note.setText(self.tr("The file matches this station's data: there is nothing to import."))
            self.confirm = None
        else:
            self.note.setText(self.tr("{n} item(s) will be written in one step; conflicting items are left as they are.")
                              .format(n=preview.count(NEW) + preview.count(CHANGED)))
            # a key seen for the first time: importing is vouching for its fingerprint, so the button says so
            label = self.tr("Fingerprint &matches, import") if self.first_contact else self.tr("&Import")
            self.confirm = self.buttons.addButton(label, QDialogButtonBox.ButtonRole.AcceptRole)
            self.confirm.setObjectName("confirmImport")
        if any(preview.count(group) > MAX_ROWS for group in GROUPS):
            self.note.setText(self.note.text() + "\n" + self.tr(
                "Each tab lists its first {max} items; the counts in the tab titles cover the whole file.").format(max=MAX_ROWS))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    @property
    def first_contact(self) -> bool:
        """The package's key is new here: confirming the import keeps it (after the fingerprint was checked)."""
        return self.preview.signer is not None and self.preview.signer.state == "new"

    def _signer_text(self, org_name) -> str:
        signer = self.preview.signer
        if signer is None:
            return ""
        text = self.tr("Signed by {operator}, {unit} station. Key fingerprint: {fingerprint}").format(
            operator=signer.operator, unit=org_name(signer.org) if signer.org else "?", fingerprint=signer.fingerprint)
        if self.first_contact:
            text += "\n" + self.tr(
                "This is the first package signed with this key. Read the fingerprint to the sender by phone (they "
                "see it under Help → About) and import only if it matches; later packages are checked against it.")
        return text

    def _table(self, group: str, org_name) -> QTableWidget:
        headers = [self.tr("Domain"), self.tr("Unit"), self.tr("Year"), self.tr("Item"), self.tr("Last year"),
                   self.tr("Old"), self.tr("New"), self.tr("Comment"), self.tr("Why not applied")]
        # Only the rows drawn are gathered: a 100 000-value file would otherwise build every tuple first.
        rows = list(islice(((g.name, item) for g in self.preview.groups for item in g.items[group]), MAX_ROWS))
        table = QTableWidget(len(rows), len(headers), self)
        table.setObjectName(f"preview_{group}")
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for r, (domain, item) in enumerate(rows):
            comment = item.new_comment if item.kind == "value" else ""
            cells = [domain, org_name(item.org), str(item.year), item.label, item.last, item.old, item.new, comment,
                     item.reason]
            for c, text in enumerate(cells):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table
