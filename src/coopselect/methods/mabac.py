"""MABAC, multi-attributive border approximation area comparison (Pamucar & Cirovic 2015, "The
selection of transport and handling resources in logistics centers using Multi-Attributive Border
Approximation area Comparison (MABAC)", Expert Systems with Applications 42(6):3016-3028).

* min-max normalisation: benefit ``t_ij = (x_ij - min_j) / (max_j - min_j)``, cost
  ``t_ij = (x_ij - max_j) / (min_j - max_j)``;
* weighted matrix ``v_ij = w_j (t_ij + 1)``;
* border approximation area ``g_j = (prod_i v_ij) ** (1 / m)`` (geometric mean of the column);
* distance from the border ``q_ij = v_ij - g_j``; score ``S_i = sum_j q_ij``.

``scores`` are S, ``higher_is_better=True`` (S > 0: mostly in the upper approximation area).
extras ``"normalized"`` (t), ``"weighted"`` (v), ``"border"`` (g) and ``"distance"`` (q).

Platform independence: a column whose values are all equal within the registry's relative
tolerance ``REL_TOL`` (1e-9) is constant (its last-bit differences are not stretched to the range
[0, 1]), and a distance ``q_ij`` within ``REL_TOL * max(|v_ij|, |g_j|)`` of 0 is exactly 0 (on the
border).

Rules, never NaN or inf: a constant column has no range: t = 1 for every alternative (pymcdm's
rule), so v_ij = g_j and q_ij = 0: no effect (noted); a criterion with weight 0 has v = g = q = 0
(noted). Any real values are allowed (the normalisation only uses differences). The geometric
mean is computed as ``w_j * exp(mean_i log(t_ij + 1))`` (t + 1 lies in [1, 2]), which cannot
overflow or underflow however many alternatives there are.
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import message
from coopselect.methods.common import common_notes, require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import effectively_constant, noise_floor, snap


def mabac(matrix, weights, types) -> MethodResult:
    """Rank by MABAC: distance from the border approximation area.

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
        ``scores``: S, the sum of the distances from the border, higher is better.
        ``extras``: ``normalized`` (t), ``weighted`` (v), ``border`` (g, per criterion) and
        ``distance`` (q).

    Notes
    -----
    Pamučar, D. & Ćirović, G. (2015). The selection of transport and handling resources in
    logistics centers using Multi-Attributive Border Approximation area Comparison (MABAC).
    Expert Systems with Applications 42(6):3016-3028.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = mabac(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.2371, 0.1371, -0.1962], [1, 2, 3])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    lo, hi = x.min(axis=0), x.max(axis=0)
    constant = np.array([effectively_constant(x[:, j]) for j in range(x.shape[1])], dtype=bool)
    span = np.where(constant, 0.0, hi - lo)
    ratio = np.divide(x - lo, span, out=np.ones_like(x), where=span > 0)
    norm = np.where(t > 0, ratio, 1.0 - ratio)
    norm[:, span == 0] = 1.0
    v = w * (norm + 1.0)
    border = w * np.exp(np.log(norm + 1.0).mean(axis=0))
    q = snap(v - border, noise_floor(v, border))
    scores = q.sum(axis=1)
    require_finite_scores(scores, "MABAC")
    ranks, ties = rank_scores(scores, True)
    notes = common_notes(x, w, message("method.effect.border_distance"))
    return MethodResult(
        "mabac",
        scores,
        ranks,
        True,
        {"normalized": norm, "weighted": v, "border": border, "distance": q},
        ties,
        tuple(notes),
    )
