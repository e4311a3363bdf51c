"""MOORA, ratio system (Brauers & Zavadskas 2006, "The MOORA method and its application to
privatization in a transition economy", Control and Cybernetics 35(2):445-469).

Vector normalisation ``r_ij = x_ij / sqrt(sum_i x_ij**2)``, then
``y_i = sum_{j benefit} w_j r_ij - sum_{j cost} w_j r_ij``. ``scores`` are y,
``higher_is_better=True``. extras: ``"normalized"`` (r), ``"weighted"`` (w r), ``"benefit_sum"``
and ``"cost_sum"`` (the two sums, so ``y = benefit_sum - cost_sum``). Only the ratio system is
implemented (not the reference point or the full multiplicative form).

Rules, never NaN or inf: an all-zero column has no length to divide by: it is set to 0 (noted); a
constant column adds the same amount to every y (noted; no effect on the ranking); a criterion
with weight 0 adds 0 (noted). Negative values are allowed (the vector normalisation keeps their
sign), as in the ratio system itself.

Implemented here rather than wrapped: importing pymcdm costs about a second and pulls in
matplotlib; pymcdm validates its input on every call, which is slow in Monte-Carlo loops; and its
MOORA raises ``ValueError`` when every criterion is a benefit, while the ratio system is well
defined then (the cost sum is 0). Otherwise the formula is the same (cross-checked in the tests).
"""

from __future__ import annotations

import numpy as np

from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.wpm import _common_notes


def moora(matrix, weights, types) -> MethodResult:
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    # r = x / sqrt(sum x^2), computed on x / max|x| so that squaring cannot overflow or underflow.
    peak = np.abs(x).max(axis=0)
    y = np.divide(x, peak, out=np.zeros_like(x), where=peak > 0)
    length = np.sqrt((y**2).sum(axis=0))
    r = np.divide(y, length, out=np.zeros_like(x), where=length > 0)
    v = r * w
    benefit_sum = v[:, t > 0].sum(axis=1)
    cost_sum = v[:, t < 0].sum(axis=1)
    scores = benefit_sum - cost_sum
    ranks, ties = rank_scores(scores, True)
    notes = _common_notes(x, w, "it adds the same amount to every score (no effect).")
    notes += [
        f"criterion {j + 1} is all zeros: it is set to 0." for j in np.flatnonzero(length == 0)
    ]
    return MethodResult(
        "moora",
        scores,
        ranks,
        True,
        {"normalized": r, "weighted": v, "benefit_sum": benefit_sum, "cost_sum": cost_sum},
        ties,
        tuple(notes),
    )
