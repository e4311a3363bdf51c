"""Criterion weights: AHP from the judgments, or a named preset; local -> global sub-weights."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from coopselect.domain.model import Hierarchy, Judgment, WeightPreset
from coopselect.errors import CoopselectError
from coopselect.i18n import Label
from coopselect.io.loaders.judgments import judgment_matrix
from coopselect.io.loaders.numbers import table_to_one

if TYPE_CHECKING:
    from coopselect.pairwise.consistency import Inconsistency

# Fraser Institute, Annual Survey of Mining Companies (2022 and earlier editions): the Investment
# Attractiveness Index weights geologic (mineral) potential 60% and the Policy Perception Index 40%.
# Here "mineral potential" is resource endowment and "policy" is spread evenly over the other
# criteria of the default hierarchy.
FRASER_MINERAL_SHARE = 0.6
PRESETS = {  # one description per WeightPreset (domain.model), in its order
    "ahp": Label(
        "成对比较判断的AHP主特征向量", "AHP principal eigenvector of the pairwise judgments"
    ),
    "fraser": Label(
        "弗雷泽研究所投资吸引力指数的划分：资源禀赋（矿产潜力）占60%，政策占40%，平均分配给其他准则",
        "Fraser Institute Investment Attractiveness Index split: 60% resource endowment "
        "(mineral potential), 40% policy spread evenly over the other criteria",
    ),
    "equal": Label("等权", "equal weights"),
    "custom": Label(
        "在案例文件中直接设定的权重（[custom_weights]，带标注的判断）",
        "weights set directly in the case file ([custom_weights], a labelled judgment)",
    ),
}


@dataclass(frozen=True)
class AhpSummary:
    """What one judgment matrix gave: labels, weights, consistency."""

    labels: tuple[str, ...]
    weights: np.ndarray
    cr: float
    lambda_max: float
    consistent: bool
    judgments: tuple[Judgment, ...]
    completed: tuple = ()
    most_inconsistent: Inconsistency | None = None


def ahp_weights(
    judgments: tuple[Judgment, ...],
    labels: tuple[str, ...],
    *,
    file: str | None = None,
    place: str = "judgments",
) -> AhpSummary:
    if len(labels) == 1:
        return AhpSummary(labels, np.ones(1), 0.0, 1.0, True, judgments)
    from coopselect.ahp import priorities

    res = priorities(
        judgment_matrix(judgments, labels),
        method="eigen",
        ri="saaty1980",
        labels=list(labels),
        file=file,
        place=place,
    )
    return AhpSummary(
        labels,
        np.asarray(res.weights, dtype=float),
        float(res.cr),
        float(res.lambda_max),
        bool(res.consistent),
        judgments,
        tuple(getattr(res, "completed", ()) or ()),
        getattr(res, "most_inconsistent", None),
    )


@dataclass(frozen=True)
class CriteriaWeights:
    preset: str
    criteria: tuple[str, ...]
    weights: np.ndarray  # top level, sums to 1
    top: AhpSummary  # AHP on the top-level judgments (reported even for other presets)
    local: dict[str, AhpSummary]  # sub-criterion weights within each criterion


def criteria_weights(
    hierarchy: Hierarchy, preset: str, custom: dict[str, float] | None = None
) -> CriteriaWeights:
    ids = hierarchy.criterion_ids
    file = str(hierarchy.path) if hierarchy.path else None
    top_file = str(hierarchy.judgments_path) if hierarchy.judgments_path else file
    top = ahp_weights(hierarchy.judgments, ids, file=top_file, place="judgments")
    if preset == "custom":
        if not custom:
            raise CoopselectError(
                "the custom preset needs weights.",
                place="custom_weights",
                fix="add a [custom_weights] table to the case.",
            )
        try:  # divided by the largest first: weights near the float limit neither overflow
            w = np.array(list(table_to_one(custom, ids).values()), dtype=float)  # nor vanish
        except (KeyError, ValueError):
            raise CoopselectError(
                "custom weights need a finite weight >= 0 for every criterion, one of them > 0.",
                place="custom_weights",
                fix=f"give a weight for each of {', '.join(ids)}.",
            ) from None
    elif preset == "ahp":
        w = top.weights
    elif preset == "equal":
        w = np.full(len(ids), 1.0 / len(ids))
    elif preset == "fraser":
        if "resource_endowment" not in ids or len(ids) < 2:
            raise CoopselectError(
                "the fraser preset needs a resource_endowment criterion and another one.",
                file=str(hierarchy.path),
                place="weights",
                fix='use weights = "ahp" or "equal".',
            )
        others = len(ids) - 1
        w = np.array(
            [
                FRASER_MINERAL_SHARE
                if c == "resource_endowment"
                else (1 - FRASER_MINERAL_SHARE) / others
                for c in ids
            ]
        )
    else:
        raise CoopselectError(
            f"unknown weights preset {preset!r}.",
            place="weights",
            fix=f"use one of {', '.join(WeightPreset)}.",
        )
    local = {
        c.id: ahp_weights(
            hierarchy.subjudgments.get(c.id, ()),
            c.subcriteria,
            file=file,
            place=f"subjudgments (criterion {c.id})",
        )
        for c in hierarchy.criteria
    }
    return CriteriaWeights(preset, ids, w, top, local)


assert tuple(PRESETS) == tuple(WeightPreset), "one description per WeightPreset"
