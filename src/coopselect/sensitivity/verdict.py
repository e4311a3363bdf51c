"""The robustness verdict in words, English and Chinese."""

from __future__ import annotations

from collections.abc import Callable


def verdict(smaa: dict, label: Callable[[str], str], lang: str = "en", top: int = 3) -> str:
    """E.g. "Kazakhstan x Mineral trade is first under 87% of sampled weightings; ..."."""
    first = {a: b[0] for a, b in smaa["rank_acceptability"].items() if b and b[0] > 0}
    leaders = sorted(first.items(), key=lambda kv: -kv[1])[:top]
    if not leaders:
        return "没有方案获得第一名。" if lang == "zh" else "No alternative ranked first."
    if lang == "zh":
        parts = [f"{label(a)} 在 {share:.0%} 的权重抽样中排名第一" for a, share in leaders]
        return "；".join(parts) + f"（{smaa['samples']} 次抽样）。"
    parts = [f"{label(a)} is first under {share:.0%}" for a, share in leaders]
    return "; ".join(parts) + f" of {smaa['samples']} sampled weightings."
