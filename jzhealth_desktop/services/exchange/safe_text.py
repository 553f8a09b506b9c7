"""Text written into files other programs open (Excel workbooks, CSV): never run as a formula, never a crash.

- A CSV field beginning with ``= + - @``, a tab or a carriage return is what Excel and LibreOffice read as a
  formula (``=HYPERLINK(…)``, ``cmd|' /C calc'!A0``). As OWASP recommends ("CSV injection"), such a field is
  written with a leading apostrophe, which the spreadsheet shows as text; a plain number ("-5", "-0.25") is
  left as it is, a statistician's figure and no formula.
- A workbook's text cells are written as string cells (openpyxl would store "=…" as a formula); the reading
  side gets the text back exactly. The characters XML 1.0 cannot hold (control characters but tab and line
  breaks: a store from before comments were checked may have them) are written as their visible Control
  Pictures (U+0007 → ␇) instead of crashing the export (openpyxl's IllegalCharacterError); a text over
  Excel's limit of 32 767 characters per cell is cut there with a mark.
"""

from __future__ import annotations

from typing import Any, Iterable

import re

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_CELL_LIMIT = 32767
CUT_MARK = "…（已截断）"


def csv_field(value: object) -> object:
    """``value`` as a CSV field a spreadsheet will not run."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_field(v) for v in values]


def xlsx_text(text: str) -> str:
    """``text`` as a workbook can hold it (the caller writes it as a string cell)."""
    text = _XML_ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[:EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK
    return text


def as_string_cell(cell: Any) -> None:
    """Make an openpyxl cell holding text a string cell (never a formula), in a form XML can hold."""
    if isinstance(cell.value, str):
        cell.value = xlsx_text(cell.value)
        cell.data_type = "s"
