"""Plain-text sentences shared by every output (CLI, reports, app): no rendering, no markup.

Callers escape the text for their medium (Rich, HTML, Markdown).
"""

from __future__ import annotations

from coopselect.domain.features import HOST_FEATURES, feature_label
from coopselect.i18n import Label
from coopselect.messages import render

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
    from coopselect.io.data import reference

    cty = reference.countries()
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
    from coopselect.io.data import reference

    minerals = reference.minerals()
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
            how = L[imp.rule](lang) if imp.rule in L else render(imp.detail, lang)
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


# ---- a reason for every host ---------------------------------------------------------------

# host_lines points to the table `coopselect explain` prints below it; a reason stands alone.
_POINTER = {"en": " (listed below)", "zh": "（见下表）"}


def barrier_modes_line(result, country: str, barriers, names: dict[str, str], lang: str) -> str:
    """Which of the case's modes each barrier in force at a host holds back, and for which it is
    the way in, in words ('' when no mode is affected). From the mode profiles' judged response
    to each barrier (criteria/modes.toml: +1 the barrier blocks the mode, negative it opens a way
    in)."""
    case = result.case
    modes = [case.catalog.get(m) for m in case.modes]
    zh = lang == "zh"
    parts = []
    for b in barriers:
        blocked = [names.get(m.id, m.id) for m in modes if m.h(b) > 0]
        opened = [names.get(m.id, m.id) for m in modes if m.h(b) < 0]
        if not blocked and not opened:
            continue
        label = feature_label(b, lang)
        spared = [names.get(m.id, m.id) for m in modes if m.h(b) <= 0]
        if len(blocked) > len(modes) / 2 and spared:  # most modes: name the ones it spares
            every = "、".join(spared) if zh else ", ".join(spared)
            blocked_text = f"除{every}外的各模式" if zh else f"every mode but {every}"
        else:
            blocked_text = "、".join(blocked) if zh else ", ".join(blocked)
        if zh:
            text = f"{label}阻碍{blocked_text}" if blocked else label
            if opened:
                text += f"{'，但' if blocked else '是'}为{'、'.join(opened)}打开了门路"
        else:
            text = f"{label} holds back {blocked_text}" if blocked else label
            if opened:
                text += f"{' but' if blocked else ''} opens the way for {', '.join(opened)}"
        parts.append(text)
    if not parts:
        return ""
    return "；".join(parts) + "。" if zh else "; ".join(parts) + "."


def host_reason(
    result, country: str, lang: str, names: dict[str, str] | None = None, *, gaps_at: str = ""
) -> str:
    """Why a host stands where it does, in plain words (no formulas): where it ranks, what it
    offers (its strongest and weakest criteria), the policy barriers in force and which modes
    they hold back, the data gaps filled, and its best mode with the next. The explain model's
    sentences (coopselect.explanation.host_lines) with the barriers' effect on the modes; one
    text for rank --by country, the app, the web app and the reports. ``gaps_at`` replaces the
    explain table's pointer to the gaps (a report names its own part; none: left out)."""
    from coopselect.citations import client_text
    from coopselect.explanation import explain_host, host_lines

    names = column_names(result.case, lang) if names is None else names
    hx = explain_host(result, country)
    lines = host_lines(hx, names, lang)
    if hx.measures and not hx.no_known_endowment:
        extra = barrier_modes_line(result, country, hx.measures, names, lang)
        head = ("生效的政策壁垒", "Barriers in force")
        at = next((k for k, line in enumerate(lines) if line.startswith(head)), len(lines) - 1)
        if extra:
            lines.insert(at + 1, extra)
    text = ("" if lang == "zh" else " ").join(x for x in lines if x)
    return client_text(text.replace(_POINTER.get(lang, _POINTER["en"]), gaps_at), lang)


def host_reasons(result, lang: str, hosts=None) -> dict[str, str]:
    """:func:`host_reason` of every host of ``result`` (or of ``hosts``, those ranked): the
    ranked hosts in the order of their best pair, then the hosts with no known endowment."""
    names = column_names(result.case, lang)
    every = [*result.best_mode_by_country(), *result.no_known_endowment]
    ranked = set(result.scores.countries)
    wanted = None if hosts is None else set(hosts)
    return {
        c: host_reason(result, c, lang, names)
        for c in dict.fromkeys(every)
        if c in ranked and (wanted is None or c in wanted)
    }
