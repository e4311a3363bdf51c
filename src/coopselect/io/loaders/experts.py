"""Group judgments inside a case file: ``[[experts]]``, each with a name, an optional weight and
its own ``[[experts.judgments]]``, aggregated into the judgments in force by the rule
``judgments_aggregate`` names (Forman & Peniwati 1998, EJOR 108, 165-169):

* ``"aij"`` (the default), aggregation of individual judgments, for a group acting as one unit:
  each pair's group judgment is the weighted geometric mean of the judgments the experts gave for
  it (the weights of the experts who judged the pair renormalised; a pair no expert judged is
  left to the AHP engine's completion), which keeps the reciprocal property. It is the
  cell-by-cell rule of :func:`coopselect.pairwise.group.aggregate_aij`, here applied to judgment
  lists.
* ``"aip"``, aggregation of individual priorities, for experts acting as separate individuals:
  each expert's own judgments give a priority vector (principal eigenvector, a pair the expert
  left out completed by Harker's method, so each expert's judgments must connect all criteria),
  and the group's priorities are their weighted geometric mean, renormalised
  (:func:`coopselect.pairwise.group.aggregate_aip`). The judgments put in force are the ratios of
  the group's priorities (w_i / w_j for every pair), a consistent matrix whose eigenvector is those
  priorities: the ranking's AHP engine then uses exactly the AIP weights.

Each expert's own consistency ratio is kept (``ExpertJudgments.cr``; None when the expert's
judgments do not connect all criteria, possible under AIJ only) and named in the basis.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from coopselect.domain.model import Judgment
from coopselect.errors import CoopselectError
from coopselect.io.loaders.judgments import build_judgments

EXPERT_KEYS = ("name", "weight", "judgments")
AGGREGATE_KEY = "judgments_aggregate"
RULES = ("aij", "aip")
GROUP_BASIS_PREFIX = "group judgments of "  # how a case's judgments_basis names a group
MAX_EXPERT_WEIGHT = 1e6  # as coopselect.ahp.io: only the ratios count, and sums never overflow


@dataclass(frozen=True)
class ExpertJudgments:
    name: str
    weight: float  # normalised: the experts' weights sum to 1
    judgments: tuple[Judgment, ...]
    cr: float | None = None  # the expert's own consistency ratio (None: judgments not connected)


RULE_TEXT = {
    "aij": (
        "AIJ: the weighted geometric mean of each pair's judgments",
        "AIJ（判断集结）：各对判断的加权几何平均",
    ),
    "aip": (
        "AIP: the weighted geometric mean of each expert's priority vector, renormalised",
        "AIP（排序集结）：各专家权重向量的加权几何平均，再归一化",
    ),
}


@dataclass(frozen=True)
class GroupJudgments:
    rule: str  # "aij" or "aip"
    experts: tuple[ExpertJudgments, ...]
    judgments: tuple[Judgment, ...]  # the aggregated judgments in force

    def basis(self, lang: str = "en") -> str:
        """The case's judgments basis in ``lang`` (``judgments_basis`` and ``_zh``)."""
        return self._basis(lang)

    def _basis(self, lang: str) -> str:
        zh = lang == "zh"
        names = ("，" if zh else ", ").join(
            f"{e.name} ({e.weight:.2f}, CR {'-' if e.cr is None else f'{e.cr:.3f}'})"
            for e in self.experts
        )
        rule = RULE_TEXT[self.rule][1 if zh else 0]
        if zh:
            return (
                f"{len(self.experts)} 位专家（{names}）的群体判断，按 {rule}"
                "（Forman & Peniwati 1998）"
            )
        return (
            f"{GROUP_BASIS_PREFIX}{len(self.experts)} experts ({names}), aggregated by {rule} "
            "(Forman & Peniwati 1998)"
        )


def basis_rule(basis: str) -> tuple[int, str] | None:
    """(number of experts, "AIJ" or "AIP") of a judgments basis written by
    :meth:`GroupJudgments.basis`, else None."""
    if not basis.startswith(GROUP_BASIS_PREFIX):
        return None
    head, _, rest = basis.partition(" experts (")
    rule = rest.rpartition("), aggregated by ")[2][:3]
    count = head.removeprefix(GROUP_BASIS_PREFIX)
    if not count.isdigit() or rule.lower() not in RULES:
        return None
    return int(count), rule


def _fail(msg: str, file: str, place: str, fix: str) -> CoopselectError:
    return CoopselectError(msg, file=file, place=place, fix=fix)


def _check_keys(table: dict, file: str, where: str) -> None:
    import difflib

    for key in table:
        if key not in EXPERT_KEYS:
            close = difflib.get_close_matches(str(key), EXPERT_KEYS, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise _fail(
                f"unknown key {key!r}{hint}.",
                file,
                f"{where}.{key}",
                f"an expert has {', '.join(EXPERT_KEYS)}; unknown keys are not ignored.",
            )


def group_judgments(
    experts: object, rule: object, labels: Sequence[str], *, file: str
) -> GroupJudgments:
    """Check the ``[[experts]]`` of a case and aggregate their judgments (see the module)."""
    from coopselect.io.loaders.schema import JudgmentSpec, validate

    rule = "aij" if rule is None else rule
    if rule not in RULES:
        raise _fail(
            f"{AGGREGATE_KEY} = {rule!r} is not a group aggregation rule.",
            file,
            AGGREGATE_KEY,
            'use "aij" (the group acts as one: each pair\'s judgments are aggregated) or "aip" '
            "(the experts act separately: their priority vectors are aggregated), or leave the "
            'key out for "aij".',
        )
    if not isinstance(experts, list) or not experts:
        raise _fail(
            "'experts' must be a non-empty list of tables.",
            file,
            "experts",
            "write one [[experts]] table per expert.",
        )
    names: list[str] = []
    raw_w: list[float | None] = []
    lists: list[tuple[Judgment, ...]] = []
    for k, spec in enumerate(experts, start=1):
        where = f"experts[{k}]"
        if not isinstance(spec, dict):
            raise _fail("an expert must be a table.", file, where, "use [[experts]].")
        _check_keys(spec, file, where)
        name = spec.get("name", f"expert {k}")
        if not isinstance(name, str) or not name.strip() or name in names:
            raise _fail(
                f"expert name {name!r} is empty, not text or used twice.",
                file,
                f"{where}.name",
                "give every expert a different name.",
            )
        weight = spec.get("weight")
        if weight is not None and (
            isinstance(weight, bool)
            or not isinstance(weight, int | float)
            or not 0 < weight <= MAX_EXPERT_WEIGHT
        ):
            raise _fail(
                f"weight {weight!r} is not a positive finite number up to {MAX_EXPERT_WEIGHT:g}.",
                file,
                f"{where}.weight ({name})",
                "use a number such as 1 or 0.5 (only the ratios between experts count), or "
                "leave it out.",
            )
        items = spec.get("judgments")
        if not isinstance(items, list) or not items:
            raise _fail(
                f"expert {name!r} gives no judgments.",
                file,
                f"{where}.judgments",
                "add [[experts.judgments]] tables (a, b, value, reason) after the expert.",
            )
        specs = [validate(JudgmentSpec, item, file) for item in items]
        lists.append(build_judgments(specs, labels, file=file, where=f"{where}.judgments"))
        names.append(name)
        raw_w.append(None if weight is None else float(weight))
    if any(w is None for w in raw_w) and not all(w is None for w in raw_w):
        raise _fail(
            "some experts have a weight and others do not.",
            file,
            "experts.weight",
            "give every expert a weight, or none of them (equal weights).",
        )
    given = [1.0 if w is None else w for w in raw_w]
    total = math.fsum(given)
    weights = [w / total for w in given]
    group = tuple(
        ExpertJudgments(n, w, js, _own_cr(js, labels, rule, file, f"experts[{k}] ({n})"))
        for k, (n, w, js) in enumerate(zip(names, weights, lists, strict=True), start=1)
    )
    if rule == "aip":
        return GroupJudgments("aip", group, aggregate_priorities(group, labels, file=file))
    return GroupJudgments("aij", group, aggregate(group, labels))


def _own_priorities(judgments, labels: Sequence[str], file: str, place: str):
    from coopselect.io.loaders.judgments import judgment_matrix
    from coopselect.pairwise.priorities import priorities

    m = judgment_matrix(judgments, labels)
    return priorities(m, "eigen", "saaty1980", labels=list(labels), file=file, place=place)


def _own_cr(judgments, labels: Sequence[str], rule: str, file: str, place: str) -> float | None:
    """An expert's own CR; under AIJ an expert whose judgments leave criteria unconnected has
    none (the group's judgments may still connect them), under AIP that is refused."""
    from coopselect.io.loaders.judgments import judgment_matrix
    from coopselect.pairwise.completion import components

    if rule == "aij" and len(components(judgment_matrix(judgments, labels))) > 1:
        return None
    where = f"{place}.judgments"
    try:
        return float(_own_priorities(judgments, labels, file, where).cr)
    except CoopselectError as err:
        raise _fail(
            f"{err.message.rstrip('.')}; under AIP each expert's own judgments give that "
            "expert's priorities.",
            file,
            where,
            f'{err.fix} Or use {AGGREGATE_KEY} = "aij", where the experts\' judgments together '
            "must connect the criteria.",
        ) from None


def aggregate_priorities(
    experts: Sequence[ExpertJudgments], labels: Sequence[str], *, file: str
) -> tuple[Judgment, ...]:
    """AIP: the weighted geometric mean of the experts' priority vectors (renormalised), put in
    force as the consistent judgments w_i / w_j of every pair, in label order."""
    import numpy as np

    from coopselect.pairwise.group import aggregate_aip

    vectors = [
        _own_priorities(e.judgments, labels, file, f"experts ({e.name}).judgments").weights
        for e in experts
    ]
    w = aggregate_aip(vectors, np.array([e.weight for e in experts]))
    own = "; ".join(
        f"{e.name}: " + ", ".join(f"{lab} {v:.3f}" for lab, v in zip(labels, vec, strict=True))
        for e, vec in zip(experts, vectors, strict=True)
    )
    out = []
    for i, a in enumerate(labels):
        for k in range(i + 1, len(labels)):
            value = float(w[i] / w[k])
            out.append(
                Judgment(
                    a,
                    labels[k],
                    value,
                    f"{value:.4g}",
                    f"AIP (weighted geometric mean of {len(experts)} experts' priorities, "
                    f"{a} {w[i]:.3f} / {labels[k]} {w[k]:.3f}); the experts' priorities: {own}",
                )
            )
    return tuple(out)


def aggregate(experts: Sequence[ExpertJudgments], labels: Sequence[str]) -> tuple[Judgment, ...]:
    """Each pair's weighted geometric mean over the experts who judged it, in label order."""
    index = {label: i for i, label in enumerate(labels)}
    pairs: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
    for e in experts:
        for j in e.judgments:
            a, b, v = j.a, j.b, j.value
            if index[a] > index[b]:
                a, b, v = b, a, 1.0 / v
            said = f"{e.name}: {j.a} vs {j.b} = {j.text}"
            pairs.setdefault((a, b), []).append((e.weight, v, said))
    out = []
    for (a, b), given in sorted(pairs.items(), key=lambda p: (index[p[0][0]], index[p[0][1]])):
        wsum = math.fsum(w for w, _, _ in given)
        value = math.exp(math.fsum(w * math.log(v) for w, v, _ in given) / wsum)
        parts = "; ".join(text for _, _, text in given)
        out.append(
            Judgment(
                a,
                b,
                value,
                f"{value:.4g}",
                f"AIJ (weighted geometric mean) of {len(given)} expert judgment(s): {parts}",
            )
        )
    return tuple(out)
