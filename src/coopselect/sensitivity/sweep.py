"""One-at-a-time weight sweeps and critical weights (Triantaphyllou & Sanchez 1997 style).

Sweeping criterion j sets w_j = t and rescales the other weights in proportion so that they keep
summing to 1 - t. Where the leader changes, the crossing weight is found by bisection on the
score difference to 1e-9 (a 201-point grid brackets it first). Critical weights: for the leader A
against a runner-up B, the smallest change of each criterion's weight (along the same proportional
path) that makes B's score equal A's; reported as absolute change and relative to the weight.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from coopselect.domain.decision import DecisionMatrix
from coopselect.errors import CoopselectError

GRID = 201


def swept_weights(w: np.ndarray, j: int, t: np.ndarray | float) -> np.ndarray:
    """Weight vectors with w_j = t and the rest rescaled in proportion (rows for array t)."""
    t = np.atleast_1d(np.asarray(t, float))
    rest = np.delete(w, j)
    total = rest.sum()
    out = np.empty((len(t), len(w)))
    if total > 0:
        scaled = np.outer(1 - t, rest / total)
    else:  # every other weight is zero: share the remainder equally
        scaled = np.outer(1 - t, np.full(len(rest), 1 / len(rest)))
    out[:, np.arange(len(w)) != j] = scaled
    out[:, j] = t
    return out


def _scorer(
    dm: DecisionMatrix, method: str, params: dict, per_sample: bool = False
) -> Callable[[np.ndarray], np.ndarray]:
    """Scores (rows x alternatives), higher = better, for weight rows: the method's batched SMAA
    kernel (its weight-free part computed once; PROMETHEE II's per-criterion flows, so that a
    sweep of 201 weights costs one m x m pass, not 201), or with ``per_sample`` (and for a method
    without a kernel) the method called once per row."""
    if not per_sample:
        from coopselect.sensitivity.smaa import checked_kernel, rescaled

        kernel = checked_kernel(dm, method, params)
        if kernel is not None:
            factors = kernel.factors(dm.matrix)
            sign = 1.0 if kernel.higher_is_better else -1.0
            return lambda w: sign * kernel.scores(factors, rescaled(np.atleast_2d(w)))
    from coopselect.methods import run_method

    def score(w: np.ndarray) -> np.ndarray:
        rows = []
        for row in w:
            res = run_method(method, dm.matrix, row, dm.types, **params)
            rows.append(res.scores if res.higher_is_better else -res.scores)
        return np.array(rows)

    return score


def _criterion_index(dm: DecisionMatrix, criterion: str) -> int:
    if criterion not in dm.criteria:
        raise CoopselectError(
            f"unknown criterion {criterion!r}.",
            place="--sweep",
            fix=f"use one of {', '.join(dm.criteria)}.",
        )
    return dm.criteria.index(criterion)


def _bisect(f: Callable[[float], float], a: float, b: float, tol: float = 1e-9) -> float:
    fa = f(a)
    for _ in range(200):
        mid = (a + b) / 2
        fm = f(mid)
        if (fm > 0) == (fa > 0):
            a, fa = mid, fm
        else:
            b = mid
        if b - a < tol:
            break
    return (a + b) / 2


@dataclass(frozen=True)
class Sweep:
    criterion: str
    grid: np.ndarray  # values of w_j
    scores: np.ndarray  # (grid, alternatives)
    ranks: np.ndarray  # (grid, alternatives), 1 = best
    changes: tuple[tuple[float, str, str], ...]  # (weight, leader before, leader after)


def sweep(
    dm: DecisionMatrix, criterion: str, method: str = "topsis", per_sample: bool = False, **params
) -> Sweep:
    j = _criterion_index(dm, criterion)
    score = _scorer(dm, method, params, per_sample)
    grid = np.linspace(0.0, 1.0, GRID)
    s = score(swept_weights(dm.weights, j, grid))
    order = np.argsort(-s, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(1, s.shape[1] + 1)[None, :].repeat(len(grid), 0), 1)
    leader = order[:, 0]
    changes = []
    for g in np.nonzero(leader[1:] != leader[:-1])[0]:
        a, b = int(leader[g]), int(leader[g + 1])

        def diff(t: float, a=a, b=b) -> float:
            row = score(swept_weights(dm.weights, j, t))[0]
            return float(row[a] - row[b])

        t = _bisect(diff, float(grid[g]), float(grid[g + 1]))
        changes.append((t, dm.alternatives[a], dm.alternatives[b]))
    return Sweep(criterion, grid, s, ranks, tuple(changes))


@dataclass(frozen=True)
class CriticalChange:
    runner_up: str
    criterion: str
    weight: float
    new_weight: float | None  # None: no weight in [0, 1] swaps the pair along this path

    @property
    def absolute(self) -> float | None:
        return None if self.new_weight is None else self.new_weight - self.weight

    @property
    def relative(self) -> float | None:
        if self.new_weight is None or self.weight == 0:
            return None
        return (self.new_weight - self.weight) / self.weight


def critical_weights(
    dm: DecisionMatrix,
    runners_up: int = 3,
    method: str = "topsis",
    per_sample: bool = False,
    **params,
) -> tuple[str, list[CriticalChange]]:
    """For the leader against each of the next ``runners_up``: per criterion, the nearest weight
    (along the proportional path) at which the two swap."""
    score = _scorer(dm, method, params, per_sample)
    base = score(dm.weights[None, :])[0]
    order = np.argsort(-base, kind="stable")
    lead = int(order[0])
    out: list[CriticalChange] = []
    grid = np.linspace(0.0, 1.0, GRID)
    for other in order[1 : 1 + runners_up]:
        other = int(other)
        for j, crit in enumerate(dm.criteria):
            w0 = float(dm.weights[j])
            s = score(swept_weights(dm.weights, j, grid))
            d = s[:, lead] - s[:, other]
            best: float | None = None
            for g in np.nonzero(np.sign(d[1:]) != np.sign(d[:-1]))[0]:

                def diff(t: float, other=other, j=j) -> float:
                    row = score(swept_weights(dm.weights, j, t))[0]
                    return float(row[lead] - row[other])

                t = _bisect(diff, float(grid[g]), float(grid[g + 1]))
                if best is None or abs(t - w0) < abs(best - w0):
                    best = t
            out.append(CriticalChange(dm.alternatives[other], crit, w0, best))
    return dm.alternatives[lead], out


def most_sensitive(changes: list[CriticalChange]) -> CriticalChange | None:
    found = [c for c in changes if c.absolute is not None]
    return min(found, key=lambda c: abs(c.absolute or 0.0)) if found else None
