"""The main job: a case in, every (country, mode) pair ranked out.

    case -> criterion weights (AHP or preset) -> country favourability -> pair matrix -> method

``rank`` is the Python API behind ``coopselect rank``; it never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from coopselect.domain.model import Case
from coopselect.io import datasets
from coopselect.io.case_loader import WEIGHT_PRESETS, load_case
from coopselect.scoring.favourability import CountryScores, country_scores
from coopselect.scoring.pairs import PairProblem, build_pairs
from coopselect.scoring.weights import CriteriaWeights, criteria_weights

EPI_LICENCE_NOTE = (
    "Uses the Yale Environmental Performance Index (CC BY-NC-SA 4.0): non-commercial use only; "
    "commercial use needs Yale's permission (see data/SOURCES.md)."
)


@dataclass(frozen=True)
class PairRank:
    rank: int
    country: str
    mode: str
    score: float


@dataclass(frozen=True)
class RankResult:
    case: Case
    method: str
    method_params: dict[str, Any]
    higher_is_better: bool
    weights: CriteriaWeights
    scores: CountryScores
    problem: PairProblem
    method_result: Any  # coopselect.methods.MethodResult
    pairs: tuple[PairRank, ...]  # sorted by rank

    # ---- derived views ------------------------------------------------------------------
    @property
    def column_weights(self) -> dict[str, float]:
        return dict(zip(self.problem.columns, self.problem.dm.weights.tolist(), strict=True))

    def best_mode_by_country(self) -> dict[str, PairRank]:
        out: dict[str, PairRank] = {}
        for p in self.pairs:
            out.setdefault(p.country, p)
        return out

    def best_country_by_mode(self) -> dict[str, PairRank]:
        out: dict[str, PairRank] = {}
        for p in self.pairs:
            out.setdefault(p.mode, p)
        return out

    def country_ranking(self) -> list[tuple[str, float]]:
        """Countries by the weighted sum of their criterion favourabilities (mode-free view)."""
        s = self.scores.x @ self.weights.weights
        order = np.argsort(-s, kind="stable")
        return [(self.scores.countries[i], float(s[i])) for i in order]

    @property
    def notes(self) -> list[str]:
        notes = list(self.scores.notes) + list(getattr(self.method_result, "notes", ()))
        used = {self.case.hierarchy.indicators[i].dataset for i in self.scores.indicators}
        if "epi" in used:
            notes.append(EPI_LICENCE_NOTE)
        return notes

    def pair(self, country: str, mode: str) -> PairRank | None:
        return next((p for p in self.pairs if p.country == country and p.mode == mode), None)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON document of ``coopselect rank --format json`` (keys documented in README)."""
        cty = datasets.countries()
        cat = self.case.catalog

        def pair_obj(p: PairRank) -> dict[str, Any]:
            return {
                "rank": p.rank,
                "country": p.country,
                "country_name": cty[p.country].name(lang),
                "mode": p.mode,
                "mode_name": cat.get(p.mode).name(lang),
                "score": p.score,
            }

        crs = {"criteria": self.weights.top.cr}
        crs.update({f"{c}": s.cr for c, s in self.weights.local.items() if len(s.labels) > 1})
        return {
            "case": self.case.id,
            "case_title": self.case.title(lang),
            "method": self.method,
            "method_params": self.method_params,
            "higher_is_better": self.higher_is_better,
            "weights_preset": self.weights.preset,
            "weights": self.column_weights,
            "criteria_weights": dict(
                zip(self.weights.criteria, self.weights.weights.tolist(), strict=True)
            ),
            "cr": self.weights.top.cr,
            "cr_by_matrix": crs,
            "pairs": [pair_obj(p) for p in self.pairs],
            "best_mode_by_country": {
                k: pair_obj(p) for k, p in self.best_mode_by_country().items()
            },
            "best_country_by_mode": {
                m: pair_obj(p) for m, p in self.best_country_by_mode().items()
            },
            "country_scores": {
                k: dict(zip(self.scores.criteria, self.scores.x[i].tolist(), strict=True))
                for i, k in enumerate(self.scores.countries)
            },
            "imputed": [i.as_dict() for i in self.scores.imputed],
            "excluded": [i.as_dict() for i in self.scores.excluded],
            "notes": self.notes,
        }


def prepare(
    case: Case | str | Path | None = None, *, weights: str | None = None
) -> tuple[Case, CriteriaWeights, CountryScores, PairProblem]:
    """Everything up to the decision matrix (used by rank, sensitivity, reports and the app)."""
    if not isinstance(case, Case):
        case = load_case(case)
    preset = weights or case.weights_preset
    if preset not in WEIGHT_PRESETS:
        from coopselect.errors import CoopselectError

        raise CoopselectError(
            f"unknown weights preset {preset!r}.",
            place="--weights",
            fix=f"use one of {', '.join(WEIGHT_PRESETS)}.",
        )
    cw = criteria_weights(case.hierarchy, preset, case.custom_weights)
    scores = country_scores(case, cw)
    problem = build_pairs(case, scores, cw)
    return case, cw, scores, problem


def build_case_problem(case: Case | str | Path | None = None, *, weights: str | None = None):
    """The (country, mode) decision matrix of a case, for robustness and method comparison."""
    return prepare(case, weights=weights)[3].dm


def rank(
    case: Case | str | Path | None = None,
    *,
    method: str | None = None,
    weights: str | None = None,
    **method_params: Any,
) -> RankResult:
    """Rank every (country, mode) pair of ``case`` (a Case, a path, a bundled id, or None for
    the default case). ``method`` and ``weights`` override the case file."""
    from coopselect.methods import run_method

    case, cw, scores, problem = prepare(case, weights=weights)
    name = method or case.method
    params = dict(case.method_params) if method is None else {}
    params.update(method_params)
    dm = problem.dm
    res = run_method(name, dm.matrix, dm.weights, dm.types, **params)
    order = np.asarray(res.ranks).argsort(kind="stable")
    pairs = tuple(
        PairRank(int(res.ranks[i]), problem.pairs[i][0], problem.pairs[i][1], float(res.scores[i]))
        for i in order
    )
    return RankResult(
        case, name, params, bool(res.higher_is_better), cw, scores, problem, res, pairs
    )
