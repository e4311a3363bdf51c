"""Pair model version 3: host features x mode profiles -> one row per (country, mode) pair.

Every mode gains *and* loses with the host (docs/model.md, criteria/modes.toml). Four columns, each
carrying the AHP weight of one criterion of the hierarchy, all "more is better", on fixed absolute
scales in [0, 1] (the same for every method and comparison set):

    value (supply secured) = min(1, capture + indirect + opening)        (resource endowment)
    safety  = 1 - exposure (1 - governance)                              (political risk)
    infrastructure = min(1, 1 - reliance_infrastructure (1 - i) + welcome)
    esg     = 1 - reliance_esg (1 - esg)                                 (ESG pressure)

with, over the case's minerals n (weights w_n), "either" = (sum_n w_n x_n^16)^(1/16), a power mean
close to the best needed mineral (a major producer of one needed mineral is not diluted by the
minerals it lacks; see ``either``):

    capture  = either(c_n allowed_n),  c_n = cP eP_n + cR R_n + cX X_n,
               allowed_n = prod_b (1 - max(h_b, 0) B_bn)
    R_n      = min(eR_n, eP_n) + (eR_n - min(eR_n, eP_n)) (1 - reliance_infrastructure (1 - i))
               (reserves in production count whole, undeveloped ones as far as the host's
               infrastructure can deliver them); for a mode that builds infrastructure
               (serves_infrastructure > 0): R_n = (1 - i) max(eR_n - eP_n, 0), the undeveloped
               deposits a resources-for-infrastructure contract is paid from
    indirect = either(c_n allowed_n + indirect_supply max(activity_n, X_n) allowed_n) - capture
    opening  = either(... + activity_n (1 - prod_b (1 - max(-h_b, 0) B_bn))) - capture - indirect
    welcome  = min(1, serves_technology t + serves_infrastructure (1 - i))

eP, eR: known endowment (production, reserves) on the saturating log scale (10 % of world = 1);
X: exploration potential; activity_n = max(eP_n, eR_n). ``exposure`` is the profile key
``commitment``: capital at risk times how far the mode's value depends on the state keeping its
word. A host with no known endowment of the case's minerals (HostFeatures.known_endowment) has
nothing to secure; the pipeline ranks its pairs after every endowed host's.
The mode's intrinsic attributes (1-5) follow as columns of their own, weighted by the case's
[mode_attributes]. Every term is kept per pair so that explanations can speak in them.

Pair values are rounded to 12 decimals: values equal in exact arithmetic then tie on every CPU.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from coopselect.domain.decision import BENEFIT, COST, DecisionMatrix
from coopselect.domain.features import BARRIERS, COLUMN_CRITERION
from coopselect.domain.model import ATTRIBUTE_SCALE, Case, Mode
from coopselect.scoring.features import HostFeatures
from coopselect.scoring.weights import CriteriaWeights

DECIMALS = 12
PAIR_SCALE = (0.0, 1.0)  # every pair column, by construction (the module docstring)
TERMS = ("capture", "service", "opening", "allowed")


@dataclass(frozen=True)
class PairTerms:
    """The value column's parts per pair (rows in pair order), for explanations.

    ``capture_by_mineral`` and ``allowed_by_mineral`` are (pairs, N); ``blocked_by`` is
    (pairs, barriers): the share of the mode's mineral-weighted capture each barrier removes.
    """

    capture: np.ndarray
    capture_unblocked: np.ndarray
    service: np.ndarray
    opening: np.ndarray
    value_raw: np.ndarray  # capture + service + opening before the cap at 1
    allowed_by_mineral: np.ndarray
    blocked_by: np.ndarray


@dataclass(frozen=True)
class PairProblem:
    pairs: tuple[tuple[str, str], ...]  # (country, mode) per row
    columns: tuple[str, ...]  # criterion ids then attribute ids
    column_kind: tuple[str, ...]  # "criterion" or "attribute"
    dm: DecisionMatrix
    terms: PairTerms | None = None
    features: HostFeatures | None = None

    def scale_bounds(self) -> list[list[float]]:
        """[lo, hi] of every column on the model's fixed scales: pair columns 0-1, attributes
        1-5, whichever hosts are compared."""
        return [
            list(PAIR_SCALE if kind == "criterion" else ATTRIBUTE_SCALE)
            for kind in self.column_kind
        ]

    def method_params(
        self, method: str, params: Mapping[str, Any] | None = None, value_uncertainty: float = 0.0
    ) -> dict[str, Any]:
        """``params`` plus what the model knows for ``method``. PROMETHEE II gets a V-shape
        preference over each column's fixed scale unless ``params`` sets a preference. SPOTIS
        gets the fixed scales as its bounds, and VIKOR as its f* and f-, unless ``params`` gives
        them: with bounds from the
        data, adding or removing a host can reorder the other pairs (measured on the bundled
        cases), with fixed bounds it cannot (Dezert et al. 2020). With ``value_uncertainty``
        (SMAA's +/- fraction) the bounds widen by that fraction, so that every perturbed value
        stays within them."""
        out = dict(params or {})
        name = method.strip().lower()
        if name in ("spotis", "vikor") and "bounds" not in out:
            # VIKOR on the same fixed scales: f* and f- are the scale's ends, so that a shortfall
            # costs the same whichever pairs are compared (methods.vikor; measured on the bundled
            # cases in docs/model.md: fewer rank reversals, and the comparative static of fact 11
            # holds, which VIKOR's min-max over the compared pairs broke at Russia)
            s = float(value_uncertainty or 0.0)
            out["bounds"] = [[lo * (1 - s), hi * (1 + s)] for lo, hi in self.scale_bounds()]
        if name == "promethee2" and not {"preference", "q", "p", "s"} & set(out):
            # On fixed, commensurate scales the size of a difference means something: a V-shape
            # preference over each column's whole scale counts it (the usual criterion counts a
            # 0.01 edge in safety as much as a 0.9 edge in supply secured; DESIGN v3 point 1).
            out["preference"] = "vshape"
            out["p"] = [hi - lo for lo, hi in self.scale_bounds()]
        if name == "consensus" and "member_params" not in out:
            # The five members rank the same matrix as each would alone on this model.
            from coopselect.methods.spec import main_methods

            out["member_params"] = {
                m: self.method_params(m, {}, value_uncertainty) for m in main_methods()
            }
        return out


def pair_id(country: str, mode: str) -> str:
    return f"{country}:{mode}"


# The exponent of the power mean over minerals (docs/model.md, v3): close to the host's best
# needed mineral, with some credit for breadth.
MINERAL_POWER = 16.0


def either(parts: list[np.ndarray] | np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(K,) the supply a host offers over the case's minerals: the weighted power mean
    (sum_n w_n x_n^p)^(1/p), p = MINERAL_POWER, of each mineral's part x_n in [0, 1].

    A major producer of one needed mineral is not diluted to its weight (Peru's copper in a
    six-mineral case keeps 6^(-1/16) = 0.89 of its value, not 1/6); more of any mineral never lowers
    the total; the total never exceeds the largest part; and it is homogeneous, so a mode that
    secures half as much of every mineral gets half the supply (modes keep their order). Summed
    in case order, elementwise (math.pow semantics through numpy's power on each array)."""
    if len(parts) == 0:
        return np.zeros(0)
    # clip and power on all parts at once (elementwise, the same values); the sum stays in order
    powered = np.clip(np.asarray(parts, dtype=float), 0.0, 1.0) ** MINERAL_POWER
    acc = np.zeros(powered.shape[1])
    for x, w in zip(powered, weights, strict=True):
        acc = acc + float(w) * x
    return acc ** (1.0 / MINERAL_POWER)


def deliverable_reserves(m: Mode, f: HostFeatures) -> np.ndarray:
    """(K, N) R_n, the reserves a mode's capture_reserves applies to (docs/model.md, v3).

    Infrastructure gates the development of known deposits, not current output: the host's
    production is realised output that existing infrastructure already carries, and so are the
    reserves behind it (min(eR, eP): the deposits being mined). Turning the rest, the undeveloped
    deposits, into supply needs power, roads and rail first, so they count as far as the host's
    infrastructure can deliver them, 1 - reliance_infrastructure (1 - i). (The infrastructure
    column keeps the mode's reliance for running what it holds: the gate says how much supply
    there is to run.) Undiscovered potential is not gated: a mine found a decade from now comes
    with its own infrastructure plan, and capture_potential's discount for geological risk
    already prices the distance. A mode that builds infrastructure (serves_infrastructure > 0)
    is not gated: its claim on deposits is a resources-for-infrastructure contract, paid from
    the undeveloped deposits its works unlock, (1 - i) max(eR - eP, 0): it grows with the gap and
    reaches only reserves not yet in production."""
    ep = np.nan_to_num(f.per_mineral["production"], nan=0.0)
    er_raw = f.per_mineral["reserves"]
    # a mineral without any reserves figure: its production stands in for what lies behind it
    er = np.where(np.isfinite(er_raw), er_raw, ep)
    gap = (1.0 - f.scalar["infrastructure"])[:, None]
    if m.p("serves_infrastructure") > 0.0:
        return gap * np.maximum(er - ep, 0.0)
    developed = np.minimum(er, ep)
    return developed + (er - developed) * (1.0 - m.p("reliance_infrastructure") * gap)


def _mode_value(m: Mode, f: HostFeatures) -> tuple[np.ndarray, ...]:
    """(K,) capture, capture without barriers, indirect supply, opening; (K, N) allowed;
    (K, B) blocked. capture + indirect + opening = the supply secured before the cap."""
    k_n, n_n = len(f.countries), len(f.minerals)
    ep = np.nan_to_num(f.per_mineral["production"], nan=0.0)
    er_raw = f.per_mineral["reserves"]
    # a mineral without any reserves figure: its production stands in for what lies behind it
    er = np.where(np.isfinite(er_raw), er_raw, ep)
    ex = np.nan_to_num(f.per_mineral["exploration_potential"], nan=0.0)
    rel = f.mineral_weights
    act = np.maximum(ep, er)
    allowed = np.ones((k_n, n_n))
    open_keep = np.ones((k_n, n_n))
    for b in BARRIERS:
        h = m.h(b)
        bn = f.per_mineral[b]
        allowed = allowed * (1.0 - max(h, 0.0) * bn)
        open_keep = open_keep * (1.0 - max(-h, 0.0) * bn)
    cp, cr, cx = m.p("capture_production"), m.p("capture_reserves"), m.p("capture_potential")
    reserves = deliverable_reserves(m, f)
    # Indirect supply of the service modes (resources-for-infrastructure deals, processing joint
    # ventures, footholds): a stated fraction of the host's endowment of each mineral, known or
    # potential. Never scaled by the technology or infrastructure gap (that gap makes the mode
    # welcome: the infrastructure column), and reduced by the barriers that block the mode.
    ind = m.p("indirect_supply")
    # (K, N) each, mineral by mineral in the columns (elementwise: the same values as column by
    # column); either() takes the minerals as rows.
    unb_n = cp * ep + cr * reserves + cx * ex
    cap_n = unb_n * allowed
    ind_n = cap_n + ind * np.maximum(act, ex) * allowed
    all_n = ind_n + act * (1.0 - open_keep)
    capture = either(cap_n.T, rel)
    unblocked = either(unb_n.T, rel)
    with_indirect = either(ind_n.T, rel)
    total = either(all_n.T, rel)
    service = with_indirect - capture
    opening = total - with_indirect
    # What each barrier alone removes from the unblocked capture (explanations only).
    blocked = np.zeros((k_n, len(BARRIERS)))
    for j, b in enumerate(BARRIERS):
        h = max(m.h(b), 0.0)
        if h == 0.0:
            continue
        alone = unb_n * (1.0 - h * f.per_mineral[b])
        blocked[:, j] = unblocked - either(alone.T, rel)
    return capture, unblocked, service, opening, allowed, blocked


def welcome(m: Mode, f: HostFeatures) -> np.ndarray:
    """(K,) how much the host needs what a service mode brings: its technology gap and its
    infrastructure gap, weighted by the mode's serves_* profile (capped at 1)."""
    return np.minimum(
        1.0,
        m.p("serves_technology") * f.scalar["technology_gap"]
        + m.p("serves_infrastructure") * (1.0 - f.scalar["infrastructure"]),
    )


def pair_columns(m: Mode, f: HostFeatures) -> tuple[dict[str, np.ndarray], tuple]:
    """The four pair columns of one mode over every host, and the value's parts."""
    capture, unblocked, service, opening, allowed, blocked = _mode_value(m, f)
    raw = capture + service + opening
    fit = 1.0 - m.p("reliance_infrastructure") * (1.0 - f.scalar["infrastructure"])
    cols = {
        "value": np.minimum(1.0, raw),
        "safety": 1.0 - m.p("commitment") * (1.0 - f.scalar["governance"]),
        "infrastructure": np.minimum(1.0, fit + welcome(m, f)),
        "esg": 1.0 - m.p("reliance_esg") * (1.0 - f.scalar["esg"]),
    }
    return cols, (capture, unblocked, service, opening, raw, allowed, blocked)


def build_pairs(case: Case, features: HostFeatures, weights: CriteriaWeights) -> PairProblem:
    modes = [case.catalog.get(mid) for mid in case.modes]
    k_n, m_n = len(features.countries), len(modes)
    crit = weights.criteria
    column_of = {c: col for col, c in COLUMN_CRITERION.items()}
    # rows in (country, mode) order
    per_mode = [pair_columns(m, features) for m in modes]
    matrix = np.zeros((k_n * m_n, len(crit)))
    parts = [np.zeros(k_n * m_n) for _ in range(5)]
    allowed = np.zeros((k_n * m_n, len(features.minerals)))
    blocked = np.zeros((k_n * m_n, len(BARRIERS)))
    for j, (cols, (cap, unb, srv, opn, raw, alw, blk)) in enumerate(per_mode):
        rows = np.arange(k_n) * m_n + j
        for c_idx, c in enumerate(crit):
            matrix[rows, c_idx] = cols[column_of[c]]
        for arr, src in zip(parts, (cap, unb, srv, opn, raw), strict=True):
            arr[rows] = src
        allowed[rows] = alw
        blocked[rows] = blk
    columns = list(crit)
    kinds = ["criterion"] * len(crit)
    types = [BENEFIT] * len(crit)
    share = case.mode_attributes.share
    w = list(weights.weights * (1.0 - share))
    if share > 0:
        attrs = list(case.catalog.attributes.values())
        intrinsic = np.array([[m.intrinsic[a.id] for a in attrs] for m in modes], dtype=float)
        matrix = np.hstack([matrix, np.tile(intrinsic, (k_n, 1))])
        columns += [a.id for a in attrs]
        kinds += ["attribute"] * len(attrs)
        types += [BENEFIT if a.direction == "benefit" else COST for a in attrs]
        w += [share * case.mode_attributes.weights[a.id] for a in attrs]
    matrix = np.round(matrix, DECIMALS)
    pairs = tuple((k, m.id) for k in features.countries for m in modes)
    dm = DecisionMatrix(
        tuple(pair_id(k, m) for k, m in pairs),
        tuple(columns),
        matrix,
        np.array(w),
        np.array(types),
        str(case.path) if case.path else None,
    )
    capture, unblocked, service, opening, raw = parts
    terms = PairTerms(capture, unblocked, service, opening, raw, allowed, blocked)
    return PairProblem(pairs, tuple(columns), tuple(kinds), dm, terms, features)
