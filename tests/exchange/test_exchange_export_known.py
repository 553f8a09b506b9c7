"""The export leaves out stored values of indicators the exporter's catalogue no longer has (checked on the
codes' set first, the rows filtered only when one is missing)."""

from __future__ import annotations

import json
from dataclasses import replace

from jzhealth_desktop.services.exchange import build_package

from .conftest import COUNTY, YEAR, members_of


def exported_codes(ctx) -> list[str]:
    return [r["code"] for r in json.loads(members_of(build_package(ctx, COUNTY, [YEAR]))["values.json"])]


def test_values_of_indicators_the_catalogue_dropped_are_left_out(county_ctx, monkeypatch):
    every = exported_codes(county_ctx)
    assert "ec_beds" in every
    # a copy without it: the context's catalogue is the process-wide shipped one, which other tests read in order
    cat = county_ctx.catalogue
    dropped = replace(cat, items={code: item for code, item in cat.items.items() if code != "ec_beds"})
    monkeypatch.setattr(county_ctx, "catalogue", dropped)
    assert exported_codes(county_ctx) == [c for c in every if c != "ec_beds"]
