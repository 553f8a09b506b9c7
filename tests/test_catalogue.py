import shutil
from pathlib import Path

import pytest

from jzhealth_desktop.domain.catalogue import CatalogueError, Indicator, Rate
from jzhealth_desktop.store.catalogue_files import load_catalogue
from jzhealth_desktop.paths import catalogue_dir
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.forms import read_form, save_form

NAMED = ("immunization", "eldercare", "telemedicine")


def test_shipped_catalogue_is_consistent():
    cat = load_catalogue(catalogue_dir())
    assert [d.code for d in cat.domains][:3] == list(NAMED)
    assert len(cat.domains) >= 10
    for rate in cat.rates():
        assert isinstance(cat.items[rate.numerator], Indicator)
        assert rate.factor in (100, 1000, 100000)
    for ind in cat.indicators():
        assert ind.name and ind.name_en and ind.unit, ind.code


def test_named_domains_hold_what_a_clerk_keys_in():
    cat = load_catalogue(catalogue_dir())
    expected = {
        "immunization": {"imm_clinics", "imm_demo_clinics", "imm_digital_clinics", "imm_units", "imm_units_covered",
                         "imm_rural_due", "imm_rural_given", "imm_urban_due", "imm_urban_given", "imm_measles_cases"},
        "eldercare": {"ec_centers", "ec_beds", "ec_signed_institutions", "ec_signed_daycare", "ec_signed_rural",
                      "ec_eligible", "ec_admitted"},
        "telemedicine": {"tm_sites", "tm_units_connected", "tm_primary_connected", "tm_hospitals_connected",
                         "tm_consultations", "tm_center_investment"},
    }
    for domain, codes in expected.items():
        assert codes <= set(cat.domain(domain).codes)


def _copy_catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(catalogue_dir(), folder)
    return folder


def test_new_indicator_in_toml_needs_no_code_change(tmp_path, monkeypatch):
    folder = _copy_catalogue(tmp_path)
    with open(folder / "20-eldercare.toml", "a", encoding="utf-8") as fh:
        fh.write('\n[[section]]\ncode = "staff"\nname = "医养人员"\nname_en = "Staff"\n'
                 'indicator = [ { code = "ec_nurses", name = "护理人员数", name_en = "Nurses", unit = "名" } ]\n')
    monkeypatch.setenv("JZHEALTH_CATALOGUE", str(folder))
    cat = load_catalogue(folder)
    ctx = open_context(str(tmp_path / "s.sqlite"), catalogue=cat)
    try:
        save_form(ctx, "410821", 2021, "eldercare", {"ec_nurses": "37"})
        assert read_form(ctx, "410821", 2021, "eldercare").values["ec_nurses"] == 37
    finally:
        ctx.close()


@pytest.mark.parametrize("addition, message", [
    ('\n[[rule]]\ncode = "x"\ncheck = "ec_beds <= nope"\nzh = "x"\nen = "x"\n', "nope"),
    ('\n[[rule]]\ncode = "x"\ncheck = "ec_beds ~ ec_centers"\nzh = "x"\nen = "x"\n', "form"),
    ('\n[[section]]\ncode = "d"\nname = "d"\nname_en = "d"\nindicator = [ { code = "ec_beds", name = "x", name_en = "x" } ]\n', "duplicate"),
    ('\n[[section]]\ncode = "d"\nname = "d"\nname_en = "d"\nrate = [ { code = "r1", name = "x", name_en = "x", numerator = "ec_beds", denominator = "zz" } ]\n', "zz"),
])
def test_inconsistent_catalogue_is_reported(tmp_path, addition, message):
    folder = _copy_catalogue(tmp_path)
    with open(folder / "20-eldercare.toml", "a", encoding="utf-8") as fh:
        fh.write(addition)
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(folder)


def test_rates_are_not_enterable_items():
    cat = load_catalogue(catalogue_dir())
    assert all(isinstance(r, Rate) and r.derived for r in cat.rates())
