"""Export a county-year or city-year workbook (openpyxl) that imports back through ``xlsx_import``."""

from __future__ import annotations

import io
import os
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter

from ... import __version__
from ...fileio import check_output_path, write_bytes
from ...domain.aggregation import combine, with_rates
from ...domain.catalogue import Indicator, Rate
from ...domain.orgunits import OrgUnit
from ...domain.periods import check_year
from ...store import repo
from ..access import require
from ..context import Context
from .package_export import scope
from .safe_text import as_string_cell, xlsx_text
from .xlsx_layout import (CODE_HEADER, COVER, COVER_CATALOGUE, COVER_EXPORTED, COVER_ORG, COVER_ORG_CODE,
                          COVER_PROGRAM, COVER_YEAR, FIRST_ORG_COLUMN, NAME_HEADER, TOTAL_HEADER, UNIT_HEADER,
                          comment_header, display_width, sheet_title, value_header)

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
DERIVED_FILL = PatternFill("solid", fgColor="EEEEEE")
BOLD = Font(bold=True)
UNLOCKED = Protection(locked=False)


def _number_format(item: Indicator | Rate) -> str:
    decimals = item.decimals if isinstance(item, Rate) else item.scale
    return "#,##0" if decimals == 0 else "#,##0." + "0" * decimals


def _shown(value: object) -> str:
    if value is None:
        return ""
    return f"{value:,}" if isinstance(value, (int, Decimal)) else str(value)


def build_workbook(ctx: Context, org: str, year: int, exported: datetime | None = None) -> tuple[bytes, int]:
    """The workbook's bytes and how many raw values it holds."""
    unit = ctx.org(org)
    require(ctx, "exchange.export", unit.code)
    year = check_year(year)
    orgs = scope(ctx, unit.code)
    cat = ctx.catalogue
    with ctx.db.read() as session:
        stored = {o: repo.load_values(session, o, year) for o in orgs}
        if len(orgs) > 1:
            sums, maxes = repo.sums_and_maxes(session, year, orgs[1:])
    values = {o: {c: sv.value for c, sv in stored[o].items()} for o in orgs}
    shown = {o: with_rates(cat, values[o]) for o in orgs}
    total = with_rates(cat, combine(cat, values[orgs[0]], sums, maxes)) if len(orgs) > 1 else None
    wb = Workbook()
    _cover(wb.active, ctx, unit, year, exported or datetime.now())
    count = 0
    for dom in cat.domains:
        ws = wb.create_sheet(sheet_title(dom.name))
        headers = [CODE_HEADER, NAME_HEADER, UNIT_HEADER]
        for o in orgs:
            headers += [value_header(ctx.org_units[o].name, o), comment_header(o)]
        if total is not None:
            headers.append(TOTAL_HEADER)
        ws.append([xlsx_text(h) for h in headers])
        for col in range(1, len(headers) + 1):
            cell = ws.cell(1, col)
            as_string_cell(cell)  # unit names come from an editable table
            cell.font, cell.fill = BOLD, HEADER_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center")
        widths = [display_width(h) for h in headers]
        for row_index, code in enumerate(dom.codes, start=2):
            item = cat.items[code]
            derived = isinstance(item, Rate)
            row: list[object] = [code, item.name, item.unit]
            for o in orgs:
                row += [shown[o].get(code), "" if derived else (stored[o][code].comment if code in stored[o] else "")]
                count += 0 if derived or code not in stored[o] else 1
            if total is not None:
                row.append(total.get(code))
            ws.append([xlsx_text(v) if isinstance(v, str) else v for v in row])  # openpyxl refuses control chars
            for col, value in enumerate(row, start=1):
                cell = ws.cell(row_index, col)
                as_string_cell(cell)  # a comment "=HYPERLINK(…)" stays text
                widths[col - 1] = max(widths[col - 1], display_width(_shown(value)))
                if derived or col == len(row) and total is not None:
                    cell.fill = DERIVED_FILL
            for k, o in enumerate(orgs):
                value_cell = ws.cell(row_index, FIRST_ORG_COLUMN + 2 * k)
                value_cell.number_format = _number_format(item)
                enterable = not derived and (isinstance(item, Indicator) and
                                             (item.level == "county" or ctx.org_units[o].level == "city"))
                if enterable:
                    value_cell.protection = UNLOCKED
                    ws.cell(row_index, FIRST_ORG_COLUMN + 2 * k + 1).protection = UNLOCKED
                elif not derived:
                    value_cell.fill = DERIVED_FILL
            if total is not None:
                ws.cell(row_index, len(row)).number_format = _number_format(item)
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 60)
        ws.column_dimensions["A"].hidden = True
        ws.freeze_panes = ws.cell(2, FIRST_ORG_COLUMN)
        # protected without a password: clerks type only in the white cells; codes and rates stay intact
        ws.protection.sheet = True
        ws.protection.formatColumns = False
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), count


def _cover(ws: Any, ctx: Context, unit: OrgUnit, year: int, exported: datetime) -> None:
    ws.title = COVER
    ws.append(["焦作市卫生健康统计数据"])
    ws["A1"].font = Font(bold=True, size=14)
    rows = [(COVER_ORG, unit.name), (COVER_ORG_CODE, unit.code), (COVER_YEAR, year),
            (COVER_EXPORTED, exported.strftime("%Y-%m-%d %H:%M")), (COVER_PROGRAM, __version__),
            (COVER_CATALOGUE, ctx.catalogue.version),
            ("填写说明", "请只在白色单元格中填写数字和说明；灰色的比率由程序计算，不必填写。")]
    for label, value in rows:
        ws.append([label, xlsx_text(value) if isinstance(value, str) else value])
    for row in ws.iter_rows():
        for cell in row:
            as_string_cell(cell)
    for row in ws.iter_rows(min_row=2, max_col=1):
        row[0].font = BOLD
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 64
    ws.protection.sheet = True


def export_workbook(ctx: Context, org: str, year: int, path: str | os.PathLike[str]) -> int:
    check_output_path(path)
    data, count = build_workbook(ctx, org, year)
    write_bytes(path, data)
    return count
