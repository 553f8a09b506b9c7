"""年度统计报表: per domain a generated paragraph, a table of every item (this year, last year,
change, target, met) and, for the city, a county comparison with the city total row.

Table cells print each item at its fixed decimals (a rate's ``decimals``, a figure's ``scale``), so a
column never mixes 1.7‰ and 1.48‰; a missing figure is an empty cell (explained in the note under the report).
A year without any data is one short notice page; a domain without data is one line, not a table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.attainment import met_text, target_met
from ..domain.catalogue import Domain, Rate
from ..domain.numbers import NO_DATA, format_cell, format_date, format_difference, format_relative
from ..services.reporting import ReportData
from .fonts import FONT
from .narrative import domain_paragraph
from .pages import numbered_canvas
from .plan import target_text
from .styles import number_cell, ROW_TINT, BODY, CELL, CELL_HEAD, H1, H2, HEAD_TINT, RULE, SMALL, TITLE, chinese_ordinal
from .text import Para

MARGIN = 18 * mm
MISSING = ""  # a cell without a figure is left empty, as statistical yearbooks do (explained in the note)
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
        return MISSING, MISSING
    value, comparison = target
    text = target_text(item, value, comparison)  # as the plan page prints it: 9.68亿元以上, not 96800万元以上
    met = target_met(data.values.get(item.code), value, comparison)
    return text, MISSING if met is None else met_text(met)


def domain_table(data: ReportData, domain: Domain, width: float):
    head: list[Para | str] = [Para(h, CELL_HEAD) for h in ("指标", f"{data.year}年", f"{data.year - 1}年", "增减", "增减幅度",
                                          "目标", "达标")]
    rows: list[list[Para | str]] = [head]
    spans: list[int] = []
    for section in domain.sections:
        spans.append(len(rows))
        rows.append([Para(section.name, CELL.but(bold=True))] + [""] * 6)
        for code in section.items:
            item = data.catalogue.items[code]
            now, before = data.values.get(code), data.last.get(code)
            target, met = _target_cells(data, item)
            name = item.name + ("（计算）" if isinstance(item, Rate) else "")
            rows.append([Para(name, CELL)] + [number_cell(t) for t in (  # figures stay inside their cells
                _cell(item, now), _cell(item, before), _missing(format_difference(item, before, now)),
                _missing(format_relative(before, now)), target)] + [met])
    fixed = [58, 58, 52, 50, 58, 30]
    return _table(rows, [width - sum(fixed)] + fixed, spans=spans)


def county_tables(data: ReportData, domain: Domain, width: float) -> list:
    items = [data.catalogue.items[c] for c in domain.codes]
    items = [i for i in items if isinstance(i, Rate) or i.level == "county"]
    tables = []
    for start in range(0, len(items), COUNTY_COLUMNS):
        chunk = items[start:start + COUNTY_COLUMNS]
        head: list[Para | str] = [Para("单位", CELL_HEAD), *(Para(f"{i.name}（{i.unit}）", CELL_HEAD) for i in chunk)]
        rows: list[list[Para | str]] = [head]
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


def _missing(text: str) -> str:
    return MISSING if text == NO_DATA else text


def _cell(item, value) -> str:
    """A domain-table cell: the figure at the item's fixed decimals with its unit."""
    return _missing(format_cell(item, value))


def _bare(item, value) -> str:
    """A county-table cell: the number at the item's fixed decimals without its unit (the header names it)."""
    return _missing(format_cell(item, value, unit=False))


def _reported(data: ReportData, domain: Domain) -> bool:
    """A domain gets its table when the year has figures or targets for it (a plan year has targets only)."""
    return data.has_data(domain.codes) or any(code in data.targets for code in domain.codes)


def story(data: ReportData, width: float, today: dt.date) -> list:
    flow: list = [Para(f"{data.org.name}{data.year}年卫生健康统计年报", TITLE)]
    cover = [f"填报单位：{data.org.name}", f"统计年度：{data.year}年",
             f"制表站点：{data.station_name or '未设置'}",
             f"制表日期：{format_date(today.year, today.month, today.day, today.weekday())}"]
    flow.append(Para("　　".join(cover), SMALL.but(align="center", size=9, leading=14)))
    if data.demo_label:
        flow.append(Para(data.demo_label, SMALL.but(align="center")))
    flow.append(Spacer(1, 8))
    reported = [d for d in data.catalogue.domains if _reported(data, d)]
    if not reported:
        # One short notice page, not a table of dashes per domain.
        flow.append(Para(f"{data.org.name}{data.year}年{NO_DATA}：本年度尚未录入任何数据，"
                         "录入并提交后再生成年报。", BODY.but(bold=True)))
        return flow
    for number, domain in enumerate(reported, start=1):
        flow.append(Para(f"{chinese_ordinal(number)}、{domain.name}", H1))
        paragraph = domain_paragraph(data, domain)
        if paragraph:
            flow.append(Para(paragraph, BODY))
        flow.append(domain_table(data, domain, width))
        if data.is_city and data.counties and data.has_data(domain.codes):
            flow.append(Para(f"各县（市、区）{domain.name}对比（{data.year}年）", H2))
            flow.extend(county_tables(data, domain, width))
    empty = [d.name for d in data.catalogue.domains if d not in reported]
    if empty:
        flow.append(Spacer(1, 6))
        flow.append(Para(f"本年度{NO_DATA}的领域：{'、'.join(empty)}。", BODY))
    flow.append(Spacer(1, 6))
    totals = "，市级合计为各县（市、区）分子之和除以分母之和" if data.is_city else ""
    flow.append(Para(f"说明：率由分子、分母计算{totals}；"
                     "表中空白表示尚未录入、无法计算或未设目标，不作0处理；同一指标各列小数位数相同。", SMALL))
    return flow


def build_annual(data: ReportData, out: Path, options: dict) -> None:
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=f"{data.org.name}{data.year}年卫生健康统计年报",
                            author=data.station_name or "jzhealth-desktop")
    today = options.get("date") or dt.date.today()
    doc.build(story(data, doc.width, today), canvasmaker=numbered_canvas())
