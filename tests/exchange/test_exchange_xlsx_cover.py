"""Excel numbers read only as written (issue 13): a cover year 2021.9 and a repeated column header are refused,
naming the cell, and the store is unchanged. Both were taken silently before (2021, and the later column)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from jzhealth_desktop.services.exchange import FileRefused, build_preview
from jzhealth_desktop.services.exchange.xlsx_export import build_workbook
from jzhealth_desktop.services.exchange.xlsx_import import read_workbook

from .conftest import COUNTY, YEAR, file_sha


def _saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cover_year(data: bytes, year) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["封面"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "年度")
    ws.cell(row, 2).value = year
    return _saved(wb)


@pytest.mark.parametrize("year,message", [(2021.9, "封面!B4：年度“2021.9”不是整数年份"),
                                          (1999, "封面的年度无效（封面!B4）")])
def test_cover_year_must_be_a_whole_year(year, message, county_ctx, city_ctx, city_path, snapshot):
    data = _cover_year(build_workbook(county_ctx, COUNTY, YEAR)[0], year)
    before_sha, before = file_sha(city_path), snapshot(city_path)
    with pytest.raises(FileRefused) as caught:
        build_preview(city_ctx, read_workbook(data, city_ctx.catalogue))
    assert message in caught.value.zh
    assert file_sha(city_path) == before_sha and snapshot(city_path) == before


def test_cover_year_written_as_float_whole_is_read(county_ctx):
    data = _cover_year(build_workbook(county_ctx, COUNTY, YEAR)[0], float(YEAR))
    assert read_workbook(data, county_ctx.catalogue).years == [YEAR]


@pytest.mark.parametrize("column", [4, 5])  # the value column 「解放区（410802）」, the comment column 「说明（410802）」
def test_repeated_column_header_is_refused(column, county_ctx, city_ctx, city_path, snapshot):
    wb = openpyxl.load_workbook(io.BytesIO(build_workbook(county_ctx, COUNTY, YEAR)[0]))
    ws = wb["医养结合"]
    header = ws.cell(1, column).value
    ws.protection.sheet = False
    ws.cell(1, ws.max_column + 1).value = header  # a copy of the column pasted at the end, with other figures
    before = snapshot(city_path)
    with pytest.raises(FileRefused) as caught:
        read_workbook(_saved(wb), city_ctx.catalogue)
    letter = openpyxl.utils.get_column_letter(column)
    assert f"医养结合!{openpyxl.utils.get_column_letter(ws.max_column)}1" in caught.value.zh
    assert f"“{header}”与 {letter} 列重复" in caught.value.zh
    assert snapshot(city_path) == before
