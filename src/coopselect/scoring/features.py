"""Host features of the pair model (docs/model.md), in [0, 1], per candidate country.

- governance, infrastructure, esg: the host's favourability on the hierarchy's political risk,
  infrastructure and ESG pressure criteria (1 = most favourable to the investor);
- production, reserves: per mineral, the log-scale world share (scoring.endowment);
- technology_gap: GDP per capita of the reference economy (China) over the host's, on a log scale
  up to the stated widest ratio (criteria/modes.toml [model.technology_gap]);
- the four barriers, per mineral (scoring.barriers).

A what-if override sets a feature for one host (for every mineral, where the feature is per
mineral) after everything is computed; each one is recorded with the value it replaced.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from coopselect.domain.features import BARRIERS, CRITERION_FEATURE, PER_MINERAL
from coopselect.domain.model import Case, ModelSettings
from coopselect.errors import CoopselectError
from coopselect.io import datasets
from coopselect.scoring.barriers import Barriers, barriers
from coopselect.scoring.favourability import CountryScores, impute_value
from coopselect.scoring.imputation import Imputation


@dataclass(frozen=True)
class AppliedOverride:
    country: str
    feature: str
    value: float
    was: float
    source: str  # "--set" or "scenario <id>"

    def as_dict(self) -> dict:
        return {
            "country": self.country,
            "feature": self.feature,
            "value": self.value,
            "was": self.was,
            "source": self.source,
        }


@dataclass(frozen=True)
class HostFeatures:
    countries: tuple[str, ...]
    minerals: tuple[str, ...]
    mineral_weights: np.ndarray  # (N,) the case's mineral weights (sum 1)
    scalar: dict[str, np.ndarray]  # governance, infrastructure, esg, technology_gap -> (K,)
    per_mineral: dict[str, np.ndarray]  # production, reserves, barriers -> (K, N)
    measure_weights: dict[str, np.ndarray]  # production/reserves -> (N,) over minerals with data
    barriers: Barriers
    gdp_ratio: np.ndarray  # (K,) reference GDP per capita / host's (NaN where imputed)
    imputed: tuple[Imputation, ...]
    overrides: tuple[AppliedOverride, ...] = ()

    def weights_for(self, feature: str) -> np.ndarray:
        return self.measure_weights.get(feature, self.mineral_weights)

    def value(self, feature: str) -> np.ndarray:
        """(K,) the feature; per-mineral features are averaged with the case's mineral weights
        (production and reserves over the minerals USGS gives a world total for)."""
        if feature in self.scalar:
            return self.scalar[feature]
        a = self.per_mineral[feature]
        out = np.zeros(a.shape[0])
        for n, w in enumerate(self.weights_for(feature)):
            if w > 0:
                out = out + float(w) * a[:, n]
        return out

    def row(self, country: str) -> dict[str, float]:
        from coopselect.domain.features import HOST_FEATURES

        k = self.countries.index(country)
        return {f: float(self.value(f)[k]) for f in HOST_FEATURES}

    def activity(self) -> np.ndarray:
        """(K, N) max(production, reserves) per mineral (reserves missing -> production)."""
        p, r = self.per_mineral["production"], self.per_mineral["reserves"]
        p0 = np.where(np.isfinite(p), p, 0.0)
        r0 = np.where(np.isfinite(r), r, p0)
        return np.maximum(p0, r0)


def technology_gap(ratio: float, widest: float) -> float:
    """log(ratio) / log(widest), clamped to [0, 1] (math.log: the same bits on every CPU)."""
    if not ratio > 1.0:
        return 0.0
    return min(1.0, math.log(ratio) / math.log(widest))


def host_features(
    case: Case, scores: CountryScores, gdp_overrides: dict[str, float] | None = None
) -> HostFeatures:
    """``gdp_overrides``: ISO3 -> GDP per capita (US$) what-ifs for the technology gap."""
    ks = scores.countries
    model = case.catalog.model
    file = str(case.path) if case.path else None
    scalar = {f: scores.criterion(c).copy() for f, c in CRITERION_FEATURE.items()}
    gap, ratio, imputed = _technology_gap(case, ks, model, file, gdp_overrides or {})
    scalar["technology_gap"] = gap
    per = {}
    measure_weights = {}
    for measure in ("production", "reserves"):
        e = scores.endowment[measure]
        per[measure] = e.score.copy()
        measure_weights[measure] = e.weights
    bar = barriers(case, ks)
    per.update({b: bar.values[b].copy() for b in BARRIERS})
    weights = np.array([case.minerals.weights[m] for m in case.minerals.ids])
    return HostFeatures(
        ks,
        case.minerals.ids,
        weights,
        scalar,
        per,
        measure_weights,
        bar,
        ratio,
        tuple(imputed),
    )


def _technology_gap(
    case: Case, ks: tuple[str, ...], model: ModelSettings, file, overrides: dict[str, float]
):
    ref = model.tech_reference
    gdp = datasets.gdp_per_capita((*ks, ref), model.tech_year)
    gdp.update(overrides)
    if not np.isfinite(gdp[ref]):
        raise CoopselectError(
            f"no GDP per capita for the reference economy {ref} in {model.tech_year}.",
            file=str(case.catalog.path) if case.catalog.path else None,
            place="model.technology_gap",
            fix="choose a year the bundled WDI data cover.",
        )
    ratio = np.array([gdp[ref] / gdp[k] if gdp[k] > 0 else np.nan for k in ks])
    gap = np.array(
        [technology_gap(r, model.tech_widest_ratio) if np.isfinite(r) else np.nan for r in ratio]
    )
    imputed = []
    holes = [i for i in range(len(ks)) if not np.isfinite(gap[i])]
    if holes:
        if case.missing.policy != "impute":
            k = ks[holes[0]]
            raise CoopselectError(
                f"no GDP per capita for {k} in {model.tech_year} (World Bank WDI): its "
                "technology gap is unknown.",
                file=file,
                place="missing.policy",
                fix='set [missing] policy = "impute" (the gap takes the candidates\' median), '
                "or remove the country.",
            )
        # The gap is demand for some modes and nothing for others: neither end is "worst", so
        # both rules take the median of the candidates.
        value = impute_value(gap, "median", "technology_gap", file)
        for i in holes:
            gap[i] = value
            imputed.append(
                Imputation(
                    ks[i],
                    "technology_gap",
                    "impute:median",
                    value,
                    "no GDP per capita in World Bank WDI; median gap of the candidates",
                )
            )
    return gap, ratio, imputed


def apply_overrides(f: HostFeatures, settings: list[tuple[str, str, float, str]]) -> HostFeatures:
    """Set features: ``settings`` = (country, feature, value in [0, 1], source), in order."""
    if not settings:
        return f
    scalar = {k: v.copy() for k, v in f.scalar.items()}
    per = {k: v.copy() for k, v in f.per_mineral.items()}
    applied = list(f.overrides)
    current = f
    for country, feature, value, source in settings:
        k = f.countries.index(country)
        was = float(current.value(feature)[k])
        if feature in scalar:
            scalar[feature][k] = value
        else:
            row = per[feature][k]
            if feature in PER_MINERAL[:2]:
                row[np.isfinite(row)] = value
            else:
                row[:] = value
        applied.append(AppliedOverride(country, feature, value, was, source))
        current = replace(f, scalar=scalar, per_mineral=per)
    return replace(f, scalar=scalar, per_mineral=per, overrides=tuple(applied))
