"""One typed input: accepts only what the value type allows; Enter moves on, Esc reverts, Ctrl+Z asks the form.
And a figure's comment, capped at what the store takes."""

from __future__ import annotations

from ...domain.catalogue import Indicator
from ...domain.comments import MAX_LENGTH
from ..qt import (QCoreApplication, QGuiApplication, QKeyEvent, QKeySequence, QLineEdit, QRegularExpression,
                  QRegularExpressionValidator, Qt, Signal)

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")

# Full-width digits and separators are accepted: the services fold them (NFKC) before parsing.
_DIGITS = "[0-9０-９]"


def pattern(ind: Indicator) -> str:
    sign = "[+\\-－]?" if ind.min is None or ind.min < 0 else ""
    whole = f"{_DIGITS}[0-9０-９,，]*"
    if ind.scale:
        return f"^{sign}({whole})?([.．]{_DIGITS}{{0,{ind.scale}}})?$"
    return f"^{sign}({whole})?$"


_POINTS = ".．"
_ALL_DIGITS = "0123456789０１２３４５６７８９"


def _numeral(n: int) -> str:
    """「最多两位小数」: a small count in words as Chinese writes it (English keeps the digit)."""
    from ..settings import language

    return str(n) if language() == "en" else dict(enumerate("零一两三四五六七八九")).get(n, str(n))


def refusal(ind: Indicator, text: str, cursor: int, typed: str) -> str:
    """Why typing ``typed`` at ``cursor`` into ``text`` was refused, when it is a rule the clerk should hear
    (the validator drops the key without a word): a third decimal, or a decimal point in a count."""
    if not typed or typed not in _ALL_DIGITS + _POINTS:
        return ""
    if typed in _POINTS and not ind.scale:
        return translate("ValueEdit", "Whole numbers only")
    point = next((i for i, ch in enumerate(text) if ch in _POINTS), -1)
    if typed in _ALL_DIGITS and ind.scale and point >= 0 and cursor > point and len(text) - point - 1 >= ind.scale:
        return translate("ValueEdit", "At most {n} decimal places").format(n=_numeral(ind.scale))
    return ""


class ValueEdit(QLineEdit):
    """The input for one indicator. ``saved`` is the stored text Esc returns to."""

    undo_requested = Signal()
    reverted = Signal(str)  # the text before Esc
    focused = Signal()  # the form shows this field's note under it
    refused = Signal(str)  # a key the field would not take, and why

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
        self.ind = ind

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        self.focused.emit()

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
        before, cursor = self.text(), self.cursorPosition()
        super().keyPressEvent(event)
        if self.text() == before and not self.isReadOnly() and not self.hasSelectedText():
            why = refusal(self.ind, before, cursor, event.text())
            if why:
                self.refused.emit(why)


def _units(text: str) -> int:
    """Length as QLineEdit counts it (UTF-16 code units: a character outside the BMP counts two)."""
    return len(text.encode("utf-16-le")) // 2


class CommentEdit(QLineEdit):
    """A figure's comment (说明), held to ``domain.comments.MAX_LENGTH`` characters while it is typed, pasted or
    committed by an input method, so a save is never refused for its length. When the cap cuts what was typed,
    ``refused`` says so (QLineEdit alone drops the rest without a word). Qt counts UTF-16 units, so the cap never
    lets through more characters than the store takes (a rare character beyond the BMP uses two)."""

    refused = Signal(str)

    def __init__(self, text: str = "", parent=None):
        super().__init__(parent)
        self.setMaxLength(MAX_LENGTH)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        """A stored comment is shown whole, never cut (which would make the form look edited): one of 4000
        characters with a character beyond the BMP is more than 4000 UTF-16 units."""
        self.setMaxLength(max(MAX_LENGTH, _units(text or "")))
        super().setText(text)

    def _guard(self, handle, event, wanted: int) -> None:
        before = _units(self.text()) - _units(self.selectedText())
        handle(event)
        after = _units(self.text())
        if wanted and after >= self.maxLength() and after - before < wanted:
            self.refused.emit(translate("CommentEdit", "A comment holds at most {n} characters; the rest was not "
                                                       "taken").format(n=self.maxLength()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.matches(QKeySequence.StandardKey.Paste):
            wanted = _units(QGuiApplication.clipboard().text())
        else:
            wanted = _units(event.text()) if event.text().isprintable() else 0
        self._guard(super().keyPressEvent, event, wanted if not self.isReadOnly() else 0)

    def inputMethodEvent(self, event) -> None:  # noqa: N802 (Qt override) - Chinese arrives as a commit string
        self._guard(super().inputMethodEvent, event, _units(event.commitString()) if not self.isReadOnly() else 0)
