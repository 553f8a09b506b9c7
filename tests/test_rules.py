from jzhealth_desktop.store.catalogue_files import load_catalogue
from jzhealth_desktop.domain.rules import HARD, MISSING, SOFT, check
from jzhealth_desktop.paths import catalogue_dir

CAT = load_catalogue(catalogue_dir())


def test_part_greater_than_whole_is_hard():
    issues = check(CAT, {"imm_clinics": 10, "imm_demo_clinics": 11}, codes=["imm_clinics", "imm_demo_clinics"])
    assert [i.severity for i in issues if i.code == "imm_demo_clinics"] == [HARD]
    assert "不能大于" in issues[0].zh


def test_catalogue_rule_digital_le_clinics():
    issues = check(CAT, {"imm_clinics": 10, "imm_digital_clinics": 12}, codes=["imm_digital_clinics"])
    assert any(i.rule == "imm_digital_le_clinics" and i.severity == HARD for i in issues)


def test_deaths_above_live_births_and_infant_above_under5():
    values = {"mch_live_births": 10, "mch_infant_deaths": 12, "mch_under5_deaths": 11}
    rules = {i.rule for i in check(CAT, values, codes=list(values)) if i.severity == HARD}
    assert "cap:mch_infant_mortality" in rules and "mch_infant_le_under5" in rules


def test_negative_is_hard_and_required_missing_is_not():
    issues = check(CAT, {"ec_beds": -1}, codes=["ec_beds", "ec_centers"])
    assert {(i.code, i.severity) for i in issues} == {("ec_beds", HARD), ("ec_centers", MISSING)}


def test_big_change_on_last_year_is_soft():
    issues = check(CAT, {"ec_beds": 300}, {"ec_beds": 100}, codes=["ec_beds"])
    assert [i.severity for i in issues] == [SOFT]
    assert "+200.0%" in issues[0].zh
    assert check(CAT, {"ec_beds": 120}, {"ec_beds": 100}, codes=["ec_beds"]) == []


def test_sum_rule_with_many_terms():
    parts = {"pj_central_city_hospitals": 3, "pj_central_county_tcm": 4, "pj_central_community": 3,
             "pj_central_township": 8, "pj_central_county_cdc": 2, "pj_central_county_mch": 6,
             "pj_central_village": 100}
    assert check(CAT, {**parts, "pj_central_total": 126}, codes=["pj_central_total"]) == []
    bad = check(CAT, {**parts, "pj_central_total": 125}, codes=["pj_central_total"])
    assert bad and bad[0].rule == "pj_central_parts"
