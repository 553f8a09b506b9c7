"""The workbook template shared by export and import: one sheet per domain, a cover sheet.

Domain sheet columns: A 代码 (hidden, protected), B 指标, C 单位, then for each
org unit a value column headed 「单位名（代码）」 and a comment column headed
「说明（代码）」; a city workbook ends with 「全市合计」 (computed, for reading
only). Derived rates are written as values on grey, locked rows and are never
read back.
"""

from __future__ import annotations

import re

COVER = "封面"
CODE_HEADER, NAME_HEADER, UNIT_HEADER = "代码", "指标", "单位"
COMMENT_PREFIX = "说明"
TOTAL_HEADER = "全市合计"
FIRST_ORG_COLUMN = 4  # D

# Cover sheet labels (column A) and what import reads from column B.
COVER_ORG, COVER_ORG_CODE, COVER_YEAR = "单位", "单位代码", "年度"
COVER_EXPORTED, COVER_PROGRAM, COVER_CATALOGUE = "导出时间", "程序版本", "指标目录版本"

ORG_HEADER = re.compile(r"^(?P<name>.*)（(?P<code>[0-9A-Za-z]{1,12})）$")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def value_header(name: str, code: str) -> str:
    return f"{name}（{code}）"


def comment_header(code: str) -> str:
    return f"{COMMENT_PREFIX}（{code}）"


def sheet_title(name: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    return _BAD_SHEET_CHARS.sub("_", name)[:31]


def display_width(text: str) -> int:
    """Rough column width: CJK characters take two cells."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)
