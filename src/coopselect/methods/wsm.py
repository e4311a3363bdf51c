"""Weighted sum model (WSM) on max-normalised columns.

Normalisation ``max`` (default): benefit r = x / max(x); cost r = 1 - x / max(x) (the linear form
pymcdm's ``max_normalization`` uses too). Also ``minmax``, ``vector`` and ``sum`` through
``coopselect.methods.topsis.normalise`` (vector and sum keep the direction, so a cost column then
enters with a negative sign). Score = sum_j w_j r_ij, higher is better.
"""

from __future__ import annotations

import numpy as np

from coopselect.methods.result import MethodResult, rank_scores
from coopselect.methods.topsis import normalise


def wsm(matrix, weights, types, normalization: str = "max") -> MethodResult:
    types = np.asarray(types)
    r, notes = normalise(matrix, types, normalization)
    if normalization in ("vector", "sum"):
        r = r * types  # direction: a cost column counts against the alternative
    scores = r @ np.asarray(weights, float)
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
