"""Page furniture that needs the page count: 「第 N 页 共 M 页」.

The canvas holds every finished page until the document is complete, then
stamps each with its number and the total before writing it out.
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas

from .fonts import FONT, register_fonts


def page_label(number: int, total: int) -> str:
    return f"第 {number} 页 共 {total} 页"


def numbered_canvas(footer: Callable[[Canvas, int, int], None] | None = None, size: float = 8):
    """A canvas class for ``doc.build(canvasmaker=...)`` that numbers pages at the foot centre."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            register_fonts()
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT  # else Helvetica: not embedded
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                if footer is not None:
                    footer(self, number, total)
                else:
                    width = self._pagesize[0]
                    self.setFont(FONT, size)
                    self.setFillGray(0.25)
                    self.drawCentredString(width / 2, 22, page_label(number, total))
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas
