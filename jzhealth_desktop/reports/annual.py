"""年度统计报表: per domain a generated paragraph, a table of every item (this year, last year,
change, target, met) and, for the city, a county comparison with the city total row."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.attainment import met_text, target_met
from ..domain.catalogue import Domain, Rate
from ..domain.numbers import NO_DATA, format_date, format_difference, format_plain, format_relative, format_target
from ..services.reporting import ReportData
from .fonts import FONT
from .narrative import domain_paragraph
from .pages import numbered_canvas
from .styles import number_cell, ROW_TINT, BODY, CELL, CELL_HEAD, H1, H2, HEAD_TINT, RULE, SMALL, TITLE, chinese_ordinal
from .text import Para

MARGIN = 18 * mm
COUNTY_COLUMNS = 5  # items per county-comparison table, so names stay readable on A4


def _table(rows, widths, header_rows=1, spans=()):
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE), ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_TINT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, header_rows), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for row in spans:
        style += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), ROW_TINT)]
    table.setStyle(TableStyle(style))
    return table


def _target_cells(data: ReportData, item) -> tuple[str, str]:
    target = data.targets.get(item.code)
    if target is None:
        return "—", "—"
    value, comparison = target
    text = format_target(format_plain(item, value), comparison)
    return text, met_text(target_met(data.values.get(item.code), value, comparison))


def domain_table(data: ReportData, domain: Domain, width: float):
    head = [Para(h, CELL_HEAD) for h in ("指标", f"{data.year}年", f"{data.year - 1}年", "增减", "增减幅度",
                                          "目标", "达标")]
    rows, spans = [head], []
    for section in domain.sections:
        spans.append(len(rows))
        rows.append([Para(section.name, CELL.but(bold=True))] + [""] * 6)
        for code in section.items:
            item = data.catalogue.items[code]
            now, before = data.values.get(code), data.last.get(code)
            target, met = _target_cells(data, item)
            name = item.name + ("（计算）" if isinstance(item, Rate) else "")
            rows.append([Para(name, CELL)] + [number_cell(t) for t in (  # figures stay inside their cells
                format_plain(item, now), format_plain(item, before), format_difference(item, before, now),
                format_relative(before, now), target)] + [met])
    fixed = [58, 58, 52, 50, 58, 30]
    return _table(rows, [width - sum(fixed)] + fixed, spans=spans)


def county_tables(data: ReportData, domain: Domain, width: float) -> list:
    items = [data.catalogue.items[c] for c in domain.codes]
    items = [i for i in items if isinstance(i, Rate) or i.level == "county"]
    tables = []
    for start in range(0, len(items), COUNTY_COLUMNS):
        chunk = items[start:start + COUNTY_COLUMNS]
        head = [Para("单位", CELL_HEAD)] + [Para(f"{i.name}（{i.unit}）", CELL_HEAD) for i in chunk]
        rows = [head]
        for unit in data.counties:
            values = data.county_values.get(unit.code, {})
            rows.append([Para(unit.name, CELL)] + [number_cell(_bare(i, values.get(i.code))) for i in chunk])
        rows.append([Para("全市合计", CELL.but(bold=True))] + [number_cell(_bare(i, data.values.get(i.code))) for i in chunk])
        first = 84  # 城乡一体化示范区 on one line
        table = _table(rows, [first] + [(width - first) / len(chunk)] * len(chunk))
        table.setStyle(TableStyle([("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), ROW_TINT)]))
        tables.append(table)
        tables.append(Spacer(1, 6))
    return tables


def _bare(item, value) -> str:
    """A county-table cell: the number without its unit (the header names it)."""
    if value is None:
        return NO_DATA
    text = format_plain(item, value)
    return text[: -len(item.unit)] if item.unit and text.endswith(item.unit) else text


def story(data: ReportData, width: float, today: dt.date) -> list:
    flow: list = [Para(f"{data.org.name}{data.year}年卫生健康统计年报", TITLE)]
    cover = [f"填报单位：{data.org.name}", f"统计年度：{data.year}年",
             f"制表站点：{data.station_name or '未设置'}",
             f"制表日期：{format_date(today.year, today.month, today.day, today.weekday())}"]
    flow.append(Para("　　".join(cover), SMALL.but(align="center", size=9, leading=14)))
    if data.demo_label:
        flow.append(Para(data.demo_label, SMALL.but(align="center")))
    flow.append(Spacer(1, 8))
    if not data.has_data():
        flow.append(Para(f"{data.org.name}{data.year}年{NO_DATA}：本年度尚未录入任何数据。", BODY.but(bold=True)))
        return flow  # one short notice page, not a page of 「暂无数据」 tables per domain
    for number, domain in enumerate(data.catalogue.domains, start=1):
        flow.append(Para(f"{chinese_ordinal(number)}、{domain.name}", H1))
        flow.append(Para(domain_paragraph(data, domain), BODY))
        flow.append(domain_table(data, domain, width))
        if data.is_city and data.counties:
            flow.append(Para(f"各县（市、区）{domain.name}对比（{data.year}年）", H2))
            flow.extend(county_tables(data, domain, width))
    flow.append(Spacer(1, 6))
    flow.append(Para("说明：率由分子、分母计算，市级合计为各县（市、区）分子之和除以分母之和；"
                     f"“{NO_DATA}”表示尚未录入，不作0处理。", SMALL))
    return flow


def build_annual(data: ReportData, out: Path, options: dict) -> None:
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=f"{data.org.name}{data.year}年卫生健康统计年报",
                            author=data.station_name or "jzhealth-desktop")
    today = options.get("date") or dt.date.today()
    doc.build(story(data, doc.width, today), canvasmaker=numbered_canvas())
