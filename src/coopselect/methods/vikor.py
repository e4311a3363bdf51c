"""VIKOR (Opricovic & Tzeng 2004, EJOR 156:445-455): compromise ranking by closeness to the ideal.

For each criterion j, f*_j is the best value in the column (max for benefit, min for cost) and
f-_j the worst. With ``t_ij = w_j (f*_j - x_ij) / (f*_j - f-_j)`` (0 on the best value, w_j on the
worst, whatever the direction):

* group utility ``S_i = sum_j t_ij`` and individual regret ``R_i = max_j t_ij``;
* ``Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*)`` with S* = min S, S- = max S,
  R* = min R, R- = max R, and ``v`` in [0, 1] the weight of the "majority" strategy.

``scores`` are Q (``higher_is_better=False``: smaller Q is better) and ``ranks`` order by Q. Ties in
Q are broken by input order and reported in ``ties``.

The compromise solution follows the paper's two conditions, with a1, a2 the first and second
alternatives by Q and ``DQ = 1 / (m - 1)``:

* C1 "acceptable advantage": ``Q(a2) - Q(a1) >= DQ`` (checked with a 1e-12 margin, so that the
  exact case of two alternatives, Q = 0 and 1 with DQ = 1, is not lost to rounding);
* C2 "acceptable stability": a1 is also best (within 1e-12) by S or by R.

If both hold the compromise is ``[a1]``; if only C2 fails, ``[a1, a2]``; if C1 fails,
``[a1, ..., aM]`` with M the largest position such that ``Q(aM) - Q(a1) < DQ``. Indices are
0-based row indices.

Degenerate cases, never NaN:

* a constant column (f* = f-) carries no information: its terms are 0 (noted);
* all S equal (S- = S*) or all R equal (R- = R*): that part of Q is 0 (noted), so with v = 1 and
  equal S, or everything constant, all Q are 0 and the alternatives tie;
* a criterion with weight 0 contributes 0 terms, as the formula says.

Implemented here rather than wrapped: importing pymcdm costs about a second and pulls in
matplotlib; pymcdm validates its input on every call, which is slow in Monte-Carlo loops; and its
VIKOR raises ``ValueError`` on a constant column and divides by zero (NaN in Q) when all S or all
R are equal, while this version applies the documented rules above. pymcdm also returns Q only,
without S, R or the compromise set. On data without those degenerate cases the Q values are the
same (cross-checked in the tests).
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.result import MethodResult, rank_scores

_TOL = 1e-12


def _check_v(v) -> float:
    try:
        if isinstance(v, bool):
            raise TypeError
        val = float(v)
    except (TypeError, ValueError):
        raise CoopselectError(
            f"v must be a number, got {v!r}.",
            place="v",
            fix="set v between 0 and 1 (0.5 weighs group utility and regret equally).",
        ) from None
    if not np.isfinite(val) or not 0.0 <= val <= 1.0:
        raise CoopselectError(
            f"v must lie in [0, 1], got {v!r}.",
            place="v",
            fix="set v between 0 and 1 (0.5 weighs group utility and regret equally).",
        )
    return val


def _part(values: np.ndarray, name: str, notes: list[str]) -> np.ndarray:
    lo, hi = float(values.min()), float(values.max())
    if hi - lo <= _TOL:
        notes.append(
            f"all {name} values are equal: the {name} part of Q is 0 for every alternative."
        )
        return np.zeros_like(values)
    return (values - lo) / (hi - lo)


def compromise_set(q: np.ndarray, s: np.ndarray, r: np.ndarray) -> tuple[list[int], bool, bool]:
    """Opricovic & Tzeng's compromise solution: (indices, C1 acceptable advantage, C2 stability)."""
    m = len(q)
    ranks, _ = rank_scores(q, False)
    order = np.argsort(ranks)
    a1 = int(order[0])
    if m < 2:
        return [a1], True, True
    dq = 1.0 / (m - 1)
    advantage = bool(q[order[1]] - q[a1] >= dq - _TOL)
    stability = bool(s[a1] <= s.min() + _TOL or r[a1] <= r.min() + _TOL)
    if advantage and stability:
        return [a1], advantage, stability
    if advantage:
        return [a1, int(order[1])], advantage, stability
    close = [int(i) for i in order if q[i] - q[a1] < dq]
    return close, advantage, stability


def vikor(
    matrix: np.ndarray, weights: np.ndarray, types: np.ndarray, v: float = 0.5
) -> MethodResult:
    v = _check_v(v)
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    m, n = x.shape
    if m < 2:
        raise CoopselectError(
            f"VIKOR needs at least two alternatives (got {m}).",
            place="matrix",
            fix="add alternatives, or use another method for a single one.",
        )
    notes: list[str] = []
    best = np.where(t > 0, x.max(axis=0), x.min(axis=0))
    worst = np.where(t > 0, x.min(axis=0), x.max(axis=0))
    span = best - worst
    terms = np.zeros_like(x)
    for j in range(n):
        if span[j] == 0:
            notes.append(f"criterion {j + 1} is constant: it carries no weight in VIKOR.")
            continue
        terms[:, j] = w[j] * (best[j] - x[:, j]) / span[j]
    s = terms.sum(axis=1)
    r = terms.max(axis=1)
    q = v * _part(s, "S", notes) + (1.0 - v) * _part(r, "R", notes)
    ranks, ties = rank_scores(q, False)
    compromise, advantage, stability = compromise_set(q, s, r)
    return MethodResult(
        "vikor",
        q,
        ranks,
        False,
        {
            "S": s,
            "R": r,
            "Q": q,
            "v": v,
            "DQ": 1.0 / (m - 1),
            "acceptable_advantage": advantage,
            "acceptable_stability": stability,
            "compromise": compromise,
        },
        ties,
        tuple(notes),
    )
