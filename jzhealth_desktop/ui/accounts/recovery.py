"""A store that failed its check at start-up: say so plainly; only a *damaged* one is offered the newest good
backup of the same store. A locked, read-only, full or foreign store is intact (or not ours): the clerk is told
what to do and no backup is offered, so good data is never overwritten with an older copy. Works before any
store is open (no Context), so the file is never opened; the program goes on with the restored store."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import JzError
from ...services import backup
from ..qt import QCoreApplication, QMessageBox

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


def offer_recovery(store: Path, health: backup.Startup) -> bool:
    """True once the newest good backup was restored over ``store`` (open it now); False: do not start."""
    from ..dialogs import error_text

    if health.kind and health.kind != backup.DAMAGED and health.error is not None:
        QMessageBox.critical(None, translate("accounts", "The data file cannot be opened"),
                             translate("accounts", "The data file cannot be opened:") + f"\n{store}\n\n"
                             + error_text(health.error))
        return False
    title = translate("accounts", "Damaged data file")
    text = (translate("accounts", "The data file failed its check and will not be opened:")
            + f"\n{store}\n{error_text(health.error) if health.error else health.problem}\n\n")
    if health.newest_good is None:
        QMessageBox.critical(None, title,
                             text + translate("accounts", "No good backup was found. Ask the administrator for help."))
        return False
    question = text + translate("accounts", "Restore the newest good backup?") + f"\n{health.newest_good.name}"
    if QMessageBox.question(None, title, question) != QMessageBox.StandardButton.Yes:
        return False
    try:
        result = backup.restore_file(store, health.newest_good)
    except JzError as exc:
        QMessageBox.critical(None, title, error_text(exc))
        return False
    QMessageBox.information(None, title,
                            translate("accounts", "Restored. The damaged file was kept as:") + f"\n{result.kept}")
    return True
