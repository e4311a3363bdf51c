"""Priority vector and consistency of one pairwise comparison matrix (Saaty's AHP).

Written here rather than taken from pymcdm: pymcdm's AHP refuses matrices above 15 items, has no
named random-index tables, and importing it pulls in matplotlib. Only numpy is used (the ranking
path must stay light).

lambda_max is always the principal (Perron) eigenvalue of the (completed) matrix, whatever the
priority method, so CI and CR are properties of the judgments (Saaty 1980); the priority method
only changes the weights and hence the epsilon of the worst judgment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.pairwise.completion import (
    Filled,
    complete_eigen,
    complete_llsm,
    require_connected,
)
from coopselect.pairwise.consistency import (
    CR_THRESHOLD,
    Inconsistency,
    consistency_index,
    most_inconsistent,
    random_index,
)
from coopselect.pairwise.eigen import principal_eigen

METHODS: tuple[str, ...] = ("eigen", "geomean", "approx")


@dataclass(frozen=True)
class AhpResult:
    """Weights (sum 1) and consistency of one matrix.

    ``ri_table`` names the table used (``"saaty1980+alonso-lamata"`` when n exceeded the table).
    ``most_inconsistent`` is None when the matrix is consistent (CR <= 0.10) or n <= 2.
    ``completed`` lists the filled judgments when the matrix had missing entries; ``matrix`` is
    the (completed) matrix the weights come from.
    """

    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    ri_table: str
    priority_method: str
    consistent: bool
    most_inconsistent: Inconsistency | None
    completed: tuple[Filled, ...] = field(default=())
    matrix: np.ndarray | None = None


def geomean_weights(matrix: np.ndarray) -> np.ndarray:
    """Row geometric means, normalised (Crawford & Williams 1985, the LLSM solution)."""
    g = np.exp(np.log(matrix).mean(axis=1))
    return g / g.sum()


def approx_weights(matrix: np.ndarray) -> np.ndarray:
    """Average of the rows of the column-normalised matrix (Saaty's approximation)."""
    return (matrix / matrix.sum(axis=0)).mean(axis=1)


def priorities(
    matrix: np.ndarray,
    method: str = "eigen",
    ri: str = "saaty1980",
    *,
    labels: Sequence[str] | None = None,
    file: str | None = None,
    place: str = "matrix",
) -> AhpResult:
    """Weights and consistency of a reciprocal matrix (NaN = missing judgment, completed first).

    ``method``: ``eigen`` (principal right eigenvector), ``geomean`` (row geometric mean) or
    ``approx`` (column-normalised row average). ``ri``: a name from ``RI_TABLE_NAMES``.
    Missing judgments are completed by Harker (1987) for ``eigen`` and by LLSM (Bozoki, Fulop &
    Ronyai 2010) otherwise; a matrix whose known judgments do not connect all items is refused.
    A matrix of order n <= 2 is consistent by definition (CR = 0).
    """
    if method not in METHODS:
        raise CoopselectError(
            f"unknown priority method {method!r}.",
            place="--priority",
            fix=f"use one of {', '.join(METHODS)}.",
        )
    m = np.asarray(matrix, dtype=float)
    n = m.shape[0]
    ri_value, ri_name = random_index(n, ri)
    completed: tuple[Filled, ...] = ()
    if np.isnan(m).any():
        require_connected(m, labels, file=file, place=place)
        m, completed = complete_eigen(m) if method == "eigen" else complete_llsm(m)
    w_eig, lam = principal_eigen(m)
    if method == "eigen":
        w = w_eig
    elif method == "geomean":
        w = geomean_weights(m)
    else:
        w = approx_weights(m)
    if n <= 2:
        return AhpResult(w, float(n), 0.0, 0.0, 0.0, ri_name, method, True, None, completed, m)
    ci = consistency_index(lam, n)
    cr = ci / ri_value if ri_value > 0 else 0.0
    consistent = cr <= CR_THRESHOLD
    worst = None if consistent else most_inconsistent(m, w)
    return AhpResult(w, lam, ci, cr, ri_value, ri_name, method, consistent, worst, completed, m)
