"""Due dates in the window: the clerk's "still due" line on the start screen and the words for a due date.

``today()`` is the one clock the UI asks (tests monkeypatch it), so the banner and the completeness view agree.
"""

from __future__ import annotations

from datetime import date

from ..domain.errors import JzError
from ..services.deadlines import Due, still_due
from .qt import QCoreApplication, QLabel, Qt, QWidget, Signal

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


def today() -> date:
    return date.today()



def due_date_text(when: date) -> str:
    """「截止 2024年3月31日」: with the year, since figures for one year are due in the next."""
    return translate("due", "due {year}-{month}-{day}").format(year=when.year, month=when.month, day=when.day)


def pending_text(count: int) -> str:
    return translate("due", "{count} warning(s) need a comment").format(count=count)


def days_text(due: Due) -> str:
    """"3 days left" / "due today" / "2 days overdue"; a delivered form says nothing about days."""
    if due.delivered:
        return ""
    if due.days_left > 0:
        return translate("due", "{days} days left").format(days=due.days_left)
    if due.days_left == 0:
        return translate("due", "due today")
    return translate("due", "{days} days overdue").format(days=-due.days_left)


class DueBanner(QLabel):
    """A county's start screen: what is still due this year, soonest first; a click opens that form."""

    open_requested = Signal(str)  # domain

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dueBanner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        # Tab walks the links, Enter opens one: the banner is not for the mouse only.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.linkActivated.connect(lambda link: self.open_requested.emit(link.removeprefix("domain:")))
        self.items: list[Due] = []
        self.hide()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().focusInEvent(event)
        # Tabbing in lands on the first (Shift+Tab: last) link at once, so Enter opens it.
        if event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason) \
                and not self.selectedText():
            self.focusNextPrevChild(event.reason() == Qt.FocusReason.TabFocusReason)

    def refresh(self, ctx, org: str, year: int, english: bool = False) -> None:
        from ..services.completeness import completeness

        try:
            self.items = still_due(ctx, org, year, today())
            pending = {c.domain: c.pending for c in completeness(ctx, year, [org])} if self.items else {}
        except JzError:
            self.items, pending = [], {}
        if not self.items:
            self.hide()
            return
        parts = []
        for due in self.items:
            dom = ctx.catalogue.domain(due.domain)
            colour = "#b00020" if due.overdue else "#7a5b00"
            link = f"<a href='domain:{due.domain}' style='color:{colour}'>{dom.name_en if english else dom.name}</a>"
            part = translate("due", "{name} ({due}, {days})").format(
                name=link, due=due_date_text(due.due), days=days_text(due))
            if pending.get(due.domain):
                part += translate("due", " — {pending}").format(pending=pending_text(pending[due.domain]))
            parts.append(part)
        self.setText(translate("due", "Still due for {year}:").format(year=year) + " "
                     + translate("due", "; ").join(parts))
        self.show()
