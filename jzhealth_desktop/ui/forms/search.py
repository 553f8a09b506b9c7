"""Ctrl+F: find a field by part of its name or code, in every domain; Enter goes to it."""

from __future__ import annotations

from ...domain.catalogue import Indicator
from ..qt import QDialog, QKeyEvent, QLabel, QLineEdit, QListWidget, QListWidgetItem, Qt, QVBoxLayout, QWidget

MAX_SHOWN = 200


class FieldSearch(QDialog):
    """Typing filters the list; Up/Down in the line move the choice; Enter takes it. ``chosen`` = (domain, code)."""

    def __init__(self, ctx, english: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find a field"))
        self.chosen: tuple[str, str] | None = None
        self.fields = []  # (domain, code, shown text, text searched)
        for dom in ctx.catalogue.domains:
            for code in dom.codes:
                item = ctx.catalogue.items[code]
                if isinstance(item, Indicator):
                    name = item.name_en if english else item.name
                    domain_name = dom.name_en if english else dom.name
                    self.fields.append((dom.code, code, f"{name}　〔{domain_name}〕 {code}",
                                        f"{item.name} {item.name_en} {code}".lower()))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("&Name or code:"), self)
        self.query = QLineEdit(self)
        self.query.setObjectName("fieldQuery")
        label.setBuddy(self.query)
        self.results = QListWidget(self)
        self.results.setObjectName("fieldResults")
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the line; arrows move here
        layout.addWidget(label)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        self.query.textChanged.connect(self._filter)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(lambda _i: self._take())
        self.results.itemDoubleClicked.connect(lambda _i: self._take())
        self.resize(520, 360)
        self._filter("")
        self.query.setFocus()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        self.results.clear()
        for domain, code, shown, searched in self.fields:
            if all(w in searched for w in words):
                item = QListWidgetItem(shown)
                item.setData(Qt.ItemDataRole.UserRole, (domain, code))
                self.results.addItem(item)
                if self.results.count() >= MAX_SHOWN:
                    break
        if self.results.count():
            self.results.setCurrentRow(0)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if watched is self.query and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._take()
                return True
        return super().eventFilter(watched, event)

    def _take(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = tuple(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
