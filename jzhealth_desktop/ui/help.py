"""帮助 → 使用说明 (the shipped Chinese guide, with screenshots) and 帮助 → 关于."""

from __future__ import annotations

from .. import __version__
from ..paths import resources_dir
from ..services.context import Context
from .qt import QCoreApplication, QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QUrl, QVBoxLayout, QWidget


def guide_path():
    return resources_dir() / "help" / "guide.md"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(guide_path().parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path())))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 700)


def about_text(ctx: Context) -> str:
    store = ctx.db.display  # a server URL is shown without its password
    return "<br>".join((
        QCoreApplication.translate("help", "<b>Jiaozuo health statistics</b> (jzhealth-desktop)"),
        QCoreApplication.translate("help", "Version: {version}").format(version=__version__),
        QCoreApplication.translate("help", "Store: {store}").format(store=store),
        QCoreApplication.translate("help", "Catalogue version: {version}").format(version=ctx.catalogue.version),
        _key_line(ctx),
    ))


def _key_line(ctx: Context) -> str:
    """The station's package-signing key fingerprint, which the county clerk reads out to the city on the phone."""
    from ..services.station import own_fingerprint

    try:
        fingerprint = own_fingerprint(ctx, create=False)
    except Exception:  # noqa: BLE001 -- a server down, a damaged store: the key line never keeps 关于 from showing
        fingerprint = ""
    if not fingerprint:
        return QCoreApplication.translate("help", "Package key: made at the first export")
    return QCoreApplication.translate("help", "Package key fingerprint: <b>{fingerprint}</b>").format(
        fingerprint=fingerprint)


def show_about(parent: QWidget, ctx: Context) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("help", "About"), about_text(ctx))
