"""Chinese number formatting, the way the newspaper pages print figures.

One formatter for reports and UI alike:

* counts carry their measure word: 42家, 2824张, 21126间, 16名
* large counts in 万 where the phrasing asks: 2.69万, 529.2万人, 1万管
* money: 8465.01万元, 9.68亿元, 近70亿元 (just under), 2亿余元 / 2000余万元 (just over) — a rounded
  phrase only within ``APPROX_TOLERANCE`` of the value, else the exact figure
* rates: 86.99%, 2.91‰, 4.82/10万; a zero rate prints as 0; a change between rates in 个百分点/个千分点
* table cells at fixed decimals per item (``format_cell``): 1.70‰ beside 1.48‰
* missing data is 暂无数据, never 0
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from .catalogue import Indicator, Rate
from .values import Value

NO_DATA = "暂无数据"
WEEKDAYS = "一二三四五六日"
COMPARISON_WORDS = {">=": "以上", "<=": "以下", "~": "左右", "=": ""}


def trim(number: Decimal | int) -> str:
    """Plain digits without trailing zeros after the point: 100.00 → 100, 91.20 → 91.2."""
    text = format(Decimal(number), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _round(number: Decimal, decimals: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    return number.quantize(Decimal(1).scaleb(-decimals), rounding=rounding)


def format_count(value: Value | None, unit: str = "", wan: bool = False, decimals: int = 2) -> str:
    """``42家``; with ``wan`` counts from 10 000 up print in 万: ``2.69万``, ``529.2万人``."""
    if value is None:
        return NO_DATA
    if wan and not -10000 < value < 10000:
        return trim(_round(Decimal(value) / 10000, decimals)) + "万" + unit
    return trim(Decimal(value)) + unit


def format_rate(value: Value | None, per: str = "%", decimals: int | None = None) -> str:
    """``86.99%``, ``2.91‰``, ``4.82/10万``; 0 prints as ``0``."""
    if value is None:
        return NO_DATA
    if decimals is not None:
        value = _round(Decimal(value), decimals)
    if value == 0:
        return "0"
    return trim(value) + per


# 余/近 may stand for a figure only this close to it: |value − round figure| ≤ 5 % of the value.
# The pages keep well inside it (2.03亿 → 2亿余元 is 1.5 %, 69.6亿 → 近70亿元 is 0.6 %).
APPROX_TOLERANCE = Decimal("0.05")
# A round figure has at most this many significant digits (2000, 1600, 70); beyond, print the exact value.
APPROX_DIGITS = 2


def _significant(number: Decimal, digits: int, rounding: str) -> Decimal:
    """``number`` rounded to ``digits`` significant digits in the given direction."""
    if number == 0:
        return number
    exponent = number.adjusted() - digits + 1
    quantum = Decimal(1).scaleb(exponent)
    return (number / quantum).to_integral_value(rounding=rounding) * quantum


def _magnitude(yuan: Decimal, unit: str) -> tuple[Decimal, str]:
    """The figure in the magnitude the pages print it in: 亿 from 1亿, 万 for 万元 amounts, else 元."""
    if abs(yuan) >= 10**8:
        return yuan / 10**8, "亿"
    if unit == "万元" or abs(yuan) >= 10**4:
        return yuan / 10**4, "万"
    return yuan, ""


def round_figure(value: Decimal, style: str) -> Decimal | None:
    """The honest round figure for 余 (``over``: a little above it) or 近 (``under``: a little below it).

    The fewest significant digits whose round figure lies strictly on the right side of ``value`` and
    within ``APPROX_TOLERANCE`` of it; None when there is none (then the exact value is printed).
    """
    value = Decimal(value)
    if value <= 0:
        return None
    rounding = ROUND_FLOOR if style == "over" else ROUND_CEILING
    for digits in range(1, APPROX_DIGITS + 1):
        figure = _significant(value, digits, rounding)
        if figure == value:
            return None  # a round value is printed as it is, never as 余/近 itself
        if abs(value - figure) <= value * APPROX_TOLERANCE:
            return figure
    return None


def _exact_money(amount: Decimal, unit: str, decimals: int) -> str:
    yuan = amount * 10000 if unit == "万元" else amount
    number, magnitude = _magnitude(yuan, unit)
    if magnitude == "万" and unit == "万元":
        return trim(amount) + "万元"
    return trim(_round(number, decimals)) + magnitude + "元"


def format_money(value: Value | None, unit: str = "万元", style: str = "exact", decimals: int = 2) -> str:
    """Money kept in 元 or 万元, printed as the page would.

    ``exact``: the stored figure in its unit (8465.01万元), switching to 亿元 when
    the value reaches 1亿 (96800万元 → 9.68亿元). ``over``: just over a round
    figure (2亿余元, 2000余万元). ``under``: just under (近70亿元). A rounded
    phrase is used only within ``APPROX_TOLERANCE`` (see ``round_figure``);
    otherwise the exact figure is printed (1605.07万元 → 1600余万元, 1690万元 stays).
    """
    if value is None:
        return NO_DATA
    if style not in ("exact", "over", "under"):
        raise ValueError(f"unknown money style {style!r}")
    amount = Decimal(value)
    if style == "exact":
        return _exact_money(amount, unit, decimals)
    yuan = amount * 10000 if unit == "万元" else amount
    figure = round_figure(yuan, style)
    if figure is None:
        return _exact_money(amount, unit, decimals)
    number, magnitude = _magnitude(figure, unit)
    if number != number.to_integral_value():  # 2.5亿余 is not how a round figure reads
        return _exact_money(amount, unit, decimals)
    if style == "over":
        return trim(number) + (f"{magnitude}余元" if magnitude == "亿" else f"余{magnitude}元")
    return "近" + trim(number) + magnitude + "元"


def approx_implied(text: str) -> tuple[str, Decimal] | None:
    """What a 余/近 phrase says, in 元: ('over', 2×10⁸) for 2亿余元, ('under', 7×10⁹) for 近70亿元."""
    match = re.fullmatch(r"(近)?(\d+(?:\.\d+)?)(亿余|余万|余|万|亿)?元", text)
    if not match or (match.group(1) is None) == ("余" not in (match.group(3) or "")):
        return None
    scale = {"亿余": 10**8, "余万": 10**4, "余": 1, "万": 10**4, "亿": 10**8, None: 1}[match.group(3)]
    return ("under" if match.group(1) else "over"), Decimal(match.group(2)) * scale


def format_target(text: str, comparison: str) -> str:
    """A formatted target with its comparison word: 98%以上, 70%左右."""
    return text + COMPARISON_WORDS.get(comparison, "")


def format_date(year: int, month: int, day: int, weekday: int) -> str:
    """``2014年3月7日 星期五`` (weekday 0 = Monday, as ``date.weekday()``)."""
    return f"{year}年{month}月{day}日 星期{WEEKDAYS[weekday]}"


def format_item(item: Indicator | Rate, value: Value | None, style: str = "plain", bare: bool = False) -> str:
    """A value of a catalogue item as the pages print it.

    ``style``: ``plain``; ``wan`` (large counts in 万); ``over``/``under``/``exact`` for money.
    ``bare`` drops the measure word when a noun follows, but only where 万 stands in for it
    (2.69万因病致贫群众); a figure below 万 keeps it (2122人), as every count carries its measure word.
    """
    if isinstance(item, Rate):
        return format_rate(value, item.per)
    if item.type == "money" and item.unit in ("元", "万元"):
        return format_money(value, item.unit, "exact" if style in ("plain", "wan") else style)
    wan = style == "wan"
    in_wan = wan and value is not None and not -10000 < value < 10000
    return format_count(value, "" if bare and in_wan else item.unit, wan=wan)


def decimals_of(item: Indicator | Rate) -> int:
    """The fixed number of decimals an item's table column prints: a rate's decimals, a figure's scale."""
    return item.decimals if isinstance(item, Rate) else item.scale


def fixed(number: Value, decimals: int) -> str:
    """Digits with exactly ``decimals`` decimals (half-up): 1.7 → 1.70 at 2; −0 prints 0."""
    text = format(_round(Decimal(number), decimals), "f")
    return text[1:] if text.startswith("-") and set(text[1:]) <= set("0.") else text


def per_point(per: str) -> str:
    """The unit of a change between two rates: 个百分点 for %, 个千分点 for ‰, /10万 as it is."""
    return {"%": "个百分点", "‰": "个千分点"}.get(per, per)


def format_difference(item: Indicator | Rate, old: Value | None, new: Value | None) -> str:
    """Signed change for a table cell, at the item's fixed decimals: ``+5家``, ``-0.43个千分点``,
    ``+1.20个百分点``; ``0`` when nothing changed (0 → 0 included); NO_DATA if a side is missing."""
    if old is None or new is None:
        return NO_DATA
    diff = Decimal(new) - Decimal(old)
    if isinstance(item, Rate):
        diff = _round(Decimal(new), item.decimals) - _round(Decimal(old), item.decimals)
    if diff == 0:
        return "0"
    sign = "+" if diff > 0 else "-"
    unit = per_point(item.per) if isinstance(item, Rate) else item.unit
    return sign + fixed(abs(diff), decimals_of(item)) + unit


def format_relative(old: Value | None, new: Value | None, decimals: int = 1) -> str:
    """Change in percent of last year's figure: ``+12.5%``; ``0`` for no change (0 → 0 too);
    NO_DATA when a side is missing or a change from 0 has no percentage."""
    if old is None or new is None:
        return NO_DATA
    if Decimal(new) == Decimal(old):
        return "0"
    if old == 0:
        return NO_DATA
    change = _round((Decimal(new) - Decimal(old)) * 100 / Decimal(old), decimals)
    if change == 0:
        return "0"
    return ("+" if change > 0 else "-") + fixed(abs(change), decimals) + "%"


def format_change_words(item: Indicator | Rate, old: Value | None, new: Value | None,
                        since: str = "比上年") -> str:
    """``比上年增加5家`` / ``比上年下降0.43个千分点`` / ``比上年提高3.5个百分点``; empty when a side is missing."""
    if old is None or new is None:
        return ""
    diff = Decimal(new) - Decimal(old)
    if diff == 0:
        return "与上年持平" if since == "比上年" else f"与{since.removeprefix('比')}持平"
    if isinstance(item, Rate):
        verb = "提高" if diff > 0 else "下降"
        return f"{since}{verb}{trim(abs(diff))}{per_point(item.per)}"
    verb = "增加" if diff > 0 else "减少"
    return f"{since}{verb}{format_item(item, abs(diff) if item.scale else int(abs(diff)))}"


def format_plain(item: Indicator | Rate, value: Value | None) -> str:
    """The exact stored figure with its unit (money not rescaled), trailing zeros dropped: 20350万元, 86.99%."""
    if value is None:
        return NO_DATA
    if isinstance(item, Rate):
        return format_rate(value, item.per)
    return trim(Decimal(value)) + item.unit


def format_cell(item: Indicator | Rate, value: Value | None, unit: bool = True) -> str:
    """A table cell: the figure at the item's fixed decimals, so a column lines up (1.70‰ beside 1.48‰,
    100.00% beside 86.99%); a zero rate prints 0 at those decimals too. NO_DATA when missing."""
    if value is None:
        return NO_DATA
    return fixed(value, decimals_of(item)) + (item.unit if unit else "")
