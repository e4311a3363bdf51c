"""Priorities and consistency of one pairwise comparison matrix (Saaty's AHP).

Written here rather than taken from pymcdm: pymcdm's AHP refuses matrices above 15 items and has no
named random-index tables, and importing pymcdm pulls in matplotlib (start-up cost).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from coopselect.errors import CoopselectError

# Random consistency indices by matrix size n (index 0 is n = 1).
RI_TABLES: dict[str, tuple[float, ...]] = {
    # Saaty, T.L. (1980) The Analytic Hierarchy Process. McGraw-Hill (n = 1..10).
    "saaty1980": (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49),
}


@dataclass(frozen=True)
class Inconsistency:
    """The judgment that departs most from the weights: epsilon = a_ij * w_j / w_i."""

    row: int
    col: int
    a_ij: float
    epsilon: float
    suggested: float  # w_i / w_j, the value that would agree with the weights


@dataclass(frozen=True)
class AhpResult:
    weights: np.ndarray
    lambda_max: float
    ci: float
    cr: float
    ri: float
    ri_table: str
    priority_method: str
    consistent: bool
    most_inconsistent: Inconsistency | None
    completed: tuple = field(default=())


def _entry(raw, *, file, place) -> float:
    if isinstance(raw, str):
        text = raw.strip()
        if text == "?":
            return math.nan
        try:
            return float(Fraction(text))
        except (ValueError, ZeroDivisionError):
            raise CoopselectError(
                f"{raw!r} is not a number, a fraction 'a/b' or '?'.",
                file=file,
                place=place,
                fix='write a judgment such as 3, 0.5 or "1/3".',
            ) from None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise CoopselectError(
            f"{raw!r} is not a number.", file=file, place=place, fix='write a number or "a/b".'
        )
    return float(raw)


def parse_matrix(
    rows: Sequence[Sequence[object]],
    labels: Sequence[str],
    *,
    file: str | None = None,
    place: str = "matrix",
    tolerance: float = 0.02,
) -> np.ndarray:
    """Validate a pairwise matrix written as rows of numbers, "a/b" strings or "?" (missing).

    Checks: square and matching the labels, entries positive and finite, diagonal 1, reciprocal
    within ``tolerance`` (relative), so that 0.33 is accepted for 1/3. Missing entries are NaN.
    """
    n = len(labels)
    if len(rows) != n or any(len(r) != n for r in rows):
        raise CoopselectError(
            f"the matrix must be {n} x {n} to match {n} labels.",
            file=file,
            place=place,
            fix="give one row per label and one entry per label in each row.",
        )
    m = np.empty((n, n))
    for i, row in enumerate(rows):
        for j, raw in enumerate(row):
            cell = f"{place} row {labels[i]!r}, column {labels[j]!r}"
            v = _entry(raw, file=file, place=cell)
            if not math.isnan(v) and (not math.isfinite(v) or v <= 0):
                raise CoopselectError(
                    f"judgment {raw!r} must be positive and finite.",
                    file=file,
                    place=cell,
                    fix="use Saaty's scale 1/9 .. 9.",
                )
            m[i, j] = v
    for i in range(n):
        if m[i, i] != 1.0:
            raise CoopselectError(
                f"diagonal entry is {m[i, i]!r}, not 1.",
                file=file,
                place=f"{place} row {labels[i]!r}, column {labels[i]!r}",
                fix="an item compared with itself is 1.",
            )
    for i in range(n):
        for j in range(i + 1, n):
            a, b = m[i, j], m[j, i]
            if math.isnan(a) != math.isnan(b):
                raise CoopselectError(
                    "a judgment is missing on one side only.",
                    file=file,
                    place=f"{place} row {labels[i]!r}, column {labels[j]!r}",
                    fix="write '?' on both sides, or the reciprocal value.",
                )
            if not math.isnan(a) and abs(a * b - 1.0) > tolerance:
                raise CoopselectError(
                    f"not reciprocal: {a:g} and {b:g} (product {a * b:.3g}).",
                    file=file,
                    place=f"{place} row {labels[i]!r}, column {labels[j]!r}",
                    fix=f"set the mirror entry to 1/{a:g}.",
                )
    return m


def _eigen(m: np.ndarray) -> tuple[np.ndarray, float]:
    vals, vecs = np.linalg.eig(m)
    k = int(np.argmax(vals.real))
    w = np.abs(vecs[:, k].real)
    return w / w.sum(), float(vals[k].real)


def priorities(matrix: np.ndarray, method: str = "eigen", ri: str = "saaty1980") -> AhpResult:
    """Weights and consistency of a complete reciprocal matrix."""
    m = np.asarray(matrix, dtype=float)
    n = m.shape[0]
    if np.isnan(m).any():
        raise CoopselectError(
            "the matrix has missing judgments ('?').",
            place="matrix",
            fix="give every judgment (completion of incomplete matrices is not available here).",
        )
    if ri not in RI_TABLES:
        raise CoopselectError(
            f"unknown random-index table {ri!r}.", place="--ri", fix=f"use {', '.join(RI_TABLES)}."
        )
    if method == "eigen":
        w, lam = _eigen(m)
    elif method == "geomean":
        g = np.exp(np.log(m).mean(axis=1))
        w = g / g.sum()
        lam = float(np.mean((m @ w) / w))
    elif method == "approx":
        w = (m / m.sum(axis=0)).mean(axis=1)
        lam = float(np.mean((m @ w) / w))
    else:
        raise CoopselectError(
            f"unknown priority method {method!r}.",
            place="--priority",
            fix="use eigen, geomean or approx.",
        )
    table = RI_TABLES[ri]
    if n <= 2:
        return AhpResult(w, float(n), 0.0, 0.0, 0.0, ri, method, True, None)
    ci = max(0.0, (lam - n) / (n - 1))
    if n > len(table):
        raise CoopselectError(
            f"the {ri} table stops at n = {len(table)}.",
            place="--ri",
            fix="use fewer items per matrix.",
        )
    ri_n = table[n - 1]
    cr = ci / ri_n
    eps = m * w[None, :] / w[:, None]
    dev = np.maximum(eps, 1.0 / eps)
    i, j = np.unravel_index(int(np.argmax(np.triu(dev, 1))), dev.shape)
    worst = Inconsistency(int(i), int(j), float(m[i, j]), float(eps[i, j]), float(w[i] / w[j]))
    return AhpResult(w, lam, ci, cr, ri_n, ri, method, cr <= 0.10, worst)
