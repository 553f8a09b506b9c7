"""A spreadsheet cell read as the exact value it shows.

openpyxl hands numeric cells over as ``int`` or ``float``. A float is turned
into the shortest decimal that reads back as the same float (``repr``), which
is what Excel displays for the numbers clerks type (8465.01 → "8465.01"); the
indicator's scale check then refuses anything that would need rounding. No
float is ever kept. Text cells go through the same normalisation as typed
entries: full-width digits, thousands separators and stray spaces are read as
the number they show.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from .errors import InputError
from .values import to_decimal


def cell_number(raw: object) -> Decimal | None:
    """The exact number a cell holds; None for an empty cell. Raises InputError for what is not a number."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise InputError("是逻辑值（TRUE/FALSE），不是数字", "is a TRUE/FALSE value, not a number")
    if isinstance(raw, (datetime, date, time, timedelta)):
        raise InputError("是日期或时间，不是数字", "is a date or time, not a number")
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise InputError("不是有效数字", "is not a finite number")
        return Decimal(repr(raw))
    if isinstance(raw, (int, Decimal)):
        return to_decimal(raw)
    if isinstance(raw, str):
        if not raw.strip():
            return None
        if raw.strip().startswith("#"):  # Excel error values: #DIV/0!, #VALUE!, #REF! …
            raise InputError(f"是错误值“{raw.strip()}”", f"is the error value '{raw.strip()}'")
        return to_decimal(raw)
    raise InputError(f"无法识别的内容“{raw}”", f"cannot read '{raw}'")


def cell_text(raw: object) -> str:
    """A comment cell as text (numbers typed into a comment column are kept as they show)."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        return repr(raw) if not raw.is_integer() else str(int(raw))
    return str(raw).strip()
