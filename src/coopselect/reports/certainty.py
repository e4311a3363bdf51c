"""How certain the recommendation is, across methods AND weights, in plain words.

Methods: the same decision matrix and weights ranked by TOPSIS, VIKOR, PROMETHEE II, WSM and
SPOTIS (one per family: distance to ideal, compromise, outranking, additive, reference point);
for every host, the mode each method puts first, and the pair each method puts first overall.
Weights: the SMAA-2 first-rank acceptability of the leading pair (the share of weight draws
around the case weights in which it stays first), from the report's robustness part.

A leader that is first in fewer than half the draws, or that the methods do not agree on, is
never called robust; when no pair leads in at least half the draws the report says that no pair
is robustly first (never "first under 0 %").

    agreement = method_agreement(ctx)          # plain data (the JSON's "certainty")
    overall_lines(ctx, agreement, smaa)       # the summary box
    host_line(ctx, agreement, iso3)           # one host, in words
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coopselect.agreement import METHOD_NAMES
from coopselect.i18n import Label
from coopselect.reports.context import Ctx

# A pair first in at least this share of the weight draws is called robustly first under weights.
ROBUST_SHARE = 0.5

L = {
    "all_methods": Label(
        "全部 {n} 种方法（{methods}）都把 {pair} 排在第一。",
        "All {n} methods ({methods}) put {pair} first.",
    ),
    "methods_split": Label(
        "各方法的第一名不同：{items}。", "The methods disagree on the first pair: {items}."
    ),
    "put_first": Label("{methods} 选 {pair}", "{methods} put {pair} first"),
    "puts_first": Label("{methods} 选 {pair}", "{methods} puts {pair} first"),
    "weights_robust": Label(
        "在以案例权重为中心的 {n} 组权重抽样中（方法 {method}），"
        "{pair} 有 {share} 的抽样排名第一。",
        "Under {n} weight draws around the case weights (method {method}), {pair} stays first in "
        "{share} of them.",
    ),
    "weights_fragile": Label(
        "没有组合在权重变化下稳居第一：在 {n} 组权重抽样中（方法 {method}），最常排名第一的 "
        "{pair} 也只在 {share} 的抽样中排第一。",
        "No pair is robustly first under changing weights: in {n} weight draws (method "
        "{method}) the most frequent leader, {pair}, is first in only {share} of them.",
    ),
    "weights_none": Label(
        "未做权重抽样（SMAA），因此无法说明结论在权重变化下是否稳定。",
        "No weight sampling (SMAA) was run, so the report cannot say how the result holds up "
        "under other weights.",
    ),
    "verdict_robust": Label(
        "结论：{pair} 在各方法和权重下都稳居第一。",
        "Verdict: {pair} is first under every method and across the weights.",
    ),
    "verdict_methods": Label(
        "结论：权重变化下 {pair} 较稳定，但方法选择会改变第一名：请把各方法的第一名一并视为候选。",
        "Verdict: {pair} holds up under the weights, but the choice of method changes the first "
        "pair: treat each method's first pair as a candidate.",
    ),
    "verdict_weak": Label(
        "结论：第一名对权重或方法敏感，应把排名靠前的几个组合作为短名单，而不是唯一答案。",
        "Verdict: the first place depends on the weights or the method; treat the leading pairs "
        "as a shortlist rather than a single answer.",
    ),
    "host_all": Label(
        "{host}：全部 {n} 种方法都选 {mode}。", "{host}: all {n} methods choose {mode}."
    ),
    "host_split": Label("{host}：{items}。", "{host}: {items}."),
    "host_item": Label("{methods} 选 {mode}", "{mode} under {methods}"),
}


@dataclass
class Agreement:
    methods: list[str] = field(default_factory=list)
    first: dict[str, str] = field(default_factory=dict)  # method -> first alternative "ISO:mode"
    best_mode: dict[str, dict[str, str]] = field(default_factory=dict)  # host -> method -> mode
    failed: dict[str, str] = field(default_factory=dict)  # method -> why it could not run

    def to_dict(self) -> dict:
        return {
            "methods": self.methods,
            "first_pair": self.first,
            "best_mode_by_host": self.best_mode,
            "failed": self.failed,
        }

    def host_agrees(self, host: str) -> int:
        """How many methods choose the host's most chosen mode."""
        modes = list(self.best_mode.get(host, {}).values())
        return max((modes.count(m) for m in set(modes)), default=0)


def method_agreement(ctx: Ctx) -> Agreement:
    """The first pair and every host's best mode under each main method (the case's own method
    and parameters for the case's method): :func:`coopselect.agreement.method_choices`."""
    from coopselect.agreement import method_choices

    methods, first, best, failed = method_choices(ctx.result)
    return Agreement(list(methods), first, best, failed)


def _names(methods: list[str], lang: str) -> str:
    names = [METHOD_NAMES.get(m, m) for m in methods]
    if lang == "zh":
        return "、".join(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _grouped(by_method: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(choice, [methods]): the main method's choice first (it is the first method), then the
    most chosen."""
    groups: dict[str, list[str]] = {}
    for m, choice in by_method.items():
        groups.setdefault(choice, []).append(m)
    main = next(iter(by_method.values()), None)
    return sorted(groups.items(), key=lambda kv: (kv[0] != main, -len(kv[1])))


def first_share(smaa: dict | None, alt: str) -> float | None:
    if not smaa:
        return None
    ra = smaa.get("rank_acceptability", {}).get(alt)
    return float(ra[0]) if ra else None


def overall_lines(ctx: Ctx, agree: Agreement, smaa: dict | None) -> list[str]:
    """Certainty of the first pair across methods and across weights, and a verdict."""
    lg = ctx.lang
    res = ctx.result
    lead = f"{res.pairs[0].country}:{res.pairs[0].mode}"
    out = []
    methods_agree = len(set(agree.first.values())) <= 1
    if agree.methods:
        if methods_agree:
            out.append(
                L["all_methods"](lg).format(
                    n=len(agree.methods),
                    methods=_names(agree.methods, lg),
                    pair=ctx.alt(next(iter(agree.first.values()))),
                )
            )
        else:
            sep = "；" if lg == "zh" else "; "
            items = sep.join(
                L["put_first" if len(ms) > 1 else "puts_first"](lg).format(
                    methods=_names(ms, lg), pair=ctx.alt(a)
                )
                for a, ms in _grouped(agree.first)
            )
            out.append(L["methods_split"](lg).format(items=items))
    robust_w = False
    if smaa and smaa.get("rank_acceptability"):
        firsts = {a: float(v[0]) for a, v in smaa["rank_acceptability"].items() if v}
        top, share = max(firsts.items(), key=lambda kv: (kv[1], kv[0] == lead))
        n = smaa.get("samples", "")
        method = METHOD_NAMES.get(res.method, res.method)
        if share >= ROBUST_SHARE:
            robust_w = top == lead
            out.append(
                L["weights_robust"](lg).format(
                    n=n, method=method, pair=ctx.alt(top), share=f"{share:.0%}"
                )
            )
        else:
            out.append(
                L["weights_fragile"](lg).format(
                    n=n, method=method, pair=ctx.alt(top), share=_share(share)
                )
            )
    else:
        out.append(L["weights_none"](lg))
    if robust_w and methods_agree:
        out.append(L["verdict_robust"](lg).format(pair=ctx.alt(lead)))
    elif robust_w:
        out.append(L["verdict_methods"](lg).format(pair=ctx.alt(lead)))
    else:
        out.append(L["verdict_weak"](lg))
    return out


def _share(v: float) -> str:
    """A share in words that never reads as 0 % when it is not zero."""
    if v <= 0:
        return "0%"
    if v < 0.01:
        return "<1%"
    return f"{v:.0%}"


def host_line(ctx: Ctx, agree: Agreement, host: str) -> str:
    """One host's best mode under each method, in words."""
    lg = ctx.lang
    by_method = agree.best_mode.get(host, {})
    if not by_method:
        return ""
    groups = _grouped(by_method)
    if len(groups) == 1:
        return L["host_all"](lg).format(
            host=ctx.country(host), n=len(by_method), mode=ctx.name(groups[0][0])
        )
    sep = "；" if lg == "zh" else "; "
    items = sep.join(
        L["host_item"](lg).format(methods=_names(ms, lg), mode=ctx.name(mode))
        for mode, ms in groups
    )
    return L["host_split"](lg).format(host=ctx.country(host), items=items)
