"""ARAS, additive ratio assessment (Zavadskas & Turskis 2010, "A new additive ratio assessment
(ARAS) method in multicriteria decision-making", Technological and Economic Development of
Economy 16(2):159-172).

* the optimal alternative x_0j is added as row 0: max of the column for a benefit criterion, min
  for a cost criterion;
* cost columns are inverted, ``x_ij -> 1 / x_ij`` (so the optimal 1/min is the largest; computed
  as ``min / x_ij``, a constant factor that the sum normalisation cancels, so that tiny values
  cannot overflow);
* sum normalisation over the m + 1 rows ``r_ij = x_ij / sum_k x_kj``, weighting ``w_j r_ij``;
* optimality function ``S_i = sum_j w_j r_ij`` (S_0 for the optimal row);
* utility degree ``K_i = S_i / S_0`` in (0, 1].

``scores`` are K, ``higher_is_better=True``; extras ``"utility"`` (K), ``"S"`` (S_1..S_m),
``"S0"``, ``"optimal"`` (row 0), ``"normalized"`` (r of the m + 1 rows) and ``"weighted"``.

Rules, never NaN or inf: cost columns need values > 0 (they are inverted) and benefit columns
values >= 0 (a sum normalisation of mixed signs means nothing), otherwise :class:`CoopselectError`
naming the criterion and row; an all-zero benefit column contributes 0 (noted); if S_0 = 0 (every
weighted criterion is an all-zero benefit column) every K is 1 (noted); a constant column adds the
same ``w_j / (m + 1)`` to every S, S_0 included (noted); a criterion with weight 0 adds nothing
(noted).
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import Text, message
from coopselect.methods.common import common_notes, require_finite_scores, require_positive
from coopselect.methods.result import MethodResult, rank_scores


def aras(matrix, weights, types) -> MethodResult:
    """Rank by ARAS: utility degree relative to the optimal alternative.

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
        ``scores``: utility degree K in (0, 1], higher is better. ``extras``: ``utility``
        (K), ``S``, ``S0``, ``optimal`` (row 0), ``normalized`` and ``weighted`` (m + 1 rows).

    Notes
    -----
    Zavadskas, E. K. & Turskis, Z. (2010). A new additive ratio assessment (ARAS) method in
    multicriteria decision-making. Technological and Economic Development of Economy
    16(2):159-172.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = aras(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.9301, 0.7356, 0.7133], [1, 2, 3])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    benefit = t > 0
    require_positive(x, np.flatnonzero(~benefit), "ARAS")
    require_positive(x, np.flatnonzero(benefit), "ARAS", strict=False)
    optimal = np.where(benefit, x.max(axis=0), x.min(axis=0))
    ext = np.vstack([optimal, x])
    # Cost columns inverted: 1/x, computed as min/x (a constant factor per column, which the sum
    # normalisation cancels) so that tiny values cannot overflow; cost values are > 0 (checked).
    ext[:, ~benefit] = optimal[~benefit] / ext[:, ~benefit]
    total = ext.sum(axis=0)
    r = np.divide(ext, total, out=np.zeros_like(ext), where=total > 0)
    v = r * w
    s = v.sum(axis=1)
    notes: list[Text] = [*common_notes(x, w, message("method.effect.same_s"))]
    notes += [message("method.zeros_contribute", j=int(j) + 1) for j in np.flatnonzero(total == 0)]
    if s[0] > 0:
        k = s[1:] / s[0]
    else:
        k = np.ones(x.shape[0])
        notes.append(message("aras.s0_zero"))
    require_finite_scores(k, "ARAS")
    ranks, ties = rank_scores(k, True)
    return MethodResult(
        "aras",
        k,
        ranks,
        True,
        {
            "utility": k,
            "S": s[1:],
            "S0": float(s[0]),
            "optimal": optimal,
            "normalized": r,
            "weighted": v,
        },
        ties,
        tuple(notes),
    )
