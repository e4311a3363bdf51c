"""Parse and validate a pairwise comparison matrix written in a TOML or JSON file.

Entries are numbers, exact fractions ``"a/b"`` or ``"?"`` (a missing judgment, NaN), within
``JUDGMENT_MIN`` .. ``JUDGMENT_MAX`` (1e-6 .. 1e6; text at most ``MAX_ENTRY_CHARS`` characters).
At most ``coopselect.limits.ahp_max_items()`` items (500 at the default budget). The matrix may
be written in full (n rows of n entries) or as its upper triangle (row i lists the entries right
of the diagonal, with or without the diagonal 1; the last row may be left out).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.io.loaders.judgment_values import (  # noqa: F401  (SAATY_*, JUDGMENT_* re-exported)
    JUDGMENT_MAX,
    JUDGMENT_MIN,
    MAX_ENTRY_CHARS,
    SAATY_MAX,
    SAATY_MIN,
    judgment_entry,
)
from coopselect.limits import ahp_items

# Relative tolerance on a_ij * a_ji = 1: accepts two-decimal roundings such as 0.33 for 1/3 or
# 0.11 for 1/9 (worst rounding of a value >= 0.105 is 0.005 / 0.105 < 5%).
RECIPROCAL_TOLERANCE = 0.05


def _cell(place: str, labels: Sequence[str], i: int, j: int) -> str:
    return f"{place} row {labels[i]!r}, column {labels[j]!r}"


def check_labels(labels: object, *, file: str | None = None, place: str = "labels") -> list[str]:
    """Labels: a list of distinct non-empty strings."""
    if not isinstance(labels, list | tuple) or not labels:
        raise CoopselectError(
            "labels must be a non-empty list of names.",
            file=file,
            place=place,
            fix='write labels = ["a", "b", "c"].',
        )
    seen: set[str] = set()
    for k, label in enumerate(labels, start=1):
        if not isinstance(label, str) or not label.strip():
            raise CoopselectError(
                f"label {k} ({label!r}) is not a non-empty text.",
                file=file,
                place=place,
                fix="give every item a name in quotes.",
            )
        if label in seen:
            raise CoopselectError(
                f"label {label!r} appears twice.",
                file=file,
                place=place,
                fix="give every item a different name.",
            )
        seen.add(label)
    return list(labels)


def _shape(rows: object, n: int, *, file: str | None, place: str) -> str:
    """'full' or 'upper' (with the diagonal: 'upper1'); raise if neither fits."""
    if not isinstance(rows, list | tuple) or any(not isinstance(r, list | tuple) for r in rows):
        raise CoopselectError(
            "the matrix must be a list of rows (lists).",
            file=file,
            place=place,
            fix='write matrix = [[1, 3], ["1/3", 1]].',
        )
    lengths = [len(r) for r in rows]
    if lengths == [n] * n:
        return "full"
    strict = [n - 1 - i for i in range(n)]
    with_diag = [n - i for i in range(n)]
    if lengths in (strict, strict[:-1]):
        return "upper"
    if lengths in (with_diag,):
        return "upper1"
    raise CoopselectError(
        f"the matrix has rows of lengths {lengths}; {n} labels need {n} rows of {n} entries "
        f"(or an upper triangle of lengths {strict[:-1]}).",
        file=file,
        place=place,
        fix="give one row per label and one entry per label in each row.",
    )


def parse_matrix(
    rows: Sequence[Sequence[object]],
    labels: Sequence[str],
    *,
    file: str | None = None,
    place: str = "matrix",
    tolerance: float = RECIPROCAL_TOLERANCE,
) -> np.ndarray:
    """Validate a pairwise matrix and return it as a float array (NaN for ``"?"``).

    Checks: square (or upper triangle) and matching the labels; entries numbers, "a/b" or "?",
    positive and finite; diagonal 1; reciprocal within ``tolerance`` (relative), missing on both
    sides or neither. A rounded pair such as 3 and 0.33 is stored exactly (3 and 1/3): the entry
    >= 1 is kept. Values outside 1/9..9 are accepted (see :func:`scale_warnings`).
    Raises :class:`CoopselectError` naming the file, the cell (row and column labels) and the fix.
    """
    labels = check_labels(list(labels), file=file, place=f"{place} labels")
    n = len(labels)
    ahp_items(n, file=file, place=f"{place} labels")  # the n^3 work stays bounded
    shape = _shape(rows, n, file=file, place=place)
    m = np.full((n, n), np.nan)
    np.fill_diagonal(m, 1.0)
    if shape == "full":
        for i, row in enumerate(rows):
            for j, raw in enumerate(row):
                m[i, j] = judgment_entry(raw, file=file, place=_cell(place, labels, i, j))
    else:
        offset = 1 if shape == "upper" else 0
        for i, row in enumerate(rows):
            for k, raw in enumerate(row):
                j = i + offset + k
                m[i, j] = judgment_entry(raw, file=file, place=_cell(place, labels, i, j))
                if j != i:
                    m[j, i] = 1.0 / m[i, j]
    for i in range(n):
        if m[i, i] != 1.0:
            raise CoopselectError(
                f"the diagonal entry is {m[i, i]:g}, not 1.",
                file=file,
                place=_cell(place, labels, i, i),
                fix="an item compared with itself is 1.",
            )
    for i in range(n):
        for j in range(i + 1, n):
            a, b = m[i, j], m[j, i]
            if math.isnan(a) != math.isnan(b):
                known, (r, c) = (a, (i, j)) if math.isnan(b) else (b, (j, i))
                raise CoopselectError(
                    "the judgment is missing on one side only.",
                    file=file,
                    place=_cell(place, labels, c, r),
                    fix=f'write "?" on both sides, or the reciprocal of {known:g} here.',
                )
            if math.isnan(a):
                continue
            if abs(a * b - 1.0) > tolerance:
                raise CoopselectError(
                    f"not reciprocal: {a:g} here and {b:g} in the mirror cell "
                    f"(product {a * b:.3g}, should be 1).",
                    file=file,
                    place=_cell(place, labels, j, i),
                    fix=f'set this entry to "{_reciprocal_text(a)}" (the reciprocal of {a:g}).',
                )
            if a >= 1.0:
                m[j, i] = 1.0 / a
            else:
                m[i, j] = 1.0 / b
    return m


def _reciprocal_text(a: float) -> str:
    frac = Fraction(a).limit_denominator(100)
    if abs(float(frac) - a) < 1e-9:
        inv = 1 / frac
        return str(inv.numerator) if inv.denominator == 1 else f"{inv.numerator}/{inv.denominator}"
    return f"{1.0 / a:.4g}"


def scale_warnings(
    matrix: np.ndarray, labels: Sequence[str], *, file: str | None = None, place: str = "matrix"
) -> list[str]:
    """One message per judgment (upper triangle) outside Saaty's 1/9..9 scale (allowed)."""
    out = []
    m = np.asarray(matrix, dtype=float)
    n = m.shape[0]
    for i in range(n):
        for j in range(i + 1, n):
            v = m[i, j]
            if not math.isnan(v) and not (SAATY_MIN - 1e-9 <= v <= SAATY_MAX + 1e-9):
                where = ": ".join(p for p in (file, _cell(place, labels, i, j)) if p)
                out.append(f"{where}: {v:g} is outside Saaty's scale 1/9..9 (used as given).")
    return out
