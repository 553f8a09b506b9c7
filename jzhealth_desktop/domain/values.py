"""Exact values: parse what a clerk typed, store as scaled integers, give it back unchanged.

A value is an ``int`` (counts) or a ``Decimal`` quantized to its indicator's
scale (decimals and money). It is stored as the integer ``value × 10^scale``
with the scale beside it, so 8465.01 is kept as (846501, 2) and read back as
``Decimal('8465.01')``; no value ever passes through a float.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Union

from .errors import InputError

Value = Union[int, Decimal]

_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
# Already plain ASCII (what packages and the store hold): nothing to normalise, Decimal reads it as is.
_PLAIN = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_QUANTUM = {scale: Decimal(1).scaleb(-scale) for scale in range(0, 10)}
# The stored integer (value × 10^scale) stays below 10^16: far above any real figure (a count of 10^16, or
# 10^14 万元 at two decimals), beyond a float's exact 2^53 (sums stay exact: tests/pg/test_pg_engine.py), and a
# sum of 12 units × 30 years of them (3.6 × 10^18) still fits the store's 64-bit integer.
MAX_DIGITS = 16


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII, spaces (any width) removed, thousands separators dropped."""
    folded = unicodedata.normalize("NFKC", text)
    folded = "".join(ch for ch in folded if not ch.isspace())
    folded = folded.replace("−", "-")
    if "," in folded:
        if not _GROUPED.fullmatch(folded):
            return folded  # left as is: the caller reports it as not a number
        folded = folded.replace(",", "")
    return folded


def to_decimal(raw: object) -> Decimal:
    """Read a number from text, an int or a Decimal. Floats are refused: they are not exact."""
    if isinstance(raw, bool) or isinstance(raw, float):
        raise TypeError("values must be given as text, int or Decimal, never float")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise InputError("不是有效数字", "not a finite number")
        return raw
    if type(raw) is str and _PLAIN.fullmatch(raw):  # fast path: normalising would leave it unchanged
        return Decimal(raw)
    text = normalise_text(str(raw))
    if not _NUMBER.fullmatch(text):
        raise InputError(f"“{raw}”不是数字", f"'{raw}' is not a number")
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex already guarantees a literal
        raise InputError(f"“{raw}”不是数字", f"'{raw}' is not a number") from None


def fit_scale(number: Decimal, scale: int) -> Value:
    """The value at exactly ``scale`` decimals, or a refusal if it would need rounding or is too large to store."""
    if number and number.adjusted() + scale >= MAX_DIGITS:
        raise InputError(f"数值过大（整数部分超过 {MAX_DIGITS - scale} 位），无法保存",
                         f"number too large to store (more than {MAX_DIGITS - scale} digits before the point)")
    quantum = _QUANTUM.get(scale) or Decimal(1).scaleb(-scale)
    fitted = number.quantize(quantum)
    if fitted != number:
        if scale == 0:
            raise InputError("必须是整数，不能有小数", "must be a whole number")
        raise InputError(f"最多保留 {scale} 位小数", f"at most {scale} decimal places allowed")
    if scale == 0:
        return int(fitted)
    return fitted


def parse_exact(raw: object, scale: int) -> Value:
    """``fit_scale(to_decimal(raw), scale)``; plain ASCII digits at scale 0 (most counts) go straight to int."""
    if scale == 0 and type(raw) is str and raw.isascii() and raw.isdigit() and len(raw) < MAX_DIGITS:
        return int(raw)
    return fit_scale(to_decimal(raw), scale)


def to_scaled(value: Value, scale: int) -> int:
    """Integer stored for ``value`` at ``scale`` (value must already fit the scale)."""
    if isinstance(value, int):
        return value * 10**scale
    scaled = value.scaleb(scale)
    as_int = int(scaled)
    if scaled != as_int:
        raise ValueError(f"{value} does not fit scale {scale}")
    return as_int


def from_scaled(num: int, scale: int) -> Value:
    if scale == 0:
        return int(num)
    return Decimal(int(num)).scaleb(-scale)


def scaled_text(num: int, scale: int) -> str:
    """``value_text(from_scaled(num, scale))`` by integer arithmetic on the digits: exports write 100 000 of
    these and a Decimal costs several times more. Same text (tests/exchange/test_exchange_values_json.py)."""
    num = int(num)
    if scale <= 0:
        return value_text(from_scaled(num, scale))
    digits = str(-num if num < 0 else num).rjust(scale + 1, "0")
    return f"{'-' if num < 0 else ''}{digits[:-scale]}.{digits[-scale:]}"


def value_text(value: Value | None) -> str:
    """The exact plain text of a value ("8465.01", "42"); empty for missing."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return format(value, "f")
