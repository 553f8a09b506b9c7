"""The validation messages under the form: errors first, then warnings, then missing figures; a warning
answered by a comment reads 「已说明：…」 in grey. Clicking, Enter or F8 / Shift+F8 on a message that names a
field asks the window to put the cursor there (``field_chosen``).

Its strings keep the main window's translation context, where they were first written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.rules import HARD, MISSING, SOFT
from .qt import QCoreApplication, QListWidget, QListWidgetItem, Qt, QWidget, Signal

if TYPE_CHECKING:  # pragma: no cover
    from ..domain.rules import Issue
    from .forms.form_view import FormView

translate = QCoreApplication.translate  # lupdate collects translate("MainWindow", "text")
MARKS = {HARD: "✖ ", SOFT: "⚠ ", MISSING: "○ "}
ORDER = {HARD: 0, SOFT: 1, MISSING: 2}


class IssueList(QListWidget):
    field_chosen = Signal(str)  # the code of the field a chosen message names

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issues")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # F8 / Shift+F8 walk it from the form
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        # five messages without a cut line: what the splitter may not shrink below
        line = self.fontMetrics().lineSpacing() + 4
        self.setMinimumHeight(5 * line + 2 * self.frameWidth() + 4)

    def show_issues(self, issues: list[Issue], view: FormView, english: bool) -> None:
        """The messages of ``view``'s live check (or why the check could not run: never "no problems")."""
        self.clear()
        if view.check_error:
            item = QListWidgetItem("✖ " + translate("MainWindow", "The check could not run: {why}").format(
                why=view.check_error))
            item.setForeground(Qt.GlobalColor.darkRed)
            self.addItem(item)
            return
        for issue in sorted(issues, key=lambda i: (ORDER.get(i.severity, 3), bool(view.explained(i)))):
            explained = view.explained(issue)
            if explained:  # answered by a comment: neutral, and it says so
                item = QListWidgetItem("✓ " + explained)
                item.setForeground(Qt.GlobalColor.darkGray)
            else:
                item = QListWidgetItem(MARKS.get(issue.severity, "") + (issue.en if english else issue.zh))
                item.setForeground({HARD: Qt.GlobalColor.darkRed, SOFT: Qt.GlobalColor.darkYellow}.get(
                    issue.severity, Qt.GlobalColor.darkGray))
            item.setData(Qt.ItemDataRole.UserRole, issue.code)
            self.addItem(item)
        if not issues:
            self.addItem(translate("MainWindow", "No problems found"))

    def step(self, step: int) -> bool:
        """F8 / Shift+F8: choose the next / previous message that names a field; False if none does."""
        rows = [n for n in range(self.count()) if self.item(n).data(Qt.ItemDataRole.UserRole)]
        if not rows:
            return False
        here = self.currentRow()
        later = [n for n in rows if (n > here if step > 0 else n < here)]
        row = (later[0] if step > 0 else later[-1]) if later else (rows[0] if step > 0 else rows[-1])
        self.setCurrentRow(row)
        self._chosen(self.item(row))
        return True

    def _chosen(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code:
            self.field_chosen.emit(code)
