"""Fixed bounds per criterion ([min, max]), shared by the methods that can rank on a fixed scale
instead of the spread of the compared alternatives: SPOTIS (its bounds) and VIKOR (its best and
worst values f* and f-). With bounds fixed in advance a score depends only on the alternative's
own values, so adding or removing alternatives cannot change it; bounds taken from the data move
with the set of alternatives, which is why ``resolve_bounds`` notes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from numbers import Real

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.i18n import Label
from coopselect.messages import Message, message

BOUNDS_FIX = "give one [min, max] pair per criterion with min < max (None takes it from the data)."


def number(value, what: str, place: str, fix: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, Real) or not np.isfinite(float(value)):
        raise CoopselectError(
            f"{what} must be a finite number, got {value!r}.", place=place, fix=fix
        )
    return float(value)


def as_list(value, n: int, name: str, fix: str) -> list:
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != n:
        size = len(value) if isinstance(value, Sequence) and not isinstance(value, str) else "no"
        raise CoopselectError(
            f"{name} must have one entry per criterion ({n}), got {size} entries.",
            place=name,
            fix=fix,
        )
    return list(value)


def resolve_bounds(
    x: np.ndarray, bounds=None, method: str = "SPOTIS"
) -> tuple[np.ndarray, list[Message]]:
    """Bounds per criterion for ``method``, checked.

    Parameters
    ----------
    x : numpy.ndarray
        Decision matrix, alternatives x criteria.
    bounds : sequence of [min, max], optional
        Given bounds (finite, min < max when both given); None, or a None side, from the data.

    Returns
    -------
    tuple of (numpy.ndarray, list of Message)
        The bounds (n x 2) and the notes (coopselect.messages). A value of ``x`` outside them raises
        :class:`~coopselect.errors.CoopselectError` naming its row and criterion.
    """
    n = x.shape[1]
    lo_data, hi_data = x.min(axis=0), x.max(axis=0)
    notes: list[Message] = []
    if bounds is None:
        notes.append(message("bounds.from_data", method=method))
        return np.column_stack([lo_data, hi_data]), notes
    rows = as_list(bounds, n, "bounds", BOUNDS_FIX)
    out = np.empty((n, 2))
    from_data: list[int] = []
    for j, row in enumerate(rows):
        place = f"criterion {j + 1}"
        if row is None:
            row = (None, None)
        if isinstance(row, np.ndarray):
            row = row.tolist()
        if not isinstance(row, Sequence) or isinstance(row, str) or len(row) != 2:
            raise CoopselectError(
                f"bounds must be a [min, max] pair, got {row!r}.", place=place, fix=BOUNDS_FIX
            )
        lo = number(row[0], "the lower bound", place, BOUNDS_FIX)
        hi = number(row[1], "the upper bound", place, BOUNDS_FIX)
        if lo is not None and hi is not None and lo >= hi:
            raise CoopselectError(
                f"the lower bound {lo:g} is not below the upper bound {hi:g}.",
                place=place,
                fix=BOUNDS_FIX,
            )
        if lo is None or hi is None:
            from_data.append(j)
        out[j] = (lo_data[j] if lo is None else lo, hi_data[j] if hi is None else hi)
    for j in range(n):
        bad = np.flatnonzero((x[:, j] < out[j, 0]) | (x[:, j] > out[j, 1]))
        if bad.size:
            i = int(bad[0])
            raise CoopselectError(
                f"value {x[i, j]:g} lies outside the bounds [{out[j, 0]:g}, {out[j, 1]:g}].",
                place=f"matrix row {i + 1}, criterion {j + 1}",
                fix="correct the value or widen the bounds of this criterion.",
            )
    if from_data:
        numbers = [str(j + 1) for j in from_data]
        names = Label("、".join(numbers), ", ".join(numbers))
        notes.append(message("bounds.partly_from_data", criteria=names, method=method))
    return out, notes
