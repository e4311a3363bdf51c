"""Agreement between two rankings: Spearman, weighted Spearman, WS similarity, Kendall tau.

A ranking is a vector of positions, 1 = best, one per alternative (ties allowed: equal positions).

- Spearman rs: the Pearson correlation of the two rank vectors, tied positions first replaced by
  their average rank (1, 2, 2, 4 -> 1, 2.5, 2.5, 4), as in the standard tie correction. Without
  ties this equals 1 - 6 sum d^2 / (n (n^2 - 1)).
- Weighted Spearman rw (Pinto da Costa & Soares 2005, Australian & New Zealand Journal of
  Statistics 47(4)): 1 - 6 sum (x - y)^2 ((n - x + 1) + (n - y + 1)) / (n^4 + n^3 - n^2 - n);
  disagreements near the top count more.
- WS similarity (Salabun & Urbaniak 2020, ICCS 2020, LNCS 12138, 632-645):
  1 - sum 2^-x_i |x_i - y_i| / max(|x_i - 1|, |x_i - n|). Asymmetric: ``x`` is the reference.
  Values lie in [0, 1] for rankings without ties (the paper's setting).
- Kendall tau-b: (C - D) / sqrt((C + D + Tx)(C + D + Ty)) over all pairs, which handles ties.

Kendall's tau and the mid-ranks compare every pair of items: the rankings must fit the memory
budget of :mod:`coopselect.limits` (about 7,000 items at the default), else a CoopselectError.

Written here rather than taken from pymcdm (whose formulas agree; the tests cross-check them):
``pymcdm.correlations`` is cheap, but importing any part of pymcdm imports matplotlib (about a
second), and ``coopselect rankcorr`` should answer at once.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.limits import rankcorr_pairs

COEFFICIENTS = ("spearman", "weighted_spearman", "ws", "kendall")

Ranking = Sequence[float] | np.ndarray
"""A ranking (or scores) per alternative: a list or an array."""


def _pair(x: Ranking, y: Ranking) -> tuple[np.ndarray, np.ndarray]:
    a = np.asarray(x, dtype=float)
    b = np.asarray(y, dtype=float)
    for v, name in ((a, "X"), (b, "Y")):
        if v.ndim != 1:
            raise CoopselectError(f"ranking {name} must be a flat list of positions.", place=name)
        if not np.all(np.isfinite(v)):
            raise CoopselectError(
                f"ranking {name} holds a value that is not a finite number.",
                place=name,
                fix="give positions 1, 2, 3, ...",
            )
        if v.size and v.min() < 1:
            raise CoopselectError(
                f"ranking {name} holds position {v.min():g}; positions start at 1.",
                place=name,
                fix="give positions 1 (best), 2, 3, ...",
            )
    if a.size != b.size:
        raise CoopselectError(
            f"the rankings have different lengths ({a.size} and {b.size}).",
            place="X, Y",
            fix="give one position per alternative in both rankings, in the same order.",
        )
    if a.size < 2:
        raise CoopselectError(
            "a ranking needs at least two alternatives.", place="X, Y", fix="give two or more."
        )
    rankcorr_pairs(a.size)  # every pair of items: within the memory budget (coopselect.limits)
    for v, name in ((a, "X"), (b, "Y")):
        if v.size and v.max() > v.size:
            raise CoopselectError(
                f"ranking {name} holds position {v.max():g} but ranks only {v.size} alternatives.",
                place=name,
                fix="positions run from 1 to the number of alternatives.",
            )
    return a, b


def _undefined(what: str) -> CoopselectError:
    return CoopselectError(
        f"{what} is undefined: one ranking puts every alternative in the same place.",
        place="X, Y",
        fix="compare rankings that order at least two alternatives differently.",
    )


def _midranks(v: np.ndarray) -> np.ndarray:
    below = (v[None, :] < v[:, None]).sum(axis=1)
    equal = (v[None, :] == v[:, None]).sum(axis=1)
    return below + (equal + 1) / 2.0


def spearman(x: Ranking, y: Ranking) -> float:
    a, b = _pair(x, y)
    a, b = _midranks(a), _midranks(b)
    da, db = a - a.mean(), b - b.mean()
    denom = float(np.sqrt((da**2).sum() * (db**2).sum()))
    if denom == 0:
        raise _undefined("Spearman's rho")
    return float((da * db).sum() / denom)


def weighted_spearman(x: Ranking, y: Ranking) -> float:
    a, b = _pair(x, y)
    n = a.size
    num = 6.0 * float((((a - b) ** 2) * ((n - a + 1) + (n - b + 1))).sum())
    return 1.0 - num / (n**4 + n**3 - n**2 - n)


def ws(x: Ranking, y: Ranking) -> float:
    a, b = _pair(x, y)
    n = a.size
    # n >= 2 and 1 <= x <= n, so max(|x - 1|, |x - n|) >= (n - 1) / 2 > 0.
    span = np.maximum(np.abs(a - 1), np.abs(a - n))
    return 1.0 - float((2.0**-a * np.abs(a - b) / span).sum())


def kendall(x: Ranking, y: Ranking) -> float:
    a, b = _pair(x, y)
    iu = np.triu_indices(a.size, k=1)
    sa = np.sign(a[:, None] - a[None, :])[iu]
    sb = np.sign(b[:, None] - b[None, :])[iu]
    concordant_minus_discordant = float((sa * sb).sum())
    untied_a = float(np.count_nonzero(sa))
    untied_b = float(np.count_nonzero(sb))
    if untied_a == 0 or untied_b == 0:
        raise _undefined("Kendall's tau")
    return concordant_minus_discordant / float(np.sqrt(untied_a * untied_b))


def agreement(x: Ranking, y: Ranking) -> dict[str, float]:
    """All four coefficients for rankings ``x`` (the reference, for WS) and ``y``."""
    return {
        "spearman": spearman(x, y),
        "weighted_spearman": weighted_spearman(x, y),
        "ws": ws(x, y),
        "kendall": kendall(x, y),
    }
