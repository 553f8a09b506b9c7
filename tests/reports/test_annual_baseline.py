"""Comparisons against an earlier year: any year the store holds, chosen by default or given as the
report option ``baseline_year``; a year without data is refused in one line and nothing is written."""

from __future__ import annotations

import pytest

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.reports import build_report
from jzhealth_desktop.reports.narrative import domain_paragraph, section_sentences
from jzhealth_desktop.services.forms import save_values
from jzhealth_desktop.services.reporting import gather

from .conftest import XIUWU, flat, page_texts

BIRTHS_2019 = {"mch_live_births": 2000, "mch_infant_deaths": 6, "mch_under5_deaths": 8, "mch_maternal_deaths": 1}
BIRTHS_2023 = {"mch_live_births": 1600, "mch_infant_deaths": 2, "mch_under5_deaths": 4, "mch_maternal_deaths": 0}


@pytest.fixture
def two_years(ctx):
    """Data for 2019 and 2023 only (comments for the year-on-year warnings)."""
    save_values(ctx, XIUWU, 2019, BIRTHS_2019)
    save_values(ctx, XIUWU, 2023, BIRTHS_2023, {code: "测试数据" for code in BIRTHS_2023})
    return ctx


def test_the_comparison_uses_whatever_earlier_year_the_store_holds(two_years):
    data = gather(two_years, 2023, XIUWU)
    assert data.baseline_year == 2019
    text = "".join(section_sentences(data, data.catalogue.domain("maternal")))
    assert "婴儿死亡率、5岁以下儿童死亡率和孕产妇死亡率由2019年的3‰、4‰和50/10万，分别降至2023年的1.25‰、2.5‰和0" in text
    city = gather(two_years, 2023)
    assert city.baseline_year == 2019
    assert "由2019年的3‰" in "".join(section_sentences(city, city.catalogue.domain("maternal")))


def test_the_default_looks_five_years_back_when_that_year_has_data(own_ctx):
    assert gather(own_ctx, 2020, XIUWU).baseline_year == 2015  # 2015, 2019 and 2020 are held
    assert gather(own_ctx, 2019, XIUWU).baseline_year == 2015  # nothing 5 years back: the earliest held
    assert gather(own_ctx, 2015, XIUWU).baseline_year is None  # nothing earlier: no comparison


def test_no_earlier_year_prints_no_comparison(ctx):
    save_values(ctx, XIUWU, 2021, BIRTHS_2019)
    data = gather(ctx, 2021, XIUWU)
    assert data.baseline_year is None
    text = "".join(section_sentences(data, data.catalogue.domain("maternal")))
    assert "由" not in text and "婴儿死亡率为3‰" in text


def test_the_baseline_year_is_an_option_of_the_report(two_years, tmp_path):
    save_values(two_years, XIUWU, 2021, {"mch_live_births": 1800, "mch_infant_deaths": 9, "mch_under5_deaths": 10,
                                         "mch_maternal_deaths": 0, "ec_centers": 5},
                {code: "测试数据" for code in ("mch_infant_deaths", "mch_maternal_deaths")})
    assert gather(two_years, 2023, XIUWU).baseline_year == 2019
    data = gather(two_years, 2023, XIUWU, baseline_year=2021)
    assert data.baseline_year == 2021
    paragraph = domain_paragraph(data, data.catalogue.domain("maternal"))
    assert "婴儿死亡率由2021年的5‰降至2023年的1.25‰" in paragraph
    out = build_report(two_years, "annual", 2023, XIUWU, tmp_path / "a.pdf", {"baseline_year": 2021})
    assert "婴儿死亡率由2021年的5‰降至2023年的1.25‰" in flat("".join(page_texts(out)))
    out = build_report(two_years, "special", 2023, XIUWU, tmp_path / "s.pdf", {"baseline_year": "2021"})
    assert "由2021年的" in flat("".join(page_texts(out)))


def test_a_count_is_compared_too(own_ctx):
    data = gather(own_ctx, 2020, XIUWU)
    assert "医养中心数由2015年的3家增至2020年的7家" in domain_paragraph(data, data.catalogue.domain("eldercare"))


@pytest.mark.parametrize("baseline, words", [
    (2017, "比较基准年份2017年没有修武县的数据（有数据的更早年份：2015年、2019年）"),
    (2020, "比较基准年份2020年须早于报表年份2020年"),
    (2024, "比较基准年份2024年须早于报表年份2020年"),
    ("twenty", "比较基准年份“twenty”不是有效年份"),
    (1900, "比较基准年份“1900”不是有效年份"),
])
def test_a_baseline_without_data_is_refused_in_one_line_and_nothing_is_written(own_ctx, store_path, snapshot,
                                                                               tmp_path, baseline, words):
    before = snapshot(store_path)
    with pytest.raises(InputError) as refused:
        gather(own_ctx, 2020, XIUWU, baseline_year=baseline)
    assert words in str(refused.value) and "\n" not in str(refused.value)
    out = tmp_path / "refused.pdf"
    with pytest.raises(InputError):
        build_report(own_ctx, "annual", 2020, XIUWU, out, {"baseline_year": baseline})
    assert not out.exists() and list(tmp_path.glob("*.part")) == []
    assert snapshot(store_path) == before
