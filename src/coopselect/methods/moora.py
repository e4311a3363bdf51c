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
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import message
from coopselect.methods.common import common_notes, require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores


def moora(matrix, weights, types) -> MethodResult:
    """Rank by the MOORA ratio system: normalised benefits minus normalised costs.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.

    Returns
    -------
    MethodResult
        ``scores``: y, higher is better. ``extras``: ``normalized`` (r), ``weighted``,
        ``benefit_sum`` and ``cost_sum`` (y = benefit_sum - cost_sum).

    Notes
    -----
    Brauers, W. K. M. & Zavadskas, E. K. (2006). The MOORA method and its application to
    privatization in a transition economy. Control and Cybernetics 35(2):445-469.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = moora(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.2143, 0.0688, 0.1003], [1, 3, 2])
    """
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
    require_finite_scores(scores, "MOORA")
    ranks, ties = rank_scores(scores, True)
    notes = common_notes(x, w, message("method.effect.same_score"))
    notes += [message("method.zeros_set", j=int(j) + 1) for j in np.flatnonzero(length == 0)]
    return MethodResult(
        "moora",
        scores,
        ranks,
        True,
        {"normalized": r, "weighted": v, "benefit_sum": benefit_sum, "cost_sum": cost_sum},
        ties,
        tuple(notes),
    )
