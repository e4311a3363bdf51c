"""Host features of the pair model (docs/model.md), in [0, 1], per candidate country.

- governance, infrastructure, esg: the host's favourability on the hierarchy's political risk,
  infrastructure and ESG pressure criteria (1 = most favourable to the investor);
- production, reserves: per mineral, the known endowment on the saturating log scale of world
  share (scoring.endowment: USGS MCS, withheld figures, the cited supplementary table);
- exploration_potential: per mineral, undiscovered or under-explored potential in [0, 1]
  (data/exploration_potential.csv; a host and mineral without a row has none known: 0, listed);
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

from coopselect.domain.features import BARRIERS, CRITERION_FEATURE, ENDOWMENT_FEATURES
from coopselect.domain.model import Case, ModelSettings
from coopselect.errors import CoopselectError
from coopselect.io.data import datasets, endowment_data
from coopselect.io.data.snapshot import DataSnapshot
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
    withheld: np.ndarray | None = None  # (K, N) USGS "W": produced, volume withheld
    # production/reserves -> (K, N): a known figure above zero (however small its share of world:
    # below the log scale's floor it scores 0, yet the host holds the mineral), or withheld
    held: dict[str, np.ndarray] | None = None

    def known_endowment(self) -> np.ndarray:
        """(K,) True where the host holds something known of any case mineral: production,
        reserves or exploration potential above 0, or production USGS withholds ("W")."""
        out = np.zeros(len(self.countries), dtype=bool)
        for f in ENDOWMENT_FEATURES:
            out |= (np.nan_to_num(self.per_mineral[f], nan=0.0) > 0).any(axis=1)
        if self.withheld is not None and self.withheld.size:
            out |= self.withheld.any(axis=1)
        for known in (self.held or {}).values():
            if known.size:
                out |= known.any(axis=1)
        return out

    def no_known_endowment(self) -> tuple[str, ...]:
        known = self.known_endowment()
        return tuple(k for k, ok in zip(self.countries, known, strict=True) if not ok)

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
    case: Case,
    scores: CountryScores,
    data: DataSnapshot,
    gdp_overrides: dict[str, float] | None = None,
) -> HostFeatures:
    """``data``: the run's data snapshot (coopselect.io.data.snapshot); ``gdp_overrides``: ISO3
    -> GDP per capita (US$) what-ifs for the technology gap."""
    ks = scores.countries
    model = case.catalog.model
    file = str(case.path) if case.path else None
    scalar = {f: scores.criterion(c).copy() for f, c in CRITERION_FEATURE.items()}
    gap, ratio, imputed = _technology_gap(case, ks, model, file, gdp_overrides or {}, data)
    scalar["technology_gap"] = gap
    per = {}
    measure_weights = {}
    withheld = np.zeros((len(ks), len(case.minerals.ids)), dtype=bool)
    held: dict[str, np.ndarray] = {}
    for measure in ("production", "reserves"):
        e = scores.endowment[measure]
        per[measure] = e.score.copy()
        measure_weights[measure] = e.weights
        held[measure] = np.nan_to_num(e.share, nan=0.0) > 0
        for k, row in enumerate(e.origin):
            for n, o in enumerate(row):
                withheld[k, n] |= o == "withheld"
                held[measure][k, n] |= o == "withheld"
    per["exploration_potential"] = _potential(case, ks, data)
    bar = barriers(case, ks)
    per.update({b: bar.values[b].copy() for b in BARRIERS})
    weights = np.array([case.minerals.weights[m] for m in case.minerals.ids])
    f = HostFeatures(
        ks,
        case.minerals.ids,
        weights,
        scalar,
        per,
        measure_weights,
        bar,
        ratio,
        tuple(imputed),
        withheld=withheld,
        held=held,
    )
    gaps = [
        Imputation(
            k,
            "known_endowment",
            "no_known_endowment",
            None,
            "no known production, reserves or exploration potential of the case's minerals "
            "(USGS MCS, the supplementary table, the exploration-potential table): nothing to "
            "secure, no best mode",
        )
        for k in f.no_known_endowment()
    ]
    return replace(f, imputed=(*f.imputed, *gaps))


def _potential(case: Case, ks: tuple[str, ...], data: DataSnapshot) -> np.ndarray:
    """(K, N) exploration potential; 0 where the table has no row (none known)."""
    table = endowment_data.potentials(data)
    out = np.zeros((len(ks), len(case.minerals.ids)))
    for k, iso in enumerate(ks):
        for n, mid in enumerate(case.minerals.ids):
            row = table.get((iso, mid))
            if row is not None:
                out[k, n] = row.potential
    return out


def _technology_gap(
    case: Case,
    ks: tuple[str, ...],
    model: ModelSettings,
    file,
    overrides: dict[str, float],
    data: DataSnapshot,
):
    ref = model.tech_reference
    gdp = datasets.gdp_per_capita((*ks, ref), model.tech_year, data)
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
    for i, k in enumerate(ks):
        judged = model.tech_judgments.get(k)
        if judged is not None and k not in overrides:
            gap[i] = judged[0]
            imputed.append(
                Imputation(
                    k, "technology_gap", "judgment", judged[0], f"labelled judgment: {judged[1]}"
                )
            )
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
    withheld = None if f.withheld is None else f.withheld.copy()
    held = None if f.held is None else {m: v.copy() for m, v in f.held.items()}
    current = f
    for country, feature, value, source in settings:
        k = f.countries.index(country)
        was = float(current.value(feature)[k])
        if feature in scalar:
            scalar[feature][k] = value
        else:
            row = per[feature][k]
            if feature in ENDOWMENT_FEATURES[:2]:
                row[np.isfinite(row)] = value
                if withheld is not None:
                    withheld[k] = False  # the what-if states the volume
                if held is not None and feature in held:
                    held[feature][k] = value > 0
            else:
                row[:] = value
        applied.append(AppliedOverride(country, feature, value, was, source))
        current = replace(f, scalar=scalar, per_mineral=per, withheld=withheld, held=held)
    out = replace(
        f, scalar=scalar, per_mineral=per, overrides=tuple(applied), withheld=withheld, held=held
    )
    # the no-known-endowment gaps follow the what-ifs
    none = set(out.no_known_endowment())
    kept = tuple(i for i in out.imputed if i.rule != "no_known_endowment" or i.country in none)
    have = {i.country for i in kept if i.rule == "no_known_endowment"}
    template = next((i for i in f.imputed if i.rule == "no_known_endowment"), None)
    added = tuple(
        Imputation(
            k,
            "known_endowment",
            "no_known_endowment",
            None,
            template.detail if template else "no known endowment (what-if)",
        )
        for k in out.countries
        if k in none and k not in have
    )
    return replace(out, imputed=(*kept, *added))
