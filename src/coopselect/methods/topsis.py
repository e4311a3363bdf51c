"""TOPSIS (Hwang & Yoon 1981) with vector normalisation by default.

Implemented here rather than wrapped: pymcdm's TOPSIS defaults to min-max normalisation (not the
vector normalisation of the original method), validates its input on every call (slow in loops),
and importing pymcdm pulls in matplotlib, which the default ``coopselect rank`` path must avoid.
"""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.methods.registry import effectively_constant
from coopselect.methods.result import MethodResult, rank_scores

NORMALIZATIONS = ("vector", "minmax", "max", "sum")


def normalise(matrix: np.ndarray, types: np.ndarray, how: str) -> tuple[np.ndarray, list[str]]:
    """Column normalisation. Vector and sum keep the direction (TOPSIS takes it into account via
    the ideal point); min-max and max turn cost columns into benefit columns.

    A column that is all zeros (vector, sum, max) or constant (min-max; equal within the
    registry's ``REL_TOL``, so that last-bit rounding noise is not stretched to [0, 1]) carries no
    information: it is set to 0 and reported, never NaN.
    """
    x = np.asarray(matrix, dtype=float)
    notes: list[str] = []
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
            notes.append(f"column {j + 1} is all zeros: it carries no weight in the ranking.")
        if how == "minmax" and effectively_constant(col):
            notes.append(f"column {j + 1} is constant: it carries no weight in the ranking.")
    return out, notes


def topsis(
    matrix: np.ndarray, weights: np.ndarray, types: np.ndarray, normalization: str = "vector"
) -> MethodResult:
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
