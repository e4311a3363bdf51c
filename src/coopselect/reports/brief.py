"""The brief (``coopselect report --brief``): one to three printed pages for a decision maker.

    brief = build_brief(result, ReportOptions(lang="zh", brief=True))

It holds the recommendation, why each leading host stands where it does in plain words (the
explain model's own sentences: coopselect.explanation.host_lines and summary_lines, called here
and never copied), how certain the result is across methods and weights
(coopselect.reports.certainty), what was imputed, and the caveats. Everything else (the tables,
the matrices, the robustness details) is in the full report; the brief says so.
"""

from __future__ import annotations

from coopselect.i18n import Label
from coopselect.reports.context import Ctx
from coopselect.reports.hosts_parts import L as HOST_LABELS
from coopselect.reports.hosts_parts import host_text
from coopselect.reports.model import Column, Report, ReportOptions, Section, Table

# Hosts explained in the brief (by their best pair) unless --top says otherwise.
BRIEF_HOSTS = 5
# Imputation lines shown (one per host and rule); the rest are counted.
BRIEF_GAPS = 6

L = {
    **HOST_LABELS,  # host, best mode, methods agreeing: the same words as the full report's
    "brief": Label("决策简报", "Decision brief"),
    "sec_recommend": Label("建议", "Recommendation"),
    "sec_why": Label("各东道国：为什么", "Why, host by host"),
    "why_intro": Label(
        "最佳组合排名前 {n} 的东道国（共 {m} 个），每国一段：它提供什么、哪些壁垒阻碍哪种模式、"
        "为什么选这种模式。",
        "The {n} hosts with the best pairs (of {m}), one paragraph each: what the host offers, "
        "what blocks which mode, and why this mode.",
    ),
    "host_title": Label(
        "{host}：{mode}（得分 {score:.3f}，{n} 个组合中第 {rank} 名）",
        "{host}: {mode} (score {score:.3f}, pair {rank} of {n})",
    ),
    "sec_certainty": Label("结论有多确定", "How certain"),
    "t_certainty": Label(
        "各东道国最佳模式在五种方法下的一致性", "Each host's best mode under five methods"
    ),
    "others": Label("其他方法的选择", "Other methods' choice"),
    "same": Label("相同", "same"),
    "sec_gaps": Label("填补的数据", "What was imputed"),
    "gaps_at": Label("（见“填补的数据”）", " (see 'What was imputed')"),
    "gaps_none": Label("没有数据缺口。", "No data gaps."),
    "gaps_more": Label(
        "以下只列出部分；全部 {n} 项见完整报告“缺失数据处理”。",
        "Some are listed below; all {n} are in the full report ('Imputed and excluded data').",
    ),
    "sec_caveats": Label("注意事项", "Caveats"),
    "cav_judgment": Label(
        "模式画像（各模式获取、投入、依赖什么，对壁垒如何反应）与 AHP 判断是分析师判断，不是数据；"
        "完整报告列出每项判断及其理由。",
        "The mode profiles (what each mode captures, commits and relies on, and how it meets "
        "each barrier) and the AHP judgments are analyst judgments, not data; the full report "
        "lists each with its reason.",
    ),
    "cav_data": Label(
        "东道国数据为各发布方的最新公开版本；政策壁垒按所述日期读取，之后的变化未反映。",
        "Host data are the publishers' latest public releases; policy barriers are read as of "
        "the date stated, and later changes are not reflected.",
    ),
    "cav_full": Label(
        "完整报告（report.html / report.xlsx）包含全部排名、权重、决策矩阵、稳健性与方法比较。",
        "The full report (report.html / report.xlsx) holds every ranking, the weights, the "
        "decision matrix, the robustness analysis and the method comparison.",
    ),
}


def build_brief(result, options: ReportOptions | None = None) -> Report:
    """The brief of ``result``; built from the full report's model so that both say the same."""
    from dataclasses import replace

    from coopselect.clienttext import client_clean
    from coopselect.reports.certainty import METHOD_NAMES, method_agreement
    from coopselect.reports.content import build_report

    opts = options or ReportOptions(brief=True)
    full = build_report(result, replace(opts, brief=True, compare_methods=False))
    lg = opts.lang
    ctx = Ctx(result, lg)
    agree = method_agreement(ctx)
    best = list(result.best_mode_by_country().items())
    n_hosts = max(1, opts.top_pairs if opts.extra.get("top_given") else BRIEF_HOSTS)
    shown = best[:n_hosts]

    why = Section(
        "why",
        L["sec_why"](lg),
        paragraphs=[L["why_intro"](lg).format(n=len(shown), m=len(best))],
    )
    hosts: list[Section] = []
    for iso, pair in shown:
        hosts.append(
            Section(
                f"host-{iso}",
                L["host_title"](lg).format(
                    host=ctx.country(iso),
                    mode=ctx.name(pair.mode),
                    score=pair.score,
                    rank=pair.rank,
                    n=len(result.pairs),
                ),
                paragraphs=[host_text(ctx, iso, agree, gaps_at=L["gaps_at"](lg))],
                level=3,
            )
        )
    main = METHOD_NAMES.get(result.method, result.method)
    rows = []
    for iso, pair in best[: max(n_hosts, 10)]:
        by_method = agree.best_mode.get(iso, {})
        others = [
            f"{METHOD_NAMES.get(m, m)}: {ctx.name(mode)}"
            for m, mode in by_method.items()
            if mode != pair.mode
        ]
        agreeing = sum(1 for mode in by_method.values() if mode == pair.mode)
        rows.append(
            [
                ctx.country(iso),
                ctx.name(pair.mode),
                f"{agreeing}/{len(by_method)}",
                ("；" if lg == "zh" else "; ").join(others) or L["same"](lg),
            ]
        )
    certainty = Section(
        "certainty",
        L["sec_certainty"](lg),
        tables=[
            Table(
                "certainty",
                L["t_certainty"](lg),
                [
                    Column(L["host"](lg)),
                    Column(L["best_mode"](lg).format(method=main)),
                    Column(L["agree"](lg)),
                    Column(L["others"](lg)),
                ],
                rows,
            )
        ],
    )
    gaps = Section("gaps", L["sec_gaps"](lg))
    from coopselect.narrative import imputation_lines

    shown_iso = {iso for iso, _ in shown}
    every = [*result.scores.imputed, *result.features.imputed]
    imputed = [i for i in every if i.country in shown_iso]
    lines = [client_clean(x, lg) for x in imputation_lines(imputed, ctx.names, lg)]
    if not every:
        gaps.paragraphs.append(L["gaps_none"](lg))
    else:
        gaps.bullets = lines[:BRIEF_GAPS]
        if len(lines) > BRIEF_GAPS or len(imputed) < len(every):
            gaps.paragraphs.append(L["gaps_more"](lg).format(n=len(every)))
    caveats = Section(
        "caveats",
        L["sec_caveats"](lg),
        bullets=[L["cav_judgment"](lg), L["cav_data"](lg), L["cav_full"](lg)],
    )
    sources = full.section("sources")
    licence = [p for p in (sources.paragraphs if sources else []) if "NC-SA" in p]
    caveats.bullets += licence
    sections = [why, *hosts, certainty, gaps, caveats]
    title = f"{full.title}: {L['brief'](lg)}"
    return Report(
        lang=lg,
        case_id=full.case_id,
        title=title,
        subtitle=full.subtitle,
        summary=list(full.summary),
        sections=sections,
        charts={},
        stamp=full.stamp,
        document={},
        audit=full.audit,
        audit_doc=full.audit_doc,
        date=full.date,
        kind="brief",
    )
