"""Incomplete pairwise matrices: connectivity check and completion of the missing judgments.

* Eigenvector: Harker, P.T. (1987) Alternative modes of questioning in the analytic hierarchy
  process. Mathematical Modelling 9(3-5), 353-360. Each missing a_ij is replaced by w_i / w_j,
  which is the same as taking the principal eigenvector of C with c_ij = 0 for a missing pair and
  c_ii = 1 + (number of missing entries in row i).
* Geometric mean / approximate: the logarithmic least squares completion (LLSM) of Bozoki, S.,
  Fulop, J. & Ronyai, L. (2010) On optimal completion of incomplete pairwise comparison matrices.
  Mathematical and Computer Modelling 52, 318-333 (section 5): minimise the sum over the known
  pairs of (log a_ij - y_i + y_j)^2, a Laplacian linear system; a_ij = exp(y_i - y_j).

Both are unique exactly when the graph of known judgments is connected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.pairwise.eigen import principal_eigen


@dataclass(frozen=True)
class Filled:
    """A completed judgment a_ij (i < j), indices into the labels."""

    row: int
    col: int
    value: float


def known_mask(matrix: np.ndarray) -> np.ndarray:
    return ~np.isnan(np.asarray(matrix, dtype=float))


def components(matrix: np.ndarray) -> list[list[int]]:
    """Connected components of the graph whose edges are the known off-diagonal judgments."""
    known = known_mask(matrix)
    n = known.shape[0]
    seen = [False] * n
    out = []
    for start in range(n):
        if seen[start]:
            continue
        stack, comp = [start], []
        seen[start] = True
        while stack:
            i = stack.pop()
            comp.append(i)
            for j in range(n):
                if j != i and known[i, j] and not seen[j]:
                    seen[j] = True
                    stack.append(j)
        out.append(sorted(comp))
    return out


def require_connected(
    matrix: np.ndarray,
    labels: Sequence[str] | None = None,
    *,
    file: str | None = None,
    place: str = "matrix",
) -> None:
    comps = components(matrix)
    if len(comps) <= 1:
        return
    names = list(labels) if labels is not None else [f"item {k + 1}" for k in range(len(matrix))]
    groups = "; ".join("{" + ", ".join(names[i] for i in c) + "}" for c in comps)
    a, b = names[comps[0][0]], names[comps[1][0]]
    raise CoopselectError(
        f"the known judgments do not connect all items; separate groups: {groups}.",
        file=file,
        place=f"{place} row {a!r}, column {b!r}",
        fix=f"give at least one judgment between the groups, e.g. {a!r} vs {b!r}.",
    )


def _filled(matrix: np.ndarray, completed: np.ndarray) -> tuple[Filled, ...]:
    missing = np.isnan(matrix)
    n = matrix.shape[0]
    return tuple(
        Filled(i, j, float(completed[i, j]))
        for i in range(n)
        for j in range(i + 1, n)
        if missing[i, j]
    )


def harker_matrix(matrix: np.ndarray) -> np.ndarray:
    """Harker's (1987) matrix C: known entries, 0 for missing, 1 + missing count on the diagonal."""
    m = np.asarray(matrix, dtype=float)
    missing = np.isnan(m)
    c = np.where(missing, 0.0, m)
    c[np.diag_indices_from(c)] = 1.0 + missing.sum(axis=1)
    return c


def complete_eigen(matrix: np.ndarray) -> tuple[np.ndarray, tuple[Filled, ...]]:
    """Harker's completion: missing a_ij := w_i / w_j with w the principal eigenvector of C."""

    m = np.asarray(matrix, dtype=float)
    w, _ = principal_eigen(harker_matrix(m))
    completed = np.where(np.isnan(m), w[:, None] / w[None, :], m)
    return completed, _filled(m, completed)


def llsm_log_weights(matrix: np.ndarray) -> np.ndarray:
    """y minimising sum over known pairs (log a_ij - y_i + y_j)^2, with sum(y) = 0."""
    m = np.asarray(matrix, dtype=float)
    n = m.shape[0]
    known = known_mask(m) & ~np.eye(n, dtype=bool)
    logs = np.where(known, np.log(np.where(known, m, 1.0)), 0.0)
    lap = np.diag(known.sum(axis=1).astype(float)) - known.astype(float)
    rhs = logs.sum(axis=1)
    # Laplacian of a connected graph has rank n - 1; pin the mean with a row of ones.
    a = np.vstack([lap, np.ones(n)])
    b = np.append(rhs, 0.0)
    y, *_ = np.linalg.lstsq(a, b, rcond=None)
    return y


def complete_llsm(matrix: np.ndarray) -> tuple[np.ndarray, tuple[Filled, ...]]:
    """LLSM completion: missing a_ij := exp(y_i - y_j)."""
    m = np.asarray(matrix, dtype=float)
    y = llsm_log_weights(m)
    completed = np.where(np.isnan(m), np.exp(y[:, None] - y[None, :]), m)
    return completed, _filled(m, completed)
