"""In-app PDF preview: pages rendered with pypdfium2 on white, a page list, zoom, Print and Save As."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from ...domain.errors import JzError
from ...fileio import copy_file
from ..dialogs import error_text
from ..qt import (QDialog, QFileDialog, QHBoxLayout, QIcon, QImage, QLabel, QListWidget, QListWidgetItem,
                  QMessageBox, QPainter, QPixmap, QPrintDialog, QPrinter, QPushButton, QScrollArea, QSize,
                  QSpinBox, Qt, QVBoxLayout)


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
        self.resize(1000, 800)
        self.pages = QListWidget()
        self.pages.setIconSize(QSize(90, 127))
        self.pages.setMaximumWidth(140)
        for index in range(len(self.document)):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(page_image(self.document, index, 12))),
                                   self.tr("Page %1").replace("%1", str(index + 1)))
            self.pages.addItem(item)
        self.view = QLabel()
        self.view.setAlignment(Qt.AlignCenter)
        self.view.setStyleSheet("background: #808080;")
        scroll = QScrollArea()
        scroll.setWidget(self.view)
        scroll.setWidgetResizable(True)
        self.zoom = QSpinBox()
        self.zoom.setRange(25, 400)
        self.zoom.setSingleStep(25)
        self.zoom.setSuffix("%")
        self.zoom.setValue(100)
        print_button = QPushButton(self.tr("Print…"))
        save_button = QPushButton(self.tr("Save as…"))
        close_button = QPushButton(self.tr("Close"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom")))
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
        save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.close)
        self.pages.setCurrentRow(0)

    def page_count(self) -> int:
        return len(self.document)

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.document):
            dpi = 96 * self.zoom.value() / 100
            self.view.setPixmap(QPixmap.fromImage(page_image(self.document, index, dpi)))

    def save_as(self, target: str | None = None) -> Path | None:
        if not target:
            target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.path.name,
                                                  self.tr("PDF files (*.pdf)"))
        if not target:
            return None
        try:  # whole or not at all; a PDF open in a viewer is named and left as it was
            copy_file(self.path, target)
        except JzError as exc:
            QMessageBox.warning(self, self.tr("Save as"), self.tr("Cannot save: %1").replace("%1", error_text(exc)))
            return None
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

    def closeEvent(self, event) -> None:
        self.document.close()
        super().closeEvent(event)
