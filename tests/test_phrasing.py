"""Phrases and numbers as the pages print them: honest 余/近, no boasting of zero, one unit, measure words,
points for changes of rates, county wording, streaks only from the catalogue's start year."""

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from jzhealth_desktop.store.catalogue_files import load_catalogue
from jzhealth_desktop.domain.numbers import (APPROX_TOLERANCE, approx_implied, format_cell, format_change_words,
                                             format_difference, format_item, format_money, format_relative,
                                             round_figure)
from jzhealth_desktop.domain.phrasing import default_phrase, render, render_met, render_target, trend
from jzhealth_desktop.paths import catalogue_dir

CAT = load_catalogue(catalogue_dir())

# Money as it is stored: 万元 with two decimals, from 0.01万元 to a 16-digit figure.
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999999999.99"), places=2)


def test_a_zero_case_count_reads_as_no_cases_reported():
    item = CAT.items["imm_diphtheria_cases"]
    assert render(item, 0) == "白喉无病例报告"
    assert render(item, 3) == "白喉病例3例"
    assert render(item, None) is None


def test_phrase_styles_from_the_catalogue():
    assert render(CAT.items["ec_centers"], 42) == "建成医养中心42家"
    assert render(CAT.items["tm_center_investment"], Decimal("2030.00")) == "远程医学分中心累计投资2000余万元"
    assert render(CAT.items["imm_polio_cases"], 0, streak=22) == "连续22年维持无脊髓灰质炎状态"


# --- 余 / 近 -------------------------------------------------------------------------------------------

def test_the_pages_round_figures_and_the_issues_counterexamples():
    assert format_money(Decimal("20300"), "万元", "over") == "2亿余元"  # 2.03亿
    assert format_money(Decimal("696000"), "万元", "under") == "近70亿元"  # 69.6亿
    assert format_money(Decimal("2030"), "万元", "over") == "2000余万元"
    assert format_money(Decimal("1605.07"), "万元", "over") == "1600余万元"  # not 1000余万元 (38 % under)
    assert format_money(Decimal("110"), "万元", "under") == "110万元"  # not 近200万元
    assert format_money(Decimal("1690"), "万元", "over") == "1690万元"  # 1600余 would be 5.3 % off
    assert format_money(Decimal("2000"), "万元", "over") == "2000万元"  # exactly round: no 余
    assert format_money(Decimal("9990"), "万元", "under") == "近1亿元"
    assert format_money(Decimal("0"), "万元", "over") == "0万元"


@settings(deadline=None)  # no wall-clock limits: the machine is shared
@given(money, st.sampled_from(["over", "under"]))
@example(Decimal("1605.07"), "over")
@example(Decimal("110"), "under")
@example(Decimal("20300"), "over")
@example(Decimal("696000"), "under")
def test_an_approximate_phrase_is_within_the_tolerance_and_on_the_right_side(value, style):
    text = format_money(value, "万元", style)
    yuan = value * 10000
    implied = approx_implied(text)
    if implied is None:  # no honest round figure: the exact amount is printed
        assert "余" not in text and "近" not in text
        assert text == format_money(value, "万元", "exact")
        return
    side, figure = implied
    assert side == style
    assert abs(yuan - figure) <= yuan * APPROX_TOLERANCE
    if side == "over":
        assert figure < yuan  # 余: the value is above its round figure, never below
    else:
        assert figure > yuan  # 近: the value is below its round figure, never above


@settings(deadline=None)
@given(money, st.sampled_from(["over", "under"]))
def test_round_figure_is_honest_for_any_value(value, style):
    figure = round_figure(value, style)
    if figure is not None:
        assert abs(value - figure) <= value * APPROX_TOLERANCE
        assert (figure < value) if style == "over" else (figure > value)


@settings(deadline=None)
@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2))
def test_money_in_yuan_is_honest_too(value):
    for style in ("over", "under"):
        implied = approx_implied(format_money(value, "元", style))
        if implied:
            assert abs(value - implied[1]) <= value * APPROX_TOLERANCE


# --- clauses -------------------------------------------------------------------------------------------

ZERO_SILENT = [i for i in CAT.indicators() if not i.zero_phrase and "{streak" not in (i.phrase or "")]


@pytest.mark.parametrize("item", ZERO_SILENT, ids=lambda i: i.code)
def test_a_zero_figure_makes_no_clause(item):
    assert render(item, 0) is None
    assert render(item, 0, county=True) is None


def test_a_zero_rate_is_stated_as_the_pages_do():
    assert render(CAT.items["imm_measles_incidence"], Decimal(0)) == "麻疹发病率为0"


@pytest.mark.parametrize("item", list(CAT.items.values()), ids=lambda i: i.code)
def test_every_clause_has_one_unit_and_its_measure_word(item):
    value = Decimal("0.5") if item.unit == "万平方米" else (2017 if item.unit == "年" else 2122)
    if "{streak" in item.phrase:
        value = 0
    clause = render(item, value, streak=5)
    assert clause
    unit = "年" if "{streak" in item.phrase else item.unit  # 连续5年: the streak's unit is the year
    if unit:
        assert unit in clause  # 2122 → 2122人, never a bare count
        assert unit + unit not in clause
        # 病例 2122例, 房间 2122间, 病种 2122种: the character before the figure is the noun's own
        doubled = f"{unit}{value}{unit}" in clause and not any(noun + str(value) in clause
                                                               for noun in ("病例", "房间", "病种"))
        assert not doubled, clause


def test_a_unit_closing_the_name_is_written_once():
    assert render(CAT.items["tm_consultations"], 6840) == "远程会诊6840例次"
    # one character closing a noun is the noun's, not the unit: 隔离房间, 大病专项救治病种
    assert default_phrase(CAT.items["ep_quarantine_rooms"]) == "隔离房间{value}"


def test_bare_keeps_the_measure_word_below_wan():
    item = CAT.items["hp_lifted"]
    assert render(item, 26900) == "2.69万因病致贫群众全部脱贫"
    assert render(item, 2122) == "2122人因病致贫群众全部脱贫"
    assert format_item(item, 9999, "wan", bare=True) == "9999人"


def test_county_pages_do_not_speak_of_counties():
    item = CAT.items["tm_county_connected"]
    assert render(item, 11) == "远程诊疗系统联通11个县（市、区）"
    assert render(item, 1, county=True) == "已联通远程诊疗系统"
    assert render(CAT.items["dc_endemic_standard"], 1, county=True) == "完成地方病防治规范化建设"
    for item in CAT.items.values():
        if getattr(item, "level", "county") == "county" and "{streak" not in item.phrase:
            clause = render(item, 1, county=True)
            assert clause is None or "县（市、区）" not in clause, item.code


def test_a_streak_needs_the_catalogues_start_year_and_a_zero():
    polio = CAT.items["imm_polio_cases"]
    assert polio.streak_from == 2000
    assert render(polio, 0, streak=None) is None
    assert render(polio, 0, streak=0) is None
    assert render(polio, 1, streak=22) is None


def test_qualifier_is_kept():
    assert render(CAT.items["pj_projects"], 63) == "“十三五”以来实施卫生健康建设项目63个"


# --- changes and comparisons ----------------------------------------------------------------------------

def test_changes_of_rates_are_in_points():
    infant = CAT.items["mch_infant_mortality"]
    assert format_change_words(infant, Decimal("1.70"), Decimal("1.48")) == "比上年下降0.22个千分点"
    coverage = CAT.items["ins_coverage"]
    assert format_change_words(coverage, Decimal("93.1"), Decimal("96.6")) == "比上年提高3.5个百分点"
    assert format_difference(infant, Decimal("1.70"), Decimal("1.48")) == "-0.22个千分点"
    assert format_difference(coverage, Decimal("93.1"), Decimal("96.6")) == "+3.50个百分点"
    assert "‰" not in format_change_words(infant, Decimal("2"), Decimal("1"))


def test_zero_to_zero_is_no_change_not_missing():
    maternal = CAT.items["mch_maternal_mortality"]
    assert format_difference(maternal, Decimal(0), Decimal(0)) == "0"
    assert format_relative(0, 0) == "0"
    assert format_relative(None, 0) == "暂无数据"


def test_table_cells_keep_fixed_decimals_per_item():
    infant = CAT.items["mch_infant_mortality"]
    assert [format_cell(infant, Decimal(v)) for v in ("1.7", "1.48", "0")] == ["1.70‰", "1.48‰", "0.00‰"]
    assert format_cell(CAT.items["ec_admission_rate"], Decimal("91.2")) == "91.2%"
    assert format_cell(CAT.items["ec_centers"], 42) == "42家"
    assert format_cell(CAT.items["dc_capacity_investment"], Decimal("8465.1")) == "8465.10万元"
    assert format_cell(CAT.items["ec_centers"], None) == "暂无数据"


@settings(deadline=None)
@given(st.decimals(min_value=0, max_value=1000, places=2), st.decimals(min_value=0, max_value=1000, places=2))
def test_a_change_in_a_table_has_the_columns_decimals(old, new):
    text = format_difference(CAT.items["mch_infant_mortality"], old, new)
    assert text == "0" or text.split(".")[1][:2].isdigit() and text.endswith("个千分点")


def test_a_trend_names_both_years_and_never_claims_the_years_between():
    infant = CAT.items["mch_infant_mortality"]
    assert trend(infant, 2019, Decimal("2.1"), 2023, Decimal("1.48")) == "婴儿死亡率由2019年的2.1‰降至2023年的1.48‰"
    assert trend(infant, 2016, Decimal(0), 2021, Decimal(0)) == "婴儿死亡率2016年和2021年均为0"
    assert trend(infant, 2021, Decimal(1), 2021, Decimal(2)) is None


def test_targets_read_as_the_plan_page_words_them():
    assert render_target(CAT.items["ncms_subsidy"], 320, ">=") == "人均财政补助标准提高到320元"
    assert render_target(CAT.items["ncms_enrolment_rate"], 98, ">=") == "确保参合率达到98%以上"
    assert render_target(CAT.items["ncms_major_ratio"], 70, "~") == "重大疾病实际补偿比例提高到70%左右"
    assert render_target(CAT.items["pj_total_investment"], 96800, "=") == "总投资9.68亿元"
    assert render_target(CAT.items["ec_centers"], 50, ">=") == "医养中心达到50家以上"


def test_a_met_target_is_worded_as_the_page_does_and_only_when_met():
    item = CAT.items["ins_coverage"]
    assert render_met(item, Decimal("96.6"), (96, ">=")) == "基本医疗保险参保率稳定在96%以上"
    assert render_met(item, Decimal("95.9"), (96, ">=")) is None
    assert render_met(item, Decimal("96.6"), None) is None


# --- the catalogue's wording fields ---------------------------------------------------------------------

def _catalogue_with(tmp_path, old: str, new: str):
    import shutil

    from jzhealth_desktop.domain.catalogue import CatalogueError

    folder = tmp_path / "catalogue"
    shutil.copytree(catalogue_dir(), folder)
    path = folder / "30-telemedicine.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder, CatalogueError


def test_city_wording_without_a_county_phrase_is_refused(tmp_path):
    folder, error = _catalogue_with(tmp_path, ', county_phrase = "已联通远程诊疗系统"', "")
    with pytest.raises(error, match="county_phrase"):
        load_catalogue(folder)


def test_an_unknown_field_in_a_wording_template_is_refused(tmp_path):
    folder, error = _catalogue_with(tmp_path, 'county_phrase = "已联通远程诊疗系统"', 'county_phrase = "已联通{count}"')
    with pytest.raises(error, match="unknown field"):
        load_catalogue(folder)
