"""Charts drawn with reportlab.graphics: a trend over years and the counties side by side.

Values become floats only here, as drawing coordinates; every printed figure
(labels, captions) is formatted from the exact value.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing
from reportlab.lib.colors import HexColor

from ..domain.numbers import trim
from .fonts import FONT, register_fonts

PALETTE = [HexColor(c) for c in ("#B5121B", "#1F5F99", "#D98E04", "#3C8D40", "#6B4C9A")]


def _use_our_font() -> None:
    """Drawings start from STATE_DEFAULTS' font (Helvetica, not embedded): make it ours."""
    register_fonts()
    STATE_DEFAULTS["fontName"] = FONT


def _axis_label(value) -> str:
    return trim(Decimal(str(value)).quantize(Decimal("0.01")))


def trend_chart(series: list[tuple[str, list[Decimal | int | None]]], years: list[int], width: float,
                height: float) -> Drawing:
    """Lines over ``years``; a missing year leaves a gap."""
    _use_our_font()
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    legend_height = 10 * min(len(series), 2) + 6  # at most two rows (columnMaximum)
    chart.x, chart.y = 28, 16
    chart.width, chart.height = width - 36, height - 24 - legend_height
    chart.data = [[None if v is None else float(v) for v in values] for _, values in series]
    chart.categoryAxis.categoryNames = [str(y)[2:] for y in years]
    for axis in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis.fontName, axis.fontSize = FONT, 6.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = _axis_label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = HexColor("#DDDDDD")
    chart.joinedLines = True
    for index in range(len(series)):
        chart.lines[index].strokeColor = PALETTE[index % len(PALETTE)]
        chart.lines[index].strokeWidth = 1.4
        chart.lines[index].symbol = None
    drawing.add(chart)
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 6.5
    legend.x, legend.y = 4, height - 2  # the legend hangs from the top
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.dx, legend.dy, legend.deltax = 8, 5, 10
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)]
    drawing.add(legend)
    return drawing


def county_bars(names: list[str], values: list[Decimal | int | None], width: float, height: float) -> Drawing:
    """One bar per county; a county without data gets no bar (its label stays)."""
    _use_our_font()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 46
    chart.width, chart.height = width - 32, height - 54
    chart.data = [[0 if v is None else float(v) for v in values]]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.angle = 60
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dx, chart.categoryAxis.labels.dy = 3, -2
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        labels.fontName, labels.fontSize = FONT, 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = _axis_label
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabels.fontName = FONT
    drawing.add(chart)
    return drawing
