"""How raw values add up the org-unit tree. Rates are never aggregated: they are recomputed."""

from __future__ import annotations

from typing import Mapping

from .catalogue import Catalogue
from .derived import all_rates
from .values import Value


def combine(
    cat: Catalogue,
    own: Mapping[str, Value],
    child_sums: Mapping[str, Value],
    child_maxes: Mapping[str, Value],
) -> dict[str, Value]:
    """City values from the city's own entries and its children's sums and maxima.

    ``sum`` indicators add the city's own figure (city-run facilities) to the
    counties'; ``max`` takes the largest; ``none`` is what the city keyed in.
    """
    result: dict[str, Value] = {}
    for ind in cat.indicators():
        code = ind.code
        mine = own.get(code)
        if ind.aggregate == "sum":
            parts = [v for v in (mine, child_sums.get(code)) if v is not None]
            if parts:
                result[code] = sum(parts[1:], parts[0])
        elif ind.aggregate == "max":
            parts = [v for v in (mine, child_maxes.get(code)) if v is not None]
            if parts:
                result[code] = max(parts)
        elif mine is not None:
            result[code] = mine
    return result


def with_rates(cat: Catalogue, values: Mapping[str, Value]) -> dict[str, Value | None]:
    merged: dict[str, Value | None] = dict(values)
    merged.update(all_rates(cat, values))
    return merged
