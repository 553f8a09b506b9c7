from decimal import Decimal

from jzhealth_desktop.domain.catalogue import load_catalogue
from jzhealth_desktop.domain.phrasing import render
from jzhealth_desktop.paths import catalogue_dir

CAT = load_catalogue(catalogue_dir())


def test_a_zero_case_count_reads_as_no_cases_reported():
    item = CAT.items["imm_diphtheria_cases"]
    assert render(item, 0) == "白喉无病例报告"
    assert render(item, 3) == "白喉病例3例"
    assert render(item, None) is None


def test_phrase_styles_from_the_catalogue():
    assert render(CAT.items["ec_centers"], 42) == "建成医养中心42家"
    assert render(CAT.items["tm_center_investment"], Decimal("2030.00")) == "远程医学分中心累计投资2000余万元"
    assert render(CAT.items["imm_polio_cases"], 0, streak=22) == "连续22年维持无脊髓灰质炎状态"
