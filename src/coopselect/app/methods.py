"""One line per ranking method for the app's method picker (both languages, in one place).

A method the table does not know (e.g. one a later version registers) is described by the first
sentence of its module's docstring, or by its id alone.
"""

from __future__ import annotations

import re

from coopselect.i18n import Label

DESCRIPTIONS: dict[str, Label] = {
    "topsis": Label(
        "逼近理想解：与理想点近、与负理想点远者优（向量归一化）",
        "closeness to the ideal and distance from the anti-ideal (vector normalisation)",
    ),
    "vikor": Label(
        "折衷排序：兼顾总体效用与最大单项遗憾",
        "compromise between overall utility and worst regret",
    ),
    "promethee2": Label(
        "PROMETHEE II：两两比较的净流量", "net outranking flows from pairwise comparisons"
    ),
    "wsm": Label("加权和：归一化值乘权重后相加", "weighted sum of normalised values"),
    "wpm": Label(
        "加权积：比值的加权乘积，不可相互补偿", "weighted product of ratios (less compensatory)"
    ),
    "waspas": Label("加权和与加权积的组合", "weighted sum and weighted product combined"),
    "edas": Label("与平均解的正负距离", "positive and negative distance from the average solution"),
    "mabac": Label("与边界近似区域的距离", "distance from the border approximation area"),
    "aras": Label("相对最优方案的效用比", "utility ratio to the optimal alternative"),
    "copras": Label("效益与成本分别比例评价", "proportional assessment of benefit and cost sums"),
    "moora": Label("比率系统：归一化效益减成本", "ratio system: normalised benefits minus costs"),
    "consensus": Label(
        "多数一致（Copeland）：TOPSIS、VIKOR、PROMETHEE II、WSM、SPOTIS 的多数排序",
        "majority (Copeland) of TOPSIS, VIKOR, PROMETHEE II, WSM and SPOTIS",
    ),
    "spotis": Label(
        "与固定边界内参考点的距离（无排名逆转）",
        "distance to a reference point within fixed bounds (no rank reversal)",
    ),
}


def _from_docstring(method: str) -> str:
    import importlib

    module = method.split(":")[-1].replace("promethee2", "promethee")
    try:
        doc = importlib.import_module(f"coopselect.methods.{module}").__doc__ or ""
    except ImportError:
        return ""
    first = " ".join(doc.split("\n\n")[0].split())
    return re.split(r"(?<=[.:])\s", first, maxsplit=1)[0].rstrip(".:")


def describe(method: str, lang: str) -> str:
    label = DESCRIPTIONS.get(method)
    return label(lang) if label else _from_docstring(method)


def method_choices(lang: str) -> list[tuple[str, str]]:
    """(method id, "id — one-line description") for every registered method."""
    from coopselect.methods import available_methods

    out = []
    for m in (str(x) for x in available_methods()):
        text = describe(m, lang)
        out.append((m, f"{m:<11} {text}" if text else m))
    return out
