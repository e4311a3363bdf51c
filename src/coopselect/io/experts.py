"""Group judgments inside a case file: ``[[experts]]``, each with a name, an optional weight and
its own ``[[experts.judgments]]``, aggregated into the judgments in force.

The aggregation is AIJ, the aggregation of individual judgments of Forman & Peniwati (1998)
(EJOR 108, 165-169) for a group acting as one unit: each pair's group judgment is the weighted
geometric mean of the judgments the experts gave for it (the weights of the experts who judged the
pair renormalised; a pair no expert judged is left to the AHP engine's completion), which keeps
the reciprocal property. It is the cell-by-cell rule of :func:`coopselect.ahp.group.aggregate_aij`
(``coopselect ahp`` on an experts file), here applied to judgment lists.

AIP (aggregating the experts' priority vectors) treats the experts as separate individuals; it
changes the weights, not the judgments, so it has no judgments to put in force and is refused in a
case (``coopselect ahp`` on an ``[[experts]]`` matrix file shows it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from coopselect.domain.model import Judgment
from coopselect.errors import CoopselectError
from coopselect.io.judgments import build_judgments

EXPERT_KEYS = ("name", "weight", "judgments")
AGGREGATE_KEY = "judgments_aggregate"
GROUP_BASIS_PREFIX = "group judgments of "  # how a case's judgments_basis names a group
MAX_EXPERT_WEIGHT = 1e6  # as coopselect.ahp.io: only the ratios count, and sums never overflow


@dataclass(frozen=True)
class ExpertJudgments:
    name: str
    weight: float  # normalised: the experts' weights sum to 1
    judgments: tuple[Judgment, ...]


@dataclass(frozen=True)
class GroupJudgments:
    rule: str  # "aij"
    experts: tuple[ExpertJudgments, ...]
    judgments: tuple[Judgment, ...]  # the aggregated judgments in force

    def basis(self) -> str:
        names = ", ".join(f"{e.name} ({e.weight:.2f})" for e in self.experts)
        return (
            f"{GROUP_BASIS_PREFIX}{len(self.experts)} experts ({names}), aggregated by AIJ: "
            "the weighted geometric mean of each pair's judgments (Forman & Peniwati 1998)"
        )


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
    from coopselect.io.schema import JudgmentSpec, validate

    rule = "aij" if rule is None else rule
    if rule != "aij":
        raise _fail(
            f"{AGGREGATE_KEY} = {rule!r} cannot feed a case.",
            file,
            AGGREGATE_KEY,
            'use "aij" (the group acts as one: its judgments are aggregated); AIP averages '
            "priority vectors, not judgments (see coopselect ahp on an [[experts]] file).",
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
    group = tuple(ExpertJudgments(n, w, js) for n, w, js in zip(names, weights, lists, strict=True))
    return GroupJudgments("aij", group, aggregate(group, labels))


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
