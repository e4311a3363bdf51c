"""Country favourability: indicators normalised to [0, 1] (1 = most favourable), combined into
sub-criterion and criterion scores, with the case's missing-value policy applied and reported."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from coopselect.domain.model import Case, Indicator
from coopselect.errors import CoopselectError
from coopselect.io import datasets
from coopselect.scoring.weights import CriteriaWeights


@dataclass(frozen=True)
class Imputation:
    country: str
    indicator: str
    rule: str
    value: float | None  # the favourability used (None when the country was excluded)
    detail: str
    mineral: str | None = None  # USGS gaps only
    measure: str | None = None

    def as_dict(self) -> dict:
        out = {
            "country": self.country,
            "indicator": self.indicator,
            "rule": self.rule,
            "favourability": self.value,
            "detail": self.detail,
        }
        if self.mineral:
            out["mineral"] = self.mineral
        return out


@dataclass(frozen=True)
class CountryScores:
    countries: tuple[str, ...]  # kept candidates, in case order
    criteria: tuple[str, ...]
    x: np.ndarray  # (countries, criteria) favourability in [0, 1]
    subcriteria: tuple[str, ...]
    sub_scores: np.ndarray  # (countries, subcriteria)
    indicators: tuple[str, ...]
    raw: np.ndarray  # (countries, indicators) raw values, NaN = no figure
    fav: np.ndarray  # (countries, indicators) favourability after imputation
    imputed: tuple[Imputation, ...]
    excluded: tuple[Imputation, ...]
    notes: tuple[str, ...]


def _bounds(ind: Indicator, uni: np.ndarray, cand: np.ndarray) -> tuple[float, float]:
    if isinstance(ind.scale, tuple):
        return ind.scale
    ref = uni if ind.scale == "universe" else cand
    ref = ref[np.isfinite(ref)]
    if ref.size == 0:
        return (0.0, 0.0)
    return float(ref.min()), float(ref.max())


def normalise(values: np.ndarray, lo: float, hi: float, direction: str) -> np.ndarray:
    """Min-max to [0, 1] with the direction applied; NaN stays NaN. A zero range gives 0.5."""
    if hi <= lo:
        f = np.where(np.isfinite(values), 0.5, np.nan)
    else:
        f = np.clip((values - lo) / (hi - lo), 0.0, 1.0)
    return 1.0 - f if direction == "cost" else f


def country_scores(case: Case, weights: CriteriaWeights) -> CountryScores:
    h = case.hierarchy
    cands = case.countries
    uni = tuple(dict.fromkeys(datasets.universe() + cands))
    file = str(case.path) if case.path else None
    ind_ids = tuple(dict.fromkeys(i for s in h.subcriteria.values() for i in s.indicators))
    notes: list[str] = []
    raw = np.full((len(cands), len(ind_ids)), np.nan)
    fav = np.full_like(raw, np.nan)
    usgs_gaps: list[Imputation] = []
    for j, iid in enumerate(ind_ids):
        ind = h.indicators[iid]
        col = datasets.raw_indicator(ind, uni, case.minerals.weights)
        notes.extend(n for n in col.notes if n not in notes)
        cand_gaps = [g for g in col.gaps if g.country in cands]
        if cand_gaps and case.missing.usgs_unlisted == "fail":
            g = cand_gaps[0]
            raise CoopselectError(
                f"USGS MCS 2024 has no {g.measure} figure for {g.country} {g.mineral} ({g.why}).",
                file=file,
                place="missing.usgs_unlisted",
                fix='set usgs_unlisted = "zero" to count it as no share of the listed world '
                "figure, or drop the mineral or the country.",
            )
        for g in cand_gaps:
            why = (
                "not listed by USGS (inside 'Other countries')"
                if g.why == "unlisted"
                else "listed by USGS without a figure"
            )
            usgs_gaps.append(
                Imputation(
                    g.country,
                    iid,
                    "usgs_unlisted=zero",
                    None,
                    f"{g.mineral} {g.measure}: {why}; counted as zero share",
                    g.mineral,
                    g.measure,
                )
            )
        uni_vals = np.array([col.values[k] for k in uni])
        cand_vals = np.array([col.values[k] for k in cands])
        lo, hi = _bounds(ind, uni_vals, cand_vals)
        if hi <= lo:
            notes.append(f"{iid}: all reference values are equal; every country scored 0.5.")
        raw[:, j] = cand_vals
        fav[:, j] = normalise(cand_vals, lo, hi, ind.direction)

    imputed, excluded, keep = _apply_missing(case, ind_ids, fav, file)
    imputed = usgs_gaps + imputed
    kept = tuple(c for c, k in zip(cands, keep, strict=True) if k)
    if not kept:
        raise CoopselectError(
            "every candidate country was excluded for missing data.",
            file=file,
            place="missing.policy",
            fix='use policy = "impute" with a rule, or other countries.',
        )
    raw, fav = raw[keep], fav[keep]
    imputed = [i for i in imputed if i.country in kept]

    sub_ids = tuple(s for c in h.criteria for s in c.subcriteria)
    sub_scores = np.zeros((len(kept), len(sub_ids)))
    for s_idx, sid in enumerate(sub_ids):
        cols = [ind_ids.index(i) for i in h.subcriteria[sid].indicators]
        # Indicators within a sub-criterion count equally.
        sub_scores[:, s_idx] = fav[:, cols].mean(axis=1)
    x = np.zeros((len(kept), len(h.criteria)))
    for c_idx, crit in enumerate(h.criteria):
        local = weights.local[crit.id].weights
        cols = [sub_ids.index(s) for s in crit.subcriteria]
        x[:, c_idx] = sub_scores[:, cols] @ local
    return CountryScores(
        kept,
        h.criterion_ids,
        x,
        sub_ids,
        sub_scores,
        ind_ids,
        raw,
        fav,
        tuple(imputed),
        tuple(excluded),
        tuple(notes),
    )


def _apply_missing(case: Case, ind_ids, fav: np.ndarray, file):
    cands = case.countries
    policy = case.missing
    holes = np.argwhere(np.isnan(fav))
    imputed: list[Imputation] = []
    excluded: list[Imputation] = []
    keep = np.ones(len(cands), dtype=bool)
    if holes.size == 0:
        return imputed, excluded, keep
    if policy.policy == "fail":
        i, j = holes[0]
        raise CoopselectError(
            f"no value for {cands[i]} on indicator {ind_ids[j]!r} "
            f"({len(holes)} gap{'s' if len(holes) > 1 else ''} in all).",
            file=file,
            place="missing.policy",
            fix='set [missing] policy = "exclude", or "impute" with rule = "worst" or '
            '"median", or remove the country.',
        )
    if policy.policy == "exclude":
        for i, j in holes:
            keep[i] = False
            excluded.append(Imputation(cands[i], ind_ids[j], "exclude", None, "no value; excluded"))
        return imputed, excluded, keep
    for i, j in holes:
        present = fav[:, j][np.isfinite(fav[:, j])]
        if present.size == 0:
            raise CoopselectError(
                f"no candidate has a value for indicator {ind_ids[j]!r}; nothing to impute from.",
                file=file,
                place="missing.rule",
                fix="remove the indicator or add countries with data.",
            )
        value = float(present.min() if policy.rule == "worst" else np.median(present))
        label = (
            "least favourable candidate value"
            if policy.rule == "worst"
            else "median of candidates with a value"
        )
        imputed.append(
            Imputation(
                cands[i],
                ind_ids[j],
                f"impute:{policy.rule}",
                value,
                f"no value in the source; {label}",
            )
        )
    for imp in imputed:
        i, j = cands.index(imp.country), ind_ids.index(imp.indicator)
        fav[i, j] = imp.value
    return imputed, excluded, keep
