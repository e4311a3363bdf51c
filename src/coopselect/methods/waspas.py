"""WASPAS (Zavadskas, Turskis, Antucheviciene & Zakarevicius 2012, "Optimization of weighted
aggregated sum product assessment", Elektronika ir Elektrotechnika 122(6):3-6).

One linear normalisation for both parts: benefit ``r_ij = x_ij / max_i x_ij``, cost
``r_ij = min_i x_ij / x_ij``. Then

* ``Q1_i = sum_j w_j r_ij`` (the WSM part, extras ``"wsm"``),
* ``Q2_i = prod_j r_ij ** w_j`` (the WPM part, extras ``"wpm"``),
* ``Q_i = lam * Q1_i + (1 - lam) * Q2_i`` with ``lam`` in [0, 1] (0.5 by default; extras
  ``"lambda"``). ``scores`` are Q, ``higher_is_better=True``.

Note that the WSM part here is the paper's: cost columns use ``min / x``, not the ``1 - x / max``
of coopselect's own ``wsm`` method.

Rules, never NaN or inf: every value must be > 0 (the ratios and the powers need it), else
:class:`CoopselectError` naming the criterion and row; ``lam`` outside [0, 1] or not a number is an
error; a constant column gives r = 1 for every alternative, i.e. the same term in Q1 and a factor 1
in Q2 (noted); a criterion with weight 0 adds 0 to Q1 and a factor 1 to Q2 (noted).
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import message
from coopselect.methods.common import (
    common_notes,
    linear_ratio,
    require_finite_scores,
    require_positive,
)
from coopselect.methods.result import MethodResult, rank_scores


def _check_lambda(lam) -> float:
    try:
        val = float(lam)
    except (TypeError, ValueError):
        val = float("nan")
    if not np.isfinite(val) or not 0.0 <= val <= 1.0:
        raise CoopselectError(
            f"lam must be a number between 0 and 1, got {lam!r}.",
            place="lam",
            fix="set lam between 0 (pure WPM) and 1 (pure WSM); 0.5 weighs both equally.",
        )
    return val


def waspas(matrix, weights, types, lam: float = 0.5) -> MethodResult:
    """Rank by WASPAS: a weighted sum and a weighted product combined.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    lam : float, default 0.5
        Share of the sum part, in [0, 1] (0: pure WPM, 1: pure WSM).

    Returns
    -------
    MethodResult
        ``scores``: ``Q = lam Q1 + (1 - lam) Q2``, higher is better. ``extras``:
        ``normalized`` (r), ``wsm`` (Q1), ``wpm`` (Q2) and ``lambda``.

    Notes
    -----
    Zavadskas, E. K., Turskis, Z., Antucheviciene, J. & Zakarevicius, A. (2012). Optimization
    of weighted aggregated sum product assessment. Elektronika ir Elektrotechnika 122(6):3-6.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = waspas(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.924, 0.7266, 0.7161], [1, 2, 3])
    """
    lam = _check_lambda(lam)
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    require_positive(x, range(x.shape[1]), "WASPAS")
    r = linear_ratio(x, t)
    q_sum = r @ w
    q_prod = np.prod(r**w, axis=1)
    scores = lam * q_sum + (1.0 - lam) * q_prod
    require_finite_scores(scores, "WASPAS")
    ranks, ties = rank_scores(scores, True)
    notes = common_notes(x, w, message("method.effect.r_one"))
    return MethodResult(
        "waspas",
        scores,
        ranks,
        True,
        {"normalized": r, "wsm": q_sum, "wpm": q_prod, "lambda": lam},
        ties,
        tuple(notes),
    )
