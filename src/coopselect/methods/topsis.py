"""TOPSIS (Hwang & Yoon 1981) with vector normalisation by default.

Normalised columns r (:func:`normalise`), weighted ``v_ij = w_j r_ij``; the ideal point takes the
best value of every weighted column and the anti-ideal the worst; ``d+_i`` and ``d-_i`` are the
Euclidean distances from them and the closeness ``C_i = d-_i / (d+_i + d-_i)`` in [0, 1] is the
score, higher is better.

Rules, never NaN: an all-zero column (or a constant one under min-max) carries no information: it
is set to 0 (noted); alternatives equal on every weighted column are all at distance 0 from both
points: every C is 0.5, a tie.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import Message, message
from coopselect.methods.common import require_finite_scores
from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.tolerance import effectively_constant

NORMALIZATIONS = ("vector", "minmax", "max", "sum")


def normalise(matrix: np.ndarray, types: np.ndarray, how: str) -> tuple[np.ndarray, list[Message]]:
    """Normalise every column of ``matrix``.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, alternatives x criteria.
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    how : {"vector", "minmax", "max", "sum"}
        Vector and sum keep the direction (TOPSIS takes it into account via the ideal point);
        min-max and max turn cost columns into benefit columns.

    Returns
    -------
    tuple of (numpy.ndarray, list of Message)
        The normalised matrix and the notes (coopselect.messages, rendered by the outputs).

    Notes
    -----
    A column that is all zeros (vector, sum, max) or constant (min-max; equal within the
    ``REL_TOL`` of methods.tolerance, so that last-bit rounding noise is not stretched to [0, 1])
    carries no information: it is set to 0 and reported, never NaN.
    """
    x = np.asarray(matrix, dtype=float)
    notes: list[Message] = []
    out = np.zeros_like(x)
    for j in range(x.shape[1]):
        col = x[:, j]
        if how == "vector":
            d = float(np.sqrt((col**2).sum()))
            out[:, j] = col / d if d > 0 else 0.0
        elif how == "sum":
            d = float(col.sum())
            out[:, j] = col / d if d != 0 else 0.0
        elif how == "max":
            d = float(np.abs(col).max())
            if d > 0:
                out[:, j] = col / d if types[j] > 0 else 1.0 - col / d
        elif how == "minmax":
            lo, hi = float(col.min()), float(col.max())
            if not effectively_constant(col):
                f = (col - lo) / (hi - lo)
                out[:, j] = f if types[j] > 0 else 1.0 - f
        else:
            raise CoopselectError(
                f"unknown normalisation {how!r}.",
                place="normalization",
                fix=f"use one of {', '.join(NORMALIZATIONS)}.",
            )
        if how in ("vector", "sum", "max") and not np.any(col):
            notes.append(message("method.column_zeros", j=j + 1))
        if how == "minmax" and effectively_constant(col):
            notes.append(message("method.column_constant", j=j + 1))
    return out, notes


def topsis(
    matrix: np.ndarray, weights: np.ndarray, types: np.ndarray, normalization: str = "vector"
) -> MethodResult:
    """Rank by TOPSIS: closeness to the ideal and distance from the anti-ideal point.

    Parameters
    ----------
    matrix : numpy.ndarray
        Decision matrix, one row per alternative and one column per criterion.
    weights : numpy.ndarray
        One weight per criterion, summing to 1 (:func:`~coopselect.methods.run_method` rescales
        them).
    types : numpy.ndarray
        +1 (benefit) or -1 (cost) per criterion.
    normalization : {"vector", "minmax", "max", "sum"}, default "vector"
        Column normalisation (:func:`normalise`); vector is the original method's.

    Returns
    -------
    MethodResult
        ``scores``: closeness ``C = d- / (d+ + d-)`` in [0, 1], higher is better. ``extras``:
        ``d_plus``, ``d_minus`` (per alternative), ``weighted`` (the weighted normalised
        matrix), ``ideal``, ``anti_ideal`` (per criterion) and ``normalization``.

    Notes
    -----
    Hwang, C.-L. & Yoon, K. (1981). Multiple Attribute Decision Making: Methods and
    Applications. Springer, Berlin.

    Formulas and the rule for every degenerate case (never NaN): the module docstring.
    How it compares with pymcdm's version: :mod:`coopselect.methods.registry`.

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[7.0, 2.0], [8.0, 5.0], [6.0, 3.0]])  # benefit, cost
    >>> res = topsis(x, np.array([0.6, 0.4]), np.array([1, -1]))
    >>> res.scores.round(4).tolist(), res.ranks.tolist()
    ([0.8033, 0.3356, 0.5242], [1, 3, 2])
    """
    types = np.asarray(types)
    r, notes = normalise(matrix, types, normalization)
    v = r * np.asarray(weights, dtype=float)
    # After min-max or max normalisation every column is benefit-type.
    benefit = types > 0 if normalization in ("vector", "sum") else np.ones(len(types), bool)
    ideal = np.where(benefit, v.max(axis=0), v.min(axis=0))
    anti = np.where(benefit, v.min(axis=0), v.max(axis=0))
    d_plus = np.sqrt(((v - ideal) ** 2).sum(axis=1))
    d_minus = np.sqrt(((v - anti) ** 2).sum(axis=1))
    denom = d_plus + d_minus
    # Every alternative equal on every weighted column: all are equally close; score 0.5.
    scores = np.divide(d_minus, denom, out=np.full_like(denom, 0.5), where=denom > 0)
    require_finite_scores(scores, "TOPSIS")
    ranks, ties = rank_scores(scores, True)
    return MethodResult(
        "topsis",
        scores,
        ranks,
        True,
        {
            "d_plus": d_plus,
            "d_minus": d_minus,
            "weighted": v,
            "ideal": ideal,
            "anti_ideal": anti,
            "normalization": normalization,
        },
        ties,
        tuple(notes),
    )
