"""domain/cells.py: a spreadsheet cell read as the exact value it shows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jzhealth_desktop.domain.catalogue import Indicator
from jzhealth_desktop.domain.cells import cell_number, cell_text
from jzhealth_desktop.domain.errors import InputError
from jzhealth_desktop.domain.values import Value, parse_exact, value_text

COUNT = Indicator("beds", "床位数", "Beds", "张", "d", "s", 1)
MONEY = Indicator("inv", "投资", "Investment", "万元", "d", "s", 2, type="money", scale=2)


def cell_value(ind: Indicator, raw: object) -> Value | None:
    """The cell as the import takes it: its number as text (xlsx_import), parsed at the indicator's scale when
    the preview places it."""
    number = cell_number(raw)
    return None if number is None else parse_exact(value_text(number), ind.scale)


@pytest.mark.parametrize("raw,expected", [
    (42, 42), (42.0, 42), ("４２", 42), (" 1,234 ", 1234), ("１，２３４", 1234), ("\u3000 7\t", 7), (None, None), ("", None),
])
def test_counts(raw, expected):
    assert cell_value(COUNT, raw) == expected


@pytest.mark.parametrize("raw,expected", [
    (8465.01, "8465.01"), ("8465.01", "8465.01"), (0.1, "0.10"), (20350, "20350.00"), ("２０３５０．５", "20350.50"),
])
def test_money_keeps_its_scale_without_float_artefacts(raw, expected):
    value = cell_value(MONEY, raw)
    assert isinstance(value, Decimal) and format(value, "f") == expected


@pytest.mark.parametrize("raw,message", [
    (True, "逻辑值"), (datetime(2021, 1, 1), "日期"), ("#REF!", "错误值"), ("abc", "不是数字"), (float("nan"), "有效数字"),
    ("1,23", "不是数字"),
])
def test_refusals(raw, message):
    with pytest.raises(InputError, match=message):
        cell_number(raw)


def test_too_many_decimals_is_refused_not_rounded():
    with pytest.raises(InputError, match="整数"):
        cell_value(COUNT, 2.5)
    with pytest.raises(InputError, match="2 位小数"):
        cell_value(MONEY, 1.005)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_any_two_decimal_number_typed_in_excel_comes_back_exactly(number):
    as_excel_float = float(number)  # what openpyxl hands over for a numeric cell
    assert cell_value(MONEY, as_excel_float) == number


def test_comment_cells():
    assert cell_text(None) == "" and cell_text(" 说明 ") == "说明" and cell_text(3.0) == "3" and cell_text(2.5) == "2.5"
