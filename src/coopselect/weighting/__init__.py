"""Objective criterion weights (entropy, CRITIC, standard deviation, MEREC) and their combination
with subjective weights (e.g. from AHP). numpy only."""

from __future__ import annotations

from coopselect.weighting.combine import COMBINE_RULES, combine_weights
from coopselect.weighting.objective import (
    OBJECTIVE_METHODS,
    WeightResult,
    critic_weights,
    entropy_weights,
    merec_weights,
    objective_weights,
    std_weights,
)

__all__ = [
    "COMBINE_RULES",
    "OBJECTIVE_METHODS",
    "WeightResult",
    "combine_weights",
    "critic_weights",
    "entropy_weights",
    "merec_weights",
    "objective_weights",
    "std_weights",
]
