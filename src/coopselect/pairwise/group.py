"""Group decisions: combine several experts' judgments (AIJ) or priorities (AIP).

Forman, E. & Peniwati, K. (1998) Aggregating individual judgments and priorities with the
analytic hierarchy process. EJOR 108, 165-169: for a group acting as one unit, aggregate
individual judgments (AIJ) by the (weighted) geometric mean, which keeps the reciprocal property;
for individuals acting separately, aggregate individual priorities (AIP), here by the weighted
geometric mean of the priority vectors, renormalised (the paper allows the arithmetic or the
geometric mean for AIP; the geometric one is used so that a case and ``coopselect ahp`` agree).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.pairwise.consistency import CR_THRESHOLD
from coopselect.pairwise.priorities import AhpResult, priorities

AGGREGATES: tuple[str, ...] = ("aij", "aip")


@dataclass(frozen=True)
class ExpertResult:
    name: str
    weight: float  # normalised, sums to 1 over the experts
    result: AhpResult

    @property
    def flagged(self) -> bool:
        """True when this expert's own matrix is inconsistent (CR > 0.10)."""
        return self.result.cr > CR_THRESHOLD


@dataclass(frozen=True)
class GroupResult:
    """``weights``: the group priorities. ``result``: priorities and consistency of the AIJ
    matrix (under AIP its CR is reported as the group CR; its weights are not the group's)."""

    aggregate: str
    weights: np.ndarray
    aggregated_matrix: np.ndarray
    result: AhpResult
    experts: tuple[ExpertResult, ...]


def normalise_weights(
    weights: Sequence[float | None] | None, count: int, *, file: str | None = None
) -> np.ndarray:
    """Expert weights: equal when none is given; all positive and finite; normalised to sum 1."""
    if weights is None or all(w is None for w in weights):
        return np.full(count, 1.0 / count)
    if any(w is None for w in weights):
        raise CoopselectError(
            "some experts have a weight and others do not.",
            file=file,
            place="experts.weight",
            fix="give every expert a weight, or none of them (equal weights).",
        )
    w = np.asarray(weights, dtype=float)
    if not np.all(np.isfinite(w)) or np.any(w <= 0):
        raise CoopselectError(
            "expert weights must be positive numbers.",
            file=file,
            place="experts.weight",
            fix="use positive weights such as 1, 2 or 0.5.",
        )
    return w / w.sum()


def aggregate_aij(matrices: Sequence[np.ndarray], weights: np.ndarray) -> np.ndarray:
    """Weighted geometric mean of the judgments, cell by cell.

    A judgment missing for some experts is the weighted geometric mean of those who gave it
    (their weights renormalised); missing for all, it stays NaN (completed later).
    """
    stack = np.stack([np.asarray(m, dtype=float) for m in matrices])
    known = ~np.isnan(stack)
    wk = np.where(known, weights[:, None, None], 0.0)
    total = wk.sum(axis=0)
    logs = np.where(known, np.log(np.where(known, stack, 1.0)), 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (wk * logs).sum(axis=0) / total
    return np.where(total > 0, np.exp(mean), np.nan)


def group_priorities(
    matrices: Sequence[np.ndarray],
    names: Sequence[str],
    weights: Sequence[float | None] | None = None,
    *,
    aggregate: str = "aij",
    method: str = "eigen",
    ri: str = "saaty1980",
    labels: Sequence[str] | None = None,
    file: str | None = None,
) -> GroupResult:
    """Each expert's priorities and CR, and the group's priorities by AIJ or AIP."""
    if aggregate not in AGGREGATES:
        raise CoopselectError(
            f"unknown aggregation {aggregate!r}.",
            place="--aggregate",
            fix="use aij (judgments) or aip (priorities).",
        )
    if not matrices:
        raise CoopselectError(
            "no experts.", file=file, place="experts", fix="add at least one [[experts]] table."
        )
    w = normalise_weights(weights, len(matrices), file=file)
    experts = tuple(
        ExpertResult(
            name,
            float(wk),
            priorities(m, method, ri, labels=labels, file=file, place=f"experts {name!r} matrix"),
        )
        for name, wk, m in zip(names, w, matrices, strict=True)
    )
    agg = aggregate_aij(matrices, w)
    res = priorities(agg, method, ri, labels=labels, file=file, place="aggregated matrix")
    if aggregate == "aij":
        group_w = res.weights
    else:
        group_w = aggregate_aip([e.result.weights for e in experts], w)
    return GroupResult(aggregate, group_w, agg, res, experts)


def aggregate_aip(vectors: Sequence[np.ndarray], weights: np.ndarray) -> np.ndarray:
    """AIP: the weighted geometric mean of the experts' priority vectors, renormalised to sum 1
    (Forman & Peniwati 1998, for experts acting as separate individuals; the geometric mean
    keeps the Pareto principle and, unlike the arithmetic mean, agrees with AIJ when every
    expert's priorities come from row geometric means)."""
    stack = np.stack([np.asarray(v, dtype=float) for v in vectors])
    w = np.asarray(weights, dtype=float)
    logs = np.log(stack)
    # the largest log subtracted first: tiny priorities neither underflow nor divide by zero
    mean = (w[:, None] * logs).sum(axis=0) / w.sum()
    g = np.exp(mean - mean.max())
    return g / g.sum()
