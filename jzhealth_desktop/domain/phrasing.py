"""Sentences from figures and the catalogue's phrasing (never hard-coded per indicator).

An item's ``phrase`` in the catalogue is a template: ``建成医养中心{value}`` or
``投资{value:over}`` (``format_item`` styles: plain, wan, over, under; ``bare`` drops the
measure word, combinable: ``{value:wan,bare}``) or
``连续{streak}年维持无脊髓灰质炎状态``. Items without a phrase get a plain one
from their name. Missing data makes no clause: the caller says 暂无数据.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Sequence

from .catalogue import Indicator, Rate
from .numbers import format_item, format_rate
from .values import Value

_FIELD = re.compile(r"\{(value|streak)(?::([\w,]+))?\}")


def default_phrase(item: Indicator | Rate) -> str:
    if isinstance(item, Rate):
        return item.name + "为{value}"
    name = item.name.removeprefix("其中：")
    return (name[:-1] if name.endswith("数") else name) + "{value}"


def render(item: Indicator | Rate, value: Value | None, streak: int | None = None,
           template: str | None = None) -> str | None:
    """The item's clause, or None when the data for it is missing (or a streak is 0)."""
    if template is None and value == 0 and getattr(item, "zero_phrase", ""):
        return item.zero_phrase
    template = template or item.phrase or default_phrase(item)
    needs_streak = "{streak" in template
    if needs_streak and not streak:
        return None
    if "{value" in template and value is None:
        return None

    def field(match: re.Match) -> str:
        if match.group(1) == "streak":
            return str(streak)
        styles = (match.group(2) or "plain").split(",")
        bare = "bare" in styles
        style = next((s for s in styles if s != "bare"), "plain")
        return format_item(item, value, style, bare=bare)

    return _FIELD.sub(field, template)


def join_clauses(clauses: Sequence[str], last: str = "和") -> str:
    """A、B和C."""
    clauses = list(clauses)
    if len(clauses) <= 1:
        return "".join(clauses)
    return "、".join(clauses[:-1]) + last + clauses[-1]


def _verb(old: Decimal, new: Decimal) -> str:
    return "降至" if new < old else "升至"


def trend(rate: Rate, first_year: int, old: Value | None, year: int, new: Value | None) -> str | None:
    """``婴儿死亡率由2016年的2.91‰降至2021年的1.48‰``; None if a side is missing."""
    if old is None or new is None:
        return None
    if Decimal(old) == Decimal(new):
        return f"{rate.name}{year - first_year}年来保持在{format_rate(new, rate.per)}"
    return (f"{rate.name}由{first_year}年的{format_rate(old, rate.per)}"
            f"{_verb(Decimal(old), Decimal(new))}{year}年的{format_rate(new, rate.per)}")


def trend_group(rates: Sequence[Rate], first_year: int, olds: Sequence[Value | None], year: int,
                news: Sequence[Value | None]) -> str | None:
    """Several rates moving the same way, as the 2022 page says it:
    ``A、B和C由2016年的a、b和c，分别降至2021年的x、y和z``. None unless all moved the same way."""
    pairs = [(r, o, n) for r, o, n in zip(rates, olds, news) if o is not None and n is not None]
    if len(pairs) < 2:
        return trend(*[pairs[0][0], first_year, pairs[0][1], year, pairs[0][2]]) if pairs else None
    verbs = {_verb(Decimal(o), Decimal(n)) for _, o, n in pairs if Decimal(o) != Decimal(n)}
    if len(verbs) != 1 or any(Decimal(o) == Decimal(n) for _, o, n in pairs):
        return None
    names = join_clauses([r.name for r, _, _ in pairs])
    olds_text = join_clauses([format_rate(o, r.per) for r, o, _ in pairs])
    news_text = join_clauses([format_rate(n, r.per) for r, _, n in pairs])
    return f"{names}由{first_year}年的{olds_text}，分别{verbs.pop()}{year}年的{news_text}"
