"""Helpers shared by several ranking methods: checks of the values a method needs, the notes on
constant columns and zero weights, and the linear-ratio normalisation (WPM, WASPAS)."""

from __future__ import annotations

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.messages import Message, message


def require_positive(x: np.ndarray, columns, method: str, strict: bool = True) -> None:
    """Raise a located error for the first value <= 0 (``strict``) or < 0 in ``columns``."""
    for j in columns:
        col = x[:, j]
        bad = np.flatnonzero(col <= 0 if strict else col < 0)
        if bad.size:
            i = int(bad[0])
            need = "> 0" if strict else ">= 0"
            raise CoopselectError(
                f"{method} needs values {need} in criterion {j + 1}; row {i + 1} has {col[i]:g}.",
                place=f"matrix row {i + 1}, criterion {j + 1}",
                fix=(
                    f"shift or rescale criterion {j + 1} so that every value is {need} (e.g. add "
                    "a constant to the whole column), or use a method that accepts such values "
                    "(topsis, vikor, mabac)."
                ),
            )


def require_alternatives(m: int, method: str) -> None:
    """Refuse a matrix of fewer than two alternatives (rows) for ``method``, a method that
    compares alternatives with each other."""
    if m < 2:
        raise CoopselectError(
            f"{method} needs at least two alternatives (got {m}).",
            place="matrix",
            fix="add alternatives, or use another method for a single one.",
        )


def common_notes(x: np.ndarray, w: np.ndarray, constant_effect: Message) -> list[Message]:
    """Notes for constant columns (``constant_effect``: what such a column does in the method, a
    ``method.effect.*`` message) and zero weights."""
    notes: list[Message] = []
    for j in range(x.shape[1]):
        if x.shape[0] > 1 and np.all(x[:, j] == x[0, j]):
            notes.append(message("method.constant", j=j + 1, effect=constant_effect))
        if w[j] == 0:
            notes.append(message("method.zero_weight", j=j + 1))
    return notes


def linear_ratio(x: np.ndarray, types: np.ndarray) -> np.ndarray:
    """Benefit ``x / max``, cost ``min / x``; needs x > 0 (checked by the caller)."""
    benefit = types > 0
    return np.where(benefit, x / x.max(axis=0), x.min(axis=0) / x)


def require_finite_scores(scores: np.ndarray, method: str) -> None:
    """Refuse to rank when a score is NaN or infinite (values whose sums, squares or spans leave
    the range of a double): one located error, never a ranking of NaN."""
    bad = np.flatnonzero(~np.isfinite(np.asarray(scores, dtype=float)))
    if bad.size:
        i = int(bad[0])
        raise CoopselectError(
            f"{method} gave a score that is not a finite number ({float(scores[i])}) for row "
            f"{i + 1}: "
            "the matrix's values are too large or too small for its arithmetic (sums, squares "
            "or spans beyond +-1.8e308).",
            place=f"matrix row {i + 1}",
            fix="rescale the matrix: state the values in other units so that every value is "
            "within +-1e100 (the range problem files accept).",
        )
