"""Pair performance: countries x modes -> one row per (country, mode) pair (DESIGN.md sec. 3).

Risk-type dependence:        p = 1 - d * (1 - x)   (a weak host hurts in proportion to exposure)
Opportunity-type dependence: p = 1 - d * x         (a weak host is demand for the mode)
Mode-intrinsic attributes add columns that are the same in every country.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from coopselect.domain.decision import BENEFIT, COST, DecisionMatrix
from coopselect.domain.model import Case
from coopselect.scoring.favourability import CountryScores
from coopselect.scoring.weights import CriteriaWeights


def pair_performance(x: np.ndarray, d: np.ndarray, opportunity: np.ndarray) -> np.ndarray:
    """x: (K, C) favourability; d: (M, C) dependence; opportunity: (M, C) bool.

    Returns (K, M, C) performance in [0, 1].
    """
    xk = x[:, None, :]
    risk = 1.0 - d[None, :, :] * (1.0 - xk)
    opp = 1.0 - d[None, :, :] * xk
    return np.where(opportunity[None, :, :], opp, risk)


@dataclass(frozen=True)
class PairProblem:
    pairs: tuple[tuple[str, str], ...]  # (country, mode) per row
    columns: tuple[str, ...]  # criterion ids then attribute ids
    column_kind: tuple[str, ...]  # "criterion" or "attribute"
    dm: DecisionMatrix


def pair_id(country: str, mode: str) -> str:
    return f"{country}:{mode}"


def build_pairs(case: Case, scores: CountryScores, weights: CriteriaWeights) -> PairProblem:
    modes = [case.catalog.get(m) for m in case.modes]
    crit = scores.criteria
    d = np.array([[m.dependence[c].value for c in crit] for m in modes])
    opp = np.array([[m.dependence[c].kind == "opportunity" for c in crit] for m in modes])
    perf = pair_performance(scores.x, d, opp)  # (K, M, C)
    k_n, m_n = len(scores.countries), len(modes)
    matrix = perf.reshape(k_n * m_n, len(crit))
    columns = list(crit)
    kinds = ["criterion"] * len(crit)
    types = [BENEFIT] * len(crit)
    share = case.mode_attributes.share
    w = list(weights.weights * (1.0 - share))
    if share > 0:
        attrs = list(case.catalog.attributes.values())
        intrinsic = np.array([[m.intrinsic[a.id] for a in attrs] for m in modes])
        matrix = np.hstack([matrix, np.tile(intrinsic, (k_n, 1))])
        columns += [a.id for a in attrs]
        kinds += ["attribute"] * len(attrs)
        types += [BENEFIT if a.direction == "benefit" else COST for a in attrs]
        w += [share * case.mode_attributes.weights[a.id] for a in attrs]
    pairs = tuple((k, m.id) for k in scores.countries for m in modes)
    dm = DecisionMatrix(
        tuple(pair_id(k, m) for k, m in pairs),
        tuple(columns),
        matrix,
        np.array(w),
        np.array(types),
        str(case.path) if case.path else None,
    )
    return PairProblem(pairs, tuple(columns), tuple(kinds), dm)
