"""One domain's form, laid out from the catalogue: a group box per section, a row per indicator or rate.

Nothing here knows a particular domain: a new indicator in the TOML appears with no code change. The form
keeps the stored text of every field, so it knows what is unsaved, what Esc returns to and what to send.
"""

from __future__ import annotations

from dataclasses import dataclass
from ...domain.catalogue import Indicator, Rate
from ...domain.derived import rate_value
from ...domain.errors import JzError
from ...domain.numbers import format_item, format_rate
from ...domain.rules import HARD, MISSING, SOFT, Issue
from ...domain.values import Value, fit_scale, to_decimal, value_text
from ...services.context import Context
from ...services.forms import Form, validate
from ..qt import (QFrame, QGridLayout, QSizePolicy, QGroupBox, QLabel, QScrollArea, Qt, QTimer, QToolButton,
                  QVBoxLayout, QWidget, Signal)
from ..settings import language
from .field import CommentEdit, ValueEdit

LIVE_CHECK_MS = 150
NAME_WIDTH = 330  # the indicator names' column at its widest; it gives way (names wrap) down to NAME_MIN
NAME_MIN = 180
_RANK = {HARD: 3, SOFT: 2, MISSING: 1}


@dataclass
class Row:
    ind: Indicator
    edit: ValueEdit
    last: QLabel
    comment: CommentEdit
    history: QToolButton
    label: QLabel
    unit: QLabel
    saved_comment: str = ""
    editable: bool = True


@dataclass
class RateRow:
    rate: Rate
    value: QLabel
    last: QLabel


def parse_text(ind: Indicator, text: str) -> Value | None:
    """What a field's text means now (None if empty or not yet a valid number): for live rates only."""
    if not text.strip():
        return None
    try:
        return fit_scale(to_decimal(text), ind.scale)
    except JzError:
        return None


def stored_text(value: Value | None) -> str:
    return value_text(value)


class FormView(QScrollArea):
    """The scrolling form of one domain. Signals tell the window what changed; it never saves by itself."""

    dirty_changed = Signal(bool)
    issues_changed = Signal(list)
    history_requested = Signal(str)
    note_changed = Signal(str)  # the focused field's rule (catalogue note), shown in a line under the form
    message = Signal(str)  # a short word for the status bar (a key the field refused, and why)

    def __init__(self, ctx: Context, domain: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.domain = ctx.catalogue.domain(domain)
        self.rows: dict[str, Row] = {}
        self.rate_rows: dict[str, RateRow] = {}
        self.sections: list[tuple[QGroupBox, list[str]]] = []
        self.form: Form | None = None
        self.issues: list[Issue] = []
        self.check_error = ""  # why the last live check could not run ("" when it ran)
        self.readonly = False
        self._last_text: dict[str, str] = {}
        self._open: tuple[str, str] | None = None  # field being edited and its text before
        self._undo: list[tuple[str, str]] = []
        self._dirty = False
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(LIVE_CHECK_MS)
        self._check_timer.timeout.connect(self.validate_now)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName(f"form_{domain}")
        self._build()

    # ---- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 8, 12, 12)
        outer.setSpacing(10)
        self.banner = QLabel(body)
        self.banner.setObjectName("formBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.header = self._header()
        cat = self.ctx.catalogue
        for section in self.domain.sections:
            box = QGroupBox(section.name if language() != "en" else section.name_en, body)
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(6)
            grid.setColumnMinimumWidth(0, NAME_MIN)
            grid.setColumnStretch(4, 1)
            for line, code in enumerate(section.items):
                item = cat.items[code]
                if isinstance(item, Indicator):
                    self.rows[code] = self._indicator_row(box, grid, line, item)
                else:
                    self.rate_rows[code] = self._rate_row(box, grid, line, item)
            self.sections.append((box, list(section.items)))
            outer.addWidget(box)
        outer.addStretch(1)
        self.setWidget(body)

    def _header(self) -> QWidget:
        """The column titles, pinned above the scrolling rows (a child of the scroll area, outside its viewport):
        they never scroll away, and a field scrolled to is never hidden under them. ``_place_header`` puts each
        title over its column as laid out, so 上年 sits over its right-aligned values at any width or scale."""
        head = QWidget(self)
        head.setObjectName("formHeader")
        self.header_labels = []
        for col, text in enumerate((self.tr("Indicator"), self.tr("This year"), self.tr("Unit"),
                                    self.tr("Last year"), self.tr("Comment"))):
            label = QLabel(text, head)
            label.setObjectName("columnHeader")
            if col in (1, 3):  # over right-aligned figures
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.header_labels.append(label)
        height = max(label.sizeHint().height() for label in self.header_labels) + 6
        head.setFixedHeight(height)
        self.setViewportMargins(0, height, 0, 0)
        return head

    def _place_header(self) -> None:
        rect = self.viewport().geometry()
        self.header.setGeometry(rect.left(), rect.top() - self.header.height(), rect.width(), self.header.height())
        row = next((r for r in self.rows.values() if r.edit.isVisibleTo(self)), None)
        if row is None:
            return
        widget_of = (row.label, row.edit, row.unit, row.last, row.comment)
        for label, widget in zip(self.header_labels, widget_of):
            x = widget.mapTo(self.viewport(), widget.rect().topLeft()).x()
            label.setGeometry(x, 0, max(widget.width(), label.sizeHint().width()), self.header.height())
            if label.alignment() & Qt.AlignmentFlag.AlignRight:  # right edge on the figures' right edge
                label.setGeometry(x + widget.width() - label.geometry().width(), 0, label.geometry().width(),
                                  self.header.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._place_header)  # after the rows are laid out at the new width

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        QTimer.singleShot(0, self._place_header)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt override)
        super().scrollContentsBy(dx, dy)
        if dx:
            self._place_header()

    def _name(self, item: Indicator | Rate) -> str:
        return item.name if language() != "en" else item.name_en

    def _indicator_row(self, box: QGroupBox, grid: QGridLayout, line: int, ind: Indicator) -> Row:
        label = QLabel(self._name(ind) + (" *" if ind.required else ""), box)
        label.setWordWrap(True)
        label.setMinimumWidth(NAME_MIN)
        label.setMaximumWidth(NAME_WIDTH)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        if ind.note:
            label.setToolTip(ind.note)
        edit = ValueEdit(ind, box)
        label.setBuddy(edit)
        unit = QLabel(ind.unit, box)
        unit.setMinimumWidth(36)
        last = QLabel(box)
        last.setObjectName("lastYear")
        last.setMinimumWidth(110)
        last.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        comment = CommentEdit(parent=box)  # capped at the store's limit while typing, and says so
        comment.setMinimumWidth(100)
        comment.setObjectName(f"comment_{ind.code}")
        comment.setPlaceholderText(self.tr("comment"))
        comment.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab stays on the figures; Ctrl+M jumps here
        history = QToolButton(box)
        history.setText(self.tr("History"))
        history.setAutoRaise(True)
        history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        history.setToolTip(self.tr("Who changed this figure, when, old → new (Ctrl+H)"))
        for col, widget in enumerate((label, edit, unit, last, comment, history)):
            grid.addWidget(widget, line, col)
        row = Row(ind, edit, last, comment, history, label, unit)
        edit.textEdited.connect(lambda text, c=ind.code: self._edited(c, text))
        edit.undo_requested.connect(self.undo)
        edit.reverted.connect(lambda before, c=ind.code: self._reverted(c, before))
        edit.focused.connect(lambda c=ind.code: self.note_changed.emit(self.note(c)))
        edit.refused.connect(self.message)
        comment.textEdited.connect(lambda _t: self._changed())
        comment.refused.connect(self.message)
        comment.returnPressed.connect(edit.setFocus)
        history.clicked.connect(lambda _=False, c=ind.code: self.history_requested.emit(c))
        return row

    def _rate_row(self, box: QGroupBox, grid: QGridLayout, line: int, rate: Rate) -> RateRow:
        label = QLabel(self._name(rate), box)
        label.setWordWrap(True)
        label.setMinimumWidth(NAME_MIN)
        label.setMaximumWidth(NAME_WIDTH)
        label.setObjectName("rateName")
        # a wrapped name takes the height of its lines (a grid row otherwise keeps one line and cuts the second)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        value = QLabel(box)
        value.setObjectName(f"rate_{rate.code}")
        value.setFixedWidth(130)
        value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        value.setProperty("role", "rate")
        last = QLabel(box)
        last.setObjectName("lastYear")
        last.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hint = QLabel(self.tr("computed"), box)
        hint.setObjectName("lastYear")
        grid.addWidget(label, line, 0)
        grid.addWidget(value, line, 1)
        grid.addWidget(last, line, 3)
        grid.addWidget(hint, line, 4)
        return RateRow(rate, value, last)

    # ---- loading ------------------------------------------------------------------------------------
    def load(self, form: Form, level: str, readonly: bool, totals: dict[str, Value | None] | None = None) -> None:
        """Show ``form``: fields of ``level`` are typed; others are hidden (county) or shown as totals (city)."""
        self.form = form
        self.readonly = readonly
        self._undo.clear()
        self._open = None
        self._check_timer.stop()
        for code, row in self.rows.items():
            own = row.ind.level == level
            row.editable = own and not readonly
            show = own or (level == "city" and totals is not None)
            for widget in (row.label, row.edit, row.unit, row.last, row.comment, row.history):
                widget.setVisible(show)
            if own:
                text = stored_text(form.values.get(code))
                row.edit.setToolTip("")
            else:
                text = stored_text(totals.get(code)) if totals else ""
                row.edit.setToolTip(self.tr("Total of the counties; entered by each county"))
            row.edit.set_saved(text)
            row.edit.setReadOnly(not row.editable)
            row.edit.setProperty("issue", "")
            row.edit.setProperty("total", "" if own else "yes")
            row.edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus if row.editable else Qt.FocusPolicy.NoFocus)
            row.saved_comment = form.comments.get(code, "") if own else ""
            row.comment.setText(row.saved_comment)
            row.comment.setReadOnly(not row.editable)
            row.comment.setToolTip("")
            last = form.last_year.get(code) if own else None
            row.last.setText(format_item(row.ind, last) if last is not None else "—")
            self._last_text[code] = text
            self._restyle(row.edit)
        for box, codes in self.sections:  # a section with no field for this level (city-only items) is hidden
            box.setVisible(any(code in self.rows and self.rows[code].edit.isVisibleTo(box) for code in codes))
        for code, rrow in self.rate_rows.items():
            last = rate_value(rrow.rate, form.last_year)
            rrow.last.setText(format_rate(last, rrow.rate.per) if last is not None else "—")
        self._update_rates()
        QTimer.singleShot(0, self._place_header)  # the first shown row may differ (city vs county)
        self.issues = []
        self.check_error = ""
        self._set_dirty(False)
        if readonly:
            self.banner.setText(self.tr("This form has been approved and is locked; it can only be read."))
            self.banner.show()
        else:
            self.banner.hide()
        self._check_timer.start()

    # ---- what the clerk typed -----------------------------------------------------------------------
    def editable_rows(self) -> list[Row]:
        return [row for row in self.rows.values() if row.editable]

    def entries(self) -> dict[str, str]:
        """Changed figures only: what a save sends."""
        return {r.ind.code: r.edit.text() for r in self.editable_rows() if r.edit.text() != r.edit.saved}

    def comment_entries(self) -> dict[str, str]:
        return {r.ind.code: r.comment.text() for r in self.editable_rows() if r.comment.text() != r.saved_comment}

    def all_entries(self) -> dict[str, str]:
        return {r.ind.code: r.edit.text() for r in self.editable_rows()}

    def comments(self) -> dict[str, str]:
        return {r.ind.code: r.comment.text() for r in self.editable_rows()}

    def is_dirty(self) -> bool:
        return bool(self.entries() or self.comment_entries())

    def current_code(self) -> str | None:
        for code, row in self.rows.items():
            if row.edit.hasFocus() or row.comment.hasFocus():
                return code
        return None

    def first_field(self) -> ValueEdit | None:
        rows = self.editable_rows()
        return rows[0].edit if rows else None

    def first_empty_field(self) -> ValueEdit | None:
        """Where typing starts: the first empty figure, else the first figure (None on a read-only form)."""
        rows = self.editable_rows()
        empty = [r for r in rows if not r.edit.text().strip()]
        chosen = empty or rows
        return chosen[0].edit if chosen else None

    def focus_start(self) -> bool:
        """Put the cursor where typing starts (the first empty figure); False if the form takes no typing."""
        edit = self.first_empty_field()
        if edit is None:
            return False
        self.focus_field(edit.code)
        return True

    def next_required_empty(self) -> str | None:
        """The next empty required field after the focused one (wrapping round), or None if all are filled."""
        rows = [r for r in self.editable_rows() if r.ind.required]
        empty = [r.ind.code for r in rows if not r.edit.text().strip()]
        if not empty:
            return None
        order = [r.ind.code for r in self.editable_rows()]
        here = self.current_code()
        start = order.index(here) if here in order else -1
        return next((c for c in empty if order.index(c) > start), empty[0])

    def note(self, code: str) -> str:
        """The line under the form for a field: its name and the catalogue's note (the rule a clerk needs)."""
        row = self.rows.get(code)
        if row is None:
            return ""
        name = self._name(row.ind)
        return f"{name}：{row.ind.note}" if row.ind.note else name

    def focus_field(self, code: str) -> None:
        row = self.rows.get(code)
        if row is not None:
            self.ensureWidgetVisible(row.label, 50, 40)  # the whole row, with its name, clear of the edges
            row.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_comment(self, code: str | None = None) -> None:
        code = code or self.current_code()
        row = self.rows.get(code or "")
        if row is not None and row.editable:
            self.ensureWidgetVisible(row.comment)
            row.comment.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- editing ------------------------------------------------------------------------------------
    def _edited(self, code: str, text: str) -> None:
        if self._open is None or self._open[0] != code:
            self._commit_open()
            self._open = (code, self._last_text.get(code, ""))
        self._last_text[code] = text
        self._update_rates(code)
        self._changed()

    def _commit_open(self) -> None:
        if self._open is not None:
            code, before = self._open
            if self.rows[code].edit.text() != before:
                self._undo.append((code, before))
            self._open = None

    def _reverted(self, code: str, before: str) -> None:
        if self._open is not None and self._open[0] == code:  # the typing Esc undid is one step, Esc another
            if self._open[1] != before:
                self._undo.append(self._open)
            self._open = None
        self._commit_open()
        self._undo.append((code, before))
        self._last_text[code] = self.rows[code].edit.text()
        self._update_rates(code)
        self._changed()

    def can_undo(self) -> bool:
        return self._open is not None or bool(self._undo)

    def undo(self) -> None:
        """Take back the last unsaved edit of a field (a whole field at a time)."""
        self._commit_open()
        if not self._undo:
            return
        code, before = self._undo.pop()
        row = self.rows[code]
        row.edit.setText(before)
        self._last_text[code] = before
        self.focus_field(code)
        self._update_rates(code)
        self._changed()

    def revert_all(self) -> None:
        """Discard every unsaved edit (back to what is stored)."""
        for row in self.editable_rows():
            row.edit.setText(row.edit.saved)
            row.comment.setText(row.saved_comment)
            self._last_text[row.ind.code] = row.edit.saved
        self._undo.clear()
        self._open = None
        self._update_rates()
        self._changed()

    def _changed(self) -> None:
        self._set_dirty(self.is_dirty())
        self._check_timer.start()

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    # ---- rates and checks ---------------------------------------------------------------------------
    def current_values(self) -> dict[str, Value]:
        values: dict[str, Value] = {}
        for code, row in self.rows.items():
            value = parse_text(row.ind, row.edit.text())
            if value is not None:
                values[code] = value
        return values

    def _update_rates(self, code: str | None = None) -> None:
        values = self.current_values()
        for rrow in self.rate_rows.values():
            if code is not None and code not in (rrow.rate.numerator, rrow.rate.denominator):
                continue
            value = rate_value(rrow.rate, values)
            rrow.value.setText(format_rate(value, rrow.rate.per) if value is not None else "—")

    def rate_text(self, code: str) -> str:
        return self.rate_rows[code].value.text()

    def validate_now(self) -> list[Issue]:
        """Check the whole form against the store's rules (no writes) and mark the fields."""
        self._check_timer.stop()
        if self.form is None or self.readonly:
            self.set_issues([])
            return []
        try:
            issues = validate(self.ctx, self.form.org, self.form.year, self.all_entries(), self.comments(),
                              self.domain.code)
        except JzError as exc:  # the check itself failed: say so, never "no problems found"
            self.check_error = exc.en if language() == "en" else exc.zh
            self.set_issues([])
            return []
        self.check_error = ""
        self.set_issues(issues)
        return issues

    def explained(self, issue: Issue) -> str:
        """A warning already answered by a comment: 「已说明：…」 with the comment; "" while it still needs one."""
        row = self.rows.get(issue.code)
        comment = row.comment.text().strip() if row is not None else ""
        if issue.severity != SOFT or not comment:
            return ""
        return self.tr("Explained: {comment}").format(comment=comment)

    def set_issues(self, issues: list[Issue]) -> None:
        self.issues = issues
        by_code: dict[str, list[Issue]] = {}
        for issue in issues:
            by_code.setdefault(issue.code, []).append(issue)
        english = language() == "en"
        for code, row in self.rows.items():
            found = by_code.get(code, [])
            worst = max((i.severity for i in found), key=lambda s: _RANK.get(s, 0), default="")
            if worst == SOFT and row.comment.text().strip():
                worst = "soft-ok"  # explained: still amber-edged, no longer asking
            row.edit.setProperty("issue", worst)
            row.edit.setToolTip("\n".join(self.explained(i) or (i.en if english else i.zh) for i in found))
            row.comment.setProperty("issue", "need" if worst == SOFT else "")
            self._restyle(row.edit)
            self._restyle(row.comment)
        self.issues_changed.emit(issues)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

