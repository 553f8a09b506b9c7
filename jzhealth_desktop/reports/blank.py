"""空白报表: paper forms per domain for townships that report on paper — the same fields as the
on-screen form, with a box to write each figure in; rates are left to the program."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from ..domain.catalogue import Domain, Rate
from ..domain.errors import InputError
from ..domain.orgunits import OrgUnit
from ..domain.periods import check_year
from ..services.context import Context
from .fonts import FONT
from .pages import numbered_canvas
from .styles import CELL, CELL_HEAD, H2, HEAD_TINT, RULE, SMALL, TITLE
from .text import Para

MARGIN = 16 * mm


def _domains(ctx: Context, code: str | None) -> list[Domain]:
    if not code:
        return list(ctx.catalogue.domains)
    try:
        return [ctx.catalogue.domain(code)]
    except KeyError:
        raise InputError(f"未知的业务领域“{code}”", f"unknown domain '{code}'") from None


def domain_form(ctx: Context, domain: Domain, year: int, unit: OrgUnit, width: float) -> list:
    who = unit.name if unit.level == "county" else "＿＿＿＿＿＿＿＿"
    flow: list = [Para(f"{domain.name}统计表（{year}年度）", TITLE.but(size=16, leading=24)),
                  Para(f"填报单位：{who}（盖章）　　乡镇（街道）：＿＿＿＿＿＿　　填报日期：＿＿＿＿年＿＿月＿＿日",
                       SMALL.but(size=9, leading=14)), Spacer(1, 6)]
    number = 0
    for section in domain.sections:
        head: list[Para | str] = [Para(h, CELL_HEAD) for h in ("序号", "指标名称", "计量单位", "本年数值", "备注")]
        rows: list[list[Para | str]] = [head]
        for code in section.items:
            item = ctx.catalogue.items[code]
            if isinstance(item, Rate):
                continue  # computed by the program from the figures above
            if unit.level == "county" and item.level == "city":
                continue  # keyed in by the city only
            number += 1
            note = item.note + ("（必填）" if item.required else "")
            rows.append([str(number), Para(item.name, CELL), item.unit, "", Para(note, CELL.but(size=7, leading=9))])
        if len(rows) == 1:
            continue
        table = Table(rows, colWidths=[28, width - 28 - 52 - 110 - 110, 52, 110, 110], repeatRows=1,
                      rowHeights=[None] + [24] * (len(rows) - 1))
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE), ("BACKGROUND", (0, 0), (-1, 0), HEAD_TINT),
            ("BOX", (3, 1), (3, -1), 1.2, "black"),  # the boxes to write in
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (2, 1), (2, -1), "CENTER"),
        ]))
        flow += [Para(section.name, H2), table, Spacer(1, 4)]
    rates = [ctx.catalogue.items[c] for c in domain.codes if isinstance(ctx.catalogue.items[c], Rate)]
    if rates:
        flow.append(Para("以下比率由程序根据上表数字计算，无需填写：" + "、".join(r.name for r in rates) + "。", SMALL))
    rules = [r.zh for r in ctx.catalogue.rules if r.domain == domain.code]
    if rules:
        flow.append(Para("审核关系：" + "；".join(rules) + "。", SMALL))
    sign = Table([["单位负责人：", "", "统计负责人：", "", "填表人：", "", "联系电话：", ""]],
                 colWidths=[52, 64, 52, 64, 40, 64, 44, width - 380])
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
                              ("LINEBELOW", (1, 0), (1, 0), 0.5, RULE), ("LINEBELOW", (3, 0), (3, 0), 0.5, RULE),
                              ("LINEBELOW", (5, 0), (5, 0), 0.5, RULE), ("LINEBELOW", (7, 0), (7, 0), 0.5, RULE),
                              ("BACKGROUND", (0, 0), (-1, -1), "white")]))
    flow += [Spacer(1, 14), sign]
    return flow


def build_blank(ctx: Context, year: int, unit: OrgUnit, out: Path, options: dict) -> None:
    year = check_year(year)
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=f"{year}年度卫生健康统计空白报表", author="jzhealth-desktop")
    flow: list = []
    for index, domain in enumerate(_domains(ctx, options.get("domain"))):
        if index:
            flow.append(PageBreak())
        flow += domain_form(ctx, domain, year, unit, doc.width)
    doc.build(flow, canvasmaker=numbered_canvas())
