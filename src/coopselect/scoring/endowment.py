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
from coopselect.i18n import Label
from coopselect.io.data import endowment_data, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.messages import Message, Param, message
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
    notes: tuple[Message, ...]
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
    notes: list[Message] = []
    sup_all = endowment_data.supplementary(data)
    what_measure = message("measure.reserves" if measure == "reserves" else "measure.production")
    indicator = f"{measure}_share"
    for n, mid in enumerate(mids):
        figs = endowment_data.usgs_figures(mid, measure, year, data)
        mineral = reference.minerals()[mid]
        name = mineral.name_en
        said: dict[str, Param] = {"mineral": Label(mineral.name_zh, name), "measure": what_measure}
        listed = [v for v in figs.values.values() if v > 0]
        world = figs.world
        if not np.isfinite(world):
            world = float(sum(listed)) if listed else math.nan
            if not np.isfinite(world) or world <= 0:
                notes.append(message("endowment.no_figures", **said))
                continue
            notes.append(message("endowment.no_world_total", **said))
        weights[n] = case.minerals.weights[mid]
        if figs.product:
            notes.append(message("endowment.product_only", product=figs.product, **said))
        smallest = min(listed) / world if listed else math.nan
        for k, iso in enumerate(countries):
            sup = sup_all.get((iso, mid))
            sup_v = _supplementary_value(sup, measure)
            if iso in figs.values:
                v, org = figs.values[iso] / world, USGS
            elif sup is not None and np.isfinite(sup_v):
                v, org = sup_v / world, SUPPLEMENTARY
                what = message("usgs.withheld" if iso in figs.withheld else "usgs.not_listed")
                imputed.append(
                    Imputation(
                        iso,
                        indicator,
                        "supplementary",
                        v,
                        message(
                            "endowment.supplementary",
                            what=what,
                            share=v,
                            source=sup.source,
                            **said,
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
                        message("endowment.withheld", **said),
                        mid,
                        measure,
                    )
                )
            else:
                v, org = _unlisted(case, iso, mid, name, rule, smallest, settings, file)
                if org == ESTIMATED:
                    how = message(
                        "endowment.estimated",
                        fraction=settings.unlisted_fraction,
                        smallest=smallest,
                        share=v,
                        source=case.missing.unlisted_known_source,
                    )
                    rule_id = "usgs_unlisted=below_smallest"
                else:
                    how = message("endowment.none_known")
                    rule_id = "usgs_unlisted=zero"
                why = message("usgs.no_figure" if iso in figs.flagged else "usgs.not_listed")
                detail = message("endowment.unlisted", why=why, how=how, **said)
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
