"""Typesetting, measured on the PDF (issue 12): every report kind, from the demo store and from a store
with extreme values (the longest texts the options take, 16-digit figures, empty domains).

For every character box (pdfplumber): inside the page's margins and inside its frame (a 专版
column; no glyph across a table rule); no two boxes overlap; no line starts with closing or ends
with opening punctuation; no number, or number and its unit, split over two lines.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTCollection, TTFont
from reportlab.lib.units import mm

from jzhealth_desktop.domain.catalogue import Rate
from jzhealth_desktop.domain.linebreak import NO_END, NO_START
from jzhealth_desktop.reports.fonts import CLOSING, font_path, song_path
from jzhealth_desktop.reports import annual, blank, build_report, special
from jzhealth_desktop.services.forms import save_values

from .conftest import XIUWU, page_texts

FOLIO_BAND = 7 * mm  # page furniture (the 「第 N 页 共 M 页」 folio) may sit this close to the paper's edge
EPS = 0.6  # points: rounding in the PDF's coordinates
MEASURE = set("家张个人例次所元万亿年月日岁床名台项件辆倍户")
LONG = {
    "headline": "奋进新征程建功新时代这十年河南卫生健康答卷焦作篇聚焦健康大美之作全面推进健康焦作建设纪实",
    "byline": "王正勋 侯林峰 常娟 王全喜 赵耀东 聂楠 张海洋 华保红 李明 王芳 张伟 刘洋"[:40],  # the most the option check takes
    "series_title": "奋进新征程 建功新时代 · 这十年 · 河南卫生健康答卷 · 焦作篇 · 特别策划",
    "page_title": "卫生健康专版",
    "credits": {role: "聂楠 张海洋 华保红 王正勋 侯林峰 常娟 王全喜 赵耀东 李明 王芳 张伟 刘洋"[:40] for role in ("编辑", "校对", "组版")},
    "date": dt.date(2022, 9, 30),
}


_INK: dict[str, dict[str, float]] = {}


def ink_right(fontname: str, char: str) -> float:
    """Where the glyph's ink ends, in em, read from the shipped font file itself (fontTools)."""
    key = "song" if "Song" in fontname else "hei"
    if key not in _INK:
        font = TTFont(song_path()) if key == "song" else TTCollection(font_path()).fonts[0]
        cmap, glyf, upm = font.getBestCmap(), font["glyf"], font["head"].unitsPerEm
        _INK[key] = {c: getattr(glyf[cmap[ord(c)]], "xMax", 0) / upm for c in CLOSING if ord(c) in cmap}
    return _INK[key].get(char, 1.0)


def inked(chars) -> list[dict]:
    """Glyph boxes as far as the ink goes: a closing mark taken in on a tight line (its empty right half
    under the next glyph, clreq) ends where its glyph ends, not where its full-width advance would."""
    out = []
    for c in chars:
        if c["text"] in CLOSING:
            c = {**c, "x1": min(c["x1"], c["x0"] + ink_right(c["fontname"], c["text"]) * c["size"])}
        out.append(c)
    return out


def margins(kind: str) -> float:
    return {"annual": annual.MARGIN, "special": special.MARGIN, "blank": blank.MARGIN}[kind]


def edges(page) -> tuple[list, list]:
    vertical = [e for e in page.edges if e["orientation"] == "v" and e["height"] > 2]
    horizontal = [e for e in page.edges if e["orientation"] == "h" and e["width"] > 2]
    return vertical, horizontal


def crossing_rule(char, vertical) -> bool:
    """A vertical rule (a table's cell border, a column rule) through the inside of the glyph box."""
    for e in vertical:
        if char["x0"] + EPS < e["x0"] < char["x1"] - EPS and e["top"] < char["bottom"] - 2 and e["bottom"] > char["top"] + 2:
            return True
    return False


def overlaps(chars) -> list[tuple[str, str]]:
    """Pairs of visible glyph boxes that overlap by more than rounding, found through a coarse grid."""
    grid: dict[tuple[int, int], list] = {}
    found = []
    for c in chars:
        if not c["text"].strip():
            continue
        cells = {(int(x // 20), int(y // 20)) for x in (c["x0"], c["x1"]) for y in (c["top"], c["bottom"])}
        for cell in cells:
            for other in grid.get(cell, []):
                w = min(c["x1"], other["x1"]) - max(c["x0"], other["x0"])
                h = min(c["bottom"], other["bottom"]) - max(c["top"], other["top"])
                if w > 0.8 and h > 0.8:
                    found.append((c["text"], other["text"]))
            grid.setdefault(cell, []).append(c)
    return found


def fragments(chars, vertical) -> list[dict]:
    """Visual lines: glyphs on one baseline, contiguous (gap < one em) and not across a rule."""
    rows: dict[tuple[float, float], list] = {}
    for c in chars:
        if c["text"].strip():
            rows.setdefault((round(c["bottom"], 0), round(c["size"], 1)), []).append(c)
    out = []
    for (_, size), row in rows.items():
        row.sort(key=lambda c: c["x0"])
        current = [row[0]]
        for c in row[1:]:
            prev = current[-1]
            gap = c["x0"] - prev["x1"]
            ruled = any(prev["x1"] - EPS <= e["x0"] <= c["x0"] + EPS and e["top"] < c["bottom"] and e["bottom"] > c["top"]
                        for e in vertical)
            if gap > size * 1.0 or ruled:
                out.append(current)
                current = [c]
            else:
                current.append(c)
        out.append(current)
    return [{"text": "".join(c["text"] for c in f), "x0": f[0]["x0"], "x1": f[-1]["x1"], "top": f[0]["top"],
             "bottom": f[0]["bottom"], "size": f[0]["size"]} for f in out]


def split_pairs(lines: list[dict], horizontal: list) -> list[tuple[str, str]]:
    """A line ending inside a number (or before its unit) and the line under it, in the same frame or
    cell (no rule between them), going on with it."""
    bad = []
    for a in lines:
        for b in lines:
            if any(a["bottom"] - EPS <= e["top"] <= b["top"] + EPS and e["x0"] < a["x1"] and e["x1"] > a["x0"]
                   for e in horizontal):
                continue
            step = b["top"] - a["top"]
            if not (0.8 * a["size"] < step < 2.2 * a["size"]) or abs(a["size"] - b["size"]) > 0.1:
                continue
            if b["x0"] > a["x0"] + 0.5 * a["size"] or b["x1"] < a["x0"] or a["x1"] - a["x0"] < 3 * a["size"]:
                continue  # not the line that goes on from a line of text (a chart's labels, a cell's figure)
            end, start = a["text"][-1], b["text"][0]
            if (end.isdigit() or end in "./") and (start.isdigit() or start in ".%‰/" or start in MEASURE):
                bad.append((a["text"], b["text"]))
            elif end in "万亿" and len(a["text"]) > 1 and a["text"][-2].isdigit() and start in "元人张":
                bad.append((a["text"], b["text"]))
    return bad


def check_layout(path: Path, kind: str, columns: int = 3) -> dict:
    problems: dict[str, list] = {"margin": [], "frame": [], "overlap": [], "punct": [], "split": []}
    margin = margins(kind)
    with pdfplumber.open(path) as pdf:
        if kind == "special":
            assert len(pdf.pages) == 1, "the 专版 is one page"
        for number, page in enumerate(pdf.pages, start=1):
            raw = [c for c in page.chars if c["text"].strip()]
            chars = inked(raw)
            vertical, horizontal = edges(page)
            bottom = page.height - (margin if kind == "special" else FOLIO_BAND)
            for c in chars:
                if c["x0"] < margin - EPS or c["x1"] > page.width - margin + EPS or c["top"] < margin - EPS \
                        or c["bottom"] > bottom + EPS:
                    problems["margin"].append((number, c["text"], round(c["x0"], 1), round(c["x1"], 1), round(c["top"], 1)))
                if crossing_rule(c, vertical):
                    problems["frame"].append((number, c["text"], round(c["x0"], 1)))
            if kind == "special":
                full = page.width - 2 * margin
                col = (full - special.GAP * (columns - 1)) / columns
                bands = [(margin + i * (col + special.GAP), margin + i * (col + special.GAP) + col) for i in range(columns)]
                gutters = [x1 + special.GAP / 2 for _, x1 in bands[:-1]]
                rule_tops = [e["top"] for e in vertical if any(abs(e["x0"] - g) < 1 for g in gutters)]
                body_top = min(rule_tops) if rule_tops else 0
                for c in chars:
                    if c["top"] > body_top + EPS and c["bottom"] < page.height - margin - special.FOOT + 4:
                        if not any(x0 - EPS <= c["x0"] and c["x1"] <= x1 + EPS for x0, x1 in bands):
                            problems["frame"].append((number, c["text"], round(c["x0"], 1), round(c["x1"], 1)))
            problems["overlap"] += [(number,) + pair for pair in overlaps(chars)]
            lines = fragments(raw, vertical)
            for line in lines:
                if set(line["text"]) <= NO_START | NO_END:  # a table's 「—」 or 「…」 mark standing alone
                    continue
                if line["text"][0] in NO_START or line["text"][-1] in NO_END:
                    problems["punct"].append((number, line["text"]))
            problems["split"] += [(number,) + pair for pair in split_pairs(lines, horizontal)]
    return {k: v for k, v in problems.items() if v}


@pytest.fixture
def extreme_ctx(ctx):
    """Two domains at the largest figures the store takes (16 digits), in two counties; the rest empty."""
    catalogue = ctx.catalogue
    domains = catalogue.domains[1:3]
    big = {"money": Decimal("99999999999999.99")}
    for org in (XIUWU, "410822"):
        values = {}
        for domain in domains:
            for code in domain.codes:
                item = catalogue.items[code]
                if isinstance(item, Rate) or (item.level != "county" and org != ctx.city.code):
                    continue
                values[code] = big["money"] if item.type == "money" else item.max or 9_999_999_999_999_998
        save_values(ctx, org, 2022, values, {code: "极值测试" for code in values})
    return ctx


CASES = [("annual", None), ("annual", XIUWU), ("special", None), ("special", XIUWU), ("blank", None)]


@pytest.mark.parametrize("kind,org", CASES)
def test_demo_store_layout(demo_ctx, tmp_path, kind, org):
    options = {"date": dt.date(2021, 12, 31), "headline": "聚焦健康 大美之作", "byline": "王正勋 侯林峰 常娟 王全喜",
               "credits": {"编辑": "聂楠", "校对": "张海洋", "组版": "华保红"}} if kind == "special" else {}
    out = build_report(demo_ctx, kind, 2021, org, tmp_path / f"{kind}.pdf", options)
    assert check_layout(out, kind) == {}


@pytest.mark.parametrize("kind,org", CASES)
def test_extreme_store_layout(extreme_ctx, tmp_path, kind, org):
    out = build_report(extreme_ctx, kind, 2022, org, tmp_path / f"{kind}.pdf", LONG if kind == "special" else {})
    assert check_layout(out, kind) == {}
    if kind != "blank":
        text = "".join("".join(t.split()) for t in page_texts(out))
        assert re.search(r"9999999999999998|99999999999999\.99", text)  # the figures are printed, whole


def test_two_column_special_page(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "special", 2021, None, tmp_path / "two.pdf", {"columns": 2})
    assert check_layout(out, "special", columns=2) == {}


def test_the_checks_catch_what_they_look_for(tmp_path):
    """A page set the old way (letter-spacing leaking into the next line, a number cut, a mark at a
    line start, a glyph over the margin) fails every check, so a pass above means something."""
    from reportlab.pdfgen.canvas import Canvas

    from jzhealth_desktop.reports.fonts import SONG, register_fonts

    register_fonts()
    path = tmp_path / "bad.pdf"
    canv = Canvas(str(path), initialFontName=SONG)
    m = special.MARGIN
    text = canv.beginText(m, 700)
    text.setFont(SONG, 10)
    text.setCharSpace(3)
    text.textLine("全市建成医养中心42家，设置医养床位28")
    text.textLine("24张，投资2亿余元，与128家养老机构开展医养结合签约服务，符合政策兜底人员入住率达91.2%")
    text.textLine("，入住率达91.2%")
    canv.drawText(text)
    canv.setFont(SONG, 10)
    canv.drawString(m + 100, 600, "重叠")
    canv.drawString(m + 105, 600, "文字")
    canv.line(m + 150, 590, m + 150, 615)  # a rule through a glyph
    canv.drawString(m + 145, 600, "框")
    canv.showPage()
    canv.save()
    found = check_layout(path, "annual")
    assert set(found) == {"margin", "frame", "overlap", "punct", "split"}, found


def test_special_page_heads_rules_and_sizes(own_ctx, tmp_path):
    """Phrase heads where the preset gives one, 「关键词：」 elsewhere; only sections with data, in the
    catalogue's order; a rule down each gutter; no page label; body text never below its size."""
    options = {"section_heads": {"eldercare": "医养结合深入推进"}, "date": dt.date(2021, 1, 4)}
    out = build_report(own_ctx, "special", 2020, None, tmp_path / "heads.pdf", options)
    text = "".join("".join(t.split()) for t in page_texts(out))
    assert "医养结合深入推进" in text and "关键词：医养中心" not in text
    heads = re.findall(r"关键词：(\w+?)(?=[^\w]|$)", text)
    assert "关键词：妇幼健康" in text and "关键词：免疫规划" in text  # the own store has these figures
    assert "远程医疗" not in text and "中医" not in text  # domains without data are left out
    assert text.index("关键词：免疫规划") < text.index("医养结合深入推进") < text.index("关键词：妇幼健康")
    assert "第1页" not in text and "共1页" not in text
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        full = page.width - 2 * special.MARGIN
        col = (full - 2 * special.GAP) / 3
        for i in (1, 2):
            x = special.MARGIN + i * (col + special.GAP) - special.GAP / 2
            assert any(abs(e["x0"] - x) < 0.5 and e["height"] > 200 for e in page.edges if e["orientation"] == "v")
        body = [c for c in page.chars if c["fontname"].endswith("JZSong-ARPLUMingCN-Subset") and c["top"] > 200]
        assert body and min(c["size"] for c in body) >= special.CAPTION.size  # captions are the smallest text
    assert heads  # the 「关键词：」 form is read back


def test_special_page_drops_sections_that_do_not_fit_in_catalogue_order(demo_ctx, tmp_path):
    """Two narrow columns hold less than three: the page stays one page and keeps a prefix of the
    catalogue's sections, never a later one in place of an earlier one."""
    three = build_report(demo_ctx, "special", 2021, None, tmp_path / "three.pdf", {})
    two = build_report(demo_ctx, "special", 2021, None, tmp_path / "two.pdf", {"columns": 2})
    names = [d.summary or d.name for d in demo_ctx.catalogue.domains]

    def printed(path):
        text = "".join("".join(t.split()) for t in page_texts(path))
        return [n for n in names if f"关键词：{n}" in text]

    assert printed(two) == names[:len(printed(two))] and printed(three) == names[:len(printed(three))]
    assert 0 < len(printed(two)) < len(printed(three))


def test_trend_lines_break_at_missing_years():
    from reportlab.graphics.shapes import Circle, PolyLine

    from jzhealth_desktop.reports.charts import segments, trend_chart

    assert segments([1, 2, None, 3, None, None, 4, 5]) == [[0, 1], [3], [6, 7]]
    drawing = trend_chart([("婴儿死亡率", [Decimal("2.9"), Decimal("2.5"), None, Decimal("1.9"), None, 1, 2])],
                          list(range(2015, 2022)), 180, 160)
    lines = [s for s in drawing.contents if isinstance(s, PolyLine)]
    dots = [s for s in drawing.contents if isinstance(s, Circle)]
    assert [len(line.points) // 2 for line in lines] == [2, 2] and len(dots) == 1


def test_county_names_are_whole_on_the_bar_chart(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "special", 2021, None, tmp_path / "bars.pdf", {})
    with pdfplumber.open(out) as pdf:
        words = {w["text"] for w in pdf.pages[0].extract_words(x_tolerance=1.5) if w["upright"]}
    counties = demo_ctx.counties()
    assert len(counties) == 11
    for unit in counties:  # horizontal bars: each name a word of its own, whole and upright
        assert unit.name in words, unit.name
