"""The uniform result of every ranking method."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class MethodResult:
    method: str
    scores: np.ndarray
    ranks: np.ndarray  # 1 = best
    higher_is_better: bool
    extras: dict[str, Any] = field(default_factory=dict)
    ties: tuple[tuple[int, ...], ...] = ()
    notes: tuple[str, ...] = ()


def rank_scores(scores: np.ndarray, higher_is_better: bool, tol: float = 1e-12):
    """Ranks 1..n; equal scores (within ``tol``) are broken by original order and reported."""
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    order = np.argsort(key, kind="stable")
    ranks = np.empty(len(s), dtype=int)
    ranks[order] = np.arange(1, len(s) + 1)
    ties: list[tuple[int, ...]] = []
    group = [int(order[0])] if len(order) else []
    for a, b in itertools.pairwise(order):
        if abs(s[a] - s[b]) <= tol:
            group.append(int(b))
        else:
            if len(group) > 1:
                ties.append(tuple(group))
            group = [int(b)]
    if len(group) > 1:
        ties.append(tuple(group))
    # Within a tie group, input order decides (not last-bit rounding noise between scores that
    # are mathematically equal, e.g. after the weights were rescaled).
    ties = [tuple(sorted(g)) for g in ties]
    for g in ties:
        idx = list(g)
        ranks[idx] = np.sort(ranks[idx])
    return ranks, tuple(ties)
