"""Leave one host out: does the order of two pairs, or a host's best mode, depend on which other
hosts are compared?

A ranking method that normalises by the alternatives at hand (TOPSIS's vector norms and ideal
points, PROMETHEE's pairwise flows, VIKOR's and EDAS's reference values, SPOTIS with bounds taken
from the data) can reorder two pairs when a third host joins or leaves the comparison, although
nothing about those two pairs changed: rank reversal. The pair model's own scales are fixed
(docs/model.md), so the rows of the remaining hosts change only where a gap is filled from the
candidates (a case's [missing] rule "median" or "worst"); otherwise what moves is the method.

``host_removals`` ranks the case once, then once without each host (the whole pipeline, with the
same method, parameters, weights and what-if settings; settings on the removed host are dropped),
and reports for each removal the pairs of remaining pairs whose order flipped and the hosts whose
best mode changed. Ties (equal ranks under the method's own tie rule) are not counted as orders.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from coopselect.domain.model import Case, Override
from coopselect.errors import CoopselectError
from coopselect.pipeline import RankResult, rank

# to_dict lists at most this many flipped orders per removal (the best-ranked first) and counts
# them all: a global case flips hundreds of thousands, which would make the JSON megabytes long.
FLIPS_LISTED = 100


@dataclass(frozen=True)
class HostRemoval:
    removed: str  # ISO3 of the host left out
    compared: int  # pairs of remaining (country, mode) pairs with a strict order in both runs
    flipped: tuple[tuple[str, str], ...]  # (pair above before, pair above after), "ISO:mode"
    best_mode_changed: tuple[tuple[str, str, str], ...]  # (host, best mode before, after)


@dataclass(frozen=True)
class ReversalCheck:
    method: str
    hosts: tuple[str, ...]
    removals: tuple[HostRemoval, ...]

    @property
    def stable(self) -> bool:
        """No removal reorders any two remaining pairs."""
        return not any(r.flipped for r in self.removals)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "hosts": list(self.hosts),
            "stable": self.stable,
            "removals": [
                {
                    "removed": r.removed,
                    "compared": r.compared,
                    "flipped_count": len(r.flipped),
                    "flipped": [list(f) for f in r.flipped[:FLIPS_LISTED]],
                    "best_mode_changed": [
                        {"host": h, "before": b, "after": a} for h, b, a in r.best_mode_changed
                    ],
                }
                for r in self.removals
            ],
        }


def _ranks(res: RankResult) -> dict[str, int]:
    return {f"{p.country}:{p.mode}": p.rank for p in res.pairs}


def _tied_pairs(*ranks: np.ndarray) -> int:
    """How many pairs of positions are equal in every one of ``ranks``."""
    _, counts = np.unique(np.stack(ranks, axis=1), axis=0, return_counts=True)
    return int((counts * (counts - 1) // 2).sum())


def order_flips(before: np.ndarray, after: np.ndarray) -> tuple[int, list[tuple[int, int]]]:
    """Two rankings of the same items, ``before`` non-decreasing (the items in the first
    ranking's order). Returns the number of pairs strictly ordered in both, and the pairs (i, j)
    with i strictly above j before and strictly below it after, in (i, j) order.

    Flips are few next to the n (n - 1) / 2 pairs (a global case: about a thousand of 1.2
    million), so only the items that something earlier overtakes are looked at: O(n log n)
    plus O(n) per such item, where comparing every pair took seconds per removed host.
    """
    if before.size and np.any(np.diff(before) < 0):
        raise ValueError("order_flips needs the items in the first ranking's order")
    n = before.size
    compared = (
        n * (n - 1) // 2 - _tied_pairs(before) - _tied_pairs(after) + _tied_pairs(before, after)
        if n
        else 0
    )
    flips: list[tuple[int, int]] = []
    if n < 2:
        return compared, flips
    # j is the lower item of a flip only if some earlier item ranks below it after
    earlier_worst = np.maximum.accumulate(after)[:-1]
    for j in (np.flatnonzero(after[1:] < earlier_worst) + 1).tolist():
        above = np.flatnonzero((after[:j] > after[j]) & (before[:j] < before[j]))
        flips += [(i, j) for i in above.tolist()]
    flips.sort()
    return compared, flips


def compare_removal(base: RankResult, sub: RankResult, removed: str) -> HostRemoval:
    """What leaving ``removed`` out changed between ``base`` and ``sub``, ranked without it."""
    before, after = _ranks(base), _ranks(sub)
    keys = [k for k in before if k in after]  # best first
    compared, pairs = order_flips(
        np.array([before[k] for k in keys]), np.array([after[k] for k in keys])
    )
    flipped = [(keys[a], keys[b]) for a, b in pairs]
    best_before = {c: p.mode for c, p in base.best_mode_by_country().items()}
    best_after = {c: p.mode for c, p in sub.best_mode_by_country().items()}
    changed = tuple(
        (c, best_before[c], m) for c, m in best_after.items() if best_before.get(c, m) != m
    )
    return HostRemoval(removed, compared, tuple(flipped), changed)


def host_removals(
    case: Case | str | Path | None = None,
    *,
    method: str | None = None,
    weights: str | None = None,
    settings: Sequence[str | Override] = (),
    scenario: str | None = None,
    criteria: str | Path | None = None,
    **method_params: Any,
) -> ReversalCheck:
    """Rank ``case`` (as ``pipeline.rank`` does with the same arguments), then once without each
    ranked host; needs at least three hosts."""
    base = rank(
        case,
        method=method,
        weights=weights,
        settings=settings,
        scenario=scenario,
        criteria=criteria,
        **method_params,
    )
    return removals_of(base)


def removals_of(
    base: RankResult, progress: Callable[[int, int], None] | None = None
) -> ReversalCheck:
    """``host_removals`` for a ranking already made: its case, method and parameters, weights
    preset and applied what-ifs (those on the removed host are dropped). ``progress(done,
    total)`` is called after each host (it may raise to stop the run)."""
    full = base.case
    hosts = tuple(dict.fromkeys(country for country, _mode in base.problem.pairs))
    if len(hosts) < 3:
        raise CoopselectError(
            f"leaving one host out needs at least three ranked hosts; the case ranks {len(hosts)}.",
            file=str(full.path) if full.path else None,
            place="countries",
            fix="add candidate countries to the case.",
        )
    overrides = [Override(o.country, o.feature, o.value) for o in base.overrides]
    removals = []
    for iso in hosts:
        sub = rank(
            replace(full, countries=tuple(c for c in full.countries if c != iso)),
            method=base.method,
            weights=base.weights.preset,
            settings=[o for o in overrides if o.country != iso],
            data=base.data,  # the vintages the base ranking read, not read again
            **base.method_params,
        )
        removals.append(compare_removal(base, sub, iso))
        if progress:
            progress(len(removals), len(hosts))
    return ReversalCheck(base.method, hosts, tuple(removals))
