"""Weighted sum model (WSM) on max-normalised columns.

Normalisation ``max`` (default): benefit r = x / max(x); cost r = 1 - x / max(x) (the linear form
pymcdm's ``max_normalization`` uses too). Also ``minmax``, ``vector`` and ``sum`` through
``coopselect.methods.topsis.normalise`` (vector and sum keep the direction, so a cost column then
enters with a negative sign). Score = sum_j w_j r_ij, higher is better.

Rules, never NaN: those of :func:`~coopselect.methods.topsis.normalise` (an all-zero column, or a
constant one under min-max, is set to 0 and noted).
"""

from __future__ import annotations

import numpy as np

from coopselect.methods.common import require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.topsis import normalise


def wsm(matrix, weights, types, normalization: str = "max") -> MethodResult:
    """Rank by the weighted sum of normalised values (WSM).

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    normalization : {"max", "minmax", "vector", "sum"}, default "max"
        Column normalisation: max gives benefit ``x / max``, cost ``1 - x / max``; the others
        are :func:`coopselect.methods.topsis.normalise`'s.

    Returns
    -------
    MethodResult
        ``scores``: ``sum_j w_j r_ij``, higher is better. ``extras``: ``normalized`` (r) and
        ``normalization``.

    Notes
    -----
    Fishburn, P. C. (1967). Additive utilities with incomplete product set: applications to
    priorities and assignments. Operations Research Society of America; Triantaphyllou, E.
    (2000). Multi-Criteria Decision Making Methods: A Comparative Study. Kluwer, ch. 2.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = wsm(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.765, 0.6, 0.61], [1, 3, 2])
    """
    types = np.asarray(types)
    r, notes = normalise(matrix, types, normalization)
    if normalization in ("vector", "sum"):
        r = r * types  # direction: a cost column counts against the alternative
    scores = r @ np.asarray(weights, float)
    require_finite_scores(scores, "WSM")
    ranks, ties = rank_scores(scores, True)
    return MethodResult(
        "wsm",
        scores,
        ranks,
        True,
        {"normalized": r, "normalization": normalization},
        ties,
        tuple(notes),
    )
