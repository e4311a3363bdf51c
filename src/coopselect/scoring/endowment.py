"""Resource endowment per mineral: world shares (USGS MCS) on the model's log scale.

For each of the case's minerals n and each host k, the share of world mine production (or
reserves) is put on a fixed log scale (criteria/modes.toml [model.endowment_scale]):

    score = clamp(log10(share / floor) / log10(1 / floor), 0, 1)

so that each tenfold share adds the same and one dominant producer does not flatten the rest.
A host USGS does not list (inside "Other countries"), or lists without a figure, is handled by the
case's ``usgs_unlisted`` rule: ``below_smallest`` (a stated fraction of the smallest listed
country's share), ``zero`` or ``fail``; every use is reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from coopselect.domain.model import Case
from coopselect.errors import CoopselectError
from coopselect.i18n import note
from coopselect.io import datasets
from coopselect.scoring.imputation import Imputation


def log_score(share: float, floor: float) -> float:
    """One share of world on the log scale (math.log10, not numpy's SIMD log: the same bits on
    every CPU)."""
    if not share > floor:
        return 0.0
    return min(1.0, math.log10(share / floor) / math.log10(1.0 / floor))


@dataclass(frozen=True)
class Endowment:
    """One measure ("production" or "reserves") over the case's minerals."""

    measure: str
    countries: tuple[str, ...]
    minerals: tuple[str, ...]  # every case mineral, in case order
    weights: np.ndarray  # (N,) case weights rescaled over the minerals that have a world total
    share: np.ndarray  # (K, N) share of world used (NaN where the mineral has no world total)
    score: np.ndarray  # (K, N) log-scale score (NaN where the mineral has no world total)
    imputed: tuple[Imputation, ...]
    notes: tuple[str, ...]

    @property
    def available(self) -> np.ndarray:
        return np.isfinite(self.score[0]) if self.score.size else np.zeros(0, dtype=bool)

    def total(self) -> np.ndarray:
        """(K,) mineral-weighted score (minerals without a world total left out)."""
        s = np.where(np.isfinite(self.score), self.score, 0.0)
        out = np.zeros(s.shape[0])
        for n, w in enumerate(self.weights):
            out = out + w * s[:, n]
        return out

    def weighted_share(self) -> np.ndarray:
        s = np.where(np.isfinite(self.share), self.share, 0.0)
        out = np.zeros(s.shape[0])
        for n, w in enumerate(self.weights):
            out = out + w * s[:, n]
        return out


def endowment(case: Case, countries: tuple[str, ...], measure: str, year: int) -> Endowment:
    settings = case.catalog.model
    rule = case.missing.usgs_unlisted
    file = str(case.path) if case.path else None
    mids = case.minerals.ids
    k_n, n_n = len(countries), len(mids)
    share = np.full((k_n, n_n), np.nan)
    score = np.full((k_n, n_n), np.nan)
    weights = np.zeros(n_n)
    imputed: list[Imputation] = []
    notes: list[str] = []
    indicator = f"{measure}_share"
    for n, mid in enumerate(mids):
        ms = datasets.usgs_shares(mid, measure, year, countries)
        mineral = datasets.minerals()[mid]
        name = mineral.name_en
        measure_zh = "储量" if measure == "reserves" else "产量"
        if not np.isfinite(ms.world):
            notes.append(
                note(
                    f"{name}: USGS gives no world {measure} total; left out of {measure}.",
                    f"{mineral.name_zh}：USGS 未给出世界{measure_zh}总量，"
                    f"{measure_zh}禀赋中不计该矿种。",
                )
            )
            continue
        weights[n] = case.minerals.weights[mid]
        if ms.product:
            notes.append(
                note(
                    f"{name}: USGS gives {measure} only for {ms.product}; those are used.",
                    f"{mineral.name_zh}：USGS 仅对 {ms.product} 给出{measure_zh}，按其计算。",
                )
            )
        for k, iso in enumerate(countries):
            v = ms.shares[iso]
            if iso in ms.gaps:
                known = case.missing.unlisted_known
                named = known is None or mid in known.get(iso, ())
                how_rule = rule if named else "zero"
                v = _unlisted(iso, name, ms, how_rule, settings.unlisted_fraction, file)
                why = (
                    "not listed by USGS (inside 'Other countries')"
                    if ms.gaps[iso] == "unlisted"
                    else "listed by USGS without a figure"
                )
                if how_rule == "below_smallest":
                    how = (
                        f"taken as {settings.unlisted_fraction:g} x the smallest listed share "
                        f"({ms.smallest:.4%} of world) = {v:.4%}"
                    )
                    if known is not None:
                        how += f", as {case.missing.unlisted_known_source} names it"
                elif known is not None and rule == "below_smallest":
                    how = f"not named by {case.missing.unlisted_known_source} either; zero share"
                else:
                    how = "counted as zero share"
                imputed.append(
                    Imputation(
                        iso,
                        indicator,
                        f"usgs_unlisted={how_rule}",
                        v,
                        f"{name} {measure}: {why}; {how}",
                        mid,
                        measure,
                    )
                )
            share[k, n] = v
            score[k, n] = log_score(v, settings.floor_share)
    total = weights.sum()
    if total > 0:
        weights = weights / total
    return Endowment(measure, countries, mids, weights, share, score, tuple(imputed), tuple(notes))


def _unlisted(iso: str, name: str, ms, rule: str, fraction: float, file: str | None) -> float:
    if rule == "fail":
        raise CoopselectError(
            f"USGS MCS has no {ms.measure} figure for {iso} {name} "
            f"({'not listed' if ms.gaps[iso] == 'unlisted' else 'listed without a figure'}).",
            file=file,
            place="missing.usgs_unlisted",
            fix='set usgs_unlisted = "below_smallest" (a stated fraction of the smallest listed '
            'share) or "zero", or drop the mineral or the country.',
        )
    if rule == "zero" or not np.isfinite(ms.smallest):
        return 0.0
    return fraction * ms.smallest
