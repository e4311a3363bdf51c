"""Weighted product model (WPM; Bridgman 1922, Miller & Starr 1969; Triantaphyllou 2000, ch. 2).

Linear ratio normalisation: benefit ``r_ij = x_ij / max_i x_ij``, cost ``r_ij = min_i x_ij / x_ij``
(so every r lies in (0, 1] and 1 is the best value in the column). Score
``P_i = prod_j r_ij ** w_j``; ``higher_is_better=True``. Because any positive per-column rescaling
multiplies every P_i by the same constant, the ranking is the same as with sum normalisation
(pymcdm's default for WPM); the scores differ by that constant factor.

Rules, never NaN or inf:

* every value must be > 0 (a ratio and a power of zero or a negative number mean nothing): a
  value <= 0 raises :class:`CoopselectError` naming the criterion and row;
* a constant column gives r = 1 for every alternative: a factor 1, no effect on the ranking (noted);
* a criterion with weight 0 gives the factor r ** 0 = 1: no effect (noted).

This module also holds the small helpers shared by WASPAS, COPRAS, EDAS, MABAC, ARAS and MOORA.
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import message
from coopselect.methods.common import (
    common_notes,
    linear_ratio,
    require_finite_scores,
    require_positive,
)
from coopselect.methods.result import MethodResult, rank_scores


def wpm(matrix, weights, types) -> MethodResult:
    """Rank by the weighted product of linear ratios (WPM).

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
        ``scores``: ``prod_j r_ij ** w_j`` in (0, 1], higher is better. ``extras``:
        ``normalized`` (r) and ``weighted`` (the factors ``r ** w``).

    Notes
    -----
    Bridgman, P. W. (1922). Dimensional Analysis. Yale University Press; Miller, D. W. &
    Starr, M. K. (1969). Executive Decisions and Operations Research. Prentice-Hall;
    Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative Study.
    Kluwer, ch. 2.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = wpm(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.923, 0.6931, 0.7155], [1, 3, 2])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    require_positive(x, range(x.shape[1]), "WPM")
    r = linear_ratio(x, t)
    factors = r**w
    scores = np.prod(factors, axis=1)
    require_finite_scores(scores, "WPM")
    ranks, ties = rank_scores(scores, True)
    notes = common_notes(x, w, message("method.effect.factor_one"))
    return MethodResult(
        "wpm",
        scores,
        ranks,
        True,
        {"normalized": r, "weighted": factors},
        ties,
        tuple(notes),
    )
