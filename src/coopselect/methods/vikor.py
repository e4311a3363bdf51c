"""VIKOR (Opricovic & Tzeng 2004, EJOR 156:445-455): compromise ranking by closeness to the ideal.

For each criterion j, f*_j is the best value in the column (max for benefit, min for cost) and
f-_j the worst. With ``t_ij = w_j (f*_j - x_ij) / (f*_j - f-_j)`` (0 on the best value, w_j on the
worst, whatever the direction):

* group utility ``S_i = sum_j t_ij`` and individual regret ``R_i = max_j t_ij``;
* ``Q_i = v (S_i - S*) / (S- - S*) + (1 - v) (R_i - R*) / (R- - R*)`` with S* = min S, S- = max S,
  R* = min R, R- = max R, and ``v`` in [0, 1] the weight of the "majority" strategy.

Fixed scale (``bounds``): f*_j and f-_j may instead be the ends of a scale fixed in advance, one
``[min, max]`` pair per criterion (the aspired and worst levels of Tzeng's modified VIKOR, e.g.
Liou, Tsai, Lin & Tzeng 2011, Journal of Air Transport Management 17(2):57-61). Then S and R of
an alternative depend only on its own values, not on which other alternatives are compared: a
0.1 shortfall on a 0-1 scale costs the same whether the compared values span 0.2 or 0.9. Q still
rescales S and R over the compared set, as the method prescribes. Values outside the bounds are
refused (:func:`coopselect.methods.bounds.resolve_bounds`); a pair may be None to take that side
from the data (noted). With bounds equal to each column's min and max the result is the
original method's.

``scores`` are Q (``higher_is_better=False``: smaller Q is better) and ``ranks`` order by Q. Ties in
Q are broken by input order and reported in ``ties``.

The compromise solution follows the paper's two conditions, with a1, a2 the first and second
alternatives by Q and ``DQ = 1 / (m - 1)``:

* C1 "acceptable advantage": ``Q(a2) - Q(a1) >= DQ``;
* C2 "acceptable stability": a1 is also best by S or by R.

If both hold the compromise is ``[a1]``; if only C2 fails, ``[a1, a2]``; if C1 fails,
``[a1, ..., aM]`` with M the largest position such that ``Q(aM) - Q(a1) < DQ``. Indices are
0-based row indices.

Platform independence: every comparison above, the test for a constant column (f* = f-) and the
test for all S (or all R) equal treat two values equal within the registry's relative tolerance
``REL_TOL`` (1e-9 of the larger value or of the range they come from) as equal. So the exact case
of two alternatives (Q = 0 and 1, DQ = 1) satisfies C1, and values that are equal in exact
arithmetic but differ in the last bit (rounding differs between CPUs) give the same compromise
and the same ties everywhere, instead of a 1e-16 difference being stretched to a full range.

Values near the range of a double (spans f* - f- beyond 1.8e308) are divided by the column's
largest magnitude before the span is taken, so they give the same Q as the values scaled down;
a score that is still not finite is refused
(:func:`~coopselect.methods.common.require_finite_scores`).

Degenerate cases, never NaN:

* a constant column (f* = f-) carries no information: its terms are 0 (noted);
* all S equal (S- = S*) or all R equal (R- = R*): that part of Q is 0 (noted), so with v = 1 and
  equal S, or everything constant, all Q are 0 and the alternatives tie;
* a criterion with weight 0 contributes 0 terms, as the formula says.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import Message, message
from coopselect.methods.bounds import resolve_bounds
from coopselect.methods.common import require_alternatives, require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import effectively_constant, nearly_equal


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


def _part(values: np.ndarray, name: str, notes: list[Message]) -> np.ndarray:
    lo, hi = float(values.min()), float(values.max())
    if nearly_equal(lo, hi):
        notes.append(message("vikor.equal_part", part=name))
        return np.zeros_like(values)
    return (values - lo) / (hi - lo)


def compromise_set(q: np.ndarray, s: np.ndarray, r: np.ndarray) -> tuple[list[int], bool, bool]:
    """Opricovic & Tzeng's compromise solution.

    Parameters
    ----------
    q, s, r : numpy.ndarray
        VIKOR's Q, S and R per alternative.

    Returns
    -------
    tuple of (list of int, bool, bool)
        The compromise (0-based rows), C1 (acceptable advantage) and C2 (acceptable stability).
    """
    m = len(q)
    ranks, _ = rank_scores(q, False)
    order = np.argsort(ranks)
    a1 = int(order[0])
    if m < 2:
        return [a1], True, True
    dq = 1.0 / (m - 1)
    spread = float(np.ptp(q))

    def reaches_dq(gap: float) -> bool:  # gap >= DQ, equality within the tolerance
        return bool(gap >= dq or nearly_equal(gap, dq, spread))

    advantage = reaches_dq(float(q[order[1]] - q[a1]))
    stability = bool(
        nearly_equal(s[a1], s.min(), np.ptp(s)) or nearly_equal(r[a1], r.min(), np.ptp(r))
    )
    if advantage and stability:
        return [a1], advantage, stability
    if advantage:
        return [a1, int(order[1])], advantage, stability
    close = [int(i) for i in order if not reaches_dq(float(q[i] - q[a1]))]
    return close, advantage, stability


def vikor(
    matrix: np.ndarray,
    weights: np.ndarray,
    types: np.ndarray,
    v: float = 0.5,
    bounds=None,
) -> MethodResult:
    """Rank by VIKOR: compromise between group utility S and individual regret R.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    v : float, default 0.5
        Weight of the "majority" strategy (S) against the regret (R) in Q, in [0, 1].
    bounds : sequence of [min, max], optional
        A fixed scale per criterion: f* and f- are its ends instead of the column's best and
        worst values (module docstring). None (default): the original method.

    Returns
    -------
    MethodResult
        ``scores``: Q in [0, 1], lower is better (``higher_is_better=False``). ``extras``:
        ``S``, ``R``, ``Q`` (per alternative), ``v``, ``DQ``, ``acceptable_advantage``,
        ``acceptable_stability``, ``compromise`` (0-based row indices) and, with ``bounds``,
        ``bounds`` (n x 2).

    Notes
    -----
    Opricovic, S. & Tzeng, G.-H. (2004). Compromise solution by MCDM methods: a comparative
    analysis of VIKOR and TOPSIS. European Journal of Operational Research 156(2):445-455.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = vikor(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.0, 0.2821, 1.0], [1, 2, 3])
    """
    v = _check_v(v)
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    m, n = x.shape
    require_alternatives(m, "VIKOR")
    notes: list[Message] = []
    fixed = None
    if bounds is None:
        best = np.where(t > 0, x.max(axis=0), x.min(axis=0))
        worst = np.where(t > 0, x.min(axis=0), x.max(axis=0))
    else:
        fixed, bound_notes = resolve_bounds(x, bounds, "VIKOR")
        notes += bound_notes
        best = np.where(t > 0, fixed[:, 1], fixed[:, 0])
        worst = np.where(t > 0, fixed[:, 0], fixed[:, 1])
    terms = np.zeros_like(x)
    for j in range(n):
        with np.errstate(over="ignore"):  # hi - lo = inf: not constant, as it should be
            constant = (
                effectively_constant(x[:, j])
                if fixed is None
                else effectively_constant(np.array([best[j], worst[j]]))
            )
        if constant:
            notes.append(message("method.constant_in", j=j + 1, method="VIKOR"))
            continue
        # Divided by the column's largest magnitude first: f* - f- of values near +-1.8e308
        # would overflow to inf (and every term to 0 or NaN); scaled, the span is at most 2.
        scale = max(abs(best[j]), abs(worst[j]))
        b, col = best[j] / scale, x[:, j] / scale
        terms[:, j] = w[j] * (b - col) / (b - worst[j] / scale)
    s = terms.sum(axis=1)
    r = terms.max(axis=1)
    q = v * _part(s, "S", notes) + (1.0 - v) * _part(r, "R", notes)
    require_finite_scores(q, "VIKOR")
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
        }
        | ({} if fixed is None else {"bounds": fixed}),
        ties,
        tuple(notes),
    )
