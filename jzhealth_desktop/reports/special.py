"""专版: a newspaper special page in the style of the Jiaozuo Daily pages (../seeds).

Masthead band (series title, page title, date with weekday, page number), a big
headline and byline, a highlights box of 4–6 generated sentences, 「关键词：…」
sections in columns, charts, an optional photo with its caption, and the credits
line at the foot. Texts the data cannot give (title, byline, credits, photo) come
from ``options`` (the dialog's presets).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, Image, KeepTogether, NextPageTemplate,
                                PageTemplate, Spacer, Table, TableStyle)

from ..domain.catalogue import Domain, Rate
from ..domain.errors import InputError
from ..domain.numbers import format_date
from ..services.reporting import ReportData
from .charts import county_bars, trend_chart
from .fonts import FONT
from .narrative import highlights, printable_domains, section_sentences
from .pages import numbered_canvas, page_label
from .styles import GREY, INK, RED, TINT
from .text import Para, TextStyle

MARGIN = 14 * mm
MAST = 24 * mm  # masthead band height
FOOT = 12 * mm
GAP = 5 * mm  # between columns

HEADLINE = TextStyle(size=26, leading=34, align="center", bold=True, color=INK, space_after=2)
BYLINE = TextStyle(size=10, leading=16, align="center", color=GREY, space_after=6)
HIGHLIGHT = TextStyle(size=10.5, leading=16, align="justify", color=INK, space_after=2)
KEYWORD = TextStyle(size=12, leading=19, align="left", bold=True, color=RED, space_before=8, space_after=4,
                    keep_with_next=True)
BODY = TextStyle(size=9.5, leading=15, indent=2, color=INK, space_after=3)
CAPTION = TextStyle(size=8, leading=12, align="center", color=GREY, space_before=2, space_after=6)

DEFAULTS = {
    "series_title": "卫生健康统计 · 年度答卷",
    "page_title": "专版",
    "page_no": "03",
    "headline": "",
    "byline": "",
    "credits": {"编辑": "", "校对": "", "组版": ""},
    "photo": "",
    "photo_caption": "",
    "photographer": "",
    "sections": None,  # domain codes; None = every domain with data
    "columns": 3,
    "paper": "A4",
}


def credits_line(credits: dict) -> str:
    return " │ ".join(f"{role}：{name or '　　'}" for role, name in credits.items())


def photo_caption(caption: str, photographer: str) -> str:
    return f"（图为{caption}，由{photographer}拍摄）" if photographer else f"（图为{caption}）"


def _selected(data: ReportData, codes) -> list[Domain]:
    domains = data.catalogue.domains
    if codes:
        known = {d.code: d for d in domains}
        missing = [c for c in codes if c not in known]
        if missing:
            raise InputError(f"专版栏目不存在：{'、'.join(missing)}", f"unknown special-page sections: {', '.join(missing)}")
        return [known[c] for c in codes]
    return printable_domains(data)  # a domain without data is left out of the 专版


def _highlight_box(sentences: list[str], width: float) -> Table:
    cells = [Para("■ " + s, HIGHLIGHT) for s in sentences]
    box = Table([[cells]], colWidths=[width])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else the table sets Helvetica, which is not embedded
        ("BACKGROUND", (0, 0), (-1, -1), TINT), ("BOX", (0, 0), (-1, -1), 1.2, RED),
        ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def _trend_series(data: ReportData, domains: list[Domain]):
    """The section whose rates have the most years of history (at least 3): lines to draw."""
    best, best_years = None, 2
    for domain in domains:
        for section in domain.sections:
            rates = [data.catalogue.items[c] for c in section.items if isinstance(data.catalogue.items[c], Rate)]
            rates = [r for r in rates if r.per == rates[0].per]  # one axis, one unit
            years = [y for y in data.history if any(data.history[y].get(r.code) is not None for r in rates)]
            if rates and len(years) > best_years:
                best, best_years = (domain, rates), len(years)
    if best is None:
        return None
    domain, rates = best
    years = [y for y in data.history if any(data.history[y].get(r.code) is not None for r in rates)]
    years = list(range(years[0], data.year + 1))
    return domain, rates, years


def _county_item(data: ReportData, domains: list[Domain]):
    """The first phrased county-level count of the selected domains that the counties reported."""
    for domain in domains:
        for code in domain.codes:
            item = data.catalogue.items[code]
            if "{value" in item.phrase and not isinstance(item, Rate) and item.level == "county" \
                    and item.type == "count":
                if sum(1 for u in data.counties if data.county_values.get(u.code, {}).get(code)) >= 2:
                    return domain, item
    return None


def story(data: ReportData, options: dict, col_width: float, full_width: float):
    domains = _selected(data, options.get("sections"))
    headline = options.get("headline") or f"{data.org.name}{data.year}年卫生健康工作综述"
    top = [Para(headline, HEADLINE)]
    if options.get("byline"):
        top.append(Para("□" + options["byline"], BYLINE))
    sentences = highlights(data, domains)
    if not data.has_data():
        sentences = [f"{data.year}年{data.subject}卫生健康统计暂无数据。"]
    top.append(_highlight_box(sentences, full_width))
    top.append(Spacer(1, 4))
    trend = _trend_series(data, domains)
    county = _county_item(data, domains) if data.is_city else None
    body: list = []
    for domain in domains:
        body.append(Para(f"关键词：{domain.summary or domain.name}", KEYWORD))
        for paragraph in section_sentences(data, domain):
            body.append(Para(paragraph, BODY))
        if trend and trend[0] is domain:
            _, rates, years = trend
            unit = rates[0].per
            drawing = trend_chart([(r.name, [data.history.get(y, {}).get(r.code) for y in years]) for r in rates],
                                  years, col_width, col_width * 0.9)
            body.append(KeepTogether([drawing, Para(f"{data.subject}{years[0]}—{years[-1]}年"
                                                    f"{rates[0].name}等（{unit}）", CAPTION)]))
        if county and county[0] is domain:
            item = county[1]
            names = [u.name for u in data.counties]
            values = [data.county_values.get(u.code, {}).get(item.code) for u in data.counties]
            body.append(KeepTogether([county_bars(names, values, col_width, col_width * 0.85),
                                      Para(f"{data.year}年各县（市、区）{item.name}（{item.unit}）", CAPTION)]))
    if options.get("photo"):
        body.extend(_photo(options, col_width))
    return top, body


def _photo(options: dict, width: float) -> list:
    path = Path(options["photo"])
    if not path.is_file():
        raise InputError(f"找不到图片文件：{path}", f"photo file not found: {path}")
    try:
        image = Image(str(path))
    except Exception:
        raise InputError(f"无法读取图片：{path}（请使用 JPG 或 PNG）", f"cannot read the photo {path} (use JPG or PNG)") from None
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth, image.drawHeight = width, width * ratio
    caption = photo_caption(options.get("photo_caption") or "", options.get("photographer") or "")
    return [KeepTogether([image, Para(caption, CAPTION)])]


def build_special(data: ReportData, out: Path, options: dict) -> None:
    opts = {**DEFAULTS, **{k: v for k, v in options.items() if v not in (None, "")}}
    opts["credits"] = {**DEFAULTS["credits"], **(options.get("credits") or {})}
    paper = A3 if opts["paper"] == "A3" else A4
    columns = max(2, min(3, int(opts["columns"])))
    page_w, page_h = paper
    full = page_w - 2 * MARGIN
    col = (full - GAP * (columns - 1)) / columns
    issue = opts.get("date") or dt.date.today()
    top, body = story(data, opts, col, full)
    top_height = sum(f.wrap(full, page_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in top) + 8
    body_top = page_h - MARGIN - MAST - 4  # clear of the masthead rules
    body_bottom = MARGIN + FOOT

    def columns_from(y_top):
        return [Frame(MARGIN + i * (col + GAP), body_bottom, col, y_top - body_bottom, id=f"col{i}",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(columns)]

    first = [Frame(MARGIN, body_top - top_height, full, top_height, id="top", leftPadding=0, rightPadding=0,
                   topPadding=4, bottomPadding=0)] + columns_from(body_top - top_height)

    def furniture(canv, doc):
        _masthead(canv, opts, issue, page_w, page_h)

    doc = BaseDocTemplate(str(out), pagesize=paper, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=opts.get("headline") or f"{data.org.name}{data.year}年专版",
                          author=opts.get("byline") or "jzhealth-desktop")
    doc.addPageTemplates([PageTemplate("first", first, onPage=furniture),
                          PageTemplate("later", columns_from(body_top), onPage=furniture)])

    def foot(canv, number, total):
        canv.setStrokeColor(RED)
        canv.setLineWidth(0.8)
        canv.line(MARGIN, MARGIN + FOOT - 4, page_w - MARGIN, MARGIN + FOOT - 4)
        canv.setFont(FONT, 8)
        canv.setFillColor(GREY)
        canv.drawString(MARGIN, MARGIN + 2, credits_line(opts["credits"]))
        canv.drawRightString(page_w - MARGIN, MARGIN + 2, page_label(number, total))

    doc.build(top + [NextPageTemplate("later"), FrameBreak()] + body, canvasmaker=numbered_canvas(foot))


def _masthead(canv, opts: dict, issue: dt.date, page_w: float, page_h: float) -> None:
    top = page_h - MARGIN
    band = MAST - 6
    canv.saveState()
    canv.setFillColor(RED)
    canv.rect(MARGIN, top - band, 30 * mm, band, stroke=0, fill=1)
    canv.setFillColor("white")
    canv.setFont(FONT, 20)
    title = opts["page_title"]
    canv.drawCentredString(MARGIN + 15 * mm, top - band / 2 - 7, title)
    canv.setFillColor(RED)
    canv.setFont(FONT, 13)
    canv.drawString(MARGIN + 34 * mm, top - 9 * mm, opts["series_title"])
    canv.setFillColor(GREY)
    canv.setFont(FONT, 9)
    canv.drawString(MARGIN + 34 * mm, top - band + 2, "焦作市卫生健康统计")
    canv.setFillColor(INK)
    canv.setFont(FONT, 10)
    canv.drawRightString(page_w - MARGIN, top - 8 * mm,
                         format_date(issue.year, issue.month, issue.day, issue.weekday()))
    canv.setFillColor(RED)
    canv.setFont(FONT, 16)
    canv.drawRightString(page_w - MARGIN, top - band + 2, f"第{opts['page_no']}版")
    canv.setStrokeColor(RED)
    canv.setLineWidth(2.2)
    canv.line(MARGIN, top - band - 3, page_w - MARGIN, top - band - 3)
    canv.setLineWidth(0.6)
    canv.line(MARGIN, top - band - 6, page_w - MARGIN, top - band - 6)
    canv.restoreState()
