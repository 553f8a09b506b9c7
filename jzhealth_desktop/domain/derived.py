"""Derived rates: numerator ÷ denominator × factor, from exact values, rounded only for display."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Mapping

from .catalogue import Catalogue, Rate
from .values import Value


def exact_rate(numerator: Value | None, denominator: Value | None, factor: int) -> Decimal | None:
    """The unrounded rate, or None when either side is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 34
        return Decimal(numerator) * factor / Decimal(denominator)


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rate_value(rate: Rate, values: Mapping[str, Value]) -> Decimal | None:
    """The rate as it is shown: rounded half-up to the rate's decimals."""
    exact = exact_rate(values.get(rate.numerator), values.get(rate.denominator), rate.factor)
    return None if exact is None else rounded(exact, rate.decimals)


def all_rates(cat: Catalogue, values: Mapping[str, Value], domain: str | None = None) -> dict[str, Decimal | None]:
    return {rate.code: rate_value(rate, values) for rate in cat.rates(domain)}
