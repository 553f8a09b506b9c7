"""Sizes and colours shared by the documents (newspaper red, greys)."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus import Table, TableStyle

from .fonts import FONT
from .text import Para, TextStyle

RED = HexColor("#B5121B")  # the masthead red of the daily's special pages
INK = HexColor("#1A1A1A")
GREY = HexColor("#555555")
RULE = HexColor("#999999")
TINT = HexColor("#F6EEE4")  # highlights box
HEAD_TINT = HexColor("#E8E8E8")  # table header
ROW_TINT = HexColor("#F3F3F3")  # section and total rows

BODY = TextStyle(size=10, leading=16, indent=2, color=INK, space_after=4)
SMALL = TextStyle(size=8, leading=11, align="left", color=GREY)
CELL = TextStyle(size=8, leading=10.5, align="left", color=INK)
NUMBER = CELL.but(align="right", min_size=4.5)  # a figure shrinks to fit its cell rather than cross its rule
CELL_HEAD = TextStyle(size=8, leading=10.5, align="center", color=INK, bold=True)
TITLE = TextStyle(size=20, leading=28, align="center", bold=True, color=INK, space_after=6)
H1 = TextStyle(size=13, leading=20, align="left", bold=True, color=INK, space_before=10, space_after=4,
               keep_with_next=True)
H2 = TextStyle(size=10.5, leading=16, align="left", bold=True, color=GREY, space_before=6, space_after=3,
               keep_with_next=True)



def number_cell(text: str) -> Para | str:
    """A table cell for a figure: set right, whole, on one line; it shrinks (not below 4.5 pt) when the
    figure is wider than its column. Empty and 「—」 cells stay plain strings."""
    return Para(text, NUMBER) if text and text not in ("—", "…") else text


_NUMERALS = "零一二三四五六七八九"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 11 → 十一, 20 → 二十 (heading numbers 一、二、…)."""
    if n < 10:
        return _NUMERALS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[ones] if ones else "")


def tinted_box(content, width: float, side: float = 10, bottom: float = 6) -> Table:
    """The red-ruled, tinted box of the special pages (the 专版's highlights, the plan page's closing summary)."""
    box = Table([[content]], colWidths=[width])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else the table sets Helvetica, which is not embedded
        ("BACKGROUND", (0, 0), (-1, -1), TINT), ("BOX", (0, 0), (-1, -1), 1.2, RED),
        ("LEFTPADDING", (0, 0), (-1, -1), side), ("RIGHTPADDING", (0, 0), (-1, -1), side),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
    ]))
    return box
