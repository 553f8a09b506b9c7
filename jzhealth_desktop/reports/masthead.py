"""The masthead of the newspaper-style pages (专版 and 年度目标专版): the red title box, the series title, the date
and folio on the right, and the double red rule under them. One drawing for both pages, so they match."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.linebreak import break_lines
from ..domain.numbers import format_date
from .fonts import FONT, text_width
from .styles import GREY, INK, RED

MARGIN = 14 * mm  # the page margin both pages use
MAST = 24 * mm  # masthead band height, its rules included
BOX = 30 * mm  # the red title box's width
PUBLISHER = "焦作市卫生健康统计"


def fit_line(text: str, font: str, size: float, smallest: float, room: float) -> tuple[float, list[str]]:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits ``room`` on one line, with the
    text's lines at that size (one, or wrapped at ``smallest``)."""
    while size > smallest and text_width(text, size, font) > room:
        size -= 0.5
    return size, break_lines(text, lambda s: text_width(s, size, font), room) or [""]


def draw_masthead(canv: Canvas, page_title: str, series_title: str, page_no: object, issue: dt.date,
                  page_w: float, page_h: float) -> None:
    """Draw the masthead at the top of a ``page_w`` × ``page_h`` page dated ``issue``, folio 「第{page_no}版」.
    Titles too long for their room shrink, then wrap (the page title to two lines, the series title to three)."""
    top = page_h - MARGIN
    band = MAST - 6
    canv.saveState()
    canv.setFillColor(RED)
    canv.rect(MARGIN, top - band, BOX, band, stroke=0, fill=1)
    canv.setFillColor("white")
    size, lines = fit_line(page_title, FONT, 20, 9, BOX - 6)
    lines = lines[:2]
    y = top - band / 2 + (len(lines) - 1) * size * 0.6 - size * 0.35
    for line in lines:
        canv.setFont(FONT, size)
        canv.drawCentredString(MARGIN + BOX / 2, y, line)
        y -= size * 1.2
    date = format_date(issue.year, issue.month, issue.day, issue.weekday())
    folio = f"第{page_no}版"
    right = max(text_width(date, 10), text_width(folio, 16))
    left = MARGIN + BOX + 4 * mm
    room = page_w - MARGIN - right - 4 * mm - left  # the series title never reaches the date or folio
    size, lines = fit_line(series_title, FONT, 13, 9, room)
    lines = lines[:2] if len(lines) <= 2 else fit_line(series_title, FONT, 7, 7, room)[1][:3]
    if len(lines) > 1:
        size = min(size, (band - 12) / len(lines) / 1.15)
    canv.setFillColor(RED)
    y = top - 9 * mm if len(lines) == 1 else top - size - 1
    for line in lines:
        canv.setFont(FONT, size)
        canv.drawString(left, y, line)
        y -= size * 1.15
    canv.setFillColor(GREY)
    canv.setFont(FONT, 9)
    canv.drawString(left, top - band + 2, PUBLISHER)
    canv.setFillColor(INK)
    canv.setFont(FONT, 10)
    canv.drawRightString(page_w - MARGIN, top - 8 * mm, date)
    canv.setFillColor(RED)
    canv.setFont(FONT, 16)
    canv.drawRightString(page_w - MARGIN, top - band + 2, folio)
    canv.setStrokeColor(RED)
    canv.setLineWidth(2.2)
    canv.line(MARGIN, top - band - 3, page_w - MARGIN, top - band - 3)
    canv.setLineWidth(0.6)
    canv.line(MARGIN, top - band - 6, page_w - MARGIN, top - band - 6)
    canv.restoreState()
