"""Chinese number formatting, the way the newspaper pages print figures.

One formatter for reports and UI alike:

* counts carry their measure word: 42家, 2824张, 21126间, 16名
* large counts in 万 where the phrasing asks: 2.69万, 529.2万人, 1万管
* money: 8465.01万元, 9.68亿元, 近70亿元 (just under), 2亿余元 / 2000余万元 (just over)
* rates: 86.99%, 2.91‰, 4.82/10万; a zero rate prints as 0
* missing data is 暂无数据, never 0
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from .catalogue import Indicator, Rate
from .values import Value

NO_DATA = "暂无数据"
WEEKDAYS = "一二三四五六日"
_COMPARISON_WORDS = {">=": "以上", "<=": "以下", "~": "左右", "=": ""}


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
    if wan and abs(value) >= 10000:
        return trim(_round(Decimal(value) / 10000, decimals)) + "万" + unit
    return trim(Decimal(value)) + unit


def format_rate(value: Decimal | None, per: str = "%", decimals: int | None = None) -> str:
    """``86.99%``, ``2.91‰``, ``4.82/10万``; 0 prints as ``0``."""
    if value is None:
        return NO_DATA
    if decimals is not None:
        value = _round(Decimal(value), decimals)
    if value == 0:
        return "0"
    return trim(value) + per


def _significant(number: Decimal, digits: int, rounding: str) -> Decimal:
    """``number`` rounded to ``digits`` significant digits in the given direction."""
    if number == 0:
        return number
    exponent = number.adjusted() - digits + 1
    quantum = Decimal(1).scaleb(exponent)
    return (number / quantum).to_integral_value(rounding=rounding) * quantum


def format_money(value: Value | None, unit: str = "万元", style: str = "exact", decimals: int = 2) -> str:
    """Money kept in 元 or 万元, printed as the page would.

    ``exact``: the stored figure in its unit (8465.01万元), switching to 亿元 when
    the value reaches 1亿 (96800万元 → 9.68亿元). ``over``: just over a round
    figure (2亿余元, 2000余万元). ``under``: just under (近70亿元).
    """
    if value is None:
        return NO_DATA
    amount = Decimal(value)
    yuan = amount * 10000 if unit == "万元" else amount
    if abs(yuan) >= 10**8:
        number, magnitude = yuan / 10**8, "亿"
    elif unit == "万元" or abs(yuan) >= 10**4 and style != "exact":
        number, magnitude = yuan / 10**4, "万"
    else:
        number, magnitude = yuan, ""
    if style == "exact":
        if magnitude == "万" and unit == "万元":
            return trim(amount) + "万元"
        return trim(_round(number, decimals)) + magnitude + "元"
    if style == "over":
        return trim(_significant(number, 1, ROUND_FLOOR)) + f"{magnitude}余元" if magnitude == "亿" \
            else trim(_significant(number, 1, ROUND_FLOOR)) + f"余{magnitude}元"
    if style == "under":
        return "近" + trim(_significant(number, 1, ROUND_CEILING)) + magnitude + "元"
    raise ValueError(f"unknown money style {style!r}")


def format_target(text: str, comparison: str) -> str:
    """A formatted target with its comparison word: 98%以上, 70%左右."""
    return text + _COMPARISON_WORDS.get(comparison, "")


def format_date(year: int, month: int, day: int, weekday: int) -> str:
    """``2014年3月7日 星期五`` (weekday 0 = Monday, as ``date.weekday()``)."""
    return f"{year}年{month}月{day}日 星期{WEEKDAYS[weekday]}"


def format_item(item: Indicator | Rate, value: Value | None, style: str = "plain", bare: bool = False) -> str:
    """A value of a catalogue item as the pages print it.

    ``style``: ``plain``; ``wan`` (large counts in 万); ``over``/``under``/``exact`` for money.
    ``bare`` drops the measure word when a noun follows (2.69万因病致贫群众).
    """
    if isinstance(item, Rate):
        return format_rate(value, item.per)
    if item.type == "money" and item.unit in ("元", "万元"):
        return format_money(value, item.unit, "exact" if style in ("plain", "wan") else style)
    return format_count(value, "" if bare else item.unit, wan=style == "wan")


def _per_point(per: str) -> str:
    return "个百分点" if per == "%" else per


def format_difference(item: Indicator | Rate, old: Value | None, new: Value | None) -> str:
    """Signed change for a table cell: ``+5家``, ``-0.43‰``, ``+1.2个百分点``; 暂无数据 if a side is missing."""
    if old is None or new is None:
        return NO_DATA
    diff = Decimal(new) - Decimal(old)
    if diff == 0:
        return "0"
    sign = "+" if diff > 0 else "-"
    if isinstance(item, Rate):
        return sign + trim(abs(diff)) + _per_point(item.per)
    return sign + trim(abs(diff)) + item.unit


def format_relative(old: Value | None, new: Value | None, decimals: int = 1) -> str:
    """Change in percent of last year's figure: ``+12.5%``; 暂无数据 when it cannot be computed."""
    if old is None or new is None or old == 0:
        return NO_DATA
    change = _round((Decimal(new) - Decimal(old)) * 100 / Decimal(old), decimals)
    if change == 0:
        return "0"
    return ("+" if change > 0 else "-") + trim(abs(change)) + "%"


def format_change_words(item: Indicator | Rate, old: Value | None, new: Value | None) -> str:
    """``比上年增加5家`` / ``比上年降低0.43个千分点``-style words; empty when a side is missing."""
    if old is None or new is None:
        return ""
    diff = Decimal(new) - Decimal(old)
    if diff == 0:
        return "与上年持平"
    if isinstance(item, Rate):
        verb = "提高" if diff > 0 else "下降"
        return f"比上年{verb}{trim(abs(diff))}{_per_point(item.per)}"
    verb = "增加" if diff > 0 else "减少"
    return f"比上年{verb}{format_item(item, abs(diff) if item.scale else int(abs(diff)))}"


def format_plain(item: Indicator | Rate, value: Value | None) -> str:
    """A table cell: the exact stored figure with its unit (money not rescaled): 20350万元, 86.99%."""
    if value is None:
        return NO_DATA
    if isinstance(item, Rate):
        return format_rate(value, item.per)
    return trim(Decimal(value)) + item.unit
