"""Why a pair ranks where it does: each criterion's contribution beside the top pair's.

The comparison uses the method's own weighted normalised matrix when the method exposes one (TOPSIS:
``extras["weighted"]``), otherwise the weighted pair performance ``w_c * p_c``. For TOPSIS the share
of each criterion in the squared distance to the ideal and to the anti-ideal is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from coopselect.errors import CoopselectError
from coopselect.io import datasets
from coopselect.pipeline import RankResult


@dataclass(frozen=True)
class Contribution:
    column: str
    kind: str  # "criterion" or "attribute"
    weight: float
    performance: float  # pair performance p (criteria) or attribute value (1-5)
    top_performance: float
    weighted: float  # weighted normalised value used for the comparison
    top_weighted: float
    host_favourability: float | None  # the country's criterion score x (criteria only)
    dependence: float | None
    dependence_kind: str | None
    reason: str
    share_d_plus: float | None = None  # TOPSIS: share of squared distance to the ideal
    share_d_minus: float | None = None
    direction: int = 1  # +1 benefit, -1 cost (a higher value of a cost column is worse)

    @property
    def gap(self) -> float:
        """Advantage over the top pair on this column: > 0 means better than the top pair."""
        return (self.weighted - self.top_weighted) * self.direction


@dataclass(frozen=True)
class Explanation:
    country: str
    mode: str
    rank: int
    score: float
    n_pairs: int
    top_country: str
    top_mode: str
    top_score: float
    method: str
    contributions: tuple[Contribution, ...]

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "mode": self.mode,
            "rank": self.rank,
            "score": self.score,
            "n_pairs": self.n_pairs,
            "top": {"country": self.top_country, "mode": self.top_mode, "score": self.top_score},
            "method": self.method,
            "contributions": [
                {
                    "column": c.column,
                    "kind": c.kind,
                    "weight": c.weight,
                    "performance": c.performance,
                    "top_performance": c.top_performance,
                    "weighted": c.weighted,
                    "top_weighted": c.top_weighted,
                    "gap": c.gap,
                    "host_favourability": c.host_favourability,
                    "dependence": c.dependence,
                    "dependence_kind": c.dependence_kind,
                    "reason": c.reason,
                    "share_d_plus": c.share_d_plus,
                    "share_d_minus": c.share_d_minus,
                    "direction": "benefit" if c.direction > 0 else "cost",
                }
                for c in self.contributions
            ],
        }


def explain(result: RankResult, country: str, mode: str) -> Explanation:
    case = result.case
    file = str(case.path) if case.path else None
    if country not in result.scores.countries:
        why = (
            "it was excluded for missing data"
            if any(e.country == country for e in result.scores.excluded)
            else "it is not in the case"
        )
        raise CoopselectError(
            f"country {country!r} is not ranked: {why}.",
            file=file,
            place="countries",
            fix=f"choose one of {', '.join(result.scores.countries)}.",
        )
    if mode not in case.modes:
        raise CoopselectError(
            f"mode {mode!r} is not in the case.",
            file=file,
            place="modes",
            fix=f"choose one of {', '.join(case.modes)}.",
        )
    problem = result.problem
    rows = {p: i for i, p in enumerate(problem.pairs)}
    i = rows[(country, mode)]
    top = result.pairs[0]
    t = rows[(top.country, top.mode)]
    dm = problem.dm
    extras = getattr(result.method_result, "extras", {}) or {}
    weighted = extras.get("weighted")
    if weighted is None:
        weighted = dm.matrix * dm.weights
    weighted = np.asarray(weighted)
    dplus = dminus = None
    if "ideal" in extras and "anti_ideal" in extras:
        dplus = (weighted[i] - np.asarray(extras["ideal"])) ** 2
        dminus = (weighted[i] - np.asarray(extras["anti_ideal"])) ** 2
    k = result.scores.countries.index(country)
    m = case.catalog.get(mode)
    out = []
    for j, col in enumerate(problem.columns):
        kind = problem.column_kind[j]
        if kind == "criterion":
            dep = m.dependence[col]
            c_idx = result.scores.criteria.index(col)
            host, dval, dkind, reason = (
                float(result.scores.x[k, c_idx]),
                dep.value,
                dep.kind,
                dep.reason,
            )
        else:
            host, dval, dkind = None, None, None
            reason = m.intrinsic_reasons.get(col, "")
        out.append(
            Contribution(
                col,
                kind,
                float(dm.weights[j]),
                float(dm.matrix[i, j]),
                float(dm.matrix[t, j]),
                float(weighted[i, j]),
                float(weighted[t, j]),
                host,
                dval,
                dkind,
                reason,
                _share(dplus, j),
                _share(dminus, j),
                int(dm.types[j]),
            )
        )
    p = result.pair(country, mode)
    return Explanation(
        country,
        mode,
        p.rank,
        p.score,
        len(result.pairs),
        top.country,
        top.mode,
        top.score,
        result.method,
        tuple(out),
    )


def _share(sq: np.ndarray | None, j: int) -> float | None:
    if sq is None:
        return None
    total = float(sq.sum())
    return float(sq[j] / total) if total > 0 else 0.0


def summary_lines(ex: Explanation, names: dict[str, str], lang: str = "en") -> list[str]:
    """Two or three sentences in words: where the pair stands and what moves it."""
    cty = datasets.countries()

    def pair_name(c: str, m: str) -> str:
        return f"{cty[c].name(lang)} × {names.get(m, m)}"

    lines = []
    if lang == "zh":
        lines.append(
            f"{pair_name(ex.country, ex.mode)} 在 {ex.n_pairs} 个组合中排第 {ex.rank} 位"
            f"（得分 {ex.score:.3f}）。"
        )
    else:
        lines.append(
            f"{pair_name(ex.country, ex.mode)} ranks {ex.rank} of {ex.n_pairs} "
            f"(score {ex.score:.3f})."
        )
    if (ex.country, ex.mode) == (ex.top_country, ex.top_mode):
        strongest = sorted(ex.contributions, key=lambda c: -c.weighted)[:2]
        items = ", ".join(names.get(c.column, c.column) for c in strongest)
        lines.append(
            f"它是排名第一的组合；贡献最大的是：{items}。"
            if lang == "zh"
            else f"It is the top pair; its largest weighted contributions: {items}."
        )
        return lines
    behind = sorted((c for c in ex.contributions if c.gap < -1e-12), key=lambda c: c.gap)[:3]
    ahead = sorted((c for c in ex.contributions if c.gap > 1e-12), key=lambda c: -c.gap)[:2]
    top = pair_name(ex.top_country, ex.top_mode)
    if behind:
        items = ", ".join(f"{names.get(c.column, c.column)} ({c.gap:+.3f})" for c in behind)
        lines.append(
            f"与第一名 {top}（{ex.top_score:.3f}）相比，差距主要在：{items}。"
            if lang == "zh"
            else f"Against the top pair, {top} ({ex.top_score:.3f}), it loses most on: {items}."
        )
    if ahead:
        items = ", ".join(f"{names.get(c.column, c.column)} ({c.gap:+.3f})" for c in ahead)
        lines.append(f"优于第一名之处：{items}。" if lang == "zh" else f"It is ahead on: {items}.")
    return lines
