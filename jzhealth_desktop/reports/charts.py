"""Charts drawn with reportlab.graphics shapes: a trend over years and the counties side by side.

Drawn by hand rather than with ReportLab's chart widgets so the page's rules hold: a trend
line breaks at a missing year (it never bridges a year the store has no figure for), county
names sit whole on horizontal bars, and the legend sits inside the chart's box. Values become
floats only here, as drawing coordinates; every printed figure (labels, captions) is
formatted from the exact value.
"""

from __future__ import annotations

import math
from decimal import Decimal

from reportlab.graphics.shapes import STATE_DEFAULTS, Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib.colors import HexColor

from ..domain.numbers import trim
from .fonts import FONT, register_fonts, text_width

PALETTE = [HexColor(c) for c in ("#B5121B", "#1F5F99", "#D98E04", "#3C8D40", "#6B4C9A")]
GRID = HexColor("#DDDDDD")
AXIS = HexColor("#777777")
LABEL = HexColor("#333333")
SIZE = 6.5  # label size


def _use_our_font() -> None:
    """Drawings start from STATE_DEFAULTS' font (Helvetica, not embedded): make it ours."""
    register_fonts()
    STATE_DEFAULTS["fontName"] = FONT


def _label(value) -> str:
    return trim(Decimal(str(value)).quantize(Decimal("0.01")))


def _text(x, y, text, anchor="start", size=SIZE, color=LABEL) -> String:
    return String(x, y, text, fontName=FONT, fontSize=size, fillColor=color, textAnchor=anchor)


def nice_ticks(top: float, most: int = 5) -> list[float]:
    """0 and round steps (1, 2, 5 × 10^k) up to at least ``top``."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / most
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(top / step - 1e-9)
    return [i * step for i in range(count + 1)]


def segments(values: list) -> list[list[int]]:
    """Index runs of consecutive known values: a line is drawn through each run, not across a gap."""
    runs: list[list[int]] = []
    run: list[int] = []
    for index, value in enumerate(values):
        if value is None:
            if run:
                runs.append(run)
            run = []
        else:
            run.append(index)
    if run:
        runs.append(run)
    return runs


def trend_chart(series: list[tuple[str, list[Decimal | int | None]]], years: list[int], width: float,
                height: float) -> Drawing:
    """Lines over ``years``; a missing year leaves a gap (a lone year is a dot). Legend inside, top left."""
    _use_our_font()
    drawing = Drawing(width, height)
    known = [float(v) for _, values in series for v in values if v is not None]
    ticks = nice_ticks(max(known, default=1.0))
    label_w = max(text_width(_label(t), SIZE) for t in ticks)
    row = SIZE + 3
    legend_rows = len(series)
    x0, y0 = label_w + 4, 12
    x1, y1 = width - 4, height - 4 - row * legend_rows - 2  # the legend above the plot, inside the box
    plot_h = y1 - y0
    top = ticks[-1] or 1.0

    def at(index: int, value) -> tuple[float, float]:
        span = max(len(years) - 1, 1)
        x = x0 + 4 + (x1 - x0 - 8) * (index / span if len(years) > 1 else 0.5)
        return x, y0 + plot_h * float(value) / top

    for tick in ticks:
        y = y0 + plot_h * tick / top
        drawing.add(Line(x0, y, x1, y, strokeColor=GRID, strokeWidth=0.4))
        drawing.add(_text(x0 - 2, y - SIZE * 0.35, _label(tick), "end"))
    drawing.add(Line(x0, y0, x1, y0, strokeColor=AXIS, strokeWidth=0.6))
    step = max(1, math.ceil(len(years) * text_width("00", SIZE) * 1.6 / (x1 - x0)))
    for index, year in enumerate(years):
        if index % step == 0 or index == len(years) - 1:
            drawing.add(_text(at(index, 0)[0], y0 - SIZE - 2, str(year)[2:], "middle"))
    for number, (_, values) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        for run in segments(values):
            points = [c for i in run for c in at(i, values[i])]
            if len(run) == 1:
                drawing.add(Circle(points[0], points[1], 1.6, fillColor=colour, strokeColor=None))
            else:
                drawing.add(PolyLine(points, strokeColor=colour, strokeWidth=1.4))
    # the legend in the chart's top band, one series a row, clear of the lines
    names = [name for name, _ in series]
    box_w = width - x0 - 4
    box_top = height - 2
    for number, name in enumerate(names):
        y = box_top - row * (number + 1)
        colour = PALETTE[number % len(PALETTE)]
        drawing.add(Line(x0 + 4, y + SIZE * 0.35, x0 + 12, y + SIZE * 0.35, strokeColor=colour, strokeWidth=1.4))
        drawing.add(_text(x0 + 14, y, _fit(name, box_w - 14)))
    return drawing


def _fit(text: str, room: float) -> str:
    """``text`` cut to ``room`` with an ellipsis (legend names only; the caption names the series)."""
    if text_width(text, SIZE) <= room:
        return text
    while text and text_width(text + "…", SIZE) > room:
        text = text[:-1]
    return text + "…"


def county_bars(names: list[str], values: list[Decimal | int | None], width: float, height: float) -> Drawing:
    """One horizontal bar per county, its name whole on the left and its figure at the bar's end;
    a county without data gets no bar and 「—」."""
    _use_our_font()
    drawing = Drawing(width, height)
    known = [float(v) for v in values if v is not None]
    top = max(known, default=0.0) or 1.0
    name_w = max((text_width(n, SIZE) for n in names), default=0) + 4
    labels = ["—" if v is None else _label(v) for v in values]
    value_w = max((text_width(t, SIZE) for t in labels), default=0) + 3
    x0 = min(name_w, width * 0.45)
    bar_room = max(width - x0 - value_w, 10)
    row = (height - 4) / max(len(names), 1)
    bar = min(row * 0.62, 9)
    for index, (name, value, label) in enumerate(zip(names, values, labels)):
        y = height - 2 - row * (index + 1) + (row - bar) / 2
        drawing.add(_text(x0 - 3, y + bar / 2 - SIZE * 0.35, _fit(name, x0 - 3), "end"))
        length = 0.0 if value is None else bar_room * float(value) / top
        if length > 0:
            drawing.add(Rect(x0, y, length, bar, fillColor=PALETTE[0], strokeColor=None))
        drawing.add(_text(x0 + length + 2, y + bar / 2 - SIZE * 0.35, label))
    drawing.add(Line(x0, 2, x0, height - 2, strokeColor=AXIS, strokeWidth=0.6))
    return drawing
