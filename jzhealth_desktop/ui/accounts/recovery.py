"""A damaged store at start-up: say so plainly and offer the newest good backup. Works before any store is
open (no Context), so the broken file is never opened; the program goes on with the restored store."""

from __future__ import annotations

from pathlib import Path

from ...domain.errors import JzError
from ...services import backup
from ..qt import QCoreApplication, QMessageBox

translate = QCoreApplication.translate  # lupdate collects translate("context", "text")


def offer_recovery(store: Path, health: backup.Startup) -> bool:
    """True once the newest good backup was restored over ``store`` (open it now); False: do not start."""
    from ..dialogs import error_text

    title = translate("accounts", "Damaged data file")
    text = (translate("accounts", "The data file failed its check and will not be opened:")
            + f"\n{store}\n{health.problem}\n\n")
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
