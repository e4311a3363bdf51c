"""COPRAS, complex proportional assessment (Zavadskas & Kaklauskas 1996; Zavadskas, Kaklauskas &
Sarka 1994, "The new method of multicriteria complex proportional assessment of projects",
Technological and Economic Development of Economy 1(3):131-139), the standard formula.

* sum normalisation and weighting: ``d_ij = w_j x_ij / sum_i x_ij``;
* ``S+_i = sum_{j benefit} d_ij`` and ``S-_i = sum_{j cost} d_ij``;
* relative significance ``Q_i = S+_i + (S-_min * sum_k S-_k) / (S-_i * sum_k (S-_min / S-_k))``,
  which equals ``S+_i + sum_k S-_k / (S-_i * sum_k 1 / S-_k)``: the smaller S-_i, the larger Q_i;
* utility degree ``N_i = Q_i / Q_max * 100`` (percent).

``scores`` are Q, ``higher_is_better=True``; extras ``"S_plus"``, ``"S_minus"``, ``"Q"``,
``"utility"`` (N) and ``"weighted"`` (d).

Rules, never NaN or inf:

* cost columns need values > 0 (S-_i is a divisor); benefit columns need values >= 0 (a sum
  normalisation of mixed signs means nothing); otherwise :class:`CoopselectError` naming the
  criterion and row;
* no cost criterion with a weight > 0 (all S- are 0): ``Q = S+`` (noted);
* Q is computed from ``S- / max S-`` (never from 1/S-, which overflows for tiny cost weights),
  floored at 1e-300: this only matters when a cost column spans over 300 orders of magnitude;
* an all-zero benefit column contributes 0 (noted); if every Q is 0 (only possible when every
  weighted criterion is an all-zero benefit column) every utility is 100 (noted);
* a constant column adds ``w_j / m`` to every S+ (benefit) or S- (cost) (noted); a criterion with
  weight 0 adds nothing (noted).
"""

from __future__ import annotations

import numpy as np

from coopselect.messages import Text, message
from coopselect.methods.common import common_notes, require_finite_scores, require_positive
from coopselect.methods.result import MethodResult, rank_scores


def copras(matrix, weights, types) -> MethodResult:
    """Rank by COPRAS, complex proportional assessment (the standard formula).

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
        ``scores``: relative significance Q, higher is better. ``extras``: ``S_plus``,
        ``S_minus``, ``Q``, ``utility`` (N, percent of the best) and ``weighted`` (d).

    Notes
    -----
    Zavadskas, E. K., Kaklauskas, A. & Sarka, V. (1994). The new method of multicriteria
    complex proportional assessment of projects. Technological and Economic Development of
    Economy 1(3):131-139.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = copras(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.3935, 0.306, 0.3005], [1, 2, 3])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    benefit = t > 0
    require_positive(x, np.flatnonzero(~benefit), "COPRAS")
    require_positive(x, np.flatnonzero(benefit), "COPRAS", strict=False)
    notes: list[Text] = [*common_notes(x, w, message("method.effect.same_s_pm"))]
    total = x.sum(axis=0)
    p = np.divide(x, total, out=np.zeros_like(x), where=total > 0)  # column shares
    d = p * w
    notes += [message("method.zeros_contribute", j=int(j) + 1) for j in np.flatnonzero(total == 0)]
    s_plus = d[:, benefit].sum(axis=1)
    s_minus = d[:, ~benefit].sum(axis=1)
    w_minus = float(w[~benefit].sum())
    if w_minus > 0:
        # The same Q, computed as S- = w_minus * u_max * v with v = u / u_max in (0, 1], so that
        # no 1/S- is formed (it would overflow for tiny cost weights); v is floored at 1e-300
        # (only reached when a cost column spans more than 300 orders of magnitude).
        u = p[:, ~benefit] @ (w[~benefit] / w_minus)
        u_max = float(u.max())
        v = np.maximum(u / u_max, 1e-300)
        q = s_plus + w_minus * u_max * v.sum() / (v * (1.0 / v).sum())
    else:
        q = s_plus.copy()
        notes.append(message("copras.no_cost"))
    q_max = float(q.max())
    if q_max > 0:
        utility = q / q_max * 100.0
    else:
        utility = np.full_like(q, 100.0)
        notes.append(message("copras.q_zero"))
    require_finite_scores(q, "COPRAS")
    ranks, ties = rank_scores(q, True)
    return MethodResult(
        "copras",
        q,
        ranks,
        True,
        {"S_plus": s_plus, "S_minus": s_minus, "Q": q, "utility": utility, "weighted": d},
        ties,
        tuple(notes),
    )
