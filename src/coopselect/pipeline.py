"""The main job: a case in, every (country, mode) pair ranked out.

    case -> criterion weights (AHP or preset) -> country favourability -> pair matrix -> method

``rank`` is the Python API behind ``coopselect rank``; it never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from coopselect.domain.features import HOST_FEATURES
from coopselect.domain.model import Case, Override, WeightPreset
from coopselect.i18n import Label
from coopselect.io.data import datasets, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.loaders.case_loader import load_case
from coopselect.io.loaders.overrides import split
from coopselect.messages import Text, message, render
from coopselect.scoring.favourability import CountryScores, country_scores
from coopselect.scoring.features import (
    AppliedOverride,
    HostFeatures,
    apply_overrides,
    host_features,
)
from coopselect.scoring.pairs import PairProblem, build_pairs
from coopselect.scoring.weights import CriteriaWeights, criteria_weights

if TYPE_CHECKING:
    import pandas as pd

    from coopselect.methods.result import MethodResult


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
    method_result: MethodResult
    pairs: tuple[PairRank, ...]  # sorted by rank
    scenario: str | None = None
    data: DataSnapshot | None = None  # the data vintages it was ranked with

    @property
    def features(self) -> HostFeatures:
        assert self.problem.features is not None
        return self.problem.features

    @property
    def overrides(self) -> tuple[AppliedOverride, ...]:
        return self.features.overrides

    # ---- derived views ------------------------------------------------------------------
    @property
    def column_weights(self) -> dict[str, float]:
        return dict(zip(self.problem.columns, self.problem.dm.weights.tolist(), strict=True))

    @property
    def no_known_endowment(self) -> tuple[str, ...]:
        """Hosts with no known production, reserves or exploration potential of the case's
        minerals: nothing to secure, ranked after every endowed host, no best mode."""
        return self.features.no_known_endowment()

    def best_mode_by_country(self) -> dict[str, PairRank]:
        """Each endowed host's best pair (hosts with no known endowment have none)."""
        none = set(self.no_known_endowment)
        out: dict[str, PairRank] = {}
        for p in self.pairs:
            if p.country not in none:
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
    def notes(self) -> list[Text]:
        """What the ranking says of itself, each note rendered by an output in its language."""
        notes: list[Text] = [message("note.default", what=d) for d in self.case.defaults]
        notes += list(self.scores.notes) + list(getattr(self.method_result, "notes", ()))
        from coopselect.io.data.data_used import vintage_notes

        notes += vintage_notes(self)  # imported data vintages in use (coopselect data import)
        used = {self.case.hierarchy.indicators[i].dataset for i in self.scores.indicators}
        if "epi" in used:
            notes.append(message("note.epi_licence"))
        from coopselect.citations import criteria_note

        h = self.case.hierarchy
        notes.append(Label(criteria_note(h, "zh"), criteria_note(h, "en")))
        from coopselect.ahp.in_force import judgment_notes

        # completed and worst judgments; the experts of group judgments
        case = self.case
        notes += judgment_notes(
            self.weights, case.hierarchy, case.judgments_basis, case.judgments_basis_zh
        )
        return notes

    def pair(self, country: str, mode: str) -> PairRank | None:
        return next((p for p in self.pairs if p.country == country and p.mode == mode), None)

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """The ranked pairs as a pandas DataFrame, best first (one row per (country, mode)).

        Columns: ``rank``, ``country`` (ISO3), ``country_name`` and ``mode_name`` (in ``lang``),
        ``mode`` (mode id), ``score``, then the pair matrix's columns (the values the method
        ranked). ``df.set_index(["country", "mode"])`` keys it by pair.
        """
        import pandas as pd

        cty = reference.countries()
        cat = self.case.catalog
        row_of = {pair: i for i, pair in enumerate(self.problem.pairs)}
        x = np.asarray(self.problem.dm.matrix, dtype=float)
        rows = []
        for p in self.pairs:
            row = {
                "rank": p.rank,
                "country": p.country,
                "country_name": cty[p.country].name(lang) if p.country in cty else p.country,
                "mode": p.mode,
                "mode_name": cat.get(p.mode).name(lang),
                "score": p.score,
            }
            for c, v in zip(self.problem.columns, x[row_of[(p.country, p.mode)]], strict=True):
                row[f"column:{c}" if c in row else c] = float(v)  # a column named "score"
            rows.append(row)
        return pd.DataFrame(rows)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON document of ``coopselect rank --format json`` (keys documented in README)."""
        cty = reference.countries()
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

        from coopselect.ahp.in_force import judgment_facts
        from coopselect.io.data.data_used import data_vintages

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
            "judgments": judgment_facts(self.weights, self.case.hierarchy),
            "pairs": [pair_obj(p) for p in self.pairs],
            "best_mode_by_country": {
                k: pair_obj(p) for k, p in self.best_mode_by_country().items()
            },
            "no_known_endowment": list(self.no_known_endowment),
            "best_country_by_mode": {
                m: pair_obj(p) for m, p in self.best_country_by_mode().items()
            },
            "country_scores": {
                k: dict(zip(self.scores.criteria, self.scores.x[i].tolist(), strict=True))
                for i, k in enumerate(self.scores.countries)
            },
            "host_features": {k: self.features.row(k) for k in self.features.countries},
            "policy_date": self.features.barriers.on.isoformat(),
            "scenario": self.scenario,
            "overrides": [o.as_dict() for o in self.overrides],
            "imputed": [i.as_dict() for i in (*self.scores.imputed, *self.features.imputed)],
            "excluded": [i.as_dict() for i in self.scores.excluded],
            "notes": [render(n, "en") for n in self.notes],
            "data_vintages": data_vintages(self),
        }


def prepare(
    case: Case | str | Path | None = None,
    *,
    weights: str | None = None,
    settings: Sequence[str | Override] = (),
    scenario: str | None = None,
    criteria: str | Path | None = None,
    data: DataSnapshot | None = None,
) -> tuple[Case, CriteriaWeights, CountryScores, PairProblem]:
    """Everything up to the decision matrix (used by rank, sensitivity, reports and the app).

    ``scenario`` names a ``[scenarios.NAME]`` table of the case; ``settings`` are what-ifs
    ``"ISO3.FEATURE=VALUE"`` (or ``Override`` objects) applied after the scenario's.
    ``criteria`` (a bundled criteria id such as ``"commercial"``, or a file) replaces the case
    file's criteria hierarchy when ``case`` is loaded here (not for a ``Case`` object).
    ``data`` is the data snapshot to read (default: the active vintages of the data folder of
    ``$COOPSELECT_DATA_DIR`` or the user's data directory, read once here;
    coopselect.io.data.snapshot).
    """
    data = data if data is not None else DataSnapshot.read(None)
    return _prepare(case, weights, settings, scenario, criteria, data)


def _prepare(case, weights, settings, scenario, criteria, data: DataSnapshot):
    if not isinstance(case, Case):
        case = load_case(case, criteria=criteria)
    preset = weights or case.weights_preset
    if preset not in tuple(WeightPreset):
        from coopselect.errors import CoopselectError

        raise CoopselectError(
            f"unknown weights preset {preset!r}.",
            place="--weights",
            fix=f"use one of {', '.join(WeightPreset)}.",
        )
    cw = criteria_weights(case.hierarchy, preset, case.custom_weights)
    ordered = _settings(case, settings, scenario)
    raw, feats = split(o for o, _src in ordered)
    scores = country_scores(case, cw, data, raw)
    features = host_features(
        case, scores, data, {k: v for (k, f), v in raw.items() if f == "gdp_per_capita"}
    )
    applied = [
        AppliedOverride(o.country, o.feature, o.value, was, src)
        for (o, src), was in zip(ordered, _raw_was(case, cw, ordered, raw, data), strict=True)
        if o.feature not in HOST_FEATURES
    ]
    features = replace(features, overrides=tuple(applied))
    missing = [o.country for o in feats if o.country not in features.countries]
    if missing:
        from coopselect.errors import CoopselectError

        raise CoopselectError(
            f"{missing[0]} was excluded for missing data; a what-if cannot set it.",
            place="--set",
            fix="impute its gaps ([missing] policy) or drop the setting.",
        )
    features = apply_overrides(
        features,
        [(o.country, o.feature, o.value, src) for o, src in ordered if o.feature in HOST_FEATURES],
    )
    problem = build_pairs(case, features, cw)
    return case, cw, scores, problem


def _settings(
    case: Case, settings: Sequence[str | Override], scenario: str | None
) -> list[tuple[Override, str]]:
    """The scenario's settings, then the command line's, each with where it came from."""
    from coopselect.errors import CoopselectError
    from coopselect.io.loaders.overrides import parse_setting

    out: list[tuple[Override, str]] = []
    if scenario is not None:
        if scenario not in case.scenarios:
            import difflib

            close = difflib.get_close_matches(scenario, list(case.scenarios), n=1)
            hint = f" Did you mean {close[0]!r}?" if close else ""
            raise CoopselectError(
                f"scenario {scenario!r} is not in the case.{hint}",
                file=str(case.path) if case.path else None,
                place="scenarios",
                fix=f"use one of: {', '.join(case.scenarios) or '(the case defines none)'}.",
            )
        out += [(o, f"scenario {scenario}") for o in case.scenarios[scenario].settings]
    for i, s in enumerate(settings, start=1):
        if isinstance(s, Override):
            out.append((s, "--set"))
            continue
        o = parse_setting(
            s,
            countries=case.countries,
            indicators=case.hierarchy.indicators,
            file=None,
            place=f"--set {s}" if len(settings) == 1 else f"--set #{i} ({s})",
        )
        out.append((o, "--set"))
    return out


def _raw_was(case: Case, cw: CriteriaWeights, ordered, raw, data: DataSnapshot) -> list[float]:
    """The raw value each raw-indicator setting replaced (NaN for host-feature settings, which
    record their own)."""
    if not raw:
        return [float("nan")] * len(ordered)
    base = country_scores(case, cw, data)
    model = case.catalog.model
    out = []
    for o, _src in ordered:
        if o.feature in HOST_FEATURES:
            out.append(float("nan"))
        elif o.feature == "gdp_per_capita":
            out.append(datasets.gdp_per_capita((o.country,), model.tech_year, data)[o.country])
        elif o.country in base.countries:
            k, j = base.countries.index(o.country), base.indicators.index(o.feature)
            out.append(float(base.raw[k, j]))
        else:
            out.append(float("nan"))
    return out


def build_case_problem(
    case: Case | str | Path | None = None,
    *,
    weights: str | None = None,
    settings: Sequence[str | Override] = (),
    scenario: str | None = None,
):
    """The (country, mode) decision matrix of a case, for robustness and method comparison."""
    return prepare(case, weights=weights, settings=settings, scenario=scenario)[3].dm


def rank(
    case: Case | str | Path | None = None,
    *,
    method: str | None = None,
    weights: str | None = None,
    settings: Sequence[str | Override] = (),
    scenario: str | None = None,
    criteria: str | Path | None = None,
    data: DataSnapshot | None = None,
    **method_params: Any,
) -> RankResult:
    """Rank every (country, mode) pair of ``case`` (a Case, a path, a bundled id, or None for
    the default case). ``method`` and ``weights`` override the case file; ``scenario`` and
    ``settings`` ("ISO3.FEATURE=VALUE") are what-ifs on the hosts; ``criteria`` replaces the
    case's criteria hierarchy (e.g. ``"commercial"``); ``data`` the data snapshot (default: that
    of ``$COOPSELECT_DATA_DIR`` or the user's data directory, read once here)."""
    data = data if data is not None else DataSnapshot.read(None)
    case, cw, scores, problem = prepare(
        case, weights=weights, settings=settings, scenario=scenario, criteria=criteria, data=data
    )
    params = dict(case.method_params) if method is None else {}
    params.update(method_params)
    return rank_problem(case, cw, scores, problem, method or case.method, params, scenario, data)


def rank_problem(
    case: Case,
    cw: CriteriaWeights,
    scores: CountryScores,
    problem: PairProblem,
    method: str,
    params: dict[str, Any],
    scenario: str | None = None,
    data: DataSnapshot | None = None,
) -> RankResult:
    """The ranking tail: run ``method`` (with ``params`` plus what the model adds for it) on the
    pair matrix of ``prepare`` and order the pairs, every pair of a host with no known endowment
    after the endowed hosts' (:func:`endowed_first`). ``rank`` and the app's fast re-rank on a
    cached matrix (``app.state``) both end here."""
    from coopselect.methods import run_method

    name = method.strip().lower()
    params = problem.method_params(name, params)
    dm = problem.dm
    res = run_method(name, dm.matrix, dm.weights, dm.types, **params)
    ranks = endowed_first(np.asarray(res.ranks), problem)
    order = ranks.argsort(kind="stable")
    pairs = tuple(
        PairRank(int(ranks[i]), problem.pairs[i][0], problem.pairs[i][1], float(res.scores[i]))
        for i in order
    )
    return RankResult(
        case,
        name,
        params,
        bool(res.higher_is_better),
        cw,
        scores,
        problem,
        res,
        pairs,
        scenario,
        data,
    )


def endowed_first(ranks: np.ndarray, problem: PairProblem) -> np.ndarray:
    """The method's ranks with every pair of a host that has no known endowment after every
    pair of an endowed host (missing means missing: such a host has nothing to secure, DESIGN
    v3 point 2). Order and ties within each group are the method's; ranks are competition ranks
    (1 + the number of pairs strictly ahead)."""
    assert problem.features is not None
    none = set(problem.features.no_known_endowment())
    if not none:
        return ranks
    last = np.array([k in none for k, _m in problem.pairs])
    out = np.empty_like(ranks)
    n_first = int((~last).sum())
    for group, offset in ((~last, 0), (last, n_first)):
        r = ranks[group]
        # 1 + how many in the group rank strictly better
        out[group] = offset + 1 + np.searchsorted(np.sort(r), r, side="left")
    return out
