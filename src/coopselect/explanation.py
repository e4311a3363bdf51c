"""Why a pair ranks where it does, in the pair model's own terms (docs/model.md).

Two parts, kept apart: the four criterion columns (scores in [0, 1]: value, safety, infrastructure,
ESG, each with the host feature and the mode parameter behind it) and the mode's intrinsic
attributes (1-5, the same in every host). Each column's contribution is compared with the top
pair's, using the method's own weighted normalised matrix when the method exposes one (TOPSIS:
``extras["weighted"]``), otherwise the weighted pair value; for TOPSIS each column's share of the
squared distance to the ideal is reported too. ``model_lines`` then says it in words: what the
mode secures of the host's known endowment and exploration potential, what barriers block (naming
the measures), its indirect supply and openings, and its exposure (pair model v3).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from coopselect.domain.features import BARRIERS, COLUMN_CRITERION, feature_label
from coopselect.errors import CoopselectError
from coopselect.i18n import pick
from coopselect.io.data import reference
from coopselect.pipeline import RankResult
from coopselect.scoring.pairs import MINERAL_POWER, deliverable_reserves

# criterion column -> (host feature, mode parameter) behind it
_BEHIND = {
    "political_risk": ("governance", "commitment"),
    "infrastructure": ("infrastructure", "reliance_infrastructure"),
    "esg_pressure": ("esg", "reliance_esg"),
}


@dataclass(frozen=True)
class Contribution:
    column: str
    kind: str  # "criterion" (a score in [0, 1]) or "attribute" (a 1-5 value)
    weight: float
    performance: float  # the pair's column value
    top_performance: float
    weighted: float  # weighted normalised value used for the comparison
    top_weighted: float
    host_feature: str | None  # the host feature behind a criterion column
    host_value: float | None
    mode_parameter: str | None  # the mode parameter behind it (commitment, reliance)
    mode_value: float | None
    reason: str
    share_d_plus: float | None = None  # TOPSIS: share of squared distance to the ideal
    share_d_minus: float | None = None
    direction: int = 1  # +1 benefit, -1 cost (a higher value of a cost column is worse)
    reason_zh: str = ""

    def reason_in(self, lang: str) -> str:
        return pick(self.reason, self.reason_zh, lang)

    @property
    def gap(self) -> float:
        """Advantage over the top pair on this column: > 0 means better than the top pair."""
        return (self.weighted - self.top_weighted) * self.direction


@dataclass(frozen=True)
class ValueTerms:
    """The value column of one pair, term by term (pairs.PairTerms for one row)."""

    capture: float
    capture_unblocked: float
    service: float
    opening: float
    value: float  # min(1, capture + service + opening)
    blocked: dict[str, float]  # barrier -> capture it removes on its own
    blocking_measures: dict[str, tuple[str, ...]]  # barrier -> what sets it in this host
    opening_measures: dict[str, tuple[str, ...]]
    top_minerals: tuple[tuple[str, float], ...]  # minerals with the largest capture share
    # R_n per mineral: the reserves capture_reserves applies to (pairs.deliverable_reserves)
    deliverable: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "capture": self.capture,
            "capture_unblocked": self.capture_unblocked,
            "service": self.service,
            "opening": self.opening,
            "value": self.value,
            "blocked": self.blocked,
            "blocking_measures": {b: list(v) for b, v in self.blocking_measures.items()},
            "opening_measures": {b: list(v) for b, v in self.opening_measures.items()},
            "top_minerals": [{"mineral": m, "share": s} for m, s in self.top_minerals],
        }


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
    features: dict[str, float]  # the host's features
    profile: dict[str, float]  # the mode's profile and barrier responses
    terms: ValueTerms
    # mineral -> (production, reserves, exploration potential) scores of the host
    mineral_features: dict[str, tuple[float, float, float]] | None = None

    def criteria(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.kind == "criterion")

    def attributes(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.kind == "attribute")

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "mode": self.mode,
            "rank": self.rank,
            "score": self.score,
            "n_pairs": self.n_pairs,
            "top": {"country": self.top_country, "mode": self.top_mode, "score": self.top_score},
            "method": self.method,
            "host_features": self.features,
            "mode_profile": self.profile,
            "value_terms": self.terms.to_dict(),
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
                    "host_feature": c.host_feature,
                    "host_value": c.host_value,
                    "mode_parameter": c.mode_parameter,
                    "mode_value": c.mode_value,
                    "reason": c.reason,
                    "reason_zh": c.reason_zh,
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
    extras = result.method_result.extras
    weighted = extras.get("weighted")
    if weighted is None:
        weighted = dm.matrix * dm.weights
    weighted = np.asarray(weighted)
    dplus = dminus = None
    if "ideal" in extras and "anti_ideal" in extras:
        dplus = (weighted[i] - np.asarray(extras["ideal"])) ** 2
        dminus = (weighted[i] - np.asarray(extras["anti_ideal"])) ** 2
    m = case.catalog.get(mode)
    feats = result.features.row(country)
    out = []
    for j, col in enumerate(problem.columns):
        kind = problem.column_kind[j]
        if kind == "criterion":
            hf, mp = _BEHIND.get(col, (None, None))
            host = feats[hf] if hf else None
            param = m.p(mp) if mp else None
            reason, reason_zh = (
                (m.profile[mp].reason_in("en"), m.profile[mp].reason_in("zh"))
                if mp
                else (_value_reason(m, "en"), _value_reason(m, "zh"))
            )
        else:
            hf = mp = None
            host = param = None
            reason, reason_zh = m.intrinsic_reason(col, "en"), m.intrinsic_reason(col, "zh")
        out.append(
            Contribution(
                col,
                kind,
                float(dm.weights[j]),
                float(dm.matrix[i, j]),
                float(dm.matrix[t, j]),
                float(weighted[i, j]),
                float(weighted[t, j]),
                hf,
                host,
                mp,
                param,
                reason,
                _share(dplus, j),
                _share(dminus, j),
                int(dm.types[j]),
                reason_zh,
            )
        )
    p = result.pair(country, mode)
    assert p is not None  # the pair was checked above
    profile = {k: j.value for k, j in m.profile.items()}
    profile.update({f"barrier.{b}": j.value for b, j in m.barrier_response.items()})
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
        feats,
        profile,
        value_terms(result, i, country, mode),
        _mineral_features(result, country),
    )


def _mineral_features(result: RankResult, country: str) -> dict[str, tuple[float, float, float]]:
    f = result.features
    k = f.countries.index(country)

    def at(name: str, n: int) -> float:
        v = float(f.per_mineral[name][k, n])
        return v if np.isfinite(v) else 0.0

    return {
        m: (at("production", n), at("reserves", n), at("exploration_potential", n))
        for n, m in enumerate(f.minerals)
    }


def _value_reason(m, lang: str) -> str:
    keys = ("capture_production", "capture_reserves", "capture_potential")
    parts = [m.profile[k].reason_in(lang) for k in keys if m.p(k)]
    if m.p("indirect_supply"):
        parts.append(m.profile["indirect_supply"].reason_in(lang))
    parts = parts or [m.profile["capture_production"].reason_in(lang)]
    return ("" if lang == "zh" else " ").join(dict.fromkeys(parts))


def value_terms(result: RankResult, row: int, country: str, mode: str) -> ValueTerms:
    terms = result.problem.terms
    assert terms is not None  # build_pairs always records them
    f = result.features
    m = result.case.catalog.get(mode)
    k = f.countries.index(country)
    blocked = {
        b: float(terms.blocked_by[row, j])
        for j, b in enumerate(BARRIERS)
        if terms.blocked_by[row, j]
    }
    blocking = {b: f.barriers.measures_for(country, b) for b in blocked}
    opening = {
        b: f.barriers.measures_for(country, b)
        for b in BARRIERS
        if m.h(b) < 0 and float(f.value(b)[k]) > 0
    }
    cp, cr, cx = m.p("capture_production"), m.p("capture_reserves"), m.p("capture_potential")
    ep = np.nan_to_num(f.per_mineral["production"][k], nan=0.0)
    rn = deliverable_reserves(m, f)[k]
    ex = np.nan_to_num(f.per_mineral["exploration_potential"][k], nan=0.0)
    # each mineral's weighted part of the power mean (pairs.either), as shares
    per = f.mineral_weights * np.clip(cp * ep + cr * rn + cx * ex, 0.0, 1.0) ** MINERAL_POWER
    total = float(per.sum())
    order = np.argsort(-per, kind="stable")
    top = tuple(
        (f.minerals[n], float(per[n] / total)) for n in order[:3] if total > 0 and per[n] > 0
    )
    return ValueTerms(
        float(terms.capture[row]),
        float(terms.capture_unblocked[row]),
        float(terms.service[row]),
        float(terms.opening[row]),
        float(min(1.0, terms.value_raw[row])),
        blocked,
        blocking,
        opening,
        top,
        {f.minerals[n]: float(rn[n]) for n in range(len(f.minerals))},
    )


def _share(sq: np.ndarray | None, j: int) -> float | None:
    if sq is None:
        return None
    total = float(sq.sum())
    return float(sq[j] / total) if total > 0 else 0.0


def measure_text(measure_id: str, lang: str) -> str:
    """A measure id of the barrier table (or an alliance floor) in words."""
    from coopselect.io.data import policy

    if measure_id.startswith("alliance:"):
        tier = measure_id.split(":", 1)[1]
        words = {
            "core": ("联盟底线：MSP核心伙伴国", "alliance floor: core MSP partner"),
            "forum": ("联盟底线：MSP论坛成员", "alliance floor: MSP forum member"),
            "courted": ("联盟底线：美国拉拢对象", "alliance floor: courted by the US"),
            "none": ("无联盟", "no alliance"),
        }[tier]
        return words[0] if lang == "zh" else words[1]
    found = next((m for m in policy.measures() if m.id == measure_id), None)
    if found is None:
        return measure_id
    return f"{found.description(lang)} ({found.start.isoformat()})"


def model_lines(ex: Explanation, names: dict[str, str], lang: str = "en") -> list[str]:
    """The pair's value and exposure in words (the model's terms), one sentence per term."""
    zh = lang == "zh"
    cty = reference.countries()[ex.country].name(lang)
    minerals = reference.minerals()
    v = ex.terms
    f = ex.features
    p = ex.profile
    lines = []
    if p["capture_production"] or p["capture_reserves"] or p["capture_potential"]:
        mins = "、" if zh else ", "
        top = mins.join(f"{minerals[m].name(lang)} {s:.0%}" for m, s in v.top_minerals) or (
            "无" if zh else "none"
        )
        # the terms of the mineral that gives most of the supply (the power mean is close to it)
        top_id = v.top_minerals[0][0] if v.top_minerals else None
        ep = er = pot = 0.0
        if top_id is not None and ex.mineral_features:
            ep, er, pot = ex.mineral_features[top_id]
        top_name = minerals[top_id].name(lang) if top_id else ("无" if zh else "none")
        rn = v.deliverable.get(top_id, er) if top_id else er
        lines.append(
            f"可获取供应 {v.capture_unblocked:.3f}（按矿种幂平均；主要来自：{top}）。"
            f"{top_name}：产量禀赋 {ep:.2f} × {p['capture_production']:g} + 储量禀赋 "
            f"{er:.2f}（可交付 {rn:.2f}）× {p['capture_reserves']:g} + 勘查潜力 {pot:.2f} × "
            f"{p['capture_potential']:g}。"
            if zh
            else f"Secures {v.capture_unblocked:.3f} of {cty}'s supply (power mean over minerals; "
            f"mostly {top}). {top_name}: production {ep:.2f} x {p['capture_production']:g} + "
            f"reserves {er:.2f} (deliverable {rn:.2f}) x {p['capture_reserves']:g} + exploration "
            f"potential {pot:.2f} x {p['capture_potential']:g}."
        )
        if v.blocked and v.capture_unblocked > 0:
            parts = []
            for b, amount in sorted(v.blocked.items(), key=lambda kv: -kv[1]):
                why = "; ".join(measure_text(mid, lang) for mid in v.blocking_measures.get(b, ()))
                parts.append(
                    f"{feature_label(b, lang)} {amount / v.capture_unblocked:.0%}"
                    + (f" ({why})" if why else "")
                )
            lost = 1 - v.capture / v.capture_unblocked
            lines.append(
                f"壁垒使其减少 {lost:.0%}：" + "；".join(parts) + "。"
                if zh
                else f"Barriers block {lost:.0%} of it: " + "; ".join(parts) + "."
            )
    if v.service > 0:
        lines.append(
            f"间接供应 {v.service:.3f}：宿主禀赋的 {p['indirect_supply']:g}（以资源换基础设施、"
            "加工合资、立足点；与技术或基础设施缺口无关）。"
            if zh
            else f"Indirect supply {v.service:.3f}: {p['indirect_supply']:g} of the host's "
            "endowment (resources-for-infrastructure, processing ventures, footholds; not "
            "scaled by the technology or infrastructure gap)."
        )
    welcome = p["serves_technology"] * f["technology_gap"] + p["serves_infrastructure"] * (
        1 - f["infrastructure"]
    )
    if welcome > 0:
        lines.append(
            f"受欢迎程度 {min(1.0, welcome):.3f}（计入基础设施列）：技术差距 "
            f"{f['technology_gap']:.2f} × {p['serves_technology']:g} + 基础设施缺口 "
            f"{1 - f['infrastructure']:.2f} × {p['serves_infrastructure']:g}。"
            if zh
            else f"Welcome {min(1.0, welcome):.3f} (in the infrastructure column): technology gap "
            f"{f['technology_gap']:.2f} x {p['serves_technology']:g} + infrastructure gap "
            f"{1 - f['infrastructure']:.2f} x {p['serves_infrastructure']:g}."
        )
    if v.opening > 0:
        parts = []
        for b, mids in v.opening_measures.items():
            why = "; ".join(measure_text(mid, lang) for mid in mids)
            parts.append(feature_label(b, lang) + (f" ({why})" if why else ""))
        lines.append(
            f"壁垒带来的机会 {v.opening:.3f}：" + "；".join(parts) + "。"
            if zh
            else f"Opening {v.opening:.3f}, the barrier being this mode's way in: "
            + "; ".join(parts)
            + "."
        )
    safety = next(c for c in ex.contributions if c.column == "political_risk")
    lines.append(
        f"安全性 {safety.performance:.3f} = 1 − 暴露 {p['commitment']:g} × "
        f"(1 − 治理 {f['governance']:.2f})。"
        if zh
        else f"Exposure: safety {safety.performance:.3f} = 1 - exposure {p['commitment']:g} "
        f"x (1 - governance {f['governance']:.2f})."
    )
    return lines


def summary_lines(ex: Explanation, names: dict[str, str], lang: str = "en") -> list[str]:
    """Two or three sentences in words: where the pair stands and what moves it."""
    cty = reference.countries()

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


# the pair column names a criterion column stands for (docs and labels)
COLUMN_OF_CRITERION = {c: col for col, c in COLUMN_CRITERION.items()}


# ---- a host as a whole ---------------------------------------------------------------------


@dataclass(frozen=True)
class HostExplanation:
    """Why a host stands where it does: its criterion scores and features beside the best host's
    and the case average, what was imputed, the measures in force, and its modes in order."""

    country: str
    criteria: tuple[str, ...]
    scores: dict[str, float]  # criterion -> favourability
    best_scores: dict[str, float]  # criterion -> the best candidate's favourability
    best_host: dict[str, str]  # criterion -> which candidate is best on it
    mean_scores: dict[str, float]
    features: dict[str, float]
    mean_features: dict[str, float]
    imputed: tuple  # Imputation records of this host
    measures: dict[str, tuple[str, ...]]  # barrier -> measure ids in force (and alliance floor)
    modes: tuple[tuple[str, int, float], ...]  # (mode, overall rank, score), best first
    best_mode: Explanation
    runner_up: Explanation | None
    country_rank: int  # by the mode-free weighted criterion score
    n_countries: int
    no_known_endowment: bool = False  # nothing to secure: no best mode

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "no_known_endowment": self.no_known_endowment,
            "country_rank": self.country_rank,
            "n_countries": self.n_countries,
            "criteria": {
                c: {
                    "score": self.scores[c],
                    "best": self.best_scores[c],
                    "best_host": self.best_host[c],
                    "mean": self.mean_scores[c],
                }
                for c in self.criteria
            },
            "host_features": self.features,
            "mean_features": self.mean_features,
            "imputed": [i.as_dict() for i in self.imputed],
            "measures": {b: list(v) for b, v in self.measures.items()},
            "modes": [{"mode": m, "rank": r, "score": s} for m, r, s in self.modes],
            "best_mode": None if self.no_known_endowment else self.best_mode.to_dict(),
            "runner_up": self.runner_up.to_dict() if self.runner_up else None,
        }


def explain_host(result: RankResult, country: str) -> HostExplanation:
    case = result.case
    sc = result.scores
    if country not in sc.countries:
        why = (
            "it was excluded for missing data"
            if any(e.country == country for e in sc.excluded)
            else "it is not in the case"
        )
        raise CoopselectError(
            f"country {country!r} is not ranked: {why}.",
            file=str(case.path) if case.path else None,
            place="countries",
            fix=f"choose one of {', '.join(sc.countries)}.",
        )
    k = sc.countries.index(country)
    crit = sc.criteria
    best_i = {c: int(np.argmax(sc.x[:, j])) for j, c in enumerate(crit)}
    f = result.features
    from coopselect.domain.features import HOST_FEATURES

    mean_features = {h: float(np.mean(f.value(h))) for h in HOST_FEATURES}
    measures = {}
    for b in BARRIERS:
        ids = f.barriers.measures_for(country, b)
        if ids and float(f.value(b)[k]) > 0:
            measures[b] = ids
    modes = tuple((p.mode, p.rank, p.score) for p in result.pairs if p.country == country)
    ranking = [c for c, _s in result.country_ranking()]
    return HostExplanation(
        country,
        crit,
        {c: float(sc.x[k, j]) for j, c in enumerate(crit)},
        {c: float(sc.x[best_i[c], j]) for j, c in enumerate(crit)},
        {c: sc.countries[best_i[c]] for c in crit},
        {c: float(np.mean(sc.x[:, j])) for j, c in enumerate(crit)},
        f.row(country),
        mean_features,
        tuple(i for i in (*sc.imputed, *f.imputed) if i.country == country),
        measures,
        modes,
        explain(result, country, modes[0][0]),
        explain(result, country, modes[1][0]) if len(modes) > 1 else None,
        ranking.index(country) + 1,
        len(ranking),
        country in result.no_known_endowment,
    )


def host_lines(hx: HostExplanation, names: dict[str, str], lang: str = "en") -> list[str]:
    """The host in words: where it stands, its strongest and weakest criteria, its best mode."""
    zh = lang == "zh"
    cty = reference.countries()
    name = cty[hx.country].name(lang)
    lines = [
        f"{name} 在 {hx.n_countries} 个候选国中（不分模式）排第 {hx.country_rank} 位。"
        if zh
        else f"{name} ranks {hx.country_rank} of {hx.n_countries} candidates regardless of mode."
    ]
    diffs = sorted(hx.criteria, key=lambda c: hx.scores[c] - hx.mean_scores[c])
    weak, strong = diffs[0], diffs[-1]

    def crit(c: str) -> str:
        return (
            f"{names.get(c, c)} {hx.scores[c]:.2f}（平均 {hx.mean_scores[c]:.2f}，最佳 "
            f"{cty[hx.best_host[c]].name(lang)} {hx.best_scores[c]:.2f}）"
            if zh
            else f"{names.get(c, c)} {hx.scores[c]:.2f} (average {hx.mean_scores[c]:.2f}, best "
            f"{cty[hx.best_host[c]].name(lang)} {hx.best_scores[c]:.2f})"
        )

    lines.append(
        f"最弱：{crit(weak)}；最强：{crit(strong)}。"
        if zh
        else f"Weakest: {crit(weak)}; strongest: {crit(strong)}."
    )
    if hx.measures:
        parts = [
            feature_label(b, lang) + " (" + "; ".join(measure_text(m, lang) for m in ids) + ")"
            for b, ids in hx.measures.items()
        ]
        lines.append(
            "生效的政策壁垒：" + "；".join(parts) + "。"
            if zh
            else "Barriers in force: " + "; ".join(parts) + "."
        )
    if hx.imputed:
        lines.append(
            f"{len(hx.imputed)} 项数据缺口已按案例规则填补（见下表）。"
            if zh
            else f"{len(hx.imputed)} data gaps were filled by the case's rules (listed below)."
        )
    best = hx.best_mode
    mode = names.get(best.mode, best.mode)
    if hx.no_known_endowment:
        lines.append(
            "无已知禀赋：USGS MCS、补充表与勘查潜力表均无该国案例矿种的产量、储量或潜力记录，"
            "无可获取的供应，不给出最佳模式；其组合排在所有有禀赋东道国之后。"
            if zh
            else "No known endowment: USGS MCS, the supplementary table and the exploration-"
            "potential table record no production, reserves or potential of the case's minerals "
            "here, so there is nothing to secure and no best mode; its pairs rank after every "
            "endowed host's."
        )
        return lines
    if hx.runner_up is not None:
        second = names.get(hx.runner_up.mode, hx.runner_up.mode)
        lines.append(
            f"最适合的模式：{mode}（得分 {best.score:.3f}），其次为 {second}"
            f"（{hx.runner_up.score:.3f}）。"
            if zh
            else f"Best mode here: {mode} (score {best.score:.3f}), then {second} "
            f"({hx.runner_up.score:.3f})."
        )
    return lines
