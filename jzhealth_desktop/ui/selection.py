"""Which form the main window shows: org unit, year and domain, remembered between runs (ui/settings.py).

The model holds the committed selection only; the window's selectors mirror it (``moved``/``kept``), and the
window emits ``changed`` once the new form is on screen (the feature API's ``window.selection_changed``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable

from ..domain.periods import MAX_YEAR, MIN_YEAR
from . import settings
from .qt import QObject, QSettings, Signal

if TYPE_CHECKING:  # pragma: no cover
    from ..services.context import Context


class Selection(QObject):
    moved = Signal()  # the selection changed: show it and load the form
    kept = Signal()  # a move was cancelled (unsaved edits): put the selectors back
    changed = Signal(str, int, str)  # the selected form is shown

    def __init__(self, ctx: Context, orgs: list[str], may_leave: Callable[[], bool], parent: QObject | None = None):
        """``orgs``: the units this window may show; ``may_leave()`` asks about unsaved edits (False: stay)."""
        super().__init__(parent)
        self.ctx, self.orgs, self.may_leave = ctx, orgs, may_leave
        self.codes = [d.code for d in ctx.catalogue.domains]
        self.org, self.year, self.domain = orgs[0], datetime.now().year - 1, self.codes[0]

    def restore(self) -> None:
        """The selection of the last close; what is no longer valid falls back (first unit, latest year with
        data, first domain)."""
        from ..services.completeness import latest_year

        store = settings.ui_settings()
        org = settings.read(settings.ORG, store=store)
        year = settings.read(settings.YEAR, store=store)
        domain = settings.read(settings.DOMAIN, store=store)
        self.org = org if org in self.orgs else self.orgs[0]
        if year is None:
            year = latest_year(self.ctx) or datetime.now().year - 1
        self.year = min(max(year, MIN_YEAR), MAX_YEAR)
        self.domain = domain if domain in self.codes else self.codes[0]

    def save(self, store: QSettings) -> None:
        settings.write(settings.ORG, self.org, store=store)
        settings.write(settings.YEAR, self.year, store=store)
        settings.write(settings.DOMAIN, self.domain, store=store)

    def current(self) -> tuple[str, int, str]:
        return self.org, self.year, self.domain

    def select(self, org: str, year: int, domain: str) -> bool:
        """Move to (org, year, domain), asking about unsaved changes first; False if the clerk cancelled."""
        if (org, year, domain) == self.current():
            return True
        if not self.may_leave():
            self.kept.emit()
            return False
        self.org, self.year, self.domain = org, int(year), domain
        self.moved.emit()
        return True

    def stepped(self, step: int) -> str:
        """The domain ``step`` places after the selected one, round the catalogue."""
        return self.codes[(self.codes.index(self.domain) + step) % len(self.codes)]
