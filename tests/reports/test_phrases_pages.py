"""The sentences on printed pages, read back from the PDFs (pdfplumber), for the city and for a county,
on the demo store and on stores with empty, zero and extreme figures: nothing boasts of 0, a county page
never speaks of counties, every 余/近 is honest, no unit or year is written twice, no 「连续1年」."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from jzhealth_desktop.domain.numbers import APPROX_TOLERANCE, approx_implied
from jzhealth_desktop.reports import build_report
from jzhealth_desktop.reports.narrative import domain_paragraph, highlights, printable_domains, section_sentences
from jzhealth_desktop.reports.special import GAP, HIGHLIGHT, MARGIN, MAST
from jzhealth_desktop.services.aggregate import aggregate_year
from jzhealth_desktop.services.forms import save_values
from jzhealth_desktop.services.reporting import gather

from .conftest import XIUWU, column_lines, flat, page_texts

CITY = "410800"
ZERO_BOAST = re.compile(r"(?<![\d.])0(?:个|家|所|张|人|名|台|间|种|例次|万元|元)")
DOUBLED_YEAR = re.compile(r"(?:19|20)\d\d年，[^，。；]*?(?:19|20)\d\d年")
APPROX = re.compile(r"近\d+(?:亿|万)?元|\d+(?:亿余|余万|余)元")


def special_text(path) -> str:
    """The 专版's text column by column (a line read across columns would mix sentences)."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        width = pdf.pages[0].width
    columns = 3
    col = (width - 2 * MARGIN - (columns - 1) * GAP) / columns
    bands = [(MARGIN + i * (col + GAP) - 1, MARGIN + i * (col + GAP) + col + 1) for i in range(columns)]
    return flat("".join(column_lines(path, bands, HIGHLIGHT.size, MAST)))


def sentences(data) -> list[str]:
    domains = data.catalogue.domains
    out = highlights(data, domains)
    for domain in domains:
        out += section_sentences(data, domain)
        out.append(domain_paragraph(data, domain))
    return [s for s in out if s]


def assert_true_sentences(text: str, county: bool) -> None:
    assert not ZERO_BOAST.findall(text), ZERO_BOAST.findall(text)
    assert not DOUBLED_YEAR.findall(text), DOUBLED_YEAR.findall(text)
    assert "连续1年" not in text and "连续0年" not in text
    assert "例次" not in text or not re.search(r"例次\d+例次", text)
    for unit in ("家", "个", "张", "人", "万元"):
        assert not re.search(rf"{unit}\d+(?:\.\d+)?{unit}", text), unit
    if county:
        assert "县（市、区）" not in text
        assert "全市" not in text


@pytest.mark.parametrize("org", [CITY, XIUWU])
def test_demo_2021_pages_say_only_true_things(demo_ctx, tmp_path, org):
    county = org != CITY
    data = gather(demo_ctx, 2021, org)
    text = "".join(sentences(data))
    assert_true_sentences(text, county)
    special = build_report(demo_ctx, "special", 2021, org, tmp_path / "special.pdf")
    assert_true_sentences(special_text(special), county)
    annual = build_report(demo_ctx, "annual", 2021, org, tmp_path / "annual.pdf")
    annual_text = flat("".join(page_texts(annual)))
    # the annual report's sentences (its tables and headings name counties on the city's report)
    paragraphs = [domain_paragraph(data, d) for d in data.domains_with_data()]
    assert all(flat(p)[:60] in annual_text for p in paragraphs)  # the sentences checked are the printed ones
    assert_true_sentences("".join(paragraphs), county)


def test_the_county_page_words(demo_ctx):
    data = gather(demo_ctx, 2021, XIUWU)
    text = "".join(sentences(data))
    assert "修武县已联通远程诊疗系统" in text
    assert "修武县远程诊疗系统联通1个县" not in text
    assert "人因病致贫群众全部脱贫" in text  # 2122人: a count below 万 keeps its measure word
    assert "连续22年维持无脊髓灰质炎状态" in text  # from the catalogue's start year
    assert "创建国家级中医重点专科" not in text  # 0 for 修武县: no clause
    value = aggregate_year(demo_ctx, 2021, XIUWU)["ec_investment"]
    assert APPROX.findall(text)
    for phrase in APPROX.findall(text):
        side, figure = approx_implied(phrase)
        yuan = Decimal(value) * 10000
        assert abs(yuan - figure) <= yuan * APPROX_TOLERANCE, phrase


def test_the_city_page_keeps_the_seed_wording(demo_ctx):
    text = "".join(sentences(gather(demo_ctx, 2021)))
    assert "全市“十三五”以来实施卫生健康建设项目63个，总投资近70亿元" in text
    assert "全市2017年实现全面消除疟疾目标" in text
    assert "2021年，全市2017年" not in text
    assert "比上年下降0.22个千分点" in text  # 1.70‰ → 1.48‰


def _fill(ctx, org, year, value_of):
    """Every county-level indicator of ``org`` set from ``value_of(item)``, soft warnings commented."""
    entries = {}
    for item in ctx.catalogue.indicators():
        if item.level != "county":
            continue
        value = value_of(item)
        if value is not None:
            entries[item.code] = value
    save_values(ctx, org, year, entries, {code: "测试数据" for code in entries})


def test_a_store_of_zeros_prints_no_boast(ctx, tmp_path):
    _fill(ctx, XIUWU, 2021, lambda item: 0)
    for org in (CITY, XIUWU):
        data = gather(ctx, 2021, org)
        text = "".join(sentences(data))
        assert_true_sentences(text, org != CITY)
        assert "白喉无病例报告" in text  # a zero the catalogue words
        out = build_report(ctx, "annual", 2021, org, tmp_path / f"zero-{org}.pdf")
        assert "0" in flat("".join(page_texts(out)))  # tables still show the zeros


def _extreme(item):
    if item.max is not None:
        return item.max
    if item.code in ("imm_demo_clinics", "imm_digital_clinics"):
        return 100000  # may not exceed imm_clinics, whose max is 100000
    if item.unit == "年":
        return 2017
    if item.type == "count":
        return 10**15 - 1  # a 15-digit count
    return Decimal("99999999999999.99")  # 16 digits of money or area


def test_extreme_figures_print_honestly(ctx, tmp_path):
    """Sixteen-digit figures: the reports build, and every rounded phrase stays within the tolerance."""
    _fill(ctx, XIUWU, 2021, _extreme)
    for org in (CITY, XIUWU):
        data = gather(ctx, 2021, org)
        text = "".join(sentences(data))
        assert_true_sentences(text, org != CITY)
        value = Decimal(data.values["ec_investment"]) * 10000
        assert APPROX.findall(text)  # 99999999999999.99万元 → 9900000000亿余元 (1 % under it)
        for phrase in APPROX.findall(text):
            side, figure = approx_implied(phrase)
            assert abs(value - figure) <= value * APPROX_TOLERANCE, phrase
            assert (figure < value) if side == "over" else (figure > value)
        build_report(ctx, "annual", 2021, org, tmp_path / f"extreme-{org}.pdf")
        build_report(ctx, "special", 2021, org, tmp_path / f"extreme-special-{org}.pdf")


def test_an_empty_year_has_no_sections_and_the_annual_is_one_notice_page(ctx, tmp_path):
    data = gather(ctx, 2030)
    assert data.domains_with_data() == [] and printable_domains(data) == []
    assert all(section_sentences(data, d) == [] for d in data.catalogue.domains)
    out = build_report(ctx, "annual", 2030, None, tmp_path / "empty.pdf")
    pages = page_texts(out)
    assert len(pages) == 1
    assert "焦作市2030年暂无数据" in flat(pages[0])
    special = build_report(ctx, "special", 2030, None, tmp_path / "empty-special.pdf")
    assert "关键词" not in flat("".join(page_texts(special)))  # no section heads over nothing


def test_a_domain_without_data_is_left_out(ctx, tmp_path):
    save_values(ctx, XIUWU, 2021, {"ec_centers": 3, "ec_beds": 120})
    data = gather(ctx, 2021, XIUWU)
    assert [d.code for d in data.domains_with_data()] == ["eldercare"]
    assert [d.code for d in printable_domains(data)] == ["eldercare"]
    out = build_report(ctx, "annual", 2021, XIUWU, tmp_path / "one.pdf")
    text = flat("".join(page_texts(out)))
    assert "一、医养结合" in text and "二、" not in text
    assert "本年度暂无数据的领域：预防接种门诊" in text
    special = flat("".join(page_texts(build_report(ctx, "special", 2021, XIUWU, tmp_path / "one-special.pdf"))))
    assert special.count("关键词") == 1 and "关键词：医养中心" in special


def test_a_streak_is_not_counted_from_the_years_the_store_holds(ctx):
    save_values(ctx, XIUWU, 2021, {"imm_polio_cases": 0})
    text = "".join(sentences(gather(ctx, 2021, XIUWU)))
    assert "连续22年维持无脊髓灰质炎状态" in text and "连续1年" not in text
    save_values(ctx, XIUWU, 2019, {"imm_polio_cases": 1}, {"imm_polio_cases": "测试数据"})
    text = "".join(sentences(gather(ctx, 2021, XIUWU)))
    assert "连续2年维持无脊髓灰质炎状态" in text  # 2020 and 2021, after the case of 2019
