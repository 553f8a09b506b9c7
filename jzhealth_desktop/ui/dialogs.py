"""Small modal questions, in one module so tests can answer them (monkeypatch these functions)."""

from __future__ import annotations

from ..domain.errors import JzError
from .qt import QCoreApplication, QMessageBox, QWidget
from .settings import language

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def error_text(exc: BaseException) -> str:
    """A refusal in the UI's language (services raise JzError with Chinese and English text)."""
    if isinstance(exc, JzError):
        return exc.zh if language() != "en" else exc.en
    return f"{type(exc).__name__}: {exc}"


def ask_unsaved(parent: QWidget, what: str) -> str:
    """Save, discard or cancel unsaved changes to ``what``."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("dialogs", "Unsaved changes"),
                      QCoreApplication.translate("dialogs", "{what} has unsaved changes. Save them?").format(what=what),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_reload(parent: QWidget, message: str) -> bool:
    """Someone else saved first: reload (losing this form's edits) or keep editing."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("dialogs", "Changed by someone else"),
                                  message + "\n\n" + QCoreApplication.translate("dialogs", "Reload the form now? Your unsaved edits will be lost."))
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, exc: BaseException | str) -> None:
    QMessageBox.warning(parent, title, exc if isinstance(exc, str) else error_text(exc))
