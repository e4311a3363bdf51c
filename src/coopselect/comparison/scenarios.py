"""Scenarios side by side: the same decision under several scenarios or case files.

Each variant is a ranking (a ``RankResult``). The comparison lines up the (country, mode) pairs of
every variant, gives each pair's rank in each, its shift against the first variant (positive =
moved up), and each host's best mode per variant, flagging the hosts whose best mode changes.
Pairs or hosts missing from a variant (a case file with other candidates) are None there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Pair = tuple[str, str]


@dataclass(frozen=True)
class ScenarioComparison:
    labels: tuple[str, ...]  # one per variant, the first is the reference
    pairs: tuple[Pair, ...]  # every pair of any variant, in the reference's order
    ranks: tuple[dict[Pair, int], ...]  # per variant
    scores: tuple[dict[Pair, float], ...]
    best_modes: dict[str, tuple[str | None, ...]]  # host -> best mode per variant

    def shift(self, pair: Pair, variant: int) -> int | None:
        """Places gained (+) or lost (-) in ``variant`` against the reference."""
        a, b = self.ranks[0].get(pair), self.ranks[variant].get(pair)
        return None if a is None or b is None else a - b

    def changed_hosts(self) -> list[str]:
        return [h for h, modes in self.best_modes.items() if len(set(modes)) > 1]

    def moved_pairs(self) -> list[Pair]:
        return [
            p
            for p in self.pairs
            if any(self.shift(p, v) not in (0, None) for v in range(1, len(self.labels)))
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "variants": list(self.labels),
            "pairs": [
                {
                    "country": c,
                    "mode": m,
                    "ranks": [r.get((c, m)) for r in self.ranks],
                    "scores": [s.get((c, m)) for s in self.scores],
                    "shifts": [self.shift((c, m), v) for v in range(len(self.labels))],
                }
                for c, m in self.pairs
            ],
            "best_mode_by_country": {h: list(v) for h, v in self.best_modes.items()},
            "best_mode_changed": self.changed_hosts(),
        }


def compare_variants(variants: list[tuple[str, Any]]) -> ScenarioComparison:
    """``variants``: (label, RankResult) in order; the first is the reference. At most
    :func:`coopselect.limits.max_variants` of them (default 200)."""
    from coopselect.limits import variants as check_count

    check_count(len(variants), place="variants")
    labels = tuple(label for label, _r in variants)
    ranks = tuple({(p.country, p.mode): p.rank for p in r.pairs} for _l, r in variants)
    scores = tuple({(p.country, p.mode): p.score for p in r.pairs} for _l, r in variants)
    order: dict[Pair, None] = {}
    for _l, r in variants:
        for p in r.pairs:
            order.setdefault((p.country, p.mode), None)
    hosts: dict[str, None] = {}
    for _l, r in variants:
        for c in r.scores.countries:
            hosts.setdefault(c, None)
    best = []
    for _l, r in variants:
        b = r.best_mode_by_country()
        best.append({h: b[h].mode if h in b else None for h in hosts})
    best_modes = {h: tuple(b[h] for b in best) for h in hosts}
    return ScenarioComparison(labels, tuple(order), ranks, scores, best_modes)
