"""The uniform result of every ranking method."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coopselect.methods.registry import nearly_equal


@dataclass(frozen=True)
class MethodResult:
    method: str
    scores: np.ndarray
    ranks: np.ndarray  # 1 = best
    higher_is_better: bool
    extras: dict[str, Any] = field(default_factory=dict)
    ties: tuple[tuple[int, ...], ...] = ()
    notes: tuple[str, ...] = ()


def rank_scores(scores: np.ndarray, higher_is_better: bool):
    """Ranks 1..n; scores equal within ``REL_TOL`` (registry) are a tie, reported and ranked in
    input order.

    A tie group starts at its best score and takes every following score (in sorted order) equal
    to that first one within ``REL_TOL`` (scale: the range of all scores), so a group never
    spreads wider than the tolerance by chaining.
    """
    s = np.asarray(scores, dtype=float)
    key = -s if higher_is_better else s
    order = np.argsort(key, kind="stable")
    ranks = np.empty(len(s), dtype=int)
    ranks[order] = np.arange(1, len(s) + 1)
    if len(s) < 2:
        return ranks, ()
    spread = float(np.ptp(s))
    ranked = s[order]
    if not np.any(nearly_equal(ranked[:-1], ranked[1:], spread)):
        return ranks, ()  # the usual case, decided without a Python loop
    groups: list[list[int]] = []
    for i in order:
        if groups and nearly_equal(s[groups[-1][0]], s[i], spread):
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    # Within a tie group, input order decides (not last-bit rounding noise between scores that
    # are mathematically equal, e.g. after the weights were rescaled).
    ties = [tuple(sorted(g)) for g in groups if len(g) > 1]
    for g in ties:
        idx = list(g)
        ranks[idx] = np.sort(ranks[idx])
    return ranks, tuple(ties)
