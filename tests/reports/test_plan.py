"""The plan page (年度目标专版): the 2014 page's targets from the demo store, read back from the PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from jzhealth_desktop.domain.catalogue import Indicator
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.reports import build_report
from jzhealth_desktop.reports.plan import join_clauses, target_clause, target_figure, target_text
from jzhealth_desktop.services.targets import TargetRow, set_targets

from .conftest import flat, page_texts, unembedded_fonts

PAGE_2014 = {"headline": "努力开创卫生改革发展新局面", "byline": "市卫生局党组书记、局长 宁继学",
             "credits": {"编辑": "聂楠", "校对": "张海洋", "组版": "华保红"}, "date": dt.date(2014, 3, 7)}

# What the 2014 page says, in its own words (../shared/seeds/002_…), as the demo targets print it.
PAGE_WORDS = ["人均财政补助标准提高到320元", "确保参合率达到98%以上", "住院补偿封顶线提高到20万元",
              "重大疾病实际补偿比例提高到70%左右", "城乡居民人均基本公共卫生服务经费标准不低于30元",
              "城乡居民健康档案规范化电子建档率达80%以上", "高血压、糖尿病患者规范化管理率达35%以上",
              "力争全年发放100万张", "原则上要将40%左右的基本公共卫生服务任务交由村卫生室承担",
              "全年实施医疗卫生在建项目167个", "其中新开工项目93个", "总建筑面积41.57万平方米", "总投资9.68亿元",
              "今年完成投资2.95亿元", "重点做好126个中央投资卫生项目的申报工作",
              "即力争3个地市级医疗机构、4个县级中医院、3所社区卫生服务中心、8所乡镇卫生院及周转宿舍、"
              "2个县级疾病预防控制中心、6个县级妇幼保健机构、100所村卫生室等项目的申报立项",
              "巩固和保持免疫规划接种率农村地区90%以上，城区95%以上的目标"]


def column_text(path, columns: int = 3) -> str:
    """The page's text read column by column (pdfplumber alone reads across the columns), without spaces."""
    from jzhealth_desktop.reports.plan import GAP, MARGIN

    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        full = page.width - 2 * MARGIN
        col = (full - GAP * (columns - 1)) / columns
        start = [c["bottom"] for c in page.chars if c["text"] == "关"][0] - 14  # the first 关键词 head's line
        parts = [page.crop((0, 0, page.width, start)).extract_text() or ""]
        for i in range(columns):
            x0 = MARGIN + i * (col + GAP) - 1
            parts.append(page.crop((x0, start, min(page.width, x0 + col + 2), page.height)).extract_text() or "")
    return flat("".join(parts))


@pytest.fixture
def plan_2014(demo_ctx, tmp_path):
    return build_report(demo_ctx, "plan", 2014, None, tmp_path / "plan.pdf", PAGE_2014)


def test_demo_2014_reads_like_the_page(plan_2014):
    assert len(PdfReader(plan_2014).pages) == 1  # one newspaper page
    text = column_text(plan_2014)
    for words in PAGE_WORDS:
        assert flat(words) in text, words
    for words in ("努力开创卫生改革发展新局面", "市卫生局党组书记、局长宁继学", "2014年3月7日星期五", "第03版",
                  "关键词：卫生项目建设", "关键词：医疗保障与基本公共卫生", "编辑：聂楠│校对：张海洋│组版：华保红"):
        assert words in text, words
    for wrong in ("96800万元", "29500万元", "1000000张", "第1页", "暂无数据"):
        assert wrong not in text, wrong
    assert unembedded_fonts(plan_2014) == []


def test_summary_box_closes_the_page(plan_2014):
    with pdfplumber.open(plan_2014) as pdf:
        page = pdf.pages[0]
        lines = page.extract_words(use_text_flow=True)
        box = [r for r in page.rects if r["width"] > page.width * 0.8]
        assert box, "a full-width summary box"
        body_bottom = max(w["bottom"] for w in lines if w["top"] < box[0]["top"])
        assert body_bottom <= box[0]["top"]  # every column ends above the box
        summary = flat(page.crop((box[0]["x0"], box[0]["top"], box[0]["x1"], box[0]["bottom"])).extract_text())
    assert "2014年，全市卫生工作共确定年度目标24项" in summary


def test_summary_of_the_users_own_words(demo_ctx, tmp_path):
    words = "2014年，是完成医改“十二五”规划的关键之年。"
    out = build_report(demo_ctx, "plan", 2014, None, tmp_path / "p.pdf", {"summary": words})
    assert flat(words) in flat(page_texts(out)[0])


def test_too_many_targets_leave_out_the_last_domains_and_say_so(demo_ctx, tmp_path):
    """A year with every indicator targeted does not fit: the page stays one page and names how many are left out."""
    entries = {}
    for code, item in demo_ctx.catalogue.items.items():
        low = 0 if item.derived else (item.min or 0)
        entries[code] = str(max(low, 50 if item.derived else 1))
    set_targets(demo_ctx, demo_ctx.city.code, 2019, entries, "ge")
    out = build_report(demo_ctx, "plan", 2019, None, tmp_path / "many.pdf", {"columns": 2})
    assert len(PdfReader(out).pages) == 1
    text = flat(page_texts(out)[0])
    assert "限于版面未列出" in text and "关键词：免疫规划" in text


def test_county_plan_and_a_year_without_targets(demo_ctx, tmp_path):
    with pytest.raises(InputError, match="没有设定年度目标"):
        build_report(demo_ctx, "plan", 2015, "410821", tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    set_targets(demo_ctx, "410821", 2024, {"ec_beds": "300", "ec_centers": "5"}, "ge")
    out = build_report(demo_ctx, "plan", 2024, "410821", tmp_path / "xiuwu.pdf")
    text = flat(page_texts(out)[0])
    assert "修武县2024年卫生健康工作目标" in text and "力争医养床位数达到300张" in text


def test_annual_target_column_prints_money_as_the_page(demo_ctx, tmp_path):
    out = build_report(demo_ctx, "annual", 2014, None, tmp_path / "annual.pdf")
    text = flat("".join(page_texts(out)))
    assert "9.68亿元" in text and "96800万元" not in text
    assert "100万张以上" in text and "98%以上" in text


# --- figures and clauses -------------------------------------------------------------------------------------

def test_figures_as_printed(demo_ctx):
    items = demo_ctx.catalogue.items
    assert target_figure(items["pj_total_investment"], Decimal("96800.00")) == "9.68亿元"
    assert target_figure(items["ncms_cap"], Decimal("20.00")) == "20万元"
    assert target_figure(items["ncms_subsidy"], Decimal("320.00")) == "320元"
    assert target_figure(items["bph_health_cards"], 1000000) == "100万张"
    assert target_figure(items["ec_beds"], 21126) == "21126张"  # 2.11万 would not be the target
    assert target_figure(items["ncms_enrolment_rate"], Decimal("98.00")) == "98%"
    assert target_text(items["ncms_major_ratio"], Decimal("70.00"), "~") == "70%左右"


@dataclass(frozen=True)
class Phrased(Indicator):
    target_phrase: str = ""


def plain(item):
    """The item without a catalogue wording, so the defaults show (the catalogue may carry target_phrase)."""
    return replace(item, target_phrase="") if hasattr(item, "target_phrase") else item


def test_default_clauses(demo_ctx):
    items = demo_ctx.catalogue.items

    def clause(code, value, comparison, note=""):
        return target_clause(plain(items[code]), TargetRow(code, value, comparison, note))

    assert clause("ncms_enrolment_rate", Decimal("98.00"), ">=") == "确保新农合参合率达到98%以上"
    assert clause("bph_funding_per_capita", Decimal("30.00"), ">=") == "人均基本公共卫生服务经费标准不低于30元"
    assert clause("bph_health_cards", 1000000, ">=") == "力争居民健康卡发放张数达到100万张"
    assert clause("ncms_major_ratio", Decimal("70.00"), "~") == "重大疾病实际补偿比例提高到70%左右"
    assert clause("pj_new_starts", 93, "=") == "新开工项目数93个"
    assert clause("mch_infant_mortality", Decimal("3.00"), "<=") == "确保婴儿死亡率控制在3‰以下"
    assert clause("ncms_enrolment_rate", Decimal("98.00"), ">=", "参合率") == "参合率98%以上"
    assert clause("ncms_cap", Decimal("20.00"), ">=", "封顶线提高到{target}") == "封顶线提高到20万元"
    assert clause("ncms_major_ratio", Decimal("70.00"), "~", "比例提高到{target}{cmp}") == "比例提高到70%左右"


def test_catalogue_wording_and_the_targets_own(demo_ctx):
    """The catalogue's target_phrase words a target that has no wording of its own; the target's own wins."""
    base = plain(demo_ctx.catalogue.items["bph_health_cards"])
    item = Phrased(**{f: getattr(base, f) for f in Indicator.__dataclass_fields__ if f != "target_phrase"},
                   target_phrase="力争全年发放{target:wan}")
    assert target_clause(item, TargetRow(item.code, 1000000, ">=", "")) == "力争全年发放100万张"
    assert target_clause(item, TargetRow(item.code, 1000000, ">=", "发卡{target}")) == "发卡100万张"
    assert join_clauses(["甲1个", "、乙2个", "丙"]) == "甲1个、乙2个，丙。"


@given(st.integers(min_value=1, max_value=10**14 - 1), st.sampled_from(["元", "万元"]))
@settings(max_examples=300)
def test_money_targets_read_back_exactly(cents, unit):
    """Whatever unit the figure is printed in (元/万元/亿元), it means the stored target exactly."""
    from jzhealth_desktop.domain.catalogue import Indicator

    item = Indicator(code="m", name="投资", name_en="investment", unit=unit, domain="d", section="s", order=0,
                     type="money", scale=2)
    value = Decimal(cents).scaleb(-2)
    text = target_figure(item, value)
    factor = {"亿元": 10**8, "万元": 10**4, "元": 1}
    printed_unit = next(u for u in ("亿元", "万元", "元") if text.endswith(u))
    yuan = Decimal(text[:-len(printed_unit)]) * factor[printed_unit]
    assert yuan == value * factor[unit], (value, unit, text)
    assert len(text[:-len(printed_unit)].partition(".")[2]) <= 2


@given(st.integers(min_value=0, max_value=10**15))
@settings(max_examples=300)
def test_count_targets_are_never_rounded(count):
    from jzhealth_desktop.domain.catalogue import Indicator

    item = Indicator(code="c", name="卡", name_en="cards", unit="张", domain="d", section="s", order=0)
    text = target_figure(item, count)
    assert text.endswith("张")
    number = text[:-1]
    printed = Decimal(number[:-1]) * 10000 if number.endswith("万") else Decimal(number)
    assert printed == count, text


def test_report_plan_from_the_command_line(capsys, demo_path, tmp_path):
    from jzhealth_desktop.cli import main

    out = tmp_path / "plan.pdf"
    code = main(["--db", str(demo_path), "report", "plan", "--year", "2014", "--date", "2014-03-07", "-o", str(out)])
    _, err = capsys.readouterr()
    assert code == 0, err
    text = column_text(out)
    assert "2014年3月7日星期五" in text and "焦作市2014年卫生健康工作目标" in text and "总投资9.68亿元" in text
    code = main(["--db", str(demo_path), "report", "plan", "--year", "2015", "-o", str(tmp_path / "none.pdf")])
    _, err = capsys.readouterr()
    assert code == 1 and "没有设定年度目标" in err and not (tmp_path / "none.pdf").exists()
