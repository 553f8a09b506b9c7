"""The grid twin of a form: indicators × counties (city) or indicators × years (county), Excel block paste.

Every pasted or typed cell is checked with the same services as the form (``services.grid.check_grid``);
hard problems turn the cell red and block saving, soft ones amber until the clerk gives the comment they need
(Ctrl+M on the cell). A save writes all columns' values and comments in one transaction, or nothing.
"""

from __future__ import annotations

from ...domain.errors import JzError
from ...domain.rules import HARD, SOFT, Issue
from ...domain.values import value_text
from ...services.context import Context
from ...services.grid import Column, Grid, check_grid, read_grid, save_grid
from ..qt import (QAbstractItemView, QAbstractTableModel, QBrush, QColor, QDialog, QDialogButtonBox,
                  QGuiApplication, QHeaderView, QKeyEvent, QKeySequence, QLabel, QModelIndex, Qt,
                  QTableView, QVBoxLayout, Signal)
from ..settings import language
from .field import CommentEdit

HARD_BG, SOFT_BG, EDITED_BG = QColor("#fbd5d5"), QColor("#fde9b8"), QColor("#e3effd")
EXPLAINED_BG = QColor("#fdf5e0")  # a soft warning with its comment: still noticeable, no longer asking


def parse_block(text: str) -> list[list[str]]:
    """Tab-separated rows as Excel puts them on the clipboard (a trailing newline is not an extra row)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


class GridModel(QAbstractTableModel):
    """Thin adapter over a ``Grid``: stored values, the clerk's edits on top, issues per cell."""

    edits_changed = Signal(bool)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.grid: Grid | None = None
        self.labels: list[str] = []
        self.edits: dict[Column, dict[str, str]] = {}
        self.notes: dict[Column, dict[str, str]] = {}  # comments typed in the grid, unsaved
        self.issues: dict[tuple[Column, str], list[Issue]] = {}

    def load(self, grid: Grid, labels: list[str]) -> None:
        self.beginResetModel()
        self.grid, self.labels = grid, labels
        self.edits, self.notes, self.issues = {}, {}, {}
        self.endResetModel()
        self.edits_changed.emit(False)

    # Qt model protocol -------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.codes)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.grid is None or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.labels[section]
        ind = self.ctx.catalogue.items[self.grid.codes[section]]
        name = ind.name_en if language() == "en" else ind.name
        return f"{name}（{ind.unit}）" if ind.unit else name

    def cell(self, index: QModelIndex) -> tuple[Column, str]:
        assert self.grid is not None
        return self.grid.columns[index.column()], self.grid.codes[index.row()]

    def text(self, col: Column, code: str) -> str:
        if code in self.edits.get(col, {}):
            return self.edits[col][code]
        assert self.grid is not None
        return value_text(self.grid.values[col].get(code))

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        col, code = self.cell(index)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(col, code)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        issues = self.issues.get((col, code), [])
        if role == Qt.ItemDataRole.BackgroundRole:
            if any(i.severity == HARD for i in issues):
                return QBrush(HARD_BG)
            if any(i.severity == SOFT for i in issues):
                return QBrush(EXPLAINED_BG if self.comment(col, code).strip() else SOFT_BG)
            if code in self.edits.get(col, {}) or code in self.notes.get(col, {}):
                return QBrush(EDITED_BG)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            english = language() == "en"
            note = self.comment(col, code).strip()
            # A warning answered by a comment reads 「已说明：…」 (as in the form), no longer 「…请填写说明」.
            lines = [i.en if english else i.zh for i in issues if i.severity != SOFT or not note]
            if note and any(i.severity == SOFT for i in issues):
                lines.append(self.tr("Explained: {comment}").format(comment=note))
            elif note:
                lines.append(self.tr("Comment: {text}").format(text=note))
            elif any(i.severity == SOFT for i in issues):
                lines.append(self.tr("Press Ctrl+M to give the comment this figure needs"))
            return "\n".join(lines) or None
        return None

    def flags(self, index: QModelIndex):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.put({self.cell(index): str(value)})
        return True

    # edits ---------------------------------------------------------------------------------------------
    def put(self, cells: dict[tuple[Column, str], str]) -> None:
        """Set several cells at once, then check every column they touch."""
        assert self.grid is not None
        touched = set()
        for (col, code), text in cells.items():
            text = text.strip()
            if text == value_text(self.grid.values[col].get(code)):
                self.edits.get(col, {}).pop(code, None)
            else:
                self.edits.setdefault(col, {})[code] = text
            touched.add(col)
        self.check(touched)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.edits_changed.emit(self.is_dirty())

    def check(self, columns) -> None:
        assert self.grid is not None
        # A year's change-on-last-year check compares with the column before it: re-check the year after too.
        columns = set(columns) | {(org, year + 1) for org, year in columns if (org, year + 1) in self.edits}
        for col in columns:
            for code in self.grid.codes:
                self.issues.pop((col, code), None)
        # Typed comments are checked too, by the rule a save applies (a column with only a new comment included).
        wanted = [col for col in columns if self.edits.get(col) or self.notes.get(col)]
        try:
            found = check_grid(self.ctx, self.grid.domain, self.edits, wanted, comments=self.notes)
        except JzError as exc:
            found = {col: [Issue(self.grid.codes[0], HARD, exc.zh, exc.en, "access")] for col in wanted}
        for col, issues in found.items():
            for issue in issues:
                if issue.severity in (HARD, SOFT):
                    self.issues.setdefault((col, issue.code), []).append(issue)

    def paste(self, top: int, left: int, block: list[list[str]]) -> int:
        """Paste ``block`` with its top-left cell at (top, left); cells past the edge are dropped. Returns cells set."""
        cells = {}
        for r, line in enumerate(block):
            for c, text in enumerate(line):
                row, column = top + r, left + c
                if row < self.rowCount() and column < self.columnCount():
                    cells[self.cell(self.index(row, column))] = text
        if cells:
            self.put(cells)
        return len(cells)

    def is_dirty(self) -> bool:
        return any(self.edits.values()) or any(self.notes.values())

    def hard_issues(self) -> list[Issue]:
        return [i for issues in self.issues.values() for i in issues if i.severity == HARD]

    # comments ------------------------------------------------------------------------------------------
    def comment(self, col: Column, code: str) -> str:
        """The cell's comment as the clerk sees it: typed in the grid, else stored."""
        if code in self.notes.get(col, {}):
            return self.notes[col][code]
        assert self.grid is not None
        return self.grid.comments.get(col, {}).get(code, "")

    def set_comment(self, index: QModelIndex, text: str) -> None:
        col, code = self.cell(index)
        assert self.grid is not None
        text = text.strip()
        if text == self.grid.comments.get(col, {}).get(code, ""):
            self.notes.get(col, {}).pop(code, None)
        else:
            self.notes.setdefault(col, {})[code] = text
        self.check({col})  # the comment itself is checked as a save will (a control character is red now)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.edits_changed.emit(self.is_dirty())

    def needing_comment(self) -> list[QModelIndex]:
        """Cells with a soft warning and no comment, in reading order (rows, then columns)."""
        assert self.grid is not None
        wanted = {cell for cell, issues in self.issues.items()
                  if any(i.severity == SOFT for i in issues) and not self.comment(*cell).strip()}
        rows = {code: r for r, code in enumerate(self.grid.codes)}
        cols = {col: c for c, col in enumerate(self.grid.columns)}
        return [self.index(rows[code], cols[col]) for col, code in
                sorted(wanted, key=lambda cell: (rows.get(cell[1], 0), cols.get(cell[0], 0)))
                if code in rows and col in cols]

    def mark(self, by_column: dict[Column, list[Issue]]) -> None:
        """Add the issues a refused save reported (live checking may have missed none, but never duplicate)."""
        for col, issues in by_column.items():
            for issue in issues:
                found = self.issues.setdefault((col, issue.code), [])
                if not any((i.rule, i.severity) == (issue.rule, issue.severity) for i in found):
                    found.append(issue)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def discard(self) -> None:
        """Forget unsaved edits and comments (the stored grid stays)."""
        self.edits, self.notes, self.issues = {}, {}, {}
        if self.grid is not None:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.edits_changed.emit(False)


class CommentDialog(QDialog):
    """One cell's comment, with the warnings that ask for it shown above the line."""

    def __init__(self, title: str, reasons: list[str], text: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment"))
        layout = QVBoxLayout(self)
        head = QLabel(title, self)
        head.setWordWrap(True)
        layout.addWidget(head)
        if reasons:
            why = QLabel("\n".join(reasons), self)
            why.setObjectName("reasons")
            why.setWordWrap(True)
            layout.addWidget(why)
        self.line = CommentEdit(text, self)
        self.line.setObjectName("comment")
        self.line.setPlaceholderText(self.tr("Why the figure is right (e.g. a new centre opened)"))
        self.line.setMinimumWidth(380)
        layout.addWidget(self.line)
        self.limit = QLabel(self)  # the cap, said here: the status bar is behind this dialog
        self.limit.setObjectName("limit")
        self.limit.setWordWrap(True)
        self.limit.hide()
        self.line.refused.connect(self._refused)
        layout.addWidget(self.limit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _refused(self, why: str) -> None:
        self.limit.setText(why)
        self.limit.show()

    def text(self) -> str:
        return self.line.text()


class GridView(QTableView):
    """The table widget; Ctrl+V pastes a tab-separated block at the current cell, Ctrl+M asks for its comment."""

    pasted = Signal(int)
    message = Signal(str)  # a short note for the status bar

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model_ = GridModel(ctx, self)
        self.setModel(self.model_)
        self.setObjectName("grid")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(96)
        self.setAlternatingRowColors(True)

    def load(self, domain: str, columns: list[Column], labels: list[str]) -> None:
        self.model_.load(read_grid(self.ctx, domain, columns), labels)
        self.verticalHeader().setMinimumWidth(280)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_text(QGuiApplication.clipboard().text())
            return
        super().keyPressEvent(event)

    def paste_text(self, text: str) -> int:
        index = self.currentIndex()
        top, left = (index.row(), index.column()) if index.isValid() else (0, 0)
        count = self.model_.paste(top, left, parse_block(text))
        self.pasted.emit(count)
        return count

    def edit_comment(self, index: QModelIndex | None = None) -> bool:
        """Ctrl+M: ask for the current cell's comment. True if the clerk confirmed one."""
        model = self.model_
        index = index if index is not None else self.currentIndex()
        if model.grid is None or not index.isValid():
            return False
        col, code = model.cell(index)
        if not model.text(col, code).strip():  # the store keeps comments on figures only
            self.message.emit(self.tr("Type the figure first: a comment belongs to a figure"))
            return False
        english = language() == "en"
        title = f"{model.headerData(index.row(), Qt.Orientation.Vertical)} · {model.labels[index.column()]}"
        reasons = [i.en if english else i.zh for i in model.issues.get((col, code), []) if i.severity == SOFT]
        dialog = CommentDialog(title, reasons, model.comment(col, code), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        model.set_comment(index, dialog.text())
        return True

    def go_to(self, index: QModelIndex) -> None:
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> int:
        """Write every edited column's values and comments (one transaction); raises the service's refusal."""
        model = self.model_
        assert model.grid is not None
        edits = {col: dict(cells) for col, cells in model.edits.items() if cells}
        notes = {col: dict(cells) for col, cells in model.notes.items() if cells}
        base = {col: model.grid.stamps[col] for col in set(edits) | set(notes)}
        return save_grid(self.ctx, model.grid.domain, edits, notes, base=base)
