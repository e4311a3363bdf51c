"""Policy barriers per host and mineral: the dated measures in force, and the alliance floor.

B[b][k, n] in [0, 1] is barrier b for host k and case mineral n: the largest intensity of the
measures of type b in force on the case's policy date that cover mineral n, and for
``investment_screening`` at least the floor that the host's alliance status gives
(criteria/modes.toml [model.alliance_screening]). ``why`` keeps, for every non-zero cell, what set
it, so that explanations can cite the measure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from coopselect.domain.features import BARRIERS
from coopselect.domain.model import Case
from coopselect.io.data import policy


@dataclass(frozen=True)
class Barriers:
    countries: tuple[str, ...]
    minerals: tuple[str, ...]
    on: date
    values: dict[str, np.ndarray]  # barrier -> (K, N)
    why: dict[tuple[str, str, str], tuple[str, ...]]  # (iso3, barrier, mineral) -> measure ids

    def measures_for(self, iso3: str, barrier: str) -> tuple[str, ...]:
        """Ids of what sets the barrier for any of the case's minerals, in first-seen order."""
        out: dict[str, None] = {}
        for n in self.minerals:
            for mid in self.why.get((iso3, barrier, n), ()):
                out[mid] = None
        return tuple(out)


def policy_date(case: Case) -> date:
    if case.policy_date:
        return policy.parse_date(
            case.policy_date, file=str(case.path) if case.path else None, place="policy_date"
        )
    return policy.reviewed()


def alliance_label(tier: str) -> str:
    return f"alliance:{tier}"


def barriers(case: Case, countries: tuple[str, ...]) -> Barriers:
    on = policy_date(case)
    mins = case.minerals.ids
    k_index = {k: i for i, k in enumerate(countries)}
    values = {b: np.zeros((len(countries), len(mins))) for b in BARRIERS}
    why: dict[tuple[str, str, str], tuple[str, ...]] = {}

    def raise_to(k: str, b: str, n: int, v: float, source: str) -> None:
        cell = values[b][k_index[k], n]
        key = (k, b, mins[n])
        if v > cell:
            values[b][k_index[k], n] = v
            why[key] = (source,)
        elif v == cell and v > 0:
            why[key] = (*why.get(key, ()), source)

    floors = case.catalog.model.alliance_screening
    for k in countries:
        tier = policy.alliance_tier(k)
        for n in range(len(mins)):
            raise_to(k, "investment_screening", n, floors[tier], alliance_label(tier))
    for m in policy.measures():
        if m.country not in k_index or not m.in_force(on):
            continue
        for n, mineral in enumerate(mins):
            if m.covers(mineral):
                raise_to(m.country, m.barrier, n, m.intensity, m.id)
    return Barriers(countries, mins, on, values, why)
