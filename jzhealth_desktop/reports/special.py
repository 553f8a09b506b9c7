"""专版: a newspaper special page in the style of the Jiaozuo Daily pages (../seeds).

One page, as a newspaper page is: masthead band (page title, series title, date with
weekday, page number), a big headline and byline, a highlights box of 4–6 generated
sentences, then sections in columns with rules between them, charts, an optional photo
with its caption, and the credits line at the foot. The page is fitted by choosing what
to print — the sections with data in the catalogue's order, as many as the columns hold
at the body size — never by shrinking text; there is no 「第1页 共N页」 on it.
A section head is 「关键词：…」 or a phrase (「综合医改纵深推进」) given per section.
Texts the data cannot give (title, byline, credits, photo, head phrases) come from
``options`` (the dialog's presets).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, Image, KeepTogether, PageTemplate, Spacer, Table

from ..domain.catalogue import Domain, Rate
from ..domain.errors import InputError
from ..domain.linebreak import break_lines
from ..services.reporting import ReportData
from .charts import county_bars, trend_chart
from .fonts import FONT, HEI, register_fonts, text_width
from .masthead import MARGIN, MAST, draw_masthead
from .narrative import highlights, printable_domains, section_sentences
from .styles import GREY, INK, RED, RULE, tinted_box
from .text import Para, TextStyle

FOOT = 12 * mm  # foot band for one line of credits; it grows a line per extra credits line
GAP = 5 * mm  # between columns; the column rule runs down its middle

HEADLINE = TextStyle(size=26, leading=34, align="center", bold=True, color=INK, space_after=2)
BYLINE = TextStyle(size=10, leading=16, align="center", color=GREY, space_after=6)
HIGHLIGHT = TextStyle(size=10.5, leading=16, align="justify", color=INK, space_after=2)
KEYWORD = TextStyle(size=12, leading=19, align="left", bold=True, color=RED, space_before=8, space_after=4,
                    keep_with_next=True)
BODY = TextStyle(size=9.5, leading=15, indent=2, color=INK, space_after=3)
CAPTION = TextStyle(size=8, leading=12, align="center", color=GREY, space_before=2, space_after=6)
CREDITS_SIZE, CREDITS_LEADING = 8, 10
HEADLINE_SIZES = (26, 22, 18)  # a long headline steps down, at most to 18 pt, before it takes a third line

DEFAULTS: dict[str, Any] = {  # option → value when not given
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
    "section_heads": {},  # domain code → a phrase for its head (「综合医改纵深推进」); else 「关键词：…」
    "columns": 3,
    "paper": "A4",
}


def credits_line(credits: dict) -> str:
    return " │ ".join(f"{role}：{name or '　　'}" for role, name in credits.items())


def photo_caption(caption: str, photographer: str) -> str:
    return f"（图为{caption}，由{photographer}拍摄）" if photographer else f"（图为{caption}）"


def section_head(domain: Domain, phrases: dict | None) -> str:
    """The head over a section: the preset's phrase for it, or 「关键词：」 and the domain's key word."""
    phrase = (phrases or {}).get(domain.code)
    return phrase.strip() if phrase and phrase.strip() else f"关键词：{domain.summary or domain.name}"


def _selected(data: ReportData, codes) -> list[Domain]:
    """The sections the page may print, in the catalogue's order: the chosen ones, else those with data."""
    domains = data.catalogue.domains
    if codes:
        known = {d.code: d for d in domains}
        missing = [c for c in codes if c not in known]
        if missing:
            raise InputError(f"专版栏目不存在：{'、'.join(missing)}", f"unknown special-page sections: {', '.join(missing)}")
        return [known[c] for c in codes]
    return printable_domains(data)  # a domain without data is left out of the 专版


def _highlight_box(sentences: list[str], width: float) -> Table:
    return tinted_box([Para("■ " + s, HIGHLIGHT) for s in sentences], width)


def _trend_series(data: ReportData, domains: list[Domain]):
    """The section whose rates have the most years of history (at least 3): lines to draw."""
    best, best_years = None, 2
    for domain in domains:
        for section in domain.sections:
            rates = [item for c in section.items if isinstance(item := data.catalogue.items[c], Rate)]
            rates = [r for r in rates if r.per == rates[0].per]  # one axis, one unit
            years = [y for y in data.history if any(data.history[y].get(r.code) is not None for r in rates)]
            if rates and len(years) > best_years:
                best, best_years = (domain, rates), len(years)
    if best is None:
        return None
    domain, rates = best
    years = [y for y in data.history if any(data.history[y].get(r.code) is not None for r in rates)]
    years = list(range(min(years), data.year + 1))
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


def _headline(text: str, width: float) -> Para:
    """The headline at the largest size that keeps it to two lines (it wraps below 18 pt)."""
    for size in HEADLINE_SIZES:
        lines = break_lines(text, lambda s: text_width(s, size, HEI), width)
        if len(lines) <= 2:
            break
    return Para(text, HEADLINE.but(size=size, leading=size * 1.3))


def top_story(data: ReportData, options: dict, candidates: list[Domain], full_width: float) -> list:
    headline = options.get("headline") or f"{data.org.name}{data.year}年卫生健康工作综述"
    top = [_headline(headline, full_width)]
    if options.get("byline"):
        top.append(Para("□" + options["byline"], BYLINE))
    sentences = highlights(data, candidates)
    if not data.has_data():
        sentences = [f"{data.year}年{data.subject}卫生健康统计暂无数据。"]
    if sentences:
        top.append(_highlight_box(sentences, full_width))
    top.append(Spacer(1, 4))
    return top


def section_blocks(data: ReportData, options: dict, domain: Domain, col_width: float, trend, county) -> list:
    """One section's flowables: head, paragraphs, and the charts that belong to it."""
    blocks: list = [Para(section_head(domain, options.get("section_heads")), KEYWORD)]
    for paragraph in section_sentences(data, domain):
        blocks.append(Para(paragraph, BODY))
    if trend and trend[0] is domain:
        _, rates, years = trend
        drawing = trend_chart([(r.name, [data.history.get(y, {}).get(r.code) for y in years]) for r in rates],
                              years, col_width, col_width * 0.9)
        blocks.append(KeepTogether([drawing, Para(f"{data.subject}{years[0]}—{years[-1]}年"
                                                  f"{rates[0].name}等（{rates[0].per}）", CAPTION)]))
    if county and county[0] is domain:
        item = county[1]
        names = [u.name for u in data.counties]
        values = [data.county_values.get(u.code, {}).get(item.code) for u in data.counties]
        blocks.append(KeepTogether([county_bars(names, values, col_width, 14 * len(names) + 24),
                                    Para(f"{data.year}年各县（市、区）{item.name}（{item.unit}）", CAPTION)]))
    return blocks


def _photo(options: dict, width: float, most: float = 220) -> list:
    """The photo at column width, no taller than ``most`` points (narrower then), with its caption."""
    path = Path(options["photo"])
    if not path.is_file():
        raise InputError(f"找不到图片文件：{path}", f"photo file not found: {path}")
    try:
        image = Image(str(path))
    except Exception:
        raise InputError(f"无法读取图片：{path}（请使用 JPG 或 PNG）", f"cannot read the photo {path} (use JPG or PNG)") from None
    ratio = image.imageHeight / image.imageWidth
    image.drawWidth, image.drawHeight = width, width * ratio
    if image.drawHeight > most:  # a tall portrait would take a whole column
        image.drawWidth, image.drawHeight = most / ratio, most
    caption = photo_caption(options.get("photo_caption") or "", options.get("photographer") or "")
    return [KeepTogether([image, Para(caption, CAPTION)])]


def _height(flowables: list, width: float) -> float:
    total = 0.0
    for f in flowables:
        if isinstance(f, KeepTogether):
            total += _height(f._content, width)
        else:
            total += f.wrap(width, 10**6)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


class _Page:
    """The page's geometry for one set of options."""

    def __init__(self, opts: dict):
        self.size = A3 if opts["paper"] == "A3" else A4
        self.columns = max(2, min(3, int(opts["columns"])))
        self.w, self.h = self.size
        self.full = self.w - 2 * MARGIN
        self.col = (self.full - GAP * (self.columns - 1)) / self.columns
        self.credits = break_lines(credits_line(opts["credits"]),
                                   lambda s: text_width(s, CREDITS_SIZE), self.full) or [""]
        self.foot = FOOT + CREDITS_LEADING * (len(self.credits) - 1)
        self.body_top = self.h - MARGIN - MAST - 4  # clear of the masthead rules
        self.body_bottom = MARGIN + self.foot

    def frames(self, top_height: float) -> list[Frame]:
        y = self.body_top - top_height
        top = Frame(MARGIN, y, self.full, top_height, id="top", leftPadding=0, rightPadding=0, topPadding=4,
                    bottomPadding=0)
        return [top] + [Frame(MARGIN + i * (self.col + GAP), self.body_bottom, self.col, y - self.body_bottom,
                              id=f"col{i}", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
                        for i in range(self.columns)]


def _render(data: ReportData, opts: dict, page: _Page, top: list, body: list, issue: dt.date) -> bytes | None:
    """The page as PDF bytes, or None when the flow runs onto a second page (it stops there, before
    any font is subset and written)."""
    top_height = _height(top, page.full) + 8
    column_top = page.body_top - top_height
    pages = []

    def furniture(canv, doc):
        pages.append(1)
        if len(pages) > 1:
            raise _Overflow
        draw_masthead(canv, opts["page_title"], opts["series_title"], opts["page_no"], issue, page.w, page.h)
        _foot(canv, page)
        canv.saveState()  # rules down the middle of each gutter
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        for i in range(1, page.columns):
            x = MARGIN + i * (page.col + GAP) - GAP / 2
            canv.line(x, page.body_bottom, x, column_top - 2)
        canv.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=page.size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=opts.get("headline") or f"{data.org.name}{data.year}年专版",
                          author=opts.get("byline") or "jzhealth-desktop")
    doc.addPageTemplates([PageTemplate("page", page.frames(top_height), onPage=furniture)])
    try:
        doc.build(list(top) + list(body), canvasmaker=_canvas)
    except _Overflow:
        return None
    return buffer.getvalue()


class _Overflow(Exception):
    """The flow ran onto a second page."""


def _canvas(*args, **kwargs) -> Canvas:
    register_fonts()
    kwargs["initialFontName"] = FONT  # else Helvetica: not embedded
    return Canvas(*args, **kwargs)


def build_special(data: ReportData, out: Path, options: dict) -> list[str]:
    """Write the page to ``out``; returns the codes of the sections it printed."""
    opts = {**DEFAULTS, **{k: v for k, v in options.items() if v not in (None, "")}}
    opts["credits"] = {**DEFAULTS["credits"], **(options.get("credits") or {})}
    page = _Page(opts)
    issue = opts.get("date") or dt.date.today()
    candidates = _selected(data, opts.get("sections"))
    top = top_story(data, opts, candidates, page.full)  # measured for the first guess
    trend = _trend_series(data, candidates)
    county = _county_item(data, candidates) if data.is_city else None
    extra = _photo(opts, page.col) if opts.get("photo") else []  # checked before any layout
    sections = [section_blocks(data, opts, d, page.col, trend, county) for d in candidates]
    # A first guess from the heights, then layouts one section more or fewer; a layout that overflows
    # stops at the second page, the one that fits is the page.
    room = (page.body_top - _height(top, page.full) - 8 - page.body_bottom) * page.columns
    need = _height(extra, page.col)
    count = 0
    for blocks in sections:
        need += _height(blocks, page.col)
        if need > room and count:
            break
        count += 1

    def layout(n: int) -> bytes | None:  # fresh flowables: a layout consumes the ones it is given
        blocks = [section_blocks(data, opts, d, page.col, trend, county) for d in candidates[:n]]
        body = [f for b in blocks for f in b] + (_photo(opts, page.col) if extra else [])
        return _render(data, opts, page, top_story(data, opts, candidates, page.full), body, issue)

    pdf = layout(count)
    if pdf is not None:
        while count < len(candidates):
            more = layout(count + 1)
            if more is None:
                break
            pdf, count = more, count + 1
    else:
        while pdf is None and count > 0:
            count -= 1
            pdf = layout(count)
    if pdf is None:
        raise InputError("专版一页放不下标题、要点和图片：请缩短标题或换一张较小的图片",
                         "the special page cannot hold the headline, highlights and photo on one page")
    Path(out).write_bytes(pdf)
    return [d.code for d in candidates[:count]]


def _foot(canv, page: _Page) -> None:
    """The red rule and the credits under it, wrapped over as many lines as they need."""
    canv.saveState()
    canv.setStrokeColor(RED)
    canv.setLineWidth(0.8)
    canv.line(MARGIN, MARGIN + page.foot - 4, page.w - MARGIN, MARGIN + page.foot - 4)
    canv.setFont(FONT, CREDITS_SIZE)
    canv.setFillColor(GREY)
    y = MARGIN + 2 + CREDITS_LEADING * (len(page.credits) - 1)
    for line in page.credits:
        canv.drawString(MARGIN, y, line)
        y -= CREDITS_LEADING
    canv.restoreState()
