"""Exact values: parse what a clerk typed, store as scaled integers, give it back unchanged.

A value is an ``int`` (counts) or a ``Decimal`` quantized to its indicator's
scale (decimals and money). It is stored as the integer ``value × 10^scale``
with the scale beside it, so 8465.01 is kept as (846501, 2) and read back as
``Decimal('8465.01')``; no value ever passes through a float.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Union

from .errors import InputError

Value = Union[int, Decimal]

_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?")  # ASCII digits only: \d takes ٣ and ३
# Already plain ASCII (what packages and the store hold): nothing to normalise, Decimal reads it as is.
_PLAIN = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_QUANTUM = {scale: Decimal(1).scaleb(-scale) for scale in range(0, 10)}
# The stored integer (value × 10^scale) stays below 10^16: far above any real figure (a count of 10^16, or
# 10^14 万元 at two decimals), beyond a float's exact 2^53 (sums stay exact: tests/pg/test_pg_engine.py), and a
# sum of 12 units × 30 years of them (3.6 × 10^18) still fits the store's 64-bit integer.
MAX_DIGITS = 16


# What a clerk may type besides ASCII: full-width digits, point, comma and signs (an IME in full-width mode), and
# the minus sign U+2212 (copied from documents). Everything else is refused by name, never folded: NFKC would read
# 1² as 12, ① as 1 and 22³ as 223.
_WIDE = {**{chr(0xFF10 + d): str(d) for d in range(10)}, "．": ".", "，": ",", "＋": "+", "－": "-", "−": "-"}
_ALLOWED = set("0123456789.,+-")


def normalise_text(text: str) -> str:
    """The ASCII form of a typed number: full-width characters mapped, spaces at either end removed, thousands
    separators dropped when they stand every three digits. Text with anything else is returned as mapped so far;
    ``to_decimal`` refuses it naming the character (``foreign_char``)."""
    folded = "".join(_WIDE.get(ch, ch) for ch in text.strip())  # spaces at the ends only: "1 2" is not 12
    if "," in folded:
        if not _GROUPED.fullmatch(folded):
            return folded  # left as is: the caller reports it as not a number
        folded = folded.replace(",", "")
    return folded


def foreign_char(text: str) -> str | None:
    """The first character of a typed number that is neither a digit (ASCII or full-width) nor . , + - ; or None."""
    for ch in text.strip():
        if ch not in _ALLOWED and ch not in _WIDE:
            return ch
    return None


def char_name(ch: str) -> tuple[str, str]:
    """A character as a message shows it (zh, en): itself in quotes with its code point; a space or an invisible
    character by what it is and its code point."""
    code = f"U+{ord(ch):04X}"
    if ch in "\r\n":
        return f"换行（{code}）", f"a line break ({code})"
    if ch.isspace():
        return f"空格（{code}）", f"a space ({code})"
    if not ch.isprintable():
        return f"不可见字符 {code}", f"an invisible character {code}"
    return f"“{ch}”（{code}）", f"'{ch}' ({code})"


def _why_not(raw: str, text: str) -> tuple[str, str]:
    """Why typed text is not a number, naming the character or the misplaced mark."""
    if not any(ch.isnumeric() for ch in text):
        return "", ""  # nothing like a number at all ("abc", "NaN")
    odd = foreign_char(raw)
    if odd is not None:
        zh, en = char_name(odd)
        return f"不能含有{zh}", f"{en} is not allowed"
    if text.count(".") > 1:
        return "只能有一个小数点", "only one decimal point is allowed"
    if "," in text:
        return "千位分隔符应每三位一个", "thousands separators belong every three digits"
    if any(sign in text[1:] for sign in "+-"):
        return "正负号只能在最前面", "a sign belongs in front only"
    return "", ""


def to_decimal(raw: object) -> Decimal:
    """Read a number from text, an int or a Decimal. Floats are refused: they are not exact. -0 reads as 0.

    Raises InputError naming the first character that is not part of a number (``1²``, ``①``, ``1 2``)."""
    if isinstance(raw, bool) or isinstance(raw, float):
        raise TypeError("values must be given as text, int or Decimal, never float")
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise InputError("不是有效数字", "not a finite number")
        return _unsigned_zero(raw)
    if type(raw) is str and _PLAIN.fullmatch(raw):  # fast path: normalising would leave it unchanged
        return _unsigned_zero(Decimal(raw))
    text = normalise_text(str(raw))
    if not _NUMBER.fullmatch(text):
        zh, en = _why_not(str(raw), text)
        shown = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in str(raw))  # stays one line
        raise InputError(f"“{shown}”不是数字" + (f"：{zh}" if zh else ""),
                         f"'{shown}' is not a number" + (f": {en}" if en else ""))
    return _unsigned_zero(Decimal(text))


def _unsigned_zero(number: Decimal) -> Decimal:
    """-0 and -0.00 as 0 and 0.00: stored alike, so they must be compared and audited alike."""
    return number.copy_abs() if number.is_zero() and number.is_signed() else number


def fit_scale(number: Decimal, scale: int) -> Value:
    """The value at exactly ``scale`` decimals, or a refusal if it would need rounding or is too large to store."""
    if number and number.adjusted() + scale >= MAX_DIGITS:
        raise InputError(f"数值过大（整数部分超过 {MAX_DIGITS - scale} 位），无法保存",
                         f"number too large to store (more than {MAX_DIGITS - scale} digits before the point)")
    number = _unsigned_zero(number)
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
        return value * int(10**scale)
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
