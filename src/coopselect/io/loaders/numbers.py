"""Weights rescaled to sum 1 without overflow or underflow of their sum.

Weights from input files may be any finite numbers >= 0, up to the largest double (1.8e308).
Summing them first overflows (1e308 + 1e308 = inf, and every weight then becomes 0: a mineral's
share, an attribute's share or a criterion vanishes); dividing tiny ones (1e-308) by their tiny
sum loses digits in subnormals. Each weight is therefore divided by the largest one first, which
puts every value in [0, 1] with the largest exactly 1, and only then by the sum (between 1 and the
number of weights). ``[1e308, 1e308]`` and ``[1e-308, 1e-308]`` both give ``[0.5, 0.5]``, exactly
as ``[1, 1]``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping


def sum_to_one(values: Iterable[float]) -> list[float]:
    """``values`` (finite, >= 0, at least one > 0: checked by the caller) divided by their sum,
    computed as ``(v / max) / sum(v / max)``."""
    vals = [float(v) for v in values]
    top = max(vals, default=0.0)
    if not math.isfinite(top) or top <= 0 or any(not math.isfinite(v) or v < 0 for v in vals):
        raise ValueError(f"weights must be finite, >= 0 and not all 0: {vals!r}")
    scaled = [v / top for v in vals]
    total = math.fsum(scaled)
    return [v / total for v in scaled]


def table_to_one(table: Mapping[str, float], ids: Iterable[str]) -> dict[str, float]:
    """:func:`sum_to_one` of ``table``'s values for ``ids``, in ``ids`` order."""
    keys = list(ids)
    return dict(zip(keys, sum_to_one(table[k] for k in keys), strict=True))


def finite_sum(values: Iterable[float]) -> float:
    """The sum of finite values >= 0 as shown to a user: ``inf`` only when it truly exceeds the
    range of a double (for a message such as "weights summed to ...")."""
    vals = [float(v) for v in values]
    top = max(vals, default=0.0)
    if top <= 0:
        return 0.0
    return top * math.fsum(v / top for v in vals)
