"""Approved figures stay as approved through the package and Excel paths too."""

import pytest

from jzhealth_desktop.services import workflow
from jzhealth_desktop.services.context import open_context
from jzhealth_desktop.services.exchange import build_package, build_preview, commit_import, read_package
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook
from jzhealth_desktop.services.exchange.xlsx_import import read_workbook
from jzhealth_desktop.services.forms import read_form, save_form

from .conftest import OWN, YEAR, _copy


@pytest.mark.parametrize("path", ["package", "excel"])
def test_import_cannot_change_approved_figures(flow_path, tmp_path, path):
    county = open_context(str(_copy(flow_path, tmp_path / "county.sqlite")))
    save_form(county, OWN, YEAR, "eldercare", {"ec_signed_rural": "777"}, {"ec_signed_rural": "县里改的"})
    data = build_package(county, OWN, [YEAR]) if path == "package" else build_workbook(county, OWN, YEAR)[0]
    county.close()
    city = open_context(str(flow_path), user="rev")
    before = read_form(city, OWN, YEAR, "eldercare").values["ec_signed_rural"]
    workflow.submit(city, OWN, YEAR, "eldercare")
    workflow.approve(city, OWN, YEAR, "eldercare")
    incoming = read_package(data) if path == "package" else read_workbook(data, city.catalogue)
    preview = build_preview(city, incoming)
    locked = [i for i in preview.conflicts() if i.kind == "value" and i.code == "ec_signed_rural"]
    assert locked and "审核通过并锁定" in locked[0].reason
    commit_import(city, preview, confirmed_key=preview.signer.fingerprint if preview.signer else None)
    assert read_form(city, OWN, YEAR, "eldercare").values["ec_signed_rural"] == before != 777
    city.close()
