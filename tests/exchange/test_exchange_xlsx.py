"""Excel workbooks: layout, round trip, cells typed as text, refused cells named, formulas, LibreOffice."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from jzhealth_desktop.domain.catalogue import Rate
from jzhealth_desktop.services.exchange import FileRefused, build_preview, commit_import
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook, export_workbook
from jzhealth_desktop.services.exchange.xlsx_import import read_workbook, read_workbook_file
from jzhealth_desktop.services.forms import read_form
from jzhealth_desktop.store import repo

from .conftest import COUNTY, YEAR, file_sha


def _row_of(ws, code: str) -> int:
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, 1).value == code:
            return row
    raise AssertionError(code)


def _edited(data: bytes, edits: dict[tuple[str, str], object]) -> bytes:
    """The workbook with cells set, by (sheet, indicator code) → value in the first org column (D)."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for (sheet, code), value in edits.items():
        ws = wb[sheet]
        ws.cell(_row_of(ws, code), 4).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_workbook_layout(county_ctx):
    data, count = build_workbook(county_ctx, COUNTY, YEAR)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cat = county_ctx.catalogue
    assert wb.sheetnames == ["封面"] + [d.name for d in cat.domains]
    cover = {r[0]: r[1] for r in wb["封面"].iter_rows(values_only=True)}
    assert cover["单位"] == "解放区" and cover["单位代码"] == COUNTY and cover["年度"] == YEAR and cover["导出时间"]
    ws = wb["医养结合"]
    assert [c.value for c in ws[1]] == ["代码", "指标", "单位", "解放区（410802）", "说明（410802）"]
    assert ws.freeze_panes == "D2"
    assert ws.column_dimensions["A"].hidden and ws.protection.sheet
    assert ws.column_dimensions["B"].width >= 2 * len("符合政策兜底人员入住率")
    beds = _row_of(ws, "ec_beds")
    assert ws.cell(beds, 3).value == "张" and ws.cell(beds, 4).value == 260
    assert ws.cell(beds, 5).value == "新建两家医养中心，床位增加"
    assert not ws.cell(beds, 4).protection.locked and ws.cell(beds, 1).protection.locked
    rate = _row_of(ws, "ec_admission_rate")
    assert isinstance(cat.items["ec_admission_rate"], Rate)
    assert isinstance(ws.cell(rate, 4).value, (int, float)) and ws.cell(rate, 4).data_type == "n"  # a value
    money = ws.cell(_row_of(ws, "ec_investment"), 4)
    assert money.number_format == "#,##0.00"
    with county_ctx.db.read() as session:
        assert count == len(repo.load_values(session, COUNTY, YEAR))


def test_round_trip_county_workbook_into_city(county_ctx, city_ctx):
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    incoming = read_workbook(data, city_ctx.catalogue, "解放区.xlsx")
    assert incoming.source.startswith("excel:")
    result = commit_import(city_ctx, build_preview(city_ctx, incoming))
    assert result.changed == len(incoming.values)
    for dom in county_ctx.catalogue.domains:
        mine, theirs = read_form(county_ctx, COUNTY, YEAR, dom.code), read_form(city_ctx, COUNTY, YEAR, dom.code)
        assert (theirs.values, theirs.comments) == (mine.values, mine.comments), dom.code
    again = build_preview(city_ctx, read_workbook(data, city_ctx.catalogue))
    assert again.nothing_to_do


def test_city_workbook_round_trip(demo_ctx, city_ctx):
    data, count = build_workbook(demo_ctx, demo_ctx.city.code, YEAR)
    incoming = read_workbook(data, city_ctx.catalogue)
    assert len(incoming.values) == count
    commit_import(city_ctx, build_preview(city_ctx, incoming))
    for unit in [demo_ctx.city] + demo_ctx.counties():
        with demo_ctx.db.read() as a, city_ctx.db.read() as b:
            assert {c: v.value for c, v in repo.load_values(a, unit.code, YEAR).items()} == \
                   {c: v.value for c, v in repo.load_values(b, unit.code, YEAR).items()}


def test_cells_typed_as_text_are_read_as_the_number_they_show(county_ctx, city_ctx):
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    edited = _edited(data, {("医养结合", "ec_beds"): "２６１", ("医养结合", "ec_eligible"): " 1,234 ",
                            ("医养结合", "ec_investment"): 8465.01, ("医养结合", "ec_centers"): "5 "})
    incoming = read_workbook(edited, city_ctx.catalogue)
    commit_import(city_ctx, build_preview(city_ctx, incoming))
    values = read_form(city_ctx, COUNTY, YEAR, "eldercare").values
    assert values["ec_beds"] == 261 and values["ec_eligible"] == 1234 and values["ec_centers"] == 5
    assert values["ec_investment"] == Decimal("8465.01") and str(values["ec_investment"]) == "8465.01"


@pytest.mark.parametrize("value,message", [
    (-5, "「医养床位数」不能为负数"),
    ("很多", "“很多”不是数字"),
    ("2.5", "必须是整数"),
    (True, "逻辑值"),
    ("#DIV/0!", "错误值"),
])
def test_refused_cell_is_named_by_sheet_and_reference(value, message, county_ctx, city_ctx, city_path, snapshot):
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    row = _row_of(openpyxl.load_workbook(io.BytesIO(data))["医养结合"], "ec_beds")
    edited = _edited(data, {("医养结合", "ec_beds"): value})
    before = snapshot(city_path)
    with pytest.raises(FileRefused) as caught:
        commit_import(city_ctx, build_preview(city_ctx, read_workbook(edited, city_ctx.catalogue)))
    assert f"医养结合!D{row}：" in caught.value.zh and message in caught.value.zh, caught.value.zh
    assert snapshot(city_path) == before


def test_formula_without_cached_value_is_refused(county_ctx, city_ctx):
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    edited = _edited(data, {("医养结合", "ec_beds"): "=200+61"})
    with pytest.raises(FileRefused, match="是公式，但文件中没有保存计算结果"):
        read_workbook(edited, city_ctx.catalogue)


def test_not_a_workbook_is_refused(city_ctx, tmp_path):
    with pytest.raises(FileRefused, match="不是 zip"):
        read_workbook(b"hello", city_ctx.catalogue, "x.xlsx")
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "not a workbook")
    with pytest.raises(FileRefused, match="不是有效的 Excel 工作簿"):
        read_workbook(buffer.getvalue(), city_ctx.catalogue, "x.xlsx")
    wb = openpyxl.Workbook()
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(FileRefused, match="没有“封面”工作表"):
        read_workbook(out.getvalue(), city_ctx.catalogue, "x.xlsx")


LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
needs_libreoffice = pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed (CI installs it)")


def _libreoffice(args: list[str], tmp_path: Path) -> None:
    profile = (tmp_path / "lo-profile").resolve().as_uri()
    subprocess.run([LIBREOFFICE, f"-env:UserInstallation={profile}", "--headless", *args],
                   check=True, capture_output=True, cwd=tmp_path)


@needs_libreoffice
def test_libreoffice_reads_the_exported_workbook(county_ctx, tmp_path):
    path = tmp_path / "county.xlsx"
    export_workbook(county_ctx, COUNTY, YEAR, path)
    _libreoffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                  "--outdir", str(tmp_path / "csv"), str(path)], tmp_path)
    sheet = tmp_path / "csv" / "county-医养结合.csv"
    rows = {r[0]: r for r in csv.reader(sheet.read_text(encoding="utf-8").splitlines())}
    form = read_form(county_ctx, COUNTY, YEAR, "eldercare")
    assert rows["ec_beds"][3].replace(",", "") == str(form.values["ec_beds"])
    assert rows["ec_investment"][3].replace(",", "") == str(form.values["ec_investment"])
    assert rows["ec_beds"][4] == form.comments["ec_beds"]
    assert rows["ec_admission_rate"][3] == str(form.rates["ec_admission_rate"])


@needs_libreoffice
def test_workbook_saved_by_libreoffice_imports_back_with_formula_results(county_ctx, city_ctx, tmp_path):
    data, _ = build_workbook(county_ctx, COUNTY, YEAR)
    source = tmp_path / "in" / "county.xlsx"
    source.parent.mkdir()
    source.write_bytes(_edited(data, {("医养结合", "ec_beds"): "=200+61"}))
    _libreoffice(["--convert-to", "xlsx", "--outdir", str(tmp_path / "out"), str(source)], tmp_path)
    saved = tmp_path / "out" / "county.xlsx"
    incoming = read_workbook_file(saved, city_ctx.catalogue)
    commit_import(city_ctx, build_preview(city_ctx, incoming))
    city = read_form(city_ctx, COUNTY, YEAR, "eldercare")
    county = read_form(county_ctx, COUNTY, YEAR, "eldercare")
    assert city.values == {**county.values, "ec_beds": 261}
    assert city.comments == county.comments
    assert file_sha(saved) != file_sha(source)  # really LibreOffice's file, not ours
