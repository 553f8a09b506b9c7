"""Each document from the demo store and from a store the test fills itself: generated sentences,
figures formatted as the pages print them, embedded fonts, every page renders, line-breaking rules."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.domain.linebreak import violations
from jzhealth_desktop.reports import build_report
from jzhealth_desktop.reports.special import GAP, HIGHLIGHT, MARGIN, MAST
from jzhealth_desktop.services.access import AccessDenied, Principal
from jzhealth_desktop.services.reporting import Cancelled

from .conftest import BOAI, XIUWU, column_lines, flat, page_texts, render_all, unembedded_fonts

SPECIAL = {"headline": "聚焦健康 大美之作", "byline": "王正勋 侯林峰", "date": dt.date(2014, 3, 7),
           "credits": {"编辑": "聂楠", "校对": "张海洋", "组版": "华保红"}}


def check_pdf(path: Path, numbered: bool = True) -> list[str]:
    """What every document must satisfy; returns the page texts. The 专版 is one unnumbered page."""
    assert unembedded_fonts(path) == []
    inked = render_all(path)
    assert inked and all(count > 0 for count in inked)
    texts = page_texts(path)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert (f"第 {number} 页 共 {total} 页" in text) == numbered
    assert numbered or total == 1
    return texts


def special_columns(path: Path) -> list[tuple[float, float]]:
    with pdfplumber.open(path) as pdf:
        width = pdf.pages[0].width
    col = (width - 2 * MARGIN - 2 * GAP) / 3
    return [(MARGIN + i * (col + GAP) - 1, MARGIN + i * (col + GAP) + col + 1) for i in range(3)]


def test_annual_city_report_from_the_demo_store(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "annual", 2021, None, tmp_path / "annual.pdf")
    texts = check_pdf(out)
    text = flat("".join(texts))
    assert "焦作市2021年卫生健康统计年报" in text
    assert "全市建成医养中心42家，设置医养床位2824张，投资2亿余元" in text
    assert "婴儿死亡率由2016年的2.91‰降至2021年的1.48‰" in text
    assert "孕产妇死亡率由2016年的4.82/10万降至2021年的0" in text
    assert "连续22年维持无脊髓灰质炎状态" in text
    assert "全市合计" in text and "城乡一体化示范区" in text  # the county comparison
    # every line of the report keeps the Chinese line-breaking rules
    lines = [line for page in texts for line in page.splitlines()]
    assert violations(lines) == []


def test_tables_never_split_a_row_and_headings_stay_with_their_text(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "annual", 2021, None, tmp_path / "annual.pdf")
    pages = [flat(t) for t in page_texts(out)]
    for item in demo_ctx.catalogue.items.values():
        assert any(item.name in page for page in pages), item.name  # its row (name cell) whole on one page
    with pdfplumber.open(out) as pdf:
        for page in pdf.pages:
            heads = [c for c in page.chars if round(c["size"]) == 13]
            if heads:
                lowest = max(c["top"] for c in heads)
                assert any(c["top"] > lowest + 20 for c in page.chars if c["size"] < 13 and c["top"] < page.height - 40)


def test_annual_from_the_tests_own_numbers(own_ctx, tmp_path):
    county = build_report(own_ctx, "annual", 2020, XIUWU, tmp_path / "xiuwu.pdf", {"baseline_year": 2015})
    text = flat("".join(check_pdf(county)))
    assert "修武县2020年卫生健康统计年报" in text
    assert "修武县建成医养中心7家，设置医养床位355张，投资1200余万元" in text  # 1234.5万元: 1000余 is 19 % off
    assert "婴儿死亡率为2.5‰" in text  # 4 / 1600
    assert "婴儿死亡率由2015年的6‰降至2020年的2.5‰" in text
    assert "孕产妇死亡率由2015年的50/10万降至2020年的0" in text
    assert "1234.50万元" in text  # money at its scale in the table
    assert "暂无数据" in text  # domains the test left empty
    city = build_report(own_ctx, "annual", 2020, None, tmp_path / "city.pdf")
    text = flat("".join(check_pdf(city)))
    assert "全市建成医养中心11家，设置医养床位486张" in text  # 7 + 4, 355 + 131
    assert "婴儿死亡率为3‰" in text  # (4 + 5) / (1600 + 1400): recomputed, not averaged


def test_year_without_data_says_so(own_ctx, tmp_path):
    out = build_report(own_ctx, "annual", 2030, None, tmp_path / "empty.pdf")
    text = flat("".join(check_pdf(out)))
    assert "焦作市2030年暂无数据" in text
    assert len(page_texts(out)) == 1  # one notice page, not a table of blanks per domain
    special = build_report(own_ctx, "special", 2030, None, tmp_path / "empty-special.pdf")
    assert "2030年全市卫生健康统计暂无数据" in flat("".join(check_pdf(special, numbered=False)))


def test_special_page_from_the_demo_store(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "special", 2021, None, tmp_path / "special.pdf", SPECIAL)
    texts = check_pdf(out, numbered=False)
    text = flat("".join(texts))
    assert "2014年3月7日星期五" in text and "第03版" in text and "专版" in text
    assert "聚焦健康大美之作" in text and "□王正勋侯林峰" in text
    assert "编辑：聂楠│校对：张海洋│组版：华保红" in text
    assert ("全市婴儿死亡率、5岁以下儿童死亡率和孕产妇死亡率由2016年的2.91‰、3.83‰和4.82/10万，"
            "分别降至2021年的1.48‰、2.75‰和0") in text
    assert "全市建成医养中心42家，设置医养床位2824张" in text
    assert "连续22年维持无脊髓灰质炎状态" in text
    assert "投资2亿余元" in text and "远程医学分中心累计投资2000余万元" in text  # 余: just over, as the page prints
    assert text.count("■") in range(4, 7)
    assert text.count("关键词：") >= 3
    lines = column_lines(out, special_columns(out), HIGHLIGHT.size, MARGIN + MAST)
    assert len(lines) > 60 and violations(lines) == []


def test_special_page_from_the_tests_own_numbers_with_a_photo(own_ctx, tmp_path):
    photo = tmp_path / "photo.png"
    Image.new("RGB", (320, 200), (90, 140, 200)).save(photo)
    options = {**SPECIAL, "sections": ["eldercare", "maternal"], "photo": str(photo),
               "photo_caption": "修武县医养中心", "photographer": "测试员", "baseline_year": 2015}
    out = build_report(own_ctx, "special", 2020, None, tmp_path / "special.pdf", options)
    text = flat("".join(check_pdf(out, numbered=False)))
    assert "全市建成医养中心11家，设置医养床位486张" in text
    assert "（图为修武县医养中心，由测试员拍摄）" in text
    assert "关键词：医养中心" in text and "关键词：妇幼健康" in text and "关键词：免疫规划" not in text
    assert "2020年各县（市、区）医养中心数（家）" in text  # the county bar chart's caption
    with pdfplumber.open(out) as pdf:
        assert sum(len(p.images) for p in pdf.pages) == 1


def test_blank_forms(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "blank", 2022, XIUWU, tmp_path / "blank.pdf")
    texts = check_pdf(out)
    text = flat("".join(texts))
    for domain in demo_ctx.catalogue.domains:
        assert text.count(f"{domain.name}统计表（2022年度）") == 1
    assert "预防接种门诊统计表（2022年度）" in text and "填报单位：修武县" in text
    assert "医养床位数" in text and "单位负责人" in text
    assert "大病专项救治病种数" not in text  # keyed in by the city only
    one = build_report(demo_ctx, "blank", 2022, None, tmp_path / "one.pdf", {"domain": "eldercare"})
    assert len(check_pdf(one)) == 1


def test_refusals_write_nothing(own_ctx, tmp_path, store_path, snapshot):
    before = snapshot(store_path)
    with pytest.raises(InputError) as err:
        build_report(own_ctx, "weekly", 2020, None, tmp_path / "x.pdf")
    assert "未知的报表类型" in err.value.zh
    with pytest.raises(InputError) as err:
        build_report(own_ctx, "special", 2020, None, tmp_path / "x.pdf", {"photo": str(tmp_path / "none.jpg")})
    assert "找不到图片文件" in err.value.zh
    with pytest.raises(Cancelled):
        build_report(own_ctx, "annual", 2020, None, tmp_path / "x.pdf", progress=lambda done, total: False)
    own_ctx.principal = Principal("县统计员", "clerk", XIUWU)
    with pytest.raises(AccessDenied):
        build_report(own_ctx, "annual", 2020, BOAI, tmp_path / "x.pdf")
    assert list(tmp_path.glob("x.pdf*")) == []
    assert snapshot(store_path) == before


def test_second_build_does_not_register_the_font_again(own_ctx, tmp_path, monkeypatch):
    from reportlab.pdfbase import pdfmetrics

    build_report(own_ctx, "annual", 2020, XIUWU, tmp_path / "a.pdf")
    calls = []
    monkeypatch.setattr(pdfmetrics, "registerFont", lambda font: calls.append(font))
    build_report(own_ctx, "special", 2020, None, tmp_path / "b.pdf")
    assert calls == []
