"""Chinese text flowables: paragraphs laid out with our own line breaking (domain/linebreak.py).

Lines are justified by character spacing, as newspapers set Chinese; the last line
of a paragraph stays ragged. A paragraph splits across frames between lines and
keeps at least two lines on each side. Headings carry ``keepWithNext`` so the
document never strands one at a page foot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from ..domain.linebreak import break_lines
from .fonts import FONT, register_fonts


@dataclass(frozen=True)
class TextStyle:
    size: float = 10
    leading: float = 15
    indent: int = 0  # first-line indent in characters (2 for body text)
    align: str = "justify"  # justify | left | center | right
    color: Color = black
    bold: bool = False  # drawn with a stroked outline: the font has one weight
    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False

    def but(self, **changes) -> "TextStyle":
        return replace(self, **changes)


@lru_cache(maxsize=65536)
def _width(piece: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(piece, FONT, size)


def width(text: str, size: float) -> float:
    return _width(text, size)


class Para(Flowable):
    """One paragraph of Chinese text in one style."""

    def __init__(self, text: str, style: TextStyle, _lines: list[str] | None = None, _first: bool = True,
                 _last: bool = True):
        super().__init__()
        register_fonts()
        self.text = text
        self.style = style
        self._lines = _lines
        self._first = _first
        self._last = _last
        self._laid_for: float | None = None
        self.spaceBefore = style.space_before if _first else 0
        self.spaceAfter = style.space_after if _last else 0
        self.keepWithNext = style.keep_with_next

    def _layout(self, avail: float) -> list[str]:
        if self._lines is not None:
            return self._lines
        size = self.style.size
        indent = self.style.indent * size if self._first else 0
        return break_lines(self.text, lambda s: _width(s, size), avail, avail - indent)

    def wrap(self, avail_width, avail_height):
        self.lines = self._layout(avail_width)
        self.width = avail_width
        self.height = len(self.lines) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width, avail_height):
        lines = self._layout(avail_width)
        fits = int(avail_height // self.style.leading)
        if fits >= len(lines):
            return [self]
        if self.keepWithNext:
            return []
        if len(lines) - fits < 2:  # no widow line at the top of the next frame
            fits = len(lines) - 2
        if fits < 2:  # no orphan line at the foot of this one
            return []
        head = Para(self.text, self.style, lines[:fits], self._first, False)
        tail = Para(self.text, self.style, lines[fits:], False, self._last)
        return [head, tail]

    def draw(self):
        style = self.style
        canv = self.canv
        size = style.size
        canv.setFillColor(style.color)
        if style.bold:
            canv.setStrokeColor(style.color)
            canv.setLineWidth(size * (0.035 if size >= 12 else 0.018))
        count = len(self.lines)
        for index, line in enumerate(self.lines):
            x = style.indent * size if index == 0 and self._first else 0.0
            natural = _width(line, size)
            room = self.width - x
            last = index == count - 1 and self._last
            spacing = 0.0
            if style.align == "justify" and not last and len(line) > 1:
                spacing = max(0.0, (room - natural) / (len(line) - 1))
                if spacing > size * 0.3:  # a gappy line reads worse than a ragged one
                    spacing = 0.0
            elif style.align == "center":
                x += (room - natural) / 2
            elif style.align == "right":
                x += room - natural
            baseline = self.height - (index + 1) * style.leading + (style.leading - size) * 0.5 + size * 0.14
            text = canv.beginText(x, baseline)
            text.setFont(FONT, size)
            if spacing:
                text.setCharSpace(spacing)
            if style.bold:
                text.setTextRenderMode(2)
            text.textOut(line)
            canv.drawText(text)
