"""Objective criterion weights computed from the decision matrix alone.

Four published schemes, implemented in numpy (no pymcdm import here):

* ``entropy`` -- Shannon entropy (Shannon 1948) as used for MCDA weights by Zeleny (1982,
  *Multiple Criteria Decision Making*, McGraw-Hill) and Hwang & Yoon (1981, *Multiple Attribute
  Decision Making*, Springer).
* ``critic`` -- CRITIC, Diakoulaki, Mavrotas & Papayannakis (1995), "Determining objective weights
  in multiple criteria problems: the CRITIC method", Computers & Operations Research 22(7),
  763-770.
* ``std`` -- the standard-deviation method: weights proportional to the standard deviation of the
  min-max normalised criteria (worked example: Jahan & Edwards 2013, Materials & Design 49,
  1000-1008, whose matrix is already normalised to [0, 1]).
* ``merec`` -- MEREC, Keshavarz-Ghorabaee, Amiri, Zavadskas, Turskis & Antucheviciene (2021),
  "Determination of objective weights using a new method based on the removal effects of
  criteria (MEREC)", Symmetry 13(4), 525.

Matrices are ``m x n`` (rows = alternatives, columns = criteria); ``types`` holds ``+1`` for a
benefit criterion and ``-1`` for a cost criterion. Every result is a :class:`WeightResult` whose
weights sum to 1, are ``>= 0`` and are never NaN. A criterion that carries no information (a
constant column) gets weight 0 and a note; when no criterion carries information the scheme is
undefined and a :class:`~coopselect.errors.CoopselectError` is raised.

Standard deviations use ``ddof=0``, the population standard deviation (dividing by ``m``): the
alternatives are the whole set being compared, not a sample from a larger population. pymcdm uses
``ddof=1``. The choice does not change any weight: ``ddof=1`` multiplies every column's standard
deviation by the same factor ``sqrt(m / (m - 1))``, which cancels when the weights are normalised
to sum 1 (the published CRITIC and std examples in the tests are reproduced either way). It only
changes the ``sigma`` reported in ``details``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import Message, message

OBJECTIVE_METHODS = ("entropy", "critic", "std", "merec")

#: Delta degrees of freedom for every standard deviation here (see the module docstring).
DDOF = 0


@dataclass(frozen=True)
class WeightResult:
    """Objective weights and how they were obtained.

    ``weights`` sum to 1, are ``>= 0`` and finite. ``notes`` are remarks (e.g. a constant
    criterion that got weight 0) as catalog messages (``coopselect.messages.render``).
    ``details`` holds the scheme's intermediate quantities (entropy ``E`` and ``d``; CRITIC
    ``sigma``, ``correlation`` and ``C``; std ``sigma``; MEREC ``S``, ``S_prime`` and ``E``), as
    numpy arrays.
    """

    method: str
    weights: np.ndarray
    notes: tuple[Message, ...] = ()  # coopselect.messages, rendered by the outputs
    details: dict = field(default_factory=dict)


# -- input checks ---------------------------------------------------------------------------------


def _check_matrix(matrix: np.ndarray) -> np.ndarray:
    try:
        x = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise CoopselectError(
            f"the decision matrix is not numeric ({exc}).",
            place="matrix",
            fix="give one number per alternative and criterion.",
        ) from None
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise CoopselectError(
            f"the decision matrix must be 2-dimensional with at least 2 alternatives (rows) and "
            f"1 criterion (column); got shape {x.shape}.",
            place="matrix",
            fix="give at least two alternatives; objective weights compare alternatives.",
        )
    bad = np.argwhere(~np.isfinite(x))
    if bad.size:
        i, j = (int(v) for v in bad[0])
        raise CoopselectError(
            f"alternative {i + 1} has a missing or infinite value ({x[i, j]}).",
            place=f"criterion {j + 1}",
            fix="fill in every value of the decision matrix with a finite number.",
        )
    return x


def _check_types(types: np.ndarray | None, n: int) -> np.ndarray:
    if types is None:
        return np.ones(n, dtype=int)
    t = np.asarray(types)
    if t.shape != (n,):
        raise CoopselectError(
            f"{t.size} criterion types for {n} criteria.",
            place="types",
            fix="give one type per criterion: 1 for benefit, -1 for cost.",
        )
    if not np.all(np.isin(t, (1, -1))):
        raise CoopselectError(
            f"criterion types must be 1 (benefit) or -1 (cost); got {t.tolist()}.",
            place="types",
            fix="use 1 for a benefit criterion and -1 for a cost criterion.",
        )
    return t.astype(int)


def _normalise_weights(raw: np.ndarray, method: str, why: str) -> np.ndarray:
    total = float(raw.sum())
    if not np.isfinite(total) or total <= 0:
        raise CoopselectError(
            f"{method} weights are undefined: {why}",
            place="matrix",
            fix="objective weights need criteria whose values differ between alternatives; "
            "set the weights yourself (e.g. with AHP) instead.",
        )
    return raw / total


def _minmax(x: np.ndarray, types: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Min-max normalised columns turned toward their ideal: ``f = (x - min) / (max - min)`` for
    benefit, ``1 - f`` for cost. Constant columns become 0; the mask of constant columns is
    returned too."""
    lo, hi = x.min(axis=0), x.max(axis=0)
    span = hi - lo
    constant = span == 0
    f = np.divide(x - lo, span, out=np.zeros_like(x), where=~constant)
    f = np.where(types > 0, f, 1.0 - f)
    f[:, constant] = 0.0
    return f, constant


def _constant_notes(constant: np.ndarray) -> list[Message]:
    return [message("weights.constant", j=int(j) + 1) for j in np.flatnonzero(constant)]


# -- the four schemes -----------------------------------------------------------------------------


def entropy_weights(matrix: np.ndarray, types: np.ndarray | None = None) -> WeightResult:
    """Shannon-entropy weights on the raw matrix, as published (Zeleny 1982; Hwang & Yoon 1981).

    ``p_ij = x_ij / sum_i x_ij``, ``E_j = -(1 / ln m) sum_i p_ij ln p_ij`` with ``0 ln 0 = 0``,
    ``d_j = 1 - E_j``, ``w_j = d_j / sum_k d_k``.

    Criterion types do not change the weights: the entropy measures how unevenly a criterion's
    values are spread over the alternatives, whatever the direction of preference. ``types`` is
    accepted (and checked) only for a uniform signature. The weights are invariant under a
    positive rescaling of a column (a change of unit) but not under a shift (e.g. Celsius to
    Kelvin), because the method works on shares of the column total.

    Values must be ``>= 0``. A column of all zeros has no shares: it gets ``d = 0`` (weight 0) and
    a note. A column with some zeros is fine (``0 ln 0 = 0``; pymcdm 1.4 refuses any zero). If
    every ``d_j`` is 0 (every column constant or all zeros) the weights are undefined and an
    error is raised.
    """
    x = _check_matrix(matrix)
    m, n = x.shape
    _check_types(types, n)
    neg = np.argwhere(x < 0)
    if neg.size:
        i, j = (int(v) for v in neg[0])
        raise CoopselectError(
            f"alternative {i + 1} has a negative value ({x[i, j]:g}); the entropy method needs "
            "values >= 0 (it works on shares of the column total).",
            place=f"criterion {j + 1}",
            fix="shift or re-express the criterion so that every value is >= 0, or use the "
            "critic, std or merec method.",
        )
    totals = x.sum(axis=0)
    zero = totals == 0
    p = np.divide(x, totals, out=np.zeros_like(x), where=~zero)
    plogp = np.zeros_like(p)
    pos = p > 0
    plogp[pos] = p[pos] * np.log(p[pos])
    e = -plogp.sum(axis=0) / np.log(m)
    e[zero] = 1.0
    # A constant column has E = 1 exactly in theory; set it so rather than trust rounding.
    constant = x.max(axis=0) == x.min(axis=0)
    e[constant] = 1.0
    d = np.clip(1.0 - e, 0.0, None)
    notes = [message("weights.all_zeros", j=int(j) + 1) for j in np.flatnonzero(zero)]
    notes += [
        message("weights.constant_entropy", j=int(j) + 1) for j in np.flatnonzero(constant & ~zero)
    ]
    w = _normalise_weights(d, "entropy", "every criterion has maximal entropy (constant columns).")
    return WeightResult("entropy", w, tuple(notes), {"p": p, "E": e, "d": d})


def critic_weights(matrix: np.ndarray, types: np.ndarray | None = None) -> WeightResult:
    """CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995).

    1. Each column is min-max normalised and turned toward its ideal, as in the original method
       where every criterion is expressed so that 1 is the best value:
       ``f = (x - min) / (max - min)`` for benefit, ``1 - f`` for cost.
    2. ``sigma_j`` is the standard deviation of normalised column ``j`` (``ddof=0``; the choice
       does not affect the weights, see the module docstring).
    3. ``r_jk`` is the Pearson correlation of normalised columns ``j`` and ``k``. Reversing a cost
       column flips the sign of its correlation with every benefit column (and leaves its
       correlation with other cost columns unchanged), so the criterion types DO change the
       weights when benefit and cost criteria are mixed. (pymcdm 1.4's ``critic_weights``
       ignores the types and normalises every column as a benefit; some published examples,
       e.g. Tuş & Aytaç Adalı 2019, OPSEARCH 56, 528-538, are reproduced only that way.)
    4. ``C_j = sigma_j * sum_k (1 - r_jk)`` and ``w_j = C_j / sum_k C_k``.

    A constant column has ``sigma = 0`` (so ``C = 0``, weight 0, with a note) and an undefined
    correlation: it is left out of the sums of the other criteria (it contributes 0 to them), so
    adding a constant criterion does not change the other weights. Its row and column of
    ``details["correlation"]`` are NaN (undefined), the diagonal excepted. If every column is
    constant an error is raised.

    Two cases where the formula is 0/0: if only one criterion varies, it gets weight 1 (with a
    note); if several vary but every pair is perfectly positively correlated (``r = 1``, no
    conflict at all), an error is raised.
    """
    x = _check_matrix(matrix)
    t = _check_types(types, x.shape[1])
    f, constant = _minmax(x, t)
    sigma = f.std(axis=0, ddof=DDOF)
    sigma[constant] = 0.0
    keep = ~constant
    n = x.shape[1]
    r = np.full((n, n), np.nan)
    np.fill_diagonal(r, 1.0)
    if keep.any():
        fk = f[:, keep]
        dev = fk - fk.mean(axis=0)
        norm = np.sqrt((dev**2).sum(axis=0))
        rk = (dev.T @ dev) / np.outer(norm, norm)
        rk = np.clip(rk, -1.0, 1.0)
        # Columns that are exact linear images of each other must not get a rounding-noise
        # conflict of 1e-16.
        rk[np.abs(rk - 1.0) < 1e-12] = 1.0
        rk[np.abs(rk + 1.0) < 1e-12] = -1.0
        np.fill_diagonal(rk, 1.0)
        r[np.ix_(keep, keep)] = rk
    conflict = np.zeros(n)
    conflict[keep] = (1.0 - r[np.ix_(keep, keep)]).sum(axis=1)
    c = sigma * conflict
    notes = _constant_notes(constant)
    details = {"normalised": f, "sigma": sigma, "correlation": r, "C": c}
    if keep.sum() == 1:
        # C = sigma * (1 - 1) = 0 for the only varying criterion: the formula is 0/0, but that
        # criterion is the only one that tells the alternatives apart.
        j = int(np.flatnonzero(keep)[0])
        notes.append(message("weights.only_varying", j=j + 1))
        return WeightResult("critic", keep.astype(float), tuple(notes), details)
    if keep.any() and not c.sum() > 0:
        raise CoopselectError(
            "CRITIC weights are undefined: every varying criterion is perfectly positively "
            "correlated with every other (no conflict between criteria).",
            place="matrix",
            fix="use the std or entropy method, or set the weights yourself (e.g. with AHP).",
        )
    w = _normalise_weights(c, "CRITIC", "every criterion is constant.")
    return WeightResult("critic", w, tuple(notes), details)


def std_weights(matrix: np.ndarray, types: np.ndarray | None = None) -> WeightResult:
    """Standard-deviation weights: ``w_j`` proportional to the standard deviation of the min-max
    normalised column ``j`` (``f = (x - min) / (max - min)``, ``1 - f`` for cost; reversing a
    column does not change its standard deviation, so the types do not change the weights).

    ``ddof=0``; ``ddof=1`` would give the same weights (module docstring). Min-max normalisation
    makes the weights independent of the criteria's units (pymcdm's ``standard_deviation_weights``
    uses the raw matrix instead, so a criterion in larger units gets a larger weight). A constant
    column gets weight 0 and a note; if every column is constant an error is raised.
    """
    x = _check_matrix(matrix)
    t = _check_types(types, x.shape[1])
    f, constant = _minmax(x, t)
    sigma = f.std(axis=0, ddof=DDOF)
    sigma[constant] = 0.0
    w = _normalise_weights(sigma, "standard-deviation", "every criterion is constant.")
    return WeightResult(
        "std", w, tuple(_constant_notes(constant)), {"normalised": f, "sigma": sigma}
    )


def merec_weights(matrix: np.ndarray, types: np.ndarray | None = None) -> WeightResult:
    """MEREC weights (Keshavarz-Ghorabaee et al. 2021), steps 2-6 of the paper.

    ``n_ij = min_k x_kj / x_ij`` for a benefit criterion and ``x_ij / max_k x_kj`` for a cost
    criterion (so ``0 < n_ij <= 1``, smaller is better); overall performance
    ``S_i = ln(1 + (1/n) sum_j |ln n_ij|)``; performance with criterion ``j`` removed
    ``S'_ij = ln(1 + (1/n) sum_{k != j} |ln n_ik|)`` (still divided by ``n``, as in the paper);
    removal effect ``E_j = sum_i |S'_ij - S_i|``; ``w_j = E_j / sum_k E_k``.

    Every value must be ``> 0`` (the method divides by and takes logs of them). A constant column
    has ``n_ij = 1`` for all ``i``, so removing it changes nothing: weight 0, with a note.
    """
    x = _check_matrix(matrix)
    n = x.shape[1]
    t = _check_types(types, n)
    bad = np.argwhere(x <= 0)
    if bad.size:
        i, j = (int(v) for v in bad[0])
        raise CoopselectError(
            f"alternative {i + 1} has the value {x[i, j]:g}; MEREC needs every value > 0 (it "
            "divides by the values and takes their logarithms).",
            place=f"criterion {j + 1}",
            fix="shift or re-express the criterion so that every value is > 0, or use the "
            "critic or std method.",
        )
    nm = np.where(t > 0, x.min(axis=0) / x, x / x.max(axis=0))
    a = np.abs(np.log(nm))
    total = a.sum(axis=1)
    s = np.log1p(total / n)
    s_prime = np.log1p((total[:, None] - a) / n)
    e = np.abs(s_prime - s[:, None]).sum(axis=0)
    constant = x.max(axis=0) == x.min(axis=0)
    e[constant] = 0.0
    w = _normalise_weights(e, "MEREC", "every criterion is constant.")
    return WeightResult(
        "merec",
        w,
        tuple(_constant_notes(constant)),
        {"normalised": nm, "S": s, "S_prime": s_prime, "E": e},
    )


_SCHEMES = {
    "entropy": entropy_weights,
    "critic": critic_weights,
    "std": std_weights,
    "merec": merec_weights,
}


def objective_weights(
    method: str, matrix: np.ndarray, types: np.ndarray | None = None
) -> WeightResult:
    """Objective weights by name: one of :data:`OBJECTIVE_METHODS`."""
    try:
        scheme = _SCHEMES[method]
    except (KeyError, TypeError):
        raise CoopselectError(
            f"unknown objective weighting method {method!r}.",
            place="method",
            fix=f"use one of {', '.join(OBJECTIVE_METHODS)}.",
        ) from None
    return scheme(matrix, types)
