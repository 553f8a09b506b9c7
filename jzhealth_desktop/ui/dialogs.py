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
    for button, text in ((QMessageBox.StandardButton.Save, QCoreApplication.translate("dialogs", "&Save")),
                         (QMessageBox.StandardButton.Discard, QCoreApplication.translate("dialogs", "&Discard")),
                         (QMessageBox.StandardButton.Cancel, QCoreApplication.translate("dialogs", "&Cancel"))):
        box.button(button).setText(text)  # Alt keys: Qt's own texts have none in Chinese
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


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    QMessageBox.warning(parent, title, exc if isinstance(exc, str) else error_text(exc))


def _local_date(when) -> str:
    """A stored UTC time as the clerk's local date, in Chinese or English."""
    from datetime import timezone

    if when is None:
        return ""
    local = when.replace(tzinfo=timezone.utc).astimezone() if when.tzinfo is None else when.astimezone()
    return QCoreApplication.translate("dialogs", "{year}-{month}-{day}").format(
        year=local.year, month=local.month, day=local.day)


def confirm_resubmit(parent: QWidget, status: str, when) -> bool:
    """Before the first change to a submitted or returned form is saved: it goes back to draft, must be
    submitted again, and a package already sent is out of date."""
    from ..domain.submission import RETURNED

    if status == RETURNED:
        text = QCoreApplication.translate(
            "dialogs", "This form was returned on {date}. After the change it must be submitted again. Continue?")
    else:
        text = QCoreApplication.translate(
            "dialogs", "This form was submitted on {date}. After the change it must be submitted again and the "
                       "package exported again. Continue?")
    answer = QMessageBox.question(parent, QCoreApplication.translate("dialogs", "Change a submitted form"),
                                  text.format(date=_local_date(when)),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def confirm_submit(parent: QWidget, what: str) -> bool:
    """Single-form submit names the form it acts on (the highlighted domain may not be the one in mind)."""
    answer = QMessageBox.question(parent, QCoreApplication.translate("dialogs", "Submit"),
                                  QCoreApplication.translate(
                                      "dialogs", "Submit {what} to the city? The city reviews it next.").format(what=what),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


# ---- files handed to the clerk -------------------------------------------------------------------------
# File dialogs start in the user's Documents folder, then in the last folder used for that kind of file
# (``kind``: "pdf", "package", "xlsx", "csv", "backup", "photo"), never in the program's own folder.

def documents_folder() -> str:
    from pathlib import Path

    from .qt import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def start_folder(kind: str) -> str:
    from pathlib import Path

    from . import settings

    last = settings.read(settings.FOLDER, kind)
    return last if last and Path(last).is_dir() else documents_folder()


def remember_folder(kind: str, path: str) -> None:
    from pathlib import Path

    from . import settings

    if path:
        settings.write(settings.FOLDER, str(Path(path).parent), kind)


def save_path(parent: QWidget, kind: str, title: str, suggested: str, pattern: str) -> str:
    """Ask where to save ``suggested`` (a file name); "" if the clerk cancelled."""
    from pathlib import Path

    from .qt import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(start_folder(kind)) / suggested), pattern)
    remember_folder(kind, path)
    return path


def open_path(parent: QWidget, kind: str, title: str, pattern: str) -> str:
    """Ask which file to open; "" if the clerk cancelled."""
    from .qt import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, title, start_folder(kind), pattern)
    remember_folder(kind, path)
    return path


def open_folder_of(path: str) -> bool:
    """Show the folder holding ``path`` in the system's file manager (Explorer on Windows)."""
    from pathlib import Path

    from .qt import QDesktopServices, QUrl

    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve().parent))))


def tell_saved(parent: QWidget, title: str, path: str) -> bool:
    """After saving a file the clerk will look for (a PDF): say where it went, with 「打开所在文件夹」.
    True if the clerk asked for the folder. The report dialog calls this after its own save."""
    box = QMessageBox(QMessageBox.Icon.Information, title,
                      QCoreApplication.translate("dialogs", "Saved to:") + f"\n{path}", QMessageBox.StandardButton.Ok,
                      parent)
    folder = box.addButton(QCoreApplication.translate("dialogs", "&Open containing folder"),
                           QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if box.clickedButton() is folder:
        open_folder_of(path)
        return True
    return False
