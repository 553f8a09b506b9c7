"""Reporting periods. Only years for now; the year range is the one the forms accept."""

from __future__ import annotations

from .errors import InputError

MIN_YEAR = 2000
MAX_YEAR = 2100


def check_year(year: object) -> int:
    """The year as an int, from whatever was typed or read (an int, text, a workbook cell's value); raises
    InputError naming it when it is not a whole number within MIN_YEAR–MAX_YEAR."""
    try:
        value = int(str(year).strip())
    except ValueError:
        raise InputError(f"年份“{year}”不是整数", f"year '{year}' is not a whole number") from None
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise InputError(
            f"年份 {value} 超出范围（{MIN_YEAR}–{MAX_YEAR}）",
            f"year {value} is outside {MIN_YEAR}-{MAX_YEAR}",
        )
    return value
