"""Read a workbook made from our template back into an ``Incoming`` (then previewed like a package).

The file is vetted as a zip first (names, sizes, ratio) before openpyxl parses
it. Every cell that cannot be read is reported with its sheet and reference
(「医养结合!D7：…」). Formulas are read as the value Excel last calculated, or
refused when the file holds no such value.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from ...domain.catalogue import Catalogue, Indicator
from ...domain.cells import cell_number, cell_text
from ...fileio import read_input_file
from ...domain.errors import InputError
from ...domain.periods import check_year
from ...domain.values import value_text
from .manifest import MAX_FILE
from .records import FileRefused, Incoming, ValueRow, refuse_listing
from .safe_zip import check_entries, check_sizes, open_zip
from .xlsx_layout import (CODE_HEADER, COMMENT_PREFIX, COVER, COVER_CATALOGUE, COVER_ORG_CODE, COVER_YEAR,
                          ORG_HEADER)

MAX_UNPACKED = 200 * 1024 * 1024


def read_workbook_file(path: str | Path, catalogue: Catalogue) -> Incoming:
    path = Path(path)
    try:  # missing, a folder, a device, too large: refused by name before reading
        data = read_input_file(path, MAX_FILE)
    except InputError as exc:
        raise FileRefused(exc.zh, exc.en) from None
    return read_workbook(data, catalogue, path.name)


def _open(data: bytes, name: str, data_only: bool) -> Any:
    import io

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops; not the clerk's concern
            return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise FileRefused(f"“{name}”不是有效的 Excel 工作簿（{type(exc).__name__}）",
                          f"'{name}' is not a valid Excel workbook ({type(exc).__name__}: {exc})") from None


def read_workbook(data: bytes, catalogue: Catalogue, name: str = "工作簿") -> Incoming:
    what = f"工作簿“{name}”"
    with open_zip(data, what) as zf:
        entries = check_entries(zf, what)
        check_sizes(entries, what, max_member=MAX_UNPACKED, max_total=MAX_UNPACKED)
    formulas = _open(data, name, data_only=False)
    try:
        if COVER not in formulas.sheetnames:
            raise FileRefused(f"{what}没有“{COVER}”工作表，不是本程序导出的模板",
                              f"workbook '{name}' has no '{COVER}' sheet; it was not made from this program's template")
        cover: dict[str, Any] = {}
        cover_rows: dict[str, int] = {}
        for row_no, r in enumerate(formulas[COVER].iter_rows(max_col=2, values_only=True), start=1):
            if r and r[0] is not None and len(r) > 1:
                cover[str(r[0]).strip()] = r[1]
                cover_rows[str(r[0]).strip()] = row_no
        org = str(cover.get(COVER_ORG_CODE) or "").strip()
        if not org:
            raise FileRefused(f"{what}的封面缺少“{COVER_ORG_CODE}”", f"workbook '{name}': the cover lacks the org-unit code")
        year_cell = f"{COVER}!B{cover_rows.get(COVER_YEAR, '?')}"
        raw_year = cover.get(COVER_YEAR)
        if isinstance(raw_year, float):  # 2021.0 is 2021; 2021.9 is no year (it was read as 2021)
            if not raw_year.is_integer():
                raise FileRefused(f"{what}的 {year_cell}：年度“{raw_year}”不是整数年份",
                                  f"workbook '{name}', {year_cell}: the year '{raw_year}' is not a whole year")
            raw_year = int(raw_year)
        try:
            year = check_year(raw_year)
        except InputError as exc:
            raise FileRefused(f"{what}封面的年度无效（{year_cell}）：{exc.zh}",
                              f"workbook '{name}': the cover's year ({year_cell}) is invalid: {exc.en}") from None
        cells, has_formula = _cells(formulas, catalogue)
    finally:
        formulas.close()
    cached: dict[tuple[str, str], object] = {}
    if has_formula:
        values_wb = _open(data, name, data_only=True)
        try:
            for sheet, ref in has_formula:
                cached[(sheet, ref)] = values_wb[sheet][ref].value
        finally:
            values_wb.close()
    problems: list[tuple[str, str]] = []
    rows: list[ValueRow] = []
    for sheet, ref, org_code, code, raw, comment, is_formula in cells:
        where = f"{sheet}!{ref}"
        item = catalogue.items.get(code)
        label = f"「{item.name}」" if item else f"“{code}”"
        if is_formula:
            raw = cached.get((sheet, ref))
            if raw is None:
                problems.append((f"{where}：{label}是公式，但文件中没有保存计算结果；请在 Excel 中打开并保存，或直接填写数字",
                                 f"{where}: {code} is a formula without a saved result; open and save it in Excel, or type the number"))
                continue
        try:
            number = cell_number(raw)
        except InputError as exc:
            problems.append((f"{where}：{label}{exc.zh}", f"{where}: {code} {exc.en}"))
            continue
        if number is None:
            continue
        rows.append(ValueRow(org_code, year, code, value_text(number), comment, where))
    if problems:
        raise refuse_listing(f"{what}未导入，{len(problems)} 个单元格无法读取", f"workbook '{name}' not imported, "
                             f"{len(problems)} cell(s) cannot be read", problems)
    return Incoming(kind="excel", sha256=hashlib.sha256(data).hexdigest(), org=org, years=[year],
                    catalogue_version=str(cover.get(COVER_CATALOGUE) or "").strip(), values=rows, name=name)


# (sheet, ref, org, code, raw value, comment, is formula): one filled value cell
_Cell = tuple[str, str, str, str, object, str, bool]


def _cells(wb: Any, catalogue: Catalogue) -> tuple[list[_Cell], list[tuple[str, str]]]:
    """(sheet, ref, org, code, raw value, comment, is formula) for every filled value cell of every domain sheet."""
    from openpyxl.utils import get_column_letter

    found: list[_Cell] = []
    formulas: list[tuple[str, str]] = []
    for ws in wb.worksheets:
        if ws.title == COVER:
            continue
        rows = ws.iter_rows()
        header = next(rows, None)
        if not header or header[0].value != CODE_HEADER:
            continue  # a sheet the clerk added: not ours, left alone
        columns: dict[str, tuple[int | None, int | None]] = {}
        for index, cell in enumerate(header):
            match = ORG_HEADER.match(str(cell.value or "").strip())
            if not match:
                continue
            slot = columns.get(match["code"], (None, None))
            is_comment = match["name"] == COMMENT_PREFIX
            taken = slot[1 if is_comment else 0]
            if taken is not None:  # a second column would silently win over the first
                ref = f"{ws.title}!{get_column_letter(index + 1)}1"
                first = get_column_letter(taken + 1)
                raise FileRefused(f"工作簿的 {ref}：列标题“{cell.value}”与 {first} 列重复，不知道以哪一列为准；请删除其中一列",
                                  f"workbook {ref}: the column header '{cell.value}' repeats column {first}; "
                                  "delete one of them")
            columns[match["code"]] = (slot[0], index) if is_comment else (index, slot[1])
        for row in rows:
            if not row or row[0].value is None:
                continue
            code = str(row[0].value).strip()
            item = catalogue.items.get(code)
            if item is not None and not isinstance(item, Indicator):
                continue  # a computed rate: written for reading, never read back
            for org, (value_col, comment_col) in columns.items():
                if value_col is None or value_col >= len(row):
                    continue
                cell = row[value_col]
                is_formula = cell.data_type == "f"
                if not is_formula and (cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())):
                    continue
                ref = f"{get_column_letter(value_col + 1)}{row[0].row}"
                if is_formula:
                    formulas.append((ws.title, ref))
                comment = cell_text(row[comment_col].value) if comment_col is not None and comment_col < len(row) else ""
                found.append((ws.title, ref, org, code, cell.value, comment, is_formula))
    return found, formulas
