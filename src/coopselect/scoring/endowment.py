"""Known endowment per mineral (pair model v3): world shares on a saturating log scale.

For each of the case's minerals n and each host k, the share of world mine production (or
reserves) is put on a fixed log scale (criteria/modes.toml [model.endowment_scale] and
[model.supply_scale]):

    score = clamp(log10(share / floor) / log10(cap / floor), 0, 1)

so that each tenfold share adds the same and a major producer (``cap``, 10 % of world) reaches 1:
the supply a control mode secures there can outweigh a low-commitment mode's safety under every
method (DESIGN, the model v3, point 1).

Where a figure comes from, in this order (coopselect.io.data.endowment_data):

1. USGS MCS, listed with a number;
2. USGS MCS "W" (withheld to avoid disclosing company data): the host produces, the figure is not
   published. Never read as absent: a cited supplementary figure is used if there is one, else
   the share is unknown (0 on the scale) and the host still counts as holding the mineral;
3. the cited supplementary table (data/supplementary_production.csv), marked supplementary;
4. nothing known: share 0, listed as a gap ("no known ..."). USGS's "Other countries" residual is
   never spread over unlisted economies. The case key ``usgs_unlisted = "below_smallest"`` is still
   read: it now estimates only the (host, mineral) pairs a cited source names
   ([missing.unlisted_known]); without such a list it estimates none. ``"fail"`` stops the run.

Where USGS gives no world total (reserves of potash, antimony, ...), the sum of the listed
figures is the denominator, with a note: the reserves are not dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from coopselect.domain.model import Case
from coopselect.errors import CoopselectError
from coopselect.i18n import note
from coopselect.io.data import endowment_data, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.scoring.imputation import Imputation

# Where a share came from (Endowment.origin).
USGS, WITHHELD, SUPPLEMENTARY, ESTIMATED, NONE = (
    "usgs",
    "withheld",
    "supplementary",
    "estimated",
    "none",
)


def log_score(share: float, floor: float, cap: float = 1.0) -> float:
    """One share of world on the log scale from ``floor`` (0) to ``cap`` (1) (math.log10, not
    numpy's SIMD log: the same bits on every CPU)."""
    if not share > floor:
        return 0.0
    return min(1.0, math.log10(share / floor) / math.log10(cap / floor))


@dataclass(frozen=True)
class Endowment:
    """One measure ("production" or "reserves") over the case's minerals."""

    measure: str
    countries: tuple[str, ...]
    minerals: tuple[str, ...]  # every case mineral, in case order
    weights: np.ndarray  # (N,) case weights rescaled over the minerals that have a denominator
    share: np.ndarray  # (K, N) share of world used (NaN where the mineral has no denominator)
    score: np.ndarray  # (K, N) log-scale score (NaN where the mineral has no denominator)
    imputed: tuple[Imputation, ...]  # every figure not read from MCS, and every gap
    notes: tuple[str, ...]
    origin: tuple[tuple[str, ...], ...] = ()  # (K, N) USGS | WITHHELD | SUPPLEMENTARY | ...

    @property
    def available(self) -> np.ndarray:
        return np.isfinite(self.score[0]) if self.score.size else np.zeros(0, dtype=bool)

    def known(self) -> np.ndarray:
        """(K, N) True where something is known to exist: a positive share or a withheld one."""
        out = np.nan_to_num(self.share, nan=0.0) > 0
        for k, row in enumerate(self.origin):
            for n, o in enumerate(row):
                if o == WITHHELD:
                    out[k, n] = True
        return out

    def total(self) -> np.ndarray:
        """(K,) mineral-weighted score (minerals without a denominator left out)."""
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


def _supplementary_value(sup, measure: str) -> float:
    if sup is None:
        return math.nan
    return sup.production_t if measure == "production" else sup.reserves_t


def endowment(
    case: Case, countries: tuple[str, ...], measure: str, year: int, data: DataSnapshot
) -> Endowment:
    """Each candidate's share of world ``measure`` for each case mineral, from the tables of the
    data snapshot ``data``."""
    settings = case.catalog.model
    rule = case.missing.usgs_unlisted
    file = str(case.path) if case.path else None
    mids = case.minerals.ids
    k_n, n_n = len(countries), len(mids)
    share = np.full((k_n, n_n), np.nan)
    score = np.full((k_n, n_n), np.nan)
    origin = [[NONE] * n_n for _ in range(k_n)]
    weights = np.zeros(n_n)
    imputed: list[Imputation] = []
    notes: list[str] = []
    sup_all = endowment_data.supplementary(data)
    measure_zh = "储量" if measure == "reserves" else "产量"
    indicator = f"{measure}_share"
    for n, mid in enumerate(mids):
        figs = endowment_data.usgs_figures(mid, measure, year, data)
        mineral = reference.minerals()[mid]
        name = mineral.name_en
        listed = [v for v in figs.values.values() if v > 0]
        world = figs.world
        if not np.isfinite(world):
            world = float(sum(listed)) if listed else math.nan
            if not np.isfinite(world) or world <= 0:
                notes.append(
                    note(
                        f"{name}: USGS gives no {measure} figures; left out of {measure}.",
                        f"{mineral.name_zh}：USGS 未给出任何{measure_zh}数据，{measure_zh}禀赋中"
                        "不计该矿种。",
                    )
                )
                continue
            notes.append(
                note(
                    f"{name}: USGS gives no world {measure} total; the sum of the listed "
                    f"countries' figures is the denominator (shares are of the listed total).",
                    f"{mineral.name_zh}：USGS 未给出世界{measure_zh}总量，以所列国家之和为分母"
                    "（份额为占所列总量之比）。",
                )
            )
        weights[n] = case.minerals.weights[mid]
        if figs.product:
            notes.append(
                note(
                    f"{name}: USGS gives {measure} only for {figs.product}; those are used.",
                    f"{mineral.name_zh}：USGS 仅对 {figs.product} 给出{measure_zh}，按其计算。",
                )
            )
        smallest = min(listed) / world if listed else math.nan
        for k, iso in enumerate(countries):
            sup = sup_all.get((iso, mid))
            sup_v = _supplementary_value(sup, measure)
            if iso in figs.values:
                v, org = figs.values[iso] / world, USGS
            elif sup is not None and np.isfinite(sup_v):
                v, org = sup_v / world, SUPPLEMENTARY
                what = "withheld by USGS (W)" if iso in figs.withheld else "not listed by USGS MCS"
                what_zh = "USGS 保密未公布（W）" if iso in figs.withheld else "USGS MCS 未列出"
                imputed.append(
                    Imputation(
                        iso,
                        indicator,
                        "supplementary",
                        v,
                        note(
                            f"{name} {measure}: {what}; cited supplementary figure {v:.4%} of "
                            f"world ({sup.source})",
                            f"{mineral.name_zh}{measure_zh}：{what_zh}；取所引补充数据，占世界 "
                            f"{v:.4%}（来源：{sup.source}）",
                        ),
                        mid,
                        measure,
                    )
                )
            elif iso in figs.withheld:
                v, org = 0.0, WITHHELD
                imputed.append(
                    Imputation(
                        iso,
                        indicator,
                        "usgs:withheld",
                        None,
                        note(
                            f"{name} {measure}: withheld by USGS (W) to avoid disclosing company "
                            "data: the host produces, the volume is not published; no volume "
                            "counted",
                            f"{mineral.name_zh}{measure_zh}：USGS 为避免披露企业数据而保密（W）："
                            "该东道国有生产，但数量未公布；不计数量",
                        ),
                        mid,
                        measure,
                    )
                )
            else:
                v, org = _unlisted(case, iso, mid, name, rule, smallest, settings, file)
                if org == ESTIMATED:
                    how = (
                        f"taken as {settings.unlisted_fraction:g} x the smallest listed share "
                        f"({smallest:.4%} of world) = {v:.4%}, as "
                        f"{case.missing.unlisted_known_source} names it"
                    )
                    how_zh = (
                        f"按最小列出份额（占世界 {smallest:.4%}）的 {settings.unlisted_fraction:g} "
                        f"倍计，为 {v:.4%}（来源：{case.missing.unlisted_known_source}）"
                    )
                    rule_id = "usgs_unlisted=below_smallest"
                else:
                    how = "no known figure (USGS MCS, supplementary table): none counted"
                    how_zh = "无已知数据（USGS MCS、补充表）：不计"
                    rule_id = "usgs_unlisted=zero"
                why = (
                    "listed by USGS without a figure"
                    if iso in figs.flagged
                    else "not listed by USGS MCS"
                )
                why_zh = "USGS 列出但无数据" if iso in figs.flagged else "USGS MCS 未列出"
                detail = note(
                    f"{name} {measure}: {why}; {how}",
                    f"{mineral.name_zh}{measure_zh}：{why_zh}；{how_zh}",
                )
                imputed.append(Imputation(iso, indicator, rule_id, v, detail, mid, measure))
            share[k, n] = v
            origin[k][n] = org
            score[k, n] = log_score(v, settings.floor_share, settings.cap_share)
    total = weights.sum()
    if total > 0:
        weights = weights / total
    return Endowment(
        measure,
        countries,
        mids,
        weights,
        share,
        score,
        tuple(imputed),
        tuple(notes),
        tuple(tuple(r) for r in origin),
    )


def _unlisted(case, iso, mid, name, rule, smallest, settings, file) -> tuple[float, str]:
    if rule == "fail":
        raise CoopselectError(
            f"no known {name} figure for {iso} (not in USGS MCS nor in the supplementary table).",
            file=file,
            place="missing.usgs_unlisted",
            fix='set usgs_unlisted = "zero" (no known endowment, listed as a gap), or drop the '
            "mineral or the country.",
        )
    known = case.missing.unlisted_known
    named = known is not None and mid in known.get(iso, ())
    if rule == "below_smallest" and named and np.isfinite(smallest):
        return settings.unlisted_fraction * smallest, ESTIMATED
    return 0.0, NONE
