"""Country favourability: indicators normalised to [0, 1] (1 = most favourable), combined into
sub-criterion and criterion scores, with the case's missing-value policy applied and reported.

Sums over a handful of columns are written as explicit elementwise loops rather than matrix
products: a BLAS kernel may add in a different order on another CPU, and last-bit differences must
not be able to reorder pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from coopselect.domain.model import Case, Indicator
from coopselect.errors import CoopselectError
from coopselect.io.data import datasets
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.messages import Text, message
from coopselect.scoring.endowment import Endowment, endowment, log_score
from coopselect.scoring.imputation import Imputation
from coopselect.scoring.weights import CriteriaWeights

__all__ = ["CountryScores", "Imputation", "country_scores", "normalise", "weighted_columns"]

DEFAULT_PRODUCTION_YEAR = 2023


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
    notes: tuple[Text, ...]
    endowment: dict[str, Endowment] = field(default_factory=dict)  # "production", "reserves"

    def criterion(self, cid: str) -> np.ndarray:
        return self.x[:, self.criteria.index(cid)]


def weighted_columns(a: np.ndarray, w) -> np.ndarray:
    """sum_j a[:, j] * w[j], added column by column in a fixed order (see the module docstring)."""
    out = np.zeros(a.shape[0])
    for j, wj in enumerate(w):
        out = out + a[:, j] * float(wj)
    return out


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


def country_scores(
    case: Case,
    weights: CriteriaWeights,
    data: DataSnapshot,
    raw_overrides: dict[tuple[str, str], float] | None = None,
) -> CountryScores:
    """``data``: the run's data snapshot (which vintage of each table is read).
    ``raw_overrides`` maps (ISO3, indicator id) to a raw value in the indicator's own units (a
    what-if); for a USGS share indicator the value is the share of world of every case mineral."""
    raw_overrides = raw_overrides or {}
    h = case.hierarchy
    cands = case.countries
    file = str(case.path) if case.path else None
    ind_ids = tuple(dict.fromkeys(i for s in h.subcriteria.values() for i in s.indicators))
    notes: list[Text] = []
    raw = np.full((len(cands), len(ind_ids)), np.nan)
    fav = np.full_like(raw, np.nan)
    endow = _endowments(case, cands, h.indicators, ind_ids, raw_overrides, data)
    for e in endow.values():
        notes.extend(n for n in e.notes if n not in notes)
    usgs_gaps = [i for e in endow.values() for i in e.imputed]
    uni: tuple[str, ...] | None = None
    for j, iid in enumerate(ind_ids):
        ind = h.indicators[iid]
        if ind.dataset == "usgs":
            e = endow[ind.measure or ""]
            raw[:, j] = e.weighted_share()
            if ind.scale == "log_share":
                fav[:, j] = e.total()
                continue
            cand_vals = raw[:, j]
            lo, hi = _bounds(ind, cand_vals, cand_vals)
        else:
            if uni is None:
                uni = tuple(dict.fromkeys(datasets.universe() + cands))
            col = datasets.raw_indicator(ind, uni, case.minerals.weights, data)
            notes.extend(n for n in col.notes if n not in notes)
            values = dict(col.values)
            for (iso, oid), v in raw_overrides.items():
                if oid == iid:
                    values[iso] = v
            uni_vals = np.array([values[k] for k in uni])
            cand_vals = np.array([values[k] for k in cands])
            lo, hi = _bounds(ind, uni_vals, cand_vals)
        if hi <= lo:
            notes.append(message("favourability.equal_reference", indicator=iid))
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
    endow = {m: _rows(e, keep) for m, e in endow.items()}

    sub_ids = tuple(s for c in h.criteria for s in c.subcriteria)
    sub_scores = np.zeros((len(kept), len(sub_ids)))
    for s_idx, sid in enumerate(sub_ids):
        cols = [ind_ids.index(i) for i in h.subcriteria[sid].indicators]
        # Indicators within a sub-criterion count equally.
        sub_scores[:, s_idx] = weighted_columns(fav[:, cols], [1.0 / len(cols)] * len(cols))
    x = np.zeros((len(kept), len(h.criteria)))
    for c_idx, crit in enumerate(h.criteria):
        local = weights.local[crit.id].weights
        cols = [sub_ids.index(s) for s in crit.subcriteria]
        x[:, c_idx] = weighted_columns(sub_scores[:, cols], local)
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
        endow,
    )


def _endowments(
    case: Case,
    cands: tuple[str, ...],
    indicators: dict[str, Indicator],
    ind_ids: tuple[str, ...],
    raw_overrides: dict[tuple[str, str], float],
    data: DataSnapshot,
) -> dict[str, Endowment]:
    """Production and reserves endowment of the candidates (always both: the pair model needs
    them even when a custom hierarchy has no USGS indicator), with share what-ifs applied."""
    years = {
        indicators[i].measure: indicators[i].year
        for i in ind_ids
        if indicators[i].dataset == "usgs"
    }
    out = {}
    for measure in ("production", "reserves"):
        e = endowment(case, cands, measure, years.get(measure) or DEFAULT_PRODUCTION_YEAR, data)
        for (iso, oid), v in raw_overrides.items():
            ind = indicators.get(oid)
            if ind is not None and ind.dataset == "usgs" and ind.measure == measure:
                e = set_share(
                    e,
                    cands.index(iso),
                    v,
                    case.catalog.model.floor_share,
                    case.catalog.model.cap_share,
                )
        out[measure] = e
    return out


def set_share(e: Endowment, k: int, share: float, floor: float, cap: float = 1.0) -> Endowment:
    """The endowment with host ``k``'s share of world set to ``share`` for every mineral that has
    a world total (a what-if)."""
    from dataclasses import replace

    s, sc = e.share.copy(), e.score.copy()
    avail = np.isfinite(sc[k])
    s[k, avail] = share
    sc[k, avail] = log_score(share, floor, cap)
    imputed = tuple(i for i in e.imputed if i.country != e.countries[k])
    return replace(e, share=s, score=sc, imputed=imputed)


def _rows(e: Endowment, keep: np.ndarray) -> Endowment:
    from dataclasses import replace

    kept = tuple(c for c, k in zip(e.countries, keep, strict=True) if k)
    return replace(
        e,
        countries=kept,
        share=e.share[keep],
        score=e.score[keep],
        origin=tuple(o for o, k in zip(e.origin, keep, strict=True) if k) if e.origin else (),
        imputed=tuple(i for i in e.imputed if i.country in kept),
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
            gone = message("missing.excluded")
            excluded.append(Imputation(cands[i], ind_ids[j], "exclude", None, gone))
        return imputed, excluded, keep
    rule = message("missing.rule.worst" if policy.rule == "worst" else "missing.rule.median")
    # one value per column with gaps, from the values present before any gap is filled
    fill = {
        j: impute_value(fav[:, j], policy.rule, ind_ids[j], file)
        for j in dict.fromkeys(int(j) for j in holes[:, 1])
    }
    for i, j in holes:
        imputed.append(
            Imputation(
                cands[i],
                ind_ids[j],
                f"impute:{policy.rule}",
                fill[int(j)],
                message("missing.imputed", rule=rule),
            )
        )
    for i, j in holes:
        fav[i, j] = fill[int(j)]
    return imputed, excluded, keep


def impute_value(column: np.ndarray, rule: str | None, what: str, file) -> float:
    """The case's imputation rule applied to one column of favourabilities."""
    present = column[np.isfinite(column)]
    if present.size == 0:
        raise CoopselectError(
            f"no candidate has a value for {what!r}; nothing to impute from.",
            file=file,
            place="missing.rule",
            fix="remove the indicator or add countries with data.",
        )
    return float(present.min() if rule == "worst" else np.median(present))
