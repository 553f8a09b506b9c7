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
        self._sizes: dict = {}  # image name → its natural size
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 700)
        screen = self.screen()
        if screen is not None:  # never taller or wider than the screen's free area
            free = screen.availableGeometry()
            self.resize(min(900, free.width() - 40), min(700, free.height() - 60))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit_images()

    def fit_images(self) -> None:
        """Screenshots are shown at most as wide as the window (scaled down, never cut or scrolled sideways)."""
        from .qt import QImage, QTextCursor

        doc = self.browser.document()
        room = self.browser.viewport().width() - 2 * int(doc.documentMargin()) - 4
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    size = self._sizes.setdefault(image.name(), QImage(str(guide_path().parent / image.name())).size())
                    if size.width() > 0:
                        width = min(size.width(), max(room, 100))
                        image.setWidth(width)
                        image.setHeight(size.height() * width / size.width())
                        cursor = QTextCursor(doc)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                it += 1
            block = block.next()


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
