"""When two numbers count as equal: the one tolerance of every method, ranking and SMAA kernel.

Values that are equal in exact arithmetic can differ in the last bit from one machine to another
(OpenBLAS picks its kernels by CPU, ``OPENBLAS_CORETYPE``; the order of a sum changes its
rounding), and every method that compares a difference with a threshold (PROMETHEE's ``d > 0``
and ``d > q``, VIKOR's conditions, EDAS's distance from the average, MABAC's border, a column's
range of zero) would turn such a 1e-16 difference into a full preference or a full range. So, in
those comparisons and in :func:`coopselect.methods.result.rank_scores`, two numbers ``a`` and
``b`` count as equal when

    |a - b| <= REL_TOL * max(|a|, |b|, scale),   REL_TOL = 1e-9,

where ``scale`` is the range of the column (or of the scores) they come from, so that values
that cancel to about zero (``1 - 0.7 * 10/7`` against ``0``) still match. 1e-9 is
``math.isclose``'s default: about 4.5 million times the double-precision rounding unit (2.2e-16),
so the rounding noise of thousands of operations stays far inside it, while two values are merged
only when they differ by less than a billionth of the larger of them (or of their column's range):
inputs given to 8 significant digits or fewer are never merged with a different one. Scores equal
within it are a tie, ranked in input order.
"""

from __future__ import annotations

import numpy as np

REL_TOL = 1e-9
"""Relative tolerance below which two values count as equal (see the module docstring)."""


def noise_floor(*magnitudes) -> np.ndarray | float:
    """``REL_TOL`` times the largest absolute value of ``magnitudes`` (element-wise, broadcast):
    a difference at most this large is rounding noise."""
    top = 0.0
    for value in magnitudes:
        top = np.maximum(top, np.abs(value))
    return REL_TOL * top


def nearly_equal(a, b, scale=0.0) -> np.ndarray | bool:
    """``|a - b| <= REL_TOL * max(|a|, |b|, scale)``, element-wise."""
    with np.errstate(over="ignore"):  # near the float limit the difference is inf: not equal
        return np.abs(np.subtract(a, b)) <= noise_floor(a, b, scale)


def effectively_constant(column) -> bool:
    """True when all values of ``column`` are equal within ``REL_TOL``."""
    col = np.asarray(column, dtype=float)
    lo, hi = float(col.min()), float(col.max())
    return bool(nearly_equal(lo, hi))


def snap(d: np.ndarray, floor, *marks: float | None) -> np.ndarray:
    """``d`` with every value within ``floor`` of 0 (or of one of ``marks``, e.g. a threshold)
    set exactly to it."""
    d = np.asarray(d, dtype=float)
    out = np.where(np.abs(d) <= floor, 0.0, d)
    for mark in marks:
        if mark is not None:
            out = np.where(np.abs(out - mark) <= floor, mark, out)
    return out
