"""Sentences from figures and the catalogue's phrasing (never hard-coded per indicator).

An item's ``phrase`` in the catalogue is a template: ``建成医养中心{value}`` or
``投资{value:over}`` (``format_item`` styles: plain, wan, over, under; ``bare`` drops the
measure word where 万 stands in for it, combinable: ``{value:wan,bare}``) or
``连续{streak}年维持无脊髓灰质炎状态``. Items without a phrase get a plain one
from their name. What makes no clause:

* missing data (the caller decides what to say);
* a count or amount of 0 without a ``zero_phrase`` — 0 is never a boast (「创建…0个」);
* a 连续N年 streak without the catalogue's start year (``streak_from``) or while the figure is not 0.

On a county's page the ``county_phrase`` replaces wording that speaks of counties in the plural.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from .catalogue import Indicator, Rate
from .numbers import COMPARISON_WORDS, format_item, format_rate, per_point, trim
from .values import Value

_FIELD = re.compile(r"\{(value|streak|target|cmp)(?::([\w,]+))?\}")
# A year already in a clause (2017年实现…): the sentence must not put a second year before it.
YEAR_IN_TEXT = re.compile(r"(?<![\d.])(?:19|20)\d\d年")


# One-character measure words that close a name only as the counted unit (接种人数, 发放张数, 纠纷件数).
_COUNTED_WITH = frozenset("人张件次台名")


def default_phrase(item: Indicator | Rate) -> str:
    """``name为{value}`` for a rate; for a figure its name without 数 and without a trailing unit,
    so the unit is written once (远程会诊例次 → 远程会诊6840例次)."""
    if isinstance(item, Rate):
        return item.name + "为{value}"
    name = item.name.removeprefix("其中：")
    name = name[:-1] if name.endswith("数") else name
    # The unit closing a name is written once, after the figure: 远程会诊例次 → 远程会诊6840例次,
    # 居民健康卡发放张数 → 居民健康卡发放2122张. A character that ends a noun (病例, 房间, 病种) stays.
    ends_with_unit = name.endswith(item.unit) and len(name) > len(item.unit)
    if item.unit and ends_with_unit and (len(item.unit) > 1 or item.unit in _COUNTED_WITH):
        name = name[: -len(item.unit)]
    return name + "{value}"


def _styles(spec: str | None) -> tuple[str, bool]:
    styles = (spec or "plain").split(",")
    return next((s for s in styles if s != "bare"), "plain"), "bare" in styles


def render(item: Indicator | Rate, value: Value | None, streak: int | None = None,
           template: str | None = None, county: bool = False) -> str | None:
    """The item's clause, or None when it would say nothing true or useful (see the module doc).

    ``county``: the page is a county's own, so the ``county_phrase`` is used where there is one.
    """
    if value is None:
        return None
    zero_phrase = item.zero_phrase if isinstance(item, Indicator) else ""
    if template is None and value == 0 and zero_phrase:
        return zero_phrase
    if template is None:
        template = (item.county_phrase if county and item.county_phrase else "") or item.phrase \
            or default_phrase(item)
    if "{streak" in template:
        if not streak or value != 0:
            return None
    elif value == 0 and isinstance(item, Indicator):
        return None  # 「创建国家级中医重点专科0个」 boasts of nothing

    def field(match: re.Match[str]) -> str:
        if match.group(1) == "streak":
            return str(streak)
        style, bare = _styles(match.group(2))
        return format_item(item, value, style, bare=bare)

    return getattr(item, "qualifier", "") + _FIELD.sub(field, template)


def comparison_word(comparison: str) -> str:
    return COMPARISON_WORDS.get(comparison, "")


def render_target(item: Indicator | Rate, value: Value | None, comparison: str) -> str | None:
    """A year's target as the plan page words it: ``人均财政补助标准提高到320元``,
    ``确保参合率达到98%以上``, ``力争全年发放100万张``. The catalogue's ``target_phrase`` carries
    the verb (提高到, 不低于, 力争) and places ``{cmp}`` (以上/以下/左右) where the page does;
    without one, ``name达到{target}{cmp}``."""
    if value is None:
        return None
    template = item.target_phrase or item.name.removesuffix("数").removeprefix("其中：") + "达到{target}{cmp}"
    return _fill_target(item, template, value, comparison, None)


def render_met(item: Indicator | Rate, value: Value | None, target: tuple[Value, str] | None) -> str | None:
    """The ``met_phrase`` (参保率稳定在96%以上) when the year's target is met, else None."""
    from .attainment import target_met

    if not item.met_phrase or value is None or target is None:
        return None
    if not target_met(value, target[0], target[1]):
        return None
    return _fill_target(item, item.met_phrase, target[0], target[1], value)


def _fill_target(item: Indicator | Rate, template: str, target: Value, comparison: str, value: Value | None) -> str:
    def field(match: re.Match[str]) -> str:
        if match.group(1) == "cmp":
            return comparison_word(comparison)
        style, bare = _styles(match.group(2))
        number = target if match.group(1) == "target" else value
        return format_item(item, number, style, bare=bare)

    return _FIELD.sub(field, template)


def join_clauses(clauses: Sequence[str], last: str = "和") -> str:
    """A、B和C."""
    clauses = list(clauses)
    if len(clauses) <= 1:
        return "".join(clauses)
    return "、".join(clauses[:-1]) + last + clauses[-1]


def _verb(old: Decimal, new: Decimal) -> str:
    return "降至" if new < old else "升至"


def change_words(rate: Rate, old: Value, new: Value) -> str:
    """``下降0.22个千分点`` / ``提高3.5个百分点``: a change between two rates is in points."""
    diff = Decimal(new) - Decimal(old)
    return ("提高" if diff > 0 else "下降") + trim(abs(diff)) + per_point(rate.per)


def trend(rate: Rate, first_year: int, old: Value | None, year: int, new: Value | None) -> str | None:
    """``婴儿死亡率由2016年的2.91‰降至2021年的1.48‰``; None if a side is missing."""
    if old is None or new is None or first_year >= year:
        return None
    if Decimal(old) == Decimal(new):
        # Only the two ends are known: 「N年来保持在」 would claim the years between.
        return f"{rate.name}{first_year}年和{year}年均为{format_rate(new, rate.per)}"
    return (f"{rate.name}由{first_year}年的{format_rate(old, rate.per)}"
            f"{_verb(Decimal(old), Decimal(new))}{year}年的{format_rate(new, rate.per)}")


def trend_group(rates: Sequence[Rate], first_year: int, olds: Sequence[Value | None], year: int,
                news: Sequence[Value | None]) -> str | None:
    """Several rates moving the same way, as the 2022 page says it:
    ``A、B和C由2016年的a、b和c，分别降至2021年的x、y和z``. None unless all moved the same way."""
    pairs = [(r, o, n) for r, o, n in zip(rates, olds, news) if o is not None and n is not None]
    if len(pairs) < 2:
        return trend(pairs[0][0], first_year, pairs[0][1], year, pairs[0][2]) if pairs else None
    verbs = {_verb(Decimal(o), Decimal(n)) for _, o, n in pairs if Decimal(o) != Decimal(n)}
    if len(verbs) != 1 or any(Decimal(o) == Decimal(n) for _, o, n in pairs):
        return None
    names = join_clauses([r.name for r, _, _ in pairs])
    olds_text = join_clauses([format_rate(o, r.per) for r, o, _ in pairs])
    news_text = join_clauses([format_rate(n, r.per) for r, _, n in pairs])
    return f"{names}由{first_year}年的{olds_text}，分别{verbs.pop()}{year}年的{news_text}"
