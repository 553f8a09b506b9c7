"""Split a total over weighted parts exactly, within caps (used to invent county figures for the demo)."""

from __future__ import annotations

from fractions import Fraction


def split(total: int, weights: list[int], caps: list[int | None] | None = None) -> list[int]:
    """Integers adding up to ``total``, proportional to ``weights`` (largest remainder), none above its cap."""
    n = len(weights)
    caps = caps or [None] * n
    if total < 0:
        raise ValueError("cannot split a negative total")
    if all(c is not None for c in caps) and total > sum(c for c in caps if c is not None):
        raise ValueError(f"{total} does not fit under caps {caps}")
    alloc = [0] * n
    remaining = total
    open_ = [i for i in range(n) if _below(caps[i], 0)]
    while remaining > 0:
        wsum = sum(weights[i] for i in open_)
        if wsum == 0:
            raise ValueError("no weight left to split over")
        shares = {i: Fraction(remaining * weights[i], wsum) for i in open_}
        give = {i: int(shares[i]) for i in open_}
        left = remaining - sum(give.values())
        for i in sorted(open_, key=lambda i: (-(shares[i] - give[i]), -weights[i], i))[:left]:
            give[i] += 1
        for i in open_:
            cap = caps[i]
            room = None if cap is None else cap - alloc[i]
            take = give[i] if room is None else min(give[i], room)
            alloc[i] += take
            remaining -= take
        open_ = [i for i in open_ if _below(caps[i], alloc[i])]
    return alloc


def _below(cap: int | None, have: int) -> bool:
    """Whether a part holding ``have`` may take more under ``cap`` (None: no cap)."""
    return cap is None or have < cap
