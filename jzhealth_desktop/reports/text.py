"""Chinese text flowables: paragraphs laid out with our own line breaking (domain/linebreak.py).

Set as clreq and the daily set Chinese: Song body, Hei heads (``TextStyle.face``); a
justified line spreads its slack between ideographs only — a run of digits or Latin
(2824, 4.82/10, COVID-19) moves as one block at its natural spacing — and the last line
of a paragraph sets flush-left at normal spacing. Every glyph is placed at an explicit
x, so no spacing carries from one line to the next and no line is wider than its frame.
A word wider than the frame (a 16-digit figure in a narrow cell) shrinks the paragraph
down to ``min_size`` when the style allows it; only below that is it cut.
A paragraph splits across frames between lines and keeps at least two lines on each
side. Headings carry ``keepWithNext`` so the document never strands one at a page foot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color, black
from reportlab.platypus import Flowable

from ..domain.linebreak import atoms, break_lines
from .fonts import CLOSING, HEI, SONG, char_width, face_for, register_fonts, squeeze

# One block on a justified line: a run of printable ASCII (digits, Latin, their signs) or one character.
_BLOCK = re.compile(r"[!-~‰％]+|.", re.S)


@dataclass(frozen=True)
class TextStyle:
    size: float = 10
    leading: float = 15
    indent: int = 0  # first-line indent in characters (2 for body text)
    align: str = "justify"  # justify | left | center | right
    color: Color = black
    bold: bool = False  # Hei with a light stroked outline: each face has one weight
    space_before: float = 0
    space_after: float = 0
    keep_with_next: bool = False
    font: str = ""  # "" = Hei when bold, else Song
    min_size: float = 0  # smallest size the text may shrink to so a long word fits; 0 = never shrink

    def but(self, **changes) -> "TextStyle":
        return replace(self, **changes)

    @property
    def face(self) -> str:
        return self.font or (HEI if self.bold else SONG)


def width(text: str, size: float, font: str = SONG) -> float:
    """Advance width of ``text`` in ``font`` (characters the Song subset lacks measured in Hei)."""
    return sum(char_width(c, font, size) for c in text)


def tight_width(text: str, size: float, font: str = SONG) -> float:
    """``width`` with every closing mark taken in as far as its glyph allows: the narrowest a line may be set."""
    return sum(char_width(c, font, size) - (squeeze(c, font) * size if c in CLOSING else 0.0) for c in text)


def _runs(text: str, font: str):
    """``text`` cut into (face, piece) runs, so a character the Song subset lacks is drawn in Hei."""
    run, face = "", None
    for char in text:
        f = face_for(char, font)
        if f != face and run:
            yield face, run
            run = ""
        face = f
        run += char
    if run:
        yield face, run


class Para(Flowable):
    """One paragraph of Chinese text in one style."""

    def __init__(self, text: str, style: TextStyle, _lines: list[str] | None = None, _first: bool = True,
                 _last: bool = True, _size: float | None = None):
        super().__init__()
        register_fonts()
        self.text = text
        self.style = style
        self._lines = _lines
        self._first = _first
        self._last = _last
        self._size = _size or style.size
        self.spaceBefore = style.space_before if _first else 0
        self.spaceAfter = style.space_after if _last else 0
        self.keepWithNext = style.keep_with_next

    def _break(self, avail: float, size: float) -> list[str]:
        """Greedy lines, measured as tight as the closing marks allow, then no runt last line."""
        indent = self.style.indent * size if self._first else 0
        face = self.style.face
        measure = lambda s: tight_width(s, size, face)  # noqa: E731
        lines = break_lines(self.text, measure, avail, avail - indent)
        if len(lines) >= 2 and "\n" not in self.text and len([c for c in lines[-1] if c not in CLOSING]) < 2:
            # a last line of one character and its mark (「态。」): take the previous line's last word down
            pieces = atoms(lines[-2])
            room = avail - (indent if len(lines) == 2 else 0)
            if len(pieces) > 1 and measure(pieces[-1] + lines[-1]) <= room:
                lines[-2:] = ["".join(pieces[:-1]).rstrip(), (pieces[-1] + lines[-1]).strip()]
        return lines

    def _layout(self, avail: float) -> list[str]:
        if self._lines is not None:
            return self._lines
        size = self.style.size
        if self.style.min_size and self.style.min_size < size:
            face = self.style.face
            widest = max((width(a.strip(), size, face) for a in atoms(self.text)), default=0.0)
            indent = self.style.indent * size if self._first else 0
            if widest > avail - indent:  # shrink so the longest word fits the frame, not below min_size
                size = max(self.style.min_size, int(size * (avail - indent) / widest * 10) / 10)
        self._size = size
        return self._break(avail, size)

    @property
    def leading(self) -> float:
        return self.style.leading * self._size / self.style.size

    def wrap(self, avail_width, avail_height):
        self.lines = self._layout(avail_width)
        self.width = avail_width
        self.height = len(self.lines) * self.leading
        return avail_width, self.height

    def split(self, avail_width, avail_height):
        lines = self._layout(avail_width)
        fits = int(avail_height // self.leading)
        if fits >= len(lines):
            return [self]
        if self.keepWithNext:
            return []
        if len(lines) - fits < 2:  # no widow line at the top of the next frame
            fits = len(lines) - 2
        if fits < 2:  # no orphan line at the foot of this one
            return []
        head = Para(self.text, self.style, lines[:fits], self._first, False, self._size)
        tail = Para(self.text, self.style, lines[fits:], False, self._last, self._size)
        return [head, tail]

    def draw(self):
        style = self.style
        canv = self.canv
        size, leading, face = self._size, self.leading, style.face
        canv.saveState()
        canv.setFillColor(style.color)
        if style.bold:
            canv.setStrokeColor(style.color)
            canv.setLineWidth(size * (0.035 if size >= 12 else 0.018))
        text = canv.beginText(0, 0)
        text.setCharSpace(0)
        text.setWordSpace(0)
        if style.bold:
            text.setTextRenderMode(2)
        count = len(self.lines)
        for index, line in enumerate(self.lines):
            x = style.indent * size if index == 0 and self._first else 0.0
            blocks = _BLOCK.findall(line)
            widths = [width(b, size, face) for b in blocks]
            natural = sum(widths)
            room = self.width - x
            last = index == count - 1 and self._last
            gap = 0.0
            if style.align == "justify" and not last and len(blocks) > 1 and natural < room:
                gap = (room - natural) / (len(blocks) - 1)
                if gap > size * 0.5:  # a gappy line reads worse than a ragged one
                    gap = 0.0
            elif style.align == "center":
                x += max(0.0, room - natural) / 2
            elif style.align == "right":
                x += max(0.0, room - natural)
            baseline = self.height - (index + 1) * leading + (leading - size) * 0.5 + size * 0.14
            if natural > room + 1e-6:  # a tight line: take in the closing marks, each by its share
                marks = sum(squeeze(b, face) for b in blocks if b in CLOSING) * size
                share = min(1.0, (natural - room) / marks) if marks else 0.0
                for block, w in zip(blocks, widths):
                    if not block.isspace():
                        self._out(text, x, baseline, block, face, size, 0.0)
                    x += w - (squeeze(block, face) * size * share if block in CLOSING else 0.0)
                continue
            if not gap:  # one run per face at the line's start: nothing to spread
                self._out(text, x, baseline, line, face, size, 0.0)
                continue
            # Spread: a run of ideographs is one string with the gap as character spacing (applied after
            # each glyph, so also before the next block); a digit/Latin block is set at spacing 0.
            start = 0
            while start < len(blocks):
                end = start + 1
                latin = len(blocks[start]) > 1 or blocks[start].isascii()
                if not latin:
                    while end < len(blocks) and len(blocks[end]) == 1 and not blocks[end].isascii():
                        end += 1
                piece = "".join(blocks[start:end])
                self._out(text, x, baseline, piece, face, size, 0.0 if latin else gap)
                x += sum(widths[start:end]) + gap * (end - start)
                start = end
        canv.drawText(text)
        canv.restoreState()

    @staticmethod
    def _out(text, x: float, y: float, piece: str, face: str, size: float, spacing: float) -> None:
        """``piece`` from (x, y), each run in the face that has its glyphs; spacing is set every time."""
        text.setTextOrigin(x, y)
        text.setCharSpace(spacing)
        for run_face, run in _runs(piece, face):
            text.setFont(run_face, size)
            text.textOut(run)
