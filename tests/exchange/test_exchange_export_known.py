"""The export leaves out stored values of indicators the exporter's catalogue no longer has (checked on the
codes' set first, the rows filtered only when one is missing)."""

from __future__ import annotations

import json

from jzhealth_desktop.services.exchange import build_package

from .conftest import COUNTY, YEAR, members_of


def exported_codes(ctx) -> list[str]:
    return [r["code"] for r in json.loads(members_of(build_package(ctx, COUNTY, [YEAR]))["values.json"])]


def test_values_of_indicators_the_catalogue_dropped_are_left_out(county_ctx, monkeypatch):
    every = exported_codes(county_ctx)
    assert "ec_beds" in every
    monkeypatch.delitem(county_ctx.catalogue.items, "ec_beds")
    assert exported_codes(county_ctx) == [c for c in every if c != "ec_beds"]
