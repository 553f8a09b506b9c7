"""年度目标专版: a year's targets set as the 2014 page sets them (../seeds/002_…).

One newspaper page: masthead (page name, series, issue date with weekday, page number), headline and
byline, the targets under 「关键词：…」 heads in columns — one paragraph per catalogue section, each
target a clause (「确保参合率达到98%以上」, 「不低于30元」, 「力争全年发放100万张」) — and a closing summary
box across the foot, then the credits line. Figures print as the page prints them: 9.68亿元 (not
96800万元), 20万元, 100万张. The page stays one page: when the targets do not fit, the last domains
(catalogue order) are left out and the summary says how many targets are not shown.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, Image, KeepTogether, PageTemplate, Table
from reportlab.platypus.doctemplate import LayoutError, NextFrameFlowable

from ..domain.catalogue import Catalogue, Indicator, Rate
from ..domain.errors import InputError
from ..domain.numbers import format_count, format_rate, format_target, trim
from ..domain.orgunits import OrgUnit
from ..domain.values import Value
from ..services.context import Context
from ..services.targets import TargetRow, target_rows
from .fonts import FONT, register_fonts
from .masthead import MARGIN, MAST, draw_masthead
from .styles import GREY, INK, RED, tinted_box
from .text import Para, TextStyle

FOOT = 10 * mm
GAP = 5 * mm

HEADLINE = TextStyle(size=24, leading=32, align="center", bold=True, color=INK, space_after=2)
BYLINE = TextStyle(size=10.5, leading=16, align="center", color=GREY, space_after=4)
KEYWORD = TextStyle(size=12, leading=19, align="left", bold=True, color=RED, space_before=6, space_after=3,
                    keep_with_next=True)
LEAD = TextStyle(size=9.5, leading=15, align="left", bold=True, color=INK, keep_with_next=True)
BODY = TextStyle(size=9.5, leading=15, indent=2, color=INK, space_after=4)
SUMMARY = TextStyle(size=10, leading=16, indent=2, color=INK)
CAPTION = TextStyle(size=8, leading=12, align="center", color=GREY, space_before=2, space_after=4)

DEFAULTS = {"series_title": "卫生健康 · 年度目标", "page_title": "专版", "page_no": "03", "columns": 3, "paper": "A4"}
_LEAD_IN = ("其中：", "其中")


# --- figures and clauses -------------------------------------------------------------------------------

def target_figure(item: Indicator | Rate, value: Value) -> str:
    """A target as the page prints it: 98%, 320元, 20万元, 9.68亿元, 100万张, 41.57万平方米.

    A larger unit is used only when it keeps the figure exact within two decimals (96800万元 → 9.68亿元,
    but 96812.34万元 stays as it is): a target is a commitment, not an estimate.
    """
    if isinstance(item, Rate):
        return format_rate(Decimal(value), item.per)
    if item.type == "money" and item.unit in ("元", "万元"):
        yuan = Decimal(value) * (10000 if item.unit == "万元" else 1)
        for size, unit in ((10**8, "亿元"), (10**4, "万元")):
            if abs(yuan) >= size and yuan % (size // 100) == 0:
                return trim(yuan / size) + unit
        return trim(Decimal(value)) + item.unit
    if item.type == "count" and abs(int(value)) >= 10000 and int(value) % 100 == 0:
        return format_count(value, item.unit, wan=True)  # 1000000张 → 100万张, exact (two decimals of 万)
    return trim(Decimal(value)) + item.unit


def target_text(item: Indicator | Rate, value: Value, comparison: str) -> str:
    """The figure with its comparison word: 98%以上, 70%左右, 9.68亿元 (for tables and clauses)."""
    return format_target(target_figure(item, value), comparison)


def _name(item: Indicator | Rate) -> str:
    name = item.name
    for lead in _LEAD_IN:
        if name.startswith(lead):
            return name[len(lead):]
    return name


def target_clause(item: Indicator | Rate, row: TargetRow) -> str:
    """One target as a clause. The wording is the target's own (``note``), else the catalogue's
    ``target_phrase``, else a default by comparison (确保…达到…以上, …不低于…, 力争…, …提高到…左右).
    In a wording ``{target}`` is the figure as printed and ``{cmp}`` its comparison word (以上/以下/左右);
    a wording without ``{target}`` gets the figure and word appended."""
    figure = target_figure(item, row.value)
    word = format_target("", row.comparison)
    wording = (row.note.strip() or getattr(item, "target_phrase", "")).rstrip("，。；")
    if wording:
        if "{target" in wording:
            return re.sub(r"\{target(:\w+)?\}", lambda _: figure, wording).replace("{cmp}", word)
        return wording.replace("{cmp}", "") + figure + word
    name = _name(item)
    if row.comparison == ">=":
        if isinstance(item, Rate):
            return f"确保{name}达到{figure}{word}"
        if item.type == "money":
            return f"{name}不低于{figure}"
        return f"力争{name}达到{figure}"
    if row.comparison == "<=":
        return f"确保{name}控制在{figure}{word}"
    if row.comparison == "~":
        return f"{name}提高到{figure}{word}"
    return f"{name}{figure}"


def join_clauses(clauses: list[str]) -> str:
    """Clauses into one sentence: 「，」 between them, except a clause that begins with 「、」 continues
    the list of the one before (「3个地市级医疗机构、4个县级中医院」)."""
    text = ""
    for clause in clauses:
        text += clause if clause.startswith("、") or not text else "，" + clause
    return text.lstrip("、") + "。"


def plan_sections(catalogue: Catalogue, rows: list[TargetRow]) -> list[tuple[str, list[tuple[str, str]]]]:
    """[(keyword, [(section name, paragraph), …]), …] in catalogue order; one paragraph per section."""
    by_code = {row.code: row for row in rows}
    result = []
    for domain in catalogue.domains:
        paragraphs = []
        for section in domain.sections:
            clauses = [target_clause(catalogue.items[code], by_code[code]) for code in section.items if code in by_code]
            if clauses:
                paragraphs.append((section.name, join_clauses(clauses)))
        if paragraphs:
            result.append((domain.summary or domain.name, paragraphs))
    return result


def summary_text(year: int, subject: str, shown: list[str], count: int, left_out: int) -> str:
    """The closing box's default text, from the targets themselves (the page's own words are an option)."""
    text = (f"{year}年，{subject}卫生工作共确定年度目标{count}项，分{len(shown)}个方面：" + "、".join(shown) + "。"
            f"各项目标的完成情况，将在{year}年度统计报表中逐项对照。")
    if left_out:
        text += f"另有{left_out}项目标限于版面未列出，详见年度统计报表。"
    return text


# --- the page ---------------------------------------------------------------------------------------------

def _summary_box(text: str, width: float) -> Table:
    return tinted_box(Para(text, SUMMARY), width, side=12, bottom=8)


def _photo(options: dict, width: float) -> list:
    image = Image(options["photo"])  # checked as a JPEG/PNG picture by reports/options.py
    image.drawWidth, image.drawHeight = width, width * image.imageHeight / image.imageWidth
    caption = options.get("photo_caption") or ""
    who = options.get("photographer") or ""
    flow = [image]
    if caption or who:
        flow.append(Para(f"{caption}{'　' if caption and who else ''}{who + ' 摄' if who else ''}", CAPTION))
    return [KeepTogether(flow)]


def _height(flowables: list, width: float, page_h: float) -> float:
    return sum(f.wrap(width, page_h)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)


def _foot(canv, opts: dict, page_w: float, columns: list[Frame]) -> None:
    canv.saveState()
    canv.setStrokeColor(GREY)
    canv.setLineWidth(0.4)
    for left, right in zip(columns, columns[1:]):  # column rules, as the page has
        x = (left._x1 + left._width + right._x1) / 2
        canv.line(x, left._y1, x, left._y1 + left._height)
    canv.setStrokeColor(RED)
    canv.setLineWidth(0.8)
    canv.line(MARGIN, MARGIN + FOOT - 3, page_w - MARGIN, MARGIN + FOOT - 3)
    credits = opts.get("credits") or {}
    line = " │ ".join(f"{role}：{credits.get(role) or '　　'}" for role in ("编辑", "校对", "组版"))
    canv.setFont(FONT, 8)
    canv.setFillColor(GREY)
    canv.drawString(MARGIN, MARGIN + 1, line)
    canv.restoreState()


def _render(opts: dict, keywords: list, summary: str, issue: dt.date, height: float | None = None
            ) -> tuple[bytes, int, float]:
    """The page as PDF bytes, the number of pages it took, and the most the columns could be tall.

    ``height`` is the columns' height (None: down to the summary box at the page foot); the box sits
    right under the columns.
    """
    paper = A3 if opts.get("paper") == "A3" else A4
    page_w, page_h = paper
    full = page_w - 2 * MARGIN
    columns = int(opts.get("columns") or 3)
    col = (full - GAP * (columns - 1)) / columns
    top = [Para(opts["headline"], HEADLINE)]
    if opts.get("byline"):
        top.append(Para(opts["byline"], BYLINE))
    box = _summary_box(summary, full)
    top_h = _height(top, full, page_h) + 6
    box_h = _height([box], full, page_h) + 8
    body_top = page_h - MARGIN - MAST - 2 - top_h
    most = body_top - (MARGIN + FOOT + box_h) - 4
    if most < 60:
        raise InputError("年度目标专版的标题或总结过长，一版排不下", "the plan page's headline or summary is too long for one page")
    tall = most if height is None else min(height, most)
    frames = [Frame(MARGIN, body_top, full, top_h, id="top", leftPadding=0, rightPadding=0, topPadding=4,
                    bottomPadding=0)]
    cols = [Frame(MARGIN + i * (col + GAP), body_top - 4 - tall, col, tall, id=f"col{i}",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0) for i in range(columns)]
    frames += cols
    frames.append(Frame(MARGIN, body_top - 4 - tall - box_h, full, box_h, id="box", leftPadding=0, rightPadding=0,
                        topPadding=8, bottomPadding=0))
    body: list = []
    for keyword, paragraphs in keywords:
        for index, (lead, text) in enumerate(paragraphs):
            head = [Para(f"关键词：{keyword}", KEYWORD)] if index == 0 else []
            body += head + [Para(lead + "。", LEAD), Para(text, BODY)]
    if opts.get("photo"):
        body += _photo(opts, col)

    def furniture(canv, doc):
        draw_masthead(canv, opts["page_title"], opts["series_title"], opts["page_no"], issue, page_w, page_h)
        _foot(canv, opts, page_w, cols)

    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=paper, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                          bottomMargin=MARGIN, title=opts["headline"], author=opts.get("byline") or "jzhealth-desktop",
                          initialFontName=FONT)
    doc.addPageTemplates([PageTemplate("plan", frames, onPage=furniture)])
    # The body runs through the columns; the box has its own frame, reached however many columns the body
    # used. Whatever does not fit spills onto a second page, which the caller sees in the page count.
    try:
        doc.build(top + [FrameBreak()] + body + [NextFrameFlowable("box"), FrameBreak(), box])
    except LayoutError:  # the spill met a frame too small for it: certainly not one page
        return b"", 2, most
    return buffer.getvalue(), doc.page, most


def _balanced(opts: dict, keywords: list, summary: str, issue: dt.date) -> bytes | None:
    """The page with the columns as short as still fits (a short plan stands as a block, not one full column
    and two empty ones); None when the targets do not fit even in full-height columns."""
    data, pages, most = _render(opts, keywords, summary, issue)
    if pages != 1:
        return None
    low, high = 40.0, most
    while high - low > 6:  # half a line of body text
        middle = (low + high) / 2
        trial, pages, _ = _render(opts, keywords, summary, issue, middle)
        if pages == 1:
            data, high = trial, middle
        else:
            low = middle
    return data


def build_plan(ctx: Context, year: int, unit: OrgUnit, out: Path, options: dict) -> None:
    """Write the plan page of ``unit``'s targets for ``year`` to ``out`` (options checked by reports/options.py)."""
    rows = target_rows(ctx, year, unit.code)
    subject = "全市" if unit.level == "city" else unit.name
    if not rows:
        raise InputError(f"{unit.name}{year}年没有设定年度目标，请先在“年度目标”中设定（或 jzhealth targets set）",
                         f"{unit.name} has no targets for {year}; set them first (Targets window or jzhealth targets set)")
    register_fonts()
    opts = {**DEFAULTS, **{k: v for k, v in options.items() if v not in (None, "")}}
    opts["headline"] = opts.get("headline") or f"{unit.name}{year}年卫生健康工作目标"
    issue = options.get("date") or dt.date.today()
    keywords = plan_sections(ctx.catalogue, rows)
    shown = list(keywords)
    while shown:
        left_out = len(rows) - _count(ctx.catalogue, rows, shown)
        summary = opts.get("summary") or summary_text(year, subject, [k for k, _ in shown], len(rows), left_out)
        if options.get("summary") and left_out:
            summary += f"（另有{left_out}项目标限于版面未列出）"
        data = _balanced(opts, shown, summary, issue)
        if data is not None:
            Path(out).write_bytes(data)
            return
        shown = shown[:-1]  # the least important domain (catalogue order) makes room
    raise InputError("年度目标专版的标题或总结过长，一版排不下", "the plan page's headline or summary is too long for one page")


def _count(catalogue: Catalogue, rows: list[TargetRow], shown: list) -> int:
    names = {keyword for keyword, _ in shown}
    return sum(1 for row in rows
               if (catalogue.domain(catalogue.items[row.code].domain).summary
                   or catalogue.domain(catalogue.items[row.code].domain).name) in names)
