"""Pair model version 2: host features x mode profiles -> one row per (country, mode) pair.

Every mode gains *and* loses with the host (docs/model.md, criteria/modes.toml). Four columns, each
carrying the AHP weight of one criterion of the hierarchy, all "more is better", in [0, 1]:

    value   = min(1, capture + service + opening)              (resource endowment)
    safety  = 1 - commitment (1 - governance)                  (political risk)
    infrastructure = 1 - reliance_infrastructure (1 - infrastructure)
    esg     = 1 - reliance_esg (1 - esg)                       (ESG pressure)

with, over the case's minerals n (weights w_n),

    capture = sum_n w_n (cP eP_n + cR eR_n) allowed_n,  allowed_n = prod_b (1 - max(h_b, 0) B_bn)
    service = (serves_technology t + serves_infrastructure (1 - i)) activity
    opening = sum_n w_n activity_n (1 - prod_b (1 - max(-h_b, 0) B_bn))

(the production and reserves parts use the weights of the minerals USGS gives that total for).
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
        """``params`` plus what the model knows for ``method``. SPOTIS gets the fixed scales as
        its bounds unless ``params`` gives them: with bounds from the data, adding or removing a
        host can reorder the other pairs (measured on the bundled cases), with fixed bounds it
        cannot (Dezert et al. 2020). With ``value_uncertainty`` (SMAA's +/- fraction) the
        bounds widen by that fraction, so that every perturbed value stays within them."""
        out = dict(params or {})
        if method.strip().lower() == "spotis" and "bounds" not in out:
            s = float(value_uncertainty or 0.0)
            out["bounds"] = [[lo * (1 - s), hi * (1 + s)] for lo, hi in self.scale_bounds()]
        return out


def pair_id(country: str, mode: str) -> str:
    return f"{country}:{mode}"


def cp_weight(w: np.ndarray, n: int) -> float:
    return float(w[n])


def _mode_value(m: Mode, f: HostFeatures) -> tuple[np.ndarray, ...]:
    """(K,) capture, capture without barriers, service, opening; (K, N) allowed; (K, B) blocked."""
    k_n, n_n = len(f.countries), len(f.minerals)
    ep = np.nan_to_num(f.per_mineral["production"], nan=0.0)
    er = np.nan_to_num(f.per_mineral["reserves"], nan=0.0)
    wp, wr = f.measure_weights["production"], f.measure_weights["reserves"]
    act = f.activity()
    allowed = np.ones((k_n, n_n))
    open_keep = np.ones((k_n, n_n))
    for b in BARRIERS:
        h = m.h(b)
        bn = f.per_mineral[b]
        allowed = allowed * (1.0 - max(h, 0.0) * bn)
        open_keep = open_keep * (1.0 - max(-h, 0.0) * bn)
    cp, cr = m.p("capture_production"), m.p("capture_reserves")
    capture = np.zeros(k_n)
    unblocked = np.zeros(k_n)
    opening = np.zeros(k_n)
    for n in range(n_n):
        part = cp * float(wp[n]) * ep[:, n] + cr * float(wr[n]) * er[:, n]
        unblocked = unblocked + part
        capture = capture + part * allowed[:, n]
        opening = opening + float(f.mineral_weights[n]) * act[:, n] * (1.0 - open_keep[:, n])
    # Current mining activity: the production endowment (mines and smelters are built, and their
    # transport links needed, where the case's minerals are mined).
    activity = np.zeros(k_n)
    for n in range(n_n):
        activity = activity + cp_weight(wp, n) * ep[:, n]
    # Both services sell into the host's mining of the case's minerals: technology by the gap,
    # construction by the infrastructure gap.
    service = (
        m.p("serves_technology") * f.scalar["technology_gap"]
        + m.p("serves_infrastructure") * (1.0 - f.scalar["infrastructure"])
    ) * activity
    # What each barrier alone removes from the unblocked capture (explanations only).
    blocked = np.zeros((k_n, len(BARRIERS)))
    for j, b in enumerate(BARRIERS):
        h = max(m.h(b), 0.0)
        if h == 0.0:
            continue
        for n in range(n_n):
            part = cp * float(wp[n]) * ep[:, n] + cr * float(wr[n]) * er[:, n]
            blocked[:, j] = blocked[:, j] + part * h * f.per_mineral[b][:, n]
    return capture, unblocked, service, opening, allowed, blocked


def pair_columns(m: Mode, f: HostFeatures) -> tuple[dict[str, np.ndarray], tuple]:
    """The four pair columns of one mode over every host, and the value's parts."""
    capture, unblocked, service, opening, allowed, blocked = _mode_value(m, f)
    raw = capture + service + opening
    cols = {
        "value": np.minimum(1.0, raw),
        "safety": 1.0 - m.p("commitment") * (1.0 - f.scalar["governance"]),
        "infrastructure": 1.0 - m.p("reliance_infrastructure") * (1.0 - f.scalar["infrastructure"]),
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
