"""PROMETHEE II (Brans & Vincke 1985; Brans, Vincke & Mareschal 1986): net outranking flows.

For every criterion j and ordered pair of alternatives (a, b) the difference is
``d_j(a, b) = x_aj - x_bj`` for a benefit criterion and ``x_bj - x_aj`` for a cost criterion. A
preference function turns it into a degree ``P_j(d)`` in [0, 1]; then

* ``pi(a, b) = sum_j w_j P_j(d_j(a, b))`` (weights sum to 1; the registry rescales them),
* ``phi+(a) = sum_b pi(a, b) / (m - 1)``, ``phi-(a) = sum_b pi(b, a) / (m - 1)``,
* ``phi(a) = phi+(a) - phi-(a)``, in [-1, 1], summing to 0 over the alternatives.

``scores`` are phi (``higher_is_better=True``); ``extras`` hold ``phi_plus``, ``phi_minus``,
``phi``, the preference matrix ``pi`` and the normalised per-criterion ``preference``, ``q``,
``p``, ``s``.

Preference functions (the "generalised criteria" of Brans & Mareschal, PROMETHEE methods, in
Figueira, Greco & Ehrgott (eds.), Multiple Criteria Decision Analysis: State of the Art Surveys,
Springer 2005, pp. 163-186). Sources differ at the threshold boundaries; this module uses Brans &
Mareschal's convention throughout: a difference equal to q is still indifferent, one equal to p is
not yet full preference.

=========  ==========  =================================================================
name       parameters  P(d)
=========  ==========  =================================================================
usual      --          0 if d <= 0; 1 if d > 0                       (type I)
ushape     q >= 0      0 if d <= q; 1 if d > q                       (type II, quasi-criterion)
vshape     p > 0       0 if d <= 0; d / p if 0 < d <= p; 1 if d > p  (type III)
level      0 <= q <= p 0 if d <= q; 1/2 if q < d <= p; 1 if d > p    (type IV)
linear     0 <= q <= p 0 if d <= q; (d - q)/(p - q) if q < d <= p; 1 if d > p  (type V)
gaussian   s > 0       0 if d <= 0; 1 - exp(-d^2 / (2 s^2)) if d > 0  (type VI)
=========  ==========  =================================================================

Platform independence: before P is applied, a difference within the registry's relative
tolerance ``REL_TOL`` (1e-9) of 0, of q or of p is set exactly to it, the tolerance being
``REL_TOL * max(|x_a|, |x_b|, range of the criterion)``. Two values that are equal in exact
arithmetic but differ in the last bit (``1 - 0.7 * 5/12`` and ``1 - 0.5 * 7/12``; BLAS kernels
differ from one CPU to another) are therefore indifferent everywhere, instead of giving full
preference under the usual function on one machine and none on another. A criterion whose values
are all equal within that tolerance is constant.

With q = p, "level" and "linear" reduce to the U-shape (the middle band is empty; no division by
p - q happens). Thresholds are in the units of their criterion.

Degenerate cases, never NaN: a constant column gives P = 0 for every pair and so carries no
weight (noted); a criterion whose differences all fall within its indifference threshold carries
no weight either (noted); a criterion with weight 0 contributes nothing. At least two alternatives
are needed (the flows divide by m - 1). The m x m matrices must fit the memory budget of
:mod:`coopselect.limits` (about 4,900 alternatives at the default), else a CoopselectError.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.limits import promethee_pairs
from coopselect.messages import Message, message
from coopselect.methods.common import require_alternatives, require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import REL_TOL, effectively_constant, noise_floor, snap

_BLOCK_CELLS = 1 << 14  # criterion_net_flows: cells of P_j computed at a time
PREFERENCE_FUNCTIONS = ("usual", "ushape", "vshape", "level", "linear", "gaussian")
_NEEDS = {
    "usual": (),
    "ushape": ("q",),
    "vshape": ("p",),
    "level": ("q", "p"),
    "linear": ("q", "p"),
    "gaussian": ("s",),
}
_MEANING = {
    "q": "the indifference threshold q (largest difference that does not matter, >= 0)",
    "p": "the preference threshold p (smallest difference that matters fully, > 0, >= q)",
    "s": "the Gaussian parameter s (> 0, usually between q and p)",
}


def _per_criterion(n: int, value, name: str) -> list:
    """A scalar (or None) applies to every criterion; a sequence gives one entry per criterion."""
    if value is None or isinstance(value, (str, Real)):
        return [value] * n
    if isinstance(value, (Sequence, np.ndarray)):
        items = list(value)
        if len(items) != n:
            raise CoopselectError(
                f"{name} has {len(items)} entries for {n} criteria.",
                place=name,
                fix=f"give one {name} per criterion (None where not needed), or a single value.",
            )
        return items
    raise CoopselectError(
        f"{name} must be a single value or a list with one entry per criterion, got {value!r}.",
        place=name,
        fix=f"give one {name} per criterion (None where not needed), or a single value.",
    )


def _threshold(value, key: str, j: int) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise CoopselectError(
            f"{key} must be a number, got {value!r}.",
            place=f"criterion {j + 1}",
            fix=f"set {_MEANING[key]}.",
        )
    val = float(value)
    if not np.isfinite(val) or val < 0:
        raise CoopselectError(
            f"{key} = {value!r} is not a finite number >= 0.",
            place=f"criterion {j + 1}",
            fix=f"set {_MEANING[key]}.",
        )
    return val


def check_preferences(
    n: int, preference="usual", q=None, p=None, s=None
) -> tuple[list[str], list[float | None], list[float | None], list[float | None]]:
    """Validate PROMETHEE preference functions and thresholds for ``n`` criteria.

    Parameters
    ----------
    n : int
        Number of criteria.
    preference : str or sequence of str, default "usual"
        One name or one name per criterion.
    q, p, s : float or sequence of float, optional
        A number, None or one entry (number or None) per criterion.

    Returns
    -------
    tuple of four lists
        Per-criterion ``(preference, q, p, s)`` with names lower-cased (None: ``usual``, the
        default) and each threshold kept only where its function uses it (None elsewhere).

    Raises
    ------
    CoopselectError
        Naming the criterion, for an unknown function, a missing, negative or non-finite
        threshold, ``p < q``, ``p = 0`` (V-shape) or ``s = 0``.
    """
    names = _per_criterion(n, preference, "preference")
    qs = _per_criterion(n, q, "q")
    ps = _per_criterion(n, p, "p")
    ss = _per_criterion(n, s, "s")
    out_f: list[str] = []
    out_q: list[float | None] = []
    out_p: list[float | None] = []
    out_s: list[float | None] = []
    for j in range(n):
        # A criterion that names no function (None in a per-criterion list) gets the default.
        name = "usual" if names[j] is None else names[j]
        key = name.strip().lower() if isinstance(name, str) else name
        if key not in _NEEDS:
            raise CoopselectError(
                f"unknown preference function {name!r}.",
                place=f"criterion {j + 1}",
                fix=f"use one of {', '.join(PREFERENCE_FUNCTIONS)}.",
            )
        given = {"q": qs[j], "p": ps[j], "s": ss[j]}
        vals: dict[str, float | None] = {"q": None, "p": None, "s": None}
        for need in _NEEDS[key]:
            val = _threshold(given[need], need, j)
            if val is None:
                raise CoopselectError(
                    f"the {key} preference function needs {need}.",
                    place=f"criterion {j + 1}",
                    fix=f"set {_MEANING[need]}.",
                )
            vals[need] = val
        if key == "vshape" and vals["p"] == 0:
            raise CoopselectError(
                "the vshape preference function needs p > 0.",
                place=f"criterion {j + 1}",
                fix=f"set {_MEANING['p']}, or use the usual function.",
            )
        if key == "gaussian" and vals["s"] == 0:
            raise CoopselectError(
                "the gaussian preference function needs s > 0.",
                place=f"criterion {j + 1}",
                fix=f"set {_MEANING['s']}, or use the usual function.",
            )
        q_j, p_j = vals["q"], vals["p"]
        if key in ("level", "linear") and q_j is not None and p_j is not None and p_j < q_j:
            raise CoopselectError(
                f"p = {p_j:g} is smaller than q = {q_j:g}.",
                place=f"criterion {j + 1}",
                fix="set p >= q (q: largest difference that does not matter; p: smallest that "
                "matters fully).",
            )
        out_f.append(key)
        out_q.append(vals["q"])
        out_p.append(vals["p"])
        out_s.append(vals["s"])
    return out_f, out_q, out_p, out_s


def preference_degree(
    d: np.ndarray, name: str, q: float | None = None, p: float | None = None, s: float | None = None
) -> np.ndarray:
    """The preference degree P(d) in [0, 1] (the table in the module docstring).

    Parameters
    ----------
    d : numpy.ndarray
        Differences, already oriented (positive: the first alternative is better).
    name : str
        A preference function, with parameters validated by :func:`check_preferences`.
    q, p, s : float, optional
        Its thresholds.

    Returns
    -------
    numpy.ndarray
        P(d), the shape of ``d``.
    """
    d = np.asarray(d, dtype=float)
    if name == "usual":
        return (d > 0).astype(float)
    if name == "ushape":
        return (d > q).astype(float)
    if name == "vshape":
        return np.where(d <= 0, 0.0, np.minimum(d / p, 1.0))
    if name == "level":
        return np.where(d <= q, 0.0, np.where(d <= p, 0.5, 1.0))
    if name == "linear":
        assert p is not None and q is not None  # check_preferences requires them
        width = p - q
        if width <= 0:
            return (d > q).astype(float)
        return np.clip((d - q) / width, 0.0, 1.0)
    if name == "gaussian":
        assert s is not None  # check_preferences requires it
        pos = np.maximum(d, 0.0)
        return np.where(d <= 0, 0.0, 1.0 - np.exp(-(pos**2) / (2.0 * s**2)))
    raise ValueError(f"unknown preference function {name!r}")  # unreachable after checking


def _degrees(rows: np.ndarray, col: np.ndarray, cost: bool, f: str, q, p, s) -> np.ndarray:
    """P_j(a, b) for a in ``rows`` (a slice of the column) and b in ``col``."""
    d = rows[:, None] - col[None, :]  # d[a, b] = x_a - x_b
    if cost:
        d = -d
    # Rounding noise is no preference: differences within the tolerance of 0, q or p become
    # exactly that (see "Platform independence" in the module docstring).
    floor = noise_floor(rows[:, None], col[None, :], np.ptp(col))
    return preference_degree(snap(d, floor, q, p), f, q, p, s)


def _constant_note(j: int) -> Message:
    return message("method.constant_in", j=j + 1, method="PROMETHEE II")


def _no_weight_note(j: int) -> Message:
    return message("promethee.within_threshold", j=j + 1)


def criterion_net_flows(
    matrix: np.ndarray, types: np.ndarray, preference="usual", q=None, p=None, s=None
) -> tuple[np.ndarray, tuple[Message, ...]]:
    """Per-criterion net flows, from which ``phi = F @ w`` for any weights ``w`` summing to 1.

    Parameters
    ----------
    matrix, types, preference, q, p, s
        As for :func:`promethee2` (and checked as there: two alternatives, thresholds, memory
        budget).

    Returns
    -------
    tuple of (numpy.ndarray, tuple of Message)
        ``F`` (alternatives x criteria), ``F[a, j] = (sum_b P_j(a, b) - sum_b P_j(b, a)) /
        (m - 1)``, and the notes of :func:`promethee2`.
    """
    x = np.asarray(matrix, dtype=float)
    t = np.asarray(types)
    m, n = x.shape
    require_alternatives(m, "PROMETHEE II")
    funcs, qs, ps, ss = check_preferences(n, preference, q, p, s)
    promethee_pairs(m)
    flows = np.zeros((m, n))
    notes: list[Message] = []
    block = max(1, _BLOCK_CELLS // m)  # rows of P_j at a time: the same values, in the cache
    for j in range(n):
        col = x[:, j]
        if effectively_constant(col):
            notes.append(_constant_note(j))
            continue
        out_sum = np.zeros(m)
        in_sum = np.zeros(m)
        step = funcs[j] in ("usual", "ushape")
        top = np.maximum(np.abs(col), np.ptp(col))
        for r0 in range(0, m, block):
            rows = col[r0 : r0 + block]
            if step:
                # P = 1 exactly where the snapped difference exceeds q (0 for usual), i.e. where
                # d - q > floor: the same decision as _degrees, in fewer passes. The diagonal
                # has d = 0 and so P = 0.
                d = rows[:, None] - col[None, :]
                if t[j] < 0:
                    d = -d
                if qs[j]:
                    d -= qs[j]
                floor = np.maximum(top[r0 : r0 + block, None], np.abs(col)[None, :])
                floor *= REL_TOL
                pj = d > floor
                out_sum[r0 : r0 + block] = np.count_nonzero(pj, axis=1)
                in_sum += np.count_nonzero(pj, axis=0)
                continue
            pj = _degrees(rows, col, t[j] < 0, funcs[j], qs[j], ps[j], ss[j])
            diag = np.arange(r0, r0 + len(rows))
            pj[diag - r0, diag] = 0.0
            out_sum[r0 : r0 + block] = pj.sum(axis=1)
            in_sum += pj.sum(axis=0)
        if not np.any(out_sum):
            notes.append(_no_weight_note(j))
        flows[:, j] = (out_sum - in_sum) / (m - 1)
    return flows, tuple(notes)


def promethee2(
    matrix: np.ndarray,
    weights: np.ndarray,
    types: np.ndarray,
    preference="usual",
    q=None,
    p=None,
    s=None,
) -> MethodResult:
    """Rank by PROMETHEE II net outranking flows.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    preference : str or sequence of str, default "usual"
        Preference function, one for all criteria or one per criterion: ``usual``, ``ushape``,
        ``vshape``, ``level``, ``linear``, ``gaussian`` (table in the module docstring).
    q, p, s : float or sequence of float, optional
        Indifference threshold q, preference threshold p, Gaussian s, in the criterion's units;
        one value or one per criterion (None where the function does not use it).

    Returns
    -------
    MethodResult
        ``scores``: net flow phi in [-1, 1] (summing to 0), higher is better. ``extras``:
        ``phi_plus``, ``phi_minus``, ``phi``, the preference matrix ``pi`` and the checked
        per-criterion ``preference``, ``q``, ``p``, ``s``.

    Notes
    -----
    Brans, J.-P. & Vincke, Ph. (1985). A preference ranking organisation method (The PROMETHEE
    method for multiple criteria decision-making). Management Science 31(6):647-656; Brans,
    J.-P., Vincke, Ph. & Mareschal, B. (1986). How to select and how to rank projects: the
    PROMETHEE method. European Journal of Operational Research 24(2):228-238.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = promethee2(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.4, 0.2, -0.6], [1, 2, 3])
    """
    x = np.asarray(matrix, dtype=float)
    w = np.asarray(weights, dtype=float)
    t = np.asarray(types)
    m, n = x.shape
    require_alternatives(m, "PROMETHEE II")
    funcs, qs, ps, ss = check_preferences(n, preference, q, p, s)
    promethee_pairs(m)  # the m x m matrices fit the memory budget (coopselect.limits)
    notes: list[Message] = []
    pi = np.zeros((m, m))
    for j in range(n):
        col = x[:, j]
        if effectively_constant(col):
            notes.append(_constant_note(j))
            continue
        pj = _degrees(col, col, t[j] < 0, funcs[j], qs[j], ps[j], ss[j])
        if not np.any(pj):
            notes.append(_no_weight_note(j))
        pi += w[j] * pj
    np.fill_diagonal(pi, 0.0)
    phi_plus = pi.sum(axis=1) / (m - 1)
    phi_minus = pi.sum(axis=0) / (m - 1)
    phi = phi_plus - phi_minus
    require_finite_scores(phi, "PROMETHEE II")
    ranks, ties = rank_scores(phi, True)
    return MethodResult(
        "promethee2",
        phi,
        ranks,
        True,
        {
            "phi_plus": phi_plus,
            "phi_minus": phi_minus,
            "phi": phi,
            "pi": pi,
            "preference": funcs,
            "q": qs,
            "p": ps,
            "s": ss,
        },
        ties,
        tuple(notes),
    )
