"""The decision matrix: one immutable object with alternatives, criteria, values, weights, types.

Modelled on scikit-criteria's ``DecisionMatrix``: all a ranking method needs travels together,
and nothing can change it after validation. Methods take ``(matrix, weights, types)`` arrays
(pymcdm's uniform call); ``DecisionMatrix`` is the validated carrier of those arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from coopselect.errors import CoopselectError

BENEFIT = 1
COST = -1


def _readonly(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float, copy=True)
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class DecisionMatrix:
    """Validated decision problem. ``types`` holds +1 (benefit) or -1 (cost) per criterion."""

    alternatives: tuple[str, ...]
    criteria: tuple[str, ...]
    matrix: np.ndarray
    weights: np.ndarray
    types: np.ndarray
    source: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        src = self.source
        m = np.asarray(self.matrix, dtype=float)
        if m.ndim != 2:
            raise CoopselectError("the matrix must be two-dimensional.", file=src, place="matrix")
        n_alt, n_crit = m.shape
        if len(self.alternatives) != n_alt:
            raise CoopselectError(
                f"{len(self.alternatives)} alternative names for {n_alt} matrix rows.",
                file=src,
                place="alternatives",
                fix="give one name per row.",
            )
        if len(self.criteria) != n_crit:
            raise CoopselectError(
                f"{len(self.criteria)} criteria for {n_crit} matrix columns.",
                file=src,
                place="criteria",
                fix="give one criterion per column.",
            )
        for names, what in ((self.alternatives, "alternatives"), (self.criteria, "criteria")):
            seen: set[str] = set()
            for name in names:
                if name in seen:
                    raise CoopselectError(
                        f"duplicate name {name!r}.", file=src, place=what, fix="make names unique."
                    )
                seen.add(name)
        bad = np.argwhere(~np.isfinite(m))
        if bad.size:
            i, j = bad[0]
            raise CoopselectError(
                f"value is {m[i, j]} (not a finite number).",
                file=src,
                place=f"matrix row {self.alternatives[i]!r}, column {self.criteria[j]!r}",
                fix="enter a number, or drop the alternative.",
            )
        w = np.asarray(self.weights, dtype=float)
        if w.shape != (n_crit,):
            raise CoopselectError(
                f"{w.size} weights for {n_crit} criteria.", file=src, place="weights"
            )
        if not np.all(np.isfinite(w)) or np.any(w < 0):
            j = int(np.argmax(~np.isfinite(w) | (w < 0)))
            raise CoopselectError(
                f"weight {w[j]} is negative or not a number.",
                file=src,
                place=f"weight of {self.criteria[j]!r}",
                fix="weights must be finite and >= 0.",
            )
        if w.sum() <= 0:
            raise CoopselectError(
                "all weights are zero.", file=src, place="weights", fix="give some weight > 0."
            )
        t = np.asarray(self.types)
        if t.shape != (n_crit,) or not np.all(np.isin(t, (BENEFIT, COST))):
            raise CoopselectError(
                "types must be +1 (benefit) or -1 (cost), one per criterion.",
                file=src,
                place="types",
            )
        object.__setattr__(self, "alternatives", tuple(self.alternatives))
        object.__setattr__(self, "criteria", tuple(self.criteria))
        object.__setattr__(self, "matrix", _readonly(m))
        object.__setattr__(self, "weights", _readonly(w / w.sum()))
        object.__setattr__(self, "types", _readonly(t).astype(int))

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    def with_weights(self, weights: Sequence[float] | np.ndarray) -> DecisionMatrix:
        """A copy with other weights (validated and rescaled to sum 1)."""
        return DecisionMatrix(
            self.alternatives,
            self.criteria,
            self.matrix,
            np.asarray(weights),
            self.types,
            self.source,
        )
