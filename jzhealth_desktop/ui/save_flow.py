"""Ctrl+S and the unsaved-edits guard of the main window, for the form and the grid alike.

One path for both: nothing to save → say so; a refusal found before writing (red figures, a check that could
not run) → say it and put the cursor on the first one; a submitted or returned form among those changed →
ask first (the change sends it back to draft); then write, and on a refusal by the service do the same as
before writing. The form and the grid differ only in the small ``_FormEdits`` / ``_GridEdits`` adapters.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Callable, NamedTuple

from ..domain.errors import JzError
from . import dialogs
from .qt import QCoreApplication, QObject

if TYPE_CHECKING:  # pragma: no cover
    from ..domain.rules import Issue
    from ..services.forms import ValidationFailed
    from .main_window import MainWindow


translate = QCoreApplication.translate  # lupdate collects translate("MainWindow", "text"): the window's strings


class Refusal(NamedTuple):
    """Why nothing was saved, in the status bar (or a message box when ``box``), and where the cursor goes."""

    message: str
    jump: Callable[[], None] | None = None
    box: bool = False


class _FormEdits:
    """The form view's edits of the selected form."""

    def __init__(self, window: MainWindow):
        assert window.selection is not None and window.ctx is not None  # saving starts once the store is open
        self.window, self.view, self.selection, self.ctx = window, window.form_view, window.selection, window.ctx

    def dirty(self) -> bool:
        return self.view.is_dirty()

    def changed_forms(self) -> list[tuple[str, int]]:
        """The (org, year) whose figures this save changes (comments alone do not unsubmit a form)."""
        org, year, _domain = self.selection.current()
        return [(org, year)] if self.view.entries() else []

    def check(self) -> Refusal | None:
        from ..domain.rules import HARD

        issues = self.view.validate_now()
        if self.view.check_error:
            return Refusal(self.view.check_error, box=True)
        hard = [i for i in issues if i.severity == HARD]
        if hard:
            message = translate("MainWindow", "Not saved: {count} error(s) to fix first (marked red)")
            return self._at(hard, message.format(count=len(hard)))
        return None

    def write(self) -> None:
        from ..services.forms import save_form

        org, year, domain = self.selection.current()
        save_form(self.ctx, org, year, domain, self.view.entries(), self.view.comment_entries(),
                  base=self.view.form.stamps if self.view.form else None)

    def refused(self, exc: ValidationFailed) -> Refusal:
        from ..domain.rules import SOFT

        self.view.set_issues(exc.issues)
        soft = [i for i in exc.issues if i.severity == SOFT]
        if soft and len(soft) == len(exc.issues):
            return self._at(soft, translate("MainWindow", "Not saved: the figures marked amber need a comment"),
                            comment=True)
        return self._at(exc.issues, dialogs.error_text(exc))

    def _at(self, issues: list[Issue], message: str, comment: bool = False) -> Refusal:
        first = issues[0].code if issues else None
        if not first or first not in self.view.rows:
            return Refusal(message)
        return Refusal(message, lambda: (self.view.focus_comment if comment else self.view.focus_field)(first))

    def reload(self) -> None:
        self.window.reload()

    def saved(self) -> None:
        self.window.reload()


class _GridEdits:
    """The grid's edits: one domain, several (org, year) columns."""

    def __init__(self, window: MainWindow):
        self.window, self.grid, self.model = window, window.grid, window.grid.model_

    def dirty(self) -> bool:
        return self.model.is_dirty()

    def changed_forms(self) -> list[tuple[str, int]]:
        return [column for column, cells in self.model.edits.items() if cells]

    def check(self) -> Refusal | None:
        hard = self.model.hard_issues()
        if hard:
            message = translate("MainWindow", "Not saved: {count} cell(s) marked red need fixing")
            return Refusal(message.format(count=len(hard)))
        return None

    def write(self) -> None:
        self.grid.save()

    def refused(self, exc: ValidationFailed) -> Refusal:
        from ..domain.rules import SOFT

        self.model.mark(getattr(exc, "by_column", {}))
        waiting = self.model.needing_comment()
        if all(i.severity == SOFT for i in exc.issues) and waiting:
            message = translate("MainWindow", "Not saved: the cells marked amber need a comment (Ctrl+M on the cell)")
            return Refusal(message, lambda: self.grid.go_to(waiting[0]))
        return Refusal(dialogs.error_text(exc))

    def reload(self) -> None:
        self.window.load_grid()

    def saved(self) -> None:
        self.window.reload()
        self.window.load_grid()


class SaveFlow(QObject):
    """Saving the window's edits; ``saved_at`` is the time of the last save (the status bar shows it)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.saved_at: datetime | None = None

    def is_dirty(self) -> bool:
        return self.window.form_view.is_dirty() or self.window.grid_dirty()

    def save(self) -> bool:
        """Ctrl+S: save the grid's edits if the grid is open (or only it has edits), else the form's. False if
        nothing was written."""
        if self.window.showing_grid() or (self.window.grid_dirty() and not self.window.form_view.is_dirty()):
            return self.save_grid()
        return self.save_form()

    def save_form(self) -> bool:
        return self._save(_FormEdits(self.window))

    def save_grid(self) -> bool:
        return self._save(_GridEdits(self.window))

    def _save(self, edits: _FormEdits | _GridEdits) -> bool:
        from ..services.forms import ConflictError, ValidationFailed

        status = self.window.statusBar()
        if not edits.dirty():
            status.showMessage(translate("MainWindow", "Nothing to save"), 3000)
            return True
        refusal = edits.check()
        if refusal is None and not self.confirm_resubmit(edits.changed_forms()):
            return False
        try:
            if refusal is None:
                edits.write()
        except ConflictError as exc:
            if dialogs.ask_reload(self.window, dialogs.error_text(exc)):
                edits.reload()
            return False
        except ValidationFailed as exc:
            refusal = edits.refused(exc)
        except JzError as exc:
            dialogs.show_error(self.window, translate("MainWindow", "Not saved"), exc)
            return False
        if refusal is not None:
            self._refuse(refusal)
            return False
        self.saved_at = datetime.now()
        edits.saved()
        status.showMessage(translate("MainWindow", "Saved"), 3000)
        return True

    def _refuse(self, refusal: Refusal) -> None:
        if refusal.box:
            dialogs.show_error(self.window, translate("MainWindow", "Not saved"), refusal.message)
            return
        self.window.statusBar().showMessage(refusal.message, 10000)
        self.window.issue_list.scrollToTop()
        if refusal.jump is not None:
            refusal.jump()

    def confirm_resubmit(self, forms: list[tuple[str, int]]) -> bool:
        """Saving changed figures of a submitted or returned form sends it back to draft: ask first (once, about
        the first such form, when one save changes several)."""
        from ..domain.submission import MOVES
        from ..services.workflow import get_status

        domain, ctx = self.window.current_domain(), self.window.ctx
        assert ctx is not None
        for org, year in forms:
            try:
                status = get_status(ctx, org, year, domain)
            except JzError:
                continue
            if status.status in MOVES["edit"].sources:
                return dialogs.confirm_resubmit(self.window, status.status, status.changed_at)
        return True

    def revert(self) -> None:
        self.window.form_view.revert_all()
        if self.window.grid_dirty():
            self.window.load_grid()
        self.window.update_save_state()

    def confirm_leave(self) -> bool:
        """Before switching or closing: save, discard or cancel unsaved edits. True means go ahead."""
        if not self.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self.window, self.window.form_title())
        if answer == dialogs.SAVE:
            return self.save_form() if self.window.form_view.is_dirty() else self.save_grid()
        if answer == dialogs.DISCARD:
            self.revert()
            return True
        return False
