"""文件 menu actions: export/import a package file or a workbook. Reading, previewing and committing run
off the UI thread (``window.run_in_background``); the preview dialog sits between preview and commit."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

from ..qt import QDialog, QMessageBox, QObject

if TYPE_CHECKING:  # pragma: no cover
    from .preview_dialog import ImportPreviewDialog

# The exchange services (and openpyxl, numpy through it) are imported when an action runs, not at start-up.


def _kind(pattern: str) -> str:
    return "xlsx" if ".xlsx" in pattern else "package"


def choose_save_path(parent, title: str, suggested: str, pattern: str) -> str:
    """Ask where to save (tests monkeypatch this); starts in Documents, then the last folder of this kind."""
    from .. import dialogs

    return dialogs.save_path(parent, _kind(pattern), title, suggested, pattern)


def choose_open_path(parent, title: str, pattern: str) -> str:
    """Ask which file to open (tests monkeypatch this); starts in Documents, then the last folder of this kind."""
    from .. import dialogs

    return dialogs.open_path(parent, _kind(pattern), title, pattern)


def inform(parent, title: str, text: str) -> None:
    """Tell the clerk an export or import finished (tests monkeypatch this)."""
    QMessageBox.information(parent, title, text)


def confirm_preview(dialog: "ImportPreviewDialog") -> bool:
    """Show the preview and wait for the clerk (tests monkeypatch this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


class ExchangeActions(QObject):
    """The four menu actions, bound to one main window."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_result = None

    def _name(self, code: str) -> str:
        return self.window.org_name(code) if hasattr(self.window, "org_name") else self.window.ctx.org(code).name

    # ---- export ------------------------------------------------------------------------------------
    def export_package(self) -> None:
        from ...services.exchange import export_package
        from ...services.exchange.manifest import SUFFIX

        org, year = self.window.current_org(), self.window.current_year()
        path = choose_save_path(self.window, self.tr("Export package"),
                                f"{self._name(org)}-{year}{SUFFIX}", self.tr("Package files (*.jzhpkg)"))
        if path:
            self._export(self.tr("Exporting package"), lambda progress: export_package(self.window.ctx, org, [year], path),
                         path)

    def export_workbook(self) -> None:
        from ...services.exchange.xlsx_export import export_workbook

        org, year = self.window.current_org(), self.window.current_year()
        path = choose_save_path(self.window, self.tr("Export Excel workbook"), f"{self._name(org)}-{year}.xlsx",
                                self.tr("Excel workbooks (*.xlsx)"))
        if path:
            self._export(self.tr("Exporting workbook"), lambda progress: export_workbook(self.window.ctx, org, year, path),
                         path)

    def _export(self, title: str, fn, path: str) -> None:
        def done(_result) -> None:
            inform(self.window, self.tr("Export finished"), self.tr("Saved to {path}").format(path=path))

        self.window.run_in_background(title, fn, done)

    # ---- import ------------------------------------------------------------------------------------
    def import_package(self) -> None:
        from ...services.exchange import read_package_file

        path = choose_open_path(self.window, self.tr("Import package"), self.tr("Package files (*.jzhpkg)"))
        if path:
            self.start_import(path, lambda p: read_package_file(p))

    def import_workbook(self) -> None:
        from ...services.exchange.xlsx_import import read_workbook_file

        path = choose_open_path(self.window, self.tr("Import Excel workbook"), self.tr("Excel workbooks (*.xlsx)"))
        if path:
            catalogue = self.window.ctx.catalogue
            self.start_import(path, lambda p: read_workbook_file(p, catalogue))

    def start_import(self, path: str, read) -> None:
        from ...services.exchange import build_preview

        ctx = self.window.ctx
        title = self.tr("Reading {name}").format(name=Path(path).name)
        self.window.run_in_background(title, lambda progress: build_preview(ctx, read(path)), self._previewed)

    def _previewed(self, preview) -> None:
        from ...services.exchange import commit_import
        from .preview_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(preview, self._name, self.window)
        if not confirm_preview(dialog) or preview.nothing_to_do:
            return
        ctx = self.window.ctx
        # the dialog said "fingerprint matches, import" for a key seen the first time: that is the confirmation
        confirmed = preview.signer.fingerprint if dialog.first_contact else None
        self.window.run_in_background(
            self.tr("Importing"), lambda progress: commit_import(ctx, preview, progress, confirmed_key=confirmed),
            self._committed)

    def _committed(self, result) -> None:
        self.last_result = result
        zh, en = result.message
        text = en if getattr(self.window, "english", False) else zh
        if result.backup:
            text += "\n" + self.tr("Backup made before the import: {path}").format(path=result.backup)
        self.window.reload()
        inform(self.window, self.tr("Import finished"), text)
