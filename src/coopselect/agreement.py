"""How firmly each host's best mode holds: across the five main methods and across weights.

A recommendation is "host H, mode M". It is settled when the methods agree on M (the same
decision matrix and weights ranked by TOPSIS, VIKOR, PROMETHEE II, WSM and SPOTIS, one method of
each family) and when M stays H's best mode under weights drawn around the case's weights (the
share of Dirichlet draws, concentration 20 as in SMAA, in which M is still H's best). Where they
disagree, the outputs say so in words (:func:`host_sentence`), never a single share alone.

    ag = agreement(result)                  # plain data: Agreement, HostAgreement per host
    ag.hosts["KAZ"].methods_agreeing        # 0..5
    ag.hosts["KAZ"].weight_share            # 0..1, or None (no batched kernel for the method)
    host_sentence(ag.hosts["KAZ"], names, country_name, "en")

rank (``--by country``), explain, the reports (``reports.certainty``) and the web app read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from coopselect.i18n import Label

if TYPE_CHECKING:
    from collections.abc import Callable

    from coopselect.pipeline import RankResult

WEIGHT_SAMPLES = 1000
CONCENTRATION = 20.0
# A host whose best mode at least this many of the five methods share, and that stays its best
# in at least half the weight draws, is called settled.
SETTLED_METHODS = 4
SETTLED_SHARE = 0.5


@dataclass(frozen=True)
class HostAgreement:
    country: str
    mode: str  # the host's best mode under the result's own method
    by_method: dict[str, str]  # method -> that method's best mode for the host
    weight_share: float | None  # share of weight draws in which ``mode`` stays the host's best

    @property
    def methods_agreeing(self) -> int:
        return sum(1 for m in self.by_method.values() if m == self.mode)

    @property
    def settled(self) -> bool:
        return self.methods_agreeing >= min(SETTLED_METHODS, len(self.by_method)) and (
            self.weight_share is None or self.weight_share >= SETTLED_SHARE
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "mode": self.mode,
            "by_method": dict(self.by_method),
            "methods_agreeing": self.methods_agreeing,
            "methods": len(self.by_method),
            "weight_share": self.weight_share,
            "settled": self.settled,
        }


@dataclass(frozen=True)
class Agreement:
    methods: tuple[str, ...]  # the result's method first, then the other main methods that ran
    first: dict[str, str]  # method -> its first pair, "ISO3:mode"
    hosts: dict[str, HostAgreement]  # hosts with a best mode, in the result's order
    samples: int  # weight draws behind ``weight_share`` (0: none)
    failed: dict[str, str] = field(default_factory=dict)  # method -> why it could not run

    def to_dict(self) -> dict[str, Any]:
        return {
            "methods": list(self.methods),
            "first_pair": dict(self.first),
            "weight_samples": self.samples,
            "hosts": {k: h.to_dict() for k, h in self.hosts.items()},
            "failed": dict(self.failed),
        }


def method_choices(
    result: RankResult,
) -> tuple[tuple[str, ...], dict[str, str], dict[str, dict[str, str]], dict[str, str]]:
    """(methods, first pair per method, host -> method -> best mode, failed methods): the
    result's matrix and weights ranked by its own method (with its parameters) and the other
    main methods (with the parameters the model gives each)."""
    from coopselect.comparison.compare import shared_ranks
    from coopselect.errors import CoopselectError
    from coopselect.methods import available_methods, run_method
    from coopselect.methods.spec import main_methods

    dm = result.problem.dm
    known = available_methods()
    methods = [result.method, *[m for m in main_methods() if m != result.method]]
    alts = list(dm.alternatives)
    ran: list[str] = []
    first: dict[str, str] = {}
    best: dict[str, dict[str, str]] = {}
    failed: dict[str, str] = {}
    none = set(result.no_known_endowment)
    for m in methods:
        if m not in known:
            continue
        if m == result.method:
            mr = result.method_result
        else:
            try:
                mr = run_method(
                    m, dm.matrix, dm.weights, dm.types, **result.problem.method_params(m)
                )
            except CoopselectError as err:
                failed[m] = str(err)
                continue
        order = np.argsort(np.asarray(shared_ranks(mr)), kind="stable")
        ran.append(m)
        first[m] = alts[int(order[0])]
        for i in order:
            iso, _, mode = alts[int(i)].partition(":")
            if iso not in none:
                best.setdefault(iso, {}).setdefault(m, mode)
    return tuple(ran), first, best, failed


def weight_shares(
    result: RankResult, samples: int = WEIGHT_SAMPLES, seed: int = 0
) -> dict[str, float] | None:
    """Host -> share of weight draws around the case's weights in which the host's best mode
    (under the result's method) stays its best; None when the method has no batched kernel."""
    from coopselect.errors import CoopselectError
    from coopselect.sensitivity.sampling import dirichlet_around
    from coopselect.sensitivity.smaa import checked_kernel

    if samples <= 0:
        return None
    dm = result.problem.dm
    try:
        kernel = checked_kernel(dm, result.method, dict(result.method_params))
    except CoopselectError:
        return None
    if kernel is None:
        return None
    rng = np.random.default_rng(seed)
    w = dirichlet_around(rng, samples, np.asarray(dm.weights, float), CONCENTRATION)
    scores = np.asarray(kernel.scores(kernel.factors(np.asarray(dm.matrix, float)), w))
    if not kernel.higher_is_better:
        scores = -scores
    rows: dict[str, list[int]] = {}
    modes: dict[str, list[str]] = {}
    for i, (iso, mode) in enumerate(result.problem.pairs):
        rows.setdefault(iso, []).append(i)
        modes.setdefault(iso, []).append(mode)
    out = {}
    for iso, p in result.best_mode_by_country().items():
        chosen = np.argmax(scores[:, rows[iso]], axis=1)  # each draw's best mode of the host
        out[iso] = float(np.mean(chosen == modes[iso].index(p.mode)))
    return out


def agreement(result: RankResult, samples: int = WEIGHT_SAMPLES, seed: int = 0) -> Agreement:
    """Each host's best mode with its agreement across methods and weights."""
    methods, first, choices, failed = method_choices(result)
    shares = weight_shares(result, samples, seed)
    hosts = {
        iso: HostAgreement(
            iso,
            p.mode,
            choices.get(iso, {}),
            None if shares is None else shares.get(iso),
        )
        for iso, p in result.best_mode_by_country().items()
    }
    return Agreement(methods, first, hosts, samples if shares is not None else 0, failed)


METHOD_NAMES = {
    "topsis": "TOPSIS",
    "vikor": "VIKOR",
    "promethee2": "PROMETHEE II",
    "wsm": "WSM",
    "spotis": "SPOTIS",
    "consensus": "Consensus",
}

_L = {
    "all": Label(
        "{host}：{mode}，{n} 种方法一致{weights}。",
        "{host}: {mode}; all {n} methods agree{weights}.",
    ),
    "split": Label(
        "{host}：各方法不一致（{items}）{weights}，结论未定。",
        "{host}: the methods disagree ({items}){weights}; not settled.",
    ),
    "most": Label(
        "{host}：{mode}，{k}/{n} 种方法一致（{items}）{weights}。",
        "{host}: {mode}; {k} of {n} methods agree ({items}){weights}.",
    ),
    "weights": Label(
        "；权重抽样中 {share} 仍以其为最佳", " and it stays best in {share} of weight draws"
    ),
    "weights_weak": Label(
        "；但权重抽样中仅 {share} 仍以其为最佳",
        ", but it stays best in only {share} of weight draws",
    ),
    "weights_of": Label(
        "；{mode} 在 {share} 的权重抽样中仍为最佳", "; {mode} stays best in {share} of weight draws"
    ),
    "item": Label("{methods}：{mode}", "{mode} under {methods}"),
}


def host_sentence(
    ha: HostAgreement,
    mode_name: Callable[[str], str],
    country_name: Callable[[str], str],
    lang: str = "en",
) -> str:
    """One host's best mode and how firmly it holds, in words."""
    n = len(ha.by_method)
    k = ha.methods_agreeing
    weights = ""
    if ha.weight_share is not None:
        key = "weights" if ha.weight_share >= SETTLED_SHARE else "weights_weak"
        weights = _L[key](lang).format(share=f"{ha.weight_share:.0%}")
    host, mode = country_name(ha.country), mode_name(ha.mode)
    if n and k == n:
        return _L["all"](lang).format(host=host, mode=mode, n=n, weights=weights)
    groups: dict[str, list[str]] = {}
    for m, choice in ha.by_method.items():
        groups.setdefault(choice, []).append(METHOD_NAMES.get(m, m))
    sep = "；" if lang == "zh" else "; "
    join = "、" if lang == "zh" else ", "
    items = sep.join(
        _L["item"](lang).format(methods=join.join(ms), mode=mode_name(c))
        for c, ms in sorted(groups.items(), key=lambda kv: -len(kv[1]))
    )
    if k >= SETTLED_METHODS:
        return _L["most"](lang).format(host=host, mode=mode, k=k, n=n, items=items, weights=weights)
    if ha.weight_share is not None:  # name the mode: the methods named several
        weights = _L["weights_of"](lang).format(mode=mode, share=f"{ha.weight_share:.0%}")
    return _L["split"](lang).format(host=host, items=items, weights=weights)
