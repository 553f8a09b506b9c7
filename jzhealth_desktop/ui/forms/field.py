"""One typed input: accepts only what the value type allows; Enter moves on, Esc reverts, Ctrl+Z asks the form."""

from __future__ import annotations

from ...domain.catalogue import Indicator
from ..qt import QKeyEvent, QKeySequence, QLineEdit, QRegularExpression, QRegularExpressionValidator, Qt, Signal

# Full-width digits and separators are accepted: the services fold them (NFKC) before parsing.
_DIGITS = "[0-9０-９]"


def pattern(ind: Indicator) -> str:
    sign = "[+\\-－]?" if ind.min is None or ind.min < 0 else ""
    whole = f"{_DIGITS}[0-9０-９,，]*"
    if ind.scale:
        return f"^{sign}({whole})?([.．]{_DIGITS}{{0,{ind.scale}}})?$"
    return f"^{sign}({whole})?$"


class ValueEdit(QLineEdit):
    """The input for one indicator. ``saved`` is the stored text Esc returns to."""

    undo_requested = Signal()
    reverted = Signal(str)  # the text before Esc

    def __init__(self, ind: Indicator, parent=None):
        super().__init__(parent)
        self.code = ind.code
        self.saved = ""
        self.setObjectName(f"value_{ind.code}")
        self.setProperty("role", "value")
        self.setProperty("issue", "")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern(ind)), self))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFixedWidth(130)

    def set_saved(self, text: str) -> None:
        self.saved = text
        self.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.editingFinished.emit()
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Escape and not self.isReadOnly():
            if self.text() != self.saved:
                before = self.text()
                self.setText(self.saved)
                self.reverted.emit(before)
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            # Form-level undo: a whole field's edit at a time, across fields, back to the stored state.
            self.undo_requested.emit()
            return
        super().keyPressEvent(event)
