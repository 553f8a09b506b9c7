"""In-app PDF preview: pages rendered with pypdfium2 on white, a page list, zoom, Print and Save As.

The page list is a column of thumbnails with 「第 n 页」 under each, as wide as the widest of them (never cut,
never scrolled sideways). Every button has an Alt key. 另存为 asks through ``ui/dialogs.save_path`` (Documents
the first time, then the folder last used for PDFs) and says where the copy went (``tell_saved``, with
「打开所在文件夹」).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ...domain.errors import JzError
from ...fileio import copy_file
from .. import dialogs
from ..dialogs import error_text
from ..qt import (QAbstractItemView, QDialog, QHBoxLayout, QIcon, QImage, QLabel, QListWidget,
                  QListWidgetItem, QMessageBox, QPainter, QPixmap, QPrintDialog, QPrinter, QPushButton, QScrollArea,
                  QSize, QSpinBox, Qt, QVBoxLayout)

THUMB = QSize(90, 127)  # an A4 page's shape; a newspaper page is fitted inside it
THUMB_DPI = 12  # an A4 page at 12 dpi is 99×140 px: just above the thumbnail, so it is only scaled down


def page_image(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as a QImage at ``dpi``, drawn on white (transparent areas never show the window)."""
    bitmap = document[index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255))
    image = bitmap.to_pil().convert("RGB")
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, image.width * 3, QImage.Format_RGB888).copy()


class PreviewDialog(QDialog):
    def __init__(self, path: Path, parent=None, title: str = ""):
        super().__init__(parent)
        self.path = Path(path)
        self.document = pdfium.PdfDocument(str(self.path))
        self.setWindowTitle(title or self.path.name)
        self._fit_screen()
        self.pages = self._page_list()
        self.view = QLabel()
        self.view.setAlignment(Qt.AlignCenter)
        self.view.setStyleSheet("background: #808080;")
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        self.zoom = QSpinBox()
        self.zoom.setRange(25, 400)
        self.zoom.setSingleStep(25)
        self.zoom.setSuffix("%")
        self.zoom.setValue(100)
        self.print_button = print_button = QPushButton(self.tr("&Print…"))
        self.save_button = save_button = QPushButton(self.tr("&Save as…"))
        self.close_button = close_button = QPushButton(self.tr("&Close"))
        for button in (print_button, save_button, close_button):
            button.setAutoDefault(False)  # Enter in the zoom box does not print
        zoom_label = QLabel(self.tr("&Zoom"))
        zoom_label.setBuddy(self.zoom)
        bar = QHBoxLayout()
        bar.addWidget(zoom_label)
        bar.addWidget(self.zoom)
        bar.addStretch()
        for button in (print_button, save_button, close_button):
            bar.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(body)
        self.pages.currentRowChanged.connect(self.show_page)
        self.zoom.valueChanged.connect(lambda _: self.show_page(self.pages.currentRow()))
        print_button.clicked.connect(self.print_document)
        save_button.clicked.connect(lambda: self.save_as())
        close_button.clicked.connect(self.close)
        self.pages.setCurrentRow(0)
        self.pages.setFocus()  # Up/Down turn the pages from the start

    def _fit_screen(self) -> None:
        """1000×800 where there is room; on a 1366×768 laptop (or at 150 %) within the screen, title bar included."""
        screen = (self.parentWidget() or self).screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or room.isEmpty():
            self.resize(1000, 800)
            return
        self.resize(min(1000, room.width() - 20), min(800, room.height() - 40))

    def _page_list(self) -> QListWidget:
        """Thumbnails in one column, 「第 n 页」 under each; the list is exactly as wide as its widest item plus a
        vertical scroll bar, so no label is cut and nothing scrolls sideways (at any font or scale)."""
        pages = QListWidget()
        pages.setObjectName("pages")
        pages.setViewMode(QListWidget.ViewMode.IconMode)  # the label under its picture
        pages.setFlow(QListWidget.Flow.TopToBottom)
        pages.setWrapping(False)
        pages.setMovement(QListWidget.Movement.Static)
        pages.setResizeMode(QListWidget.ResizeMode.Adjust)
        pages.setSpacing(4)
        pages.setIconSize(THUMB)
        pages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        pages.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # its width is counted below
        pages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        ratio = self.devicePixelRatioF()
        for index in range(len(self.document)):
            pixmap = QPixmap.fromImage(page_image(self.document, index, THUMB_DPI * ratio))
            pixmap.setDevicePixelRatio(ratio)  # sharp at 150 % scaling
            item = QListWidgetItem(QIcon(pixmap), self.tr("Page %1").replace("%1", str(index + 1)))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            pages.addItem(item)
        widest = max((pages.sizeHintForIndex(pages.model().index(row, 0)).width() for row in range(pages.count())),
                     default=THUMB.width())
        pages.setFixedWidth(widest + 2 * pages.spacing() + pages.verticalScrollBar().sizeHint().width()
                            + 2 * pages.frameWidth() + 2)
        return pages

    def page_count(self) -> int:
        return len(self.document)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.document):
            ratio = self.devicePixelRatioF()  # rendered for the screen's pixels: sharp at 150 % scaling
            pixmap = QPixmap.fromImage(page_image(self.document, index, 96 * self.zoom.value() / 100 * ratio))
            pixmap.setDevicePixelRatio(ratio)
            self.view.setPixmap(pixmap)

    def save_as(self, target: str | None = None) -> Path | None:
        """Copy the PDF to ``target``; without one (the 另存为 button) ask where, starting in Documents or the folder
        last used for PDFs, and afterwards say where it went. None if cancelled or refused (the refusal is said)."""
        asked = not target
        if asked:
            target = dialogs.save_path(self, "pdf", self.tr("Save as"), self.path.name, self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        try:  # whole or not at all; a PDF open in a viewer is named and left as it was
            copy_file(self.path, target)
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Save as"), self.tr("Cannot save: %1").replace("%1", error_text(exc)))
            return None
        if asked:
            dialogs.tell_saved(self, self.tr("Save as"), str(target))
        return Path(target)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each page rendered at the printer's resolution and fitted to its page."""
        painter = QPainter(printer)
        try:
            dpi = printer.resolution()
            for index in range(len(self.document)):
                if index:
                    printer.newPage()
                image = page_image(self.document, index, dpi)
                area = painter.viewport()
                size = image.size().scaled(area.size(), Qt.KeepAspectRatio)
                painter.setViewport(area.x(), area.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
        finally:
            painter.end()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not getattr(self, "_fitted", False):  # once: a small screen starts with the page's whole width shown
            self._fitted = True
            self.zoom.setValue(self.fit_width_zoom())

    def fit_width_zoom(self) -> int:
        """100 %, or less if the first page's width at 100 % is wider than the page area (1366×768 at 150 %)."""
        width_pt = self.document[0].get_size()[0] if len(self.document) else 0
        scroll = self.scroll  # the room beside a vertical scroll bar (a page is always taller than the area)
        room = scroll.width() - 2 * scroll.frameWidth() - scroll.verticalScrollBar().sizeHint().width() - 4
        if width_pt <= 0 or room <= 0:
            return 100
        return max(self.zoom.minimum(), min(100, int(room / (width_pt / 72 * 96) * 100)))

    def closeEvent(self, event) -> None:
        self.document.close()
        super().closeEvent(event)
