"""Plain-text sentences shared by every output (CLI, reports, app): no rendering, no markup.

Callers escape the text for their medium (Rich, HTML, Markdown).
"""

from __future__ import annotations

from coopselect.domain.features import HOST_FEATURES, feature_label
from coopselect.i18n import Label

L = {
    "scenario": Label("情景", "Scenario"),
    "overrides": Label("假设调整（what-if）", "What-ifs applied"),
    "was": Label("原为", "was"),
    "none": Label("无", "none"),
    "policy_date": Label("政策壁垒按此日期读取", "Policy barriers read as of"),
}


def override_lines(case, scenario, overrides, names: dict[str, str], lang: str) -> list[str]:
    """One line per applied what-if, after the scenario's title when one was chosen."""
    from coopselect.io import datasets

    cty = datasets.countries()
    lines = []
    if scenario:
        lines.append(f"{L['scenario'](lang)} {scenario}: {case.scenarios[scenario].title(lang)}")
    for o in overrides:
        name = (
            feature_label(o.feature, lang)
            if o.feature in HOST_FEATURES
            else names.get(o.feature, o.feature)
        )
        was = "n/a" if o.was != o.was else f"{o.was:.4g}"
        lines.append(
            f"{cty[o.country].name(lang)} ({o.country}) {name} = {o.value:g} "
            f"({L['was'](lang)} {was}; {o.source})"
        )
    return lines


def overrides_heading(lang: str) -> str:
    return L["overrides"](lang)


def policy_date_line(result, lang: str) -> str:
    return f"{L['policy_date'](lang)}: {result.features.barriers.on.isoformat()}"
