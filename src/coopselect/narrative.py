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
    "usgs_unlisted=zero": Label(
        "USGS MCS 与补充表均无数据，无已知禀赋",
        "no figure in USGS MCS or the supplementary table: none known",
    ),
    "usgs_unlisted=below_smallest": Label(
        "USGS MCS 未列出，按所引来源点名的低于最小列出份额估计",
        "not listed by USGS MCS, estimated below the smallest listed share (named by a cited "
        "source)",
    ),
    "supplementary": Label(
        "USGS MCS 未列出或未公布（W），取自所引补充表",
        "not in USGS MCS or withheld (W): from the cited supplementary table",
    ),
    "usgs:withheld": Label(
        "USGS 保密未公布（W）：有产量，数量未知，不计数量",
        "withheld by USGS (W): produced, volume not published, none counted",
    ),
    "judgment": Label(
        "以带理由的分析判断取代GDP代理（见 criteria/modes.toml）",
        "labelled analyst judgment in place of the GDP proxy (criteria/modes.toml)",
    ),
    "no_known_endowment": Label(
        "无已知禀赋（无产量、储量或勘查潜力记录）：无可获取的供应，不给出最佳模式",
        "no known endowment (no production, reserves or exploration potential on record): "
        "nothing to secure, no best mode",
    ),
    "impute:worst": Label(
        "来源无数据，取候选国中最不利的值",
        "no value in the source; least favourable candidate value",
    ),
    "impute:median": Label(
        "来源无数据，取候选国的中位数", "no value in the source; median of the candidates"
    ),
    "reserves": Label("储量", "reserves"),
    "production": Label("产量", "production"),
}


NO_KNOWN_ENDOWMENT = Label("无已知禀赋", "no known endowment")


NAMED_AT_MOST = 20  # a global case has nearly 200 such hosts: the first are named, then a count


def no_endowment_line(result, lang: str, limit: int | None = NAMED_AT_MOST) -> str:
    """One line naming the hosts with no known endowment ('' when there are none); beyond
    ``limit`` hosts, the first ``limit`` and how many more (the JSON lists them all)."""
    hosts = result.no_known_endowment
    if not hosts:
        return ""
    shown = hosts if limit is None or len(hosts) <= limit else hosts[:limit]
    more = len(hosts) - len(shown)
    tail = "" if not more else (f" 等另 {more} 个" if lang == "zh" else f" and {more} more")
    return f"{NO_KNOWN_ENDOWMENT(lang)} ({len(hosts)}): {', '.join(shown)}{tail}"


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


def column_names(case, lang: str) -> dict[str, str]:
    """Display names of criteria, sub-criteria, indicators, attributes and modes of a case."""
    h = case.hierarchy
    names = {c.id: c.name(lang) for c in h.criteria}
    names.update({s.id: s.name(lang) for s in h.subcriteria.values()})
    names.update({i.id: i.name(lang) for i in h.indicators.values()})
    names.update({a.id: a.name(lang) for a in case.catalog.attributes.values()})
    names.update({m.id: m.name(lang) for m in case.catalog.modes})
    return names


def imputation_lines(imputed, names: dict[str, str], lang: str) -> list[str]:
    """Imputations grouped for reading: one line per host for its USGS gaps (each rule with its
    minerals), hosts with the same gaps on one line; other gaps one by one."""
    from coopselect.io import datasets

    minerals = datasets.minerals()
    lines = []
    # country -> rule -> measure -> mineral names, in first-seen order
    usgs: dict[str, dict[str, dict[str, list[str]]]] = {}
    for imp in imputed:
        if imp.mineral:
            by_rule = usgs.setdefault(imp.country, {}).setdefault(imp.rule, {})
            found = by_rule.setdefault(imp.measure, [])
            name = minerals[imp.mineral].name(lang)
            if name not in found:
                found.append(name)
        else:
            how = L[imp.rule](lang) if imp.rule in L else imp.detail
            lines.append(f"{imp.country} {names.get(imp.indicator, imp.indicator)}: {how}")
    sep = "；" if lang == "zh" else "; "
    groups: dict[str, list[str]] = {}
    for country, rules in usgs.items():
        parts = []
        for rule, by_measure in rules.items():
            measures = sep.join(f"{L[m](lang)}: {', '.join(v)}" for m, v in by_measure.items())
            parts.append(f"{L[rule](lang)} ({measures})")
        groups.setdefault(sep.join(parts), []).append(country)
    usgs_lines = [f"{', '.join(countries)} — {text}" for text, countries in groups.items()]
    return usgs_lines + lines
