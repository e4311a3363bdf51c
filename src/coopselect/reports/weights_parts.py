"""Report parts about weights and judgments, data sources, missing data and methodology."""

from __future__ import annotations

from coopselect.i18n import common, pick
from coopselect.messages import render
from coopselect.reports.context import Ctx
from coopselect.reports.labels import L, t
from coopselect.reports.methodology import analyst_judgments, method_paragraphs
from coopselect.reports.model import Column, Section, Table


def weights_section(ctx: Ctx) -> Section:
    from coopselect.scoring.weights import PRESETS

    lg = ctx.lang
    res = ctx.result
    cw = res.weights
    h = res.case.hierarchy
    show_ahp = cw.preset != "ahp"  # the AHP weights beside another preset's, for reference
    crit_rows = [
        [ctx.name(c), c, float(cw.weights[i])] + ([float(cw.top.weights[i])] if show_ahp else [])
        for i, c in enumerate(cw.criteria)
    ]
    crit_cols = [
        Column(common("criterion", lg)),
        Column("id"),
        Column(f"{common('weight', lg)} ({cw.preset})", "weight"),
    ]
    if show_ahp:
        crit_cols.append(Column(f"{common('weight', lg)} (AHP)", "weight"))
    crit = Table("criterion_weights", t("t_crit_weights", lg), crit_cols, crit_rows)
    local_rows = []
    for i, c in enumerate(cw.criteria):
        s = cw.local[c]
        for j, sid in enumerate(s.labels):
            lw = float(s.weights[j])
            local_rows.append([ctx.name(c), ctx.name(sid), sid, lw, lw * float(cw.weights[i])])
    local = Table(
        "local_weights",
        t("t_local", lg),
        [
            Column(common("criterion", lg)),
            Column(t("subcriterion", lg)),
            Column("id"),
            Column(t("local_weight", lg), "weight"),
            Column(t("global_weight", lg), "weight"),
        ],
        local_rows,
    )
    matrices = [(common("criterion", lg), cw.top)] + [
        (f"{t('subcriterion', lg)}: {ctx.name(c)}", cw.local[c]) for c in cw.criteria
    ]
    cons_rows = [
        [label, len(s.labels), float(s.lambda_max), float(s.cr), "✓" if s.consistent else "✗"]
        for label, s in matrices
        if len(s.labels) > 1
    ]
    cons = Table(
        "consistency",
        t("t_consistency", lg),
        [
            Column(t("matrix", lg)),
            Column(t("n_items", lg), "int"),
            Column(t("lambda_max", lg), "num"),
            Column(common("consistency_ratio", lg), "num"),
            Column("CR ≤ 0.10"),
        ],
        cons_rows,
    )
    judg_rows = []
    for label, s in matrices:
        for jd in s.judgments:
            text = jd.text or f"{jd.value:g}"
            judg_rows.append([label, ctx.name(jd.a), ctx.name(jd.b), text, jd.reason_in(lg)])
    judg = Table(
        "judgments",
        t("t_judgments", lg),
        [
            Column(t("matrix", lg)),
            Column(t("more_important", lg)),
            Column(t("than", lg)),
            Column(t("judgment", lg)),
            Column(t("reason", lg)),
        ],
        judg_rows,
    )
    paras = [f"{cw.preset}: {render(PRESETS.get(cw.preset, cw.preset), lg)}."]
    basis = res.case.judgments_basis_in(lg) or h.judgment_basis_in(lg)
    if basis:
        paras.append(f"{t('judgment_basis', lg)}: {basis.rstrip('.')}.")
    completed = [(label, s.completed) for label, s in matrices if s.completed]
    for label, items in completed:
        paras.append(f"{label}: {t('completed', lg, n=len(items))}")
    ma = res.case.mode_attributes
    if ma.share > 0:
        paras.append(t("attr_share", lg, share=ma.share, basis=ma.basis_in(lg) or "-"))
    return Section(
        "weights",
        t("sec_weights", lg),
        paragraphs=paras,
        tables=[crit, local, cons, judg],
        charts=["weights"],
        sheet=t("sh_weights", lg),
    )


def sources_section(ctx: Ctx, cited: list[str] | None = None) -> tuple[Section, list[dict]]:
    """References, data and licences (client-facing): which criteria set the ranking rests on,
    the articles cited (authors, year, title, journal) and the data used (publisher, dataset,
    release, year, licence). Where the files were read stays in ``provenance_section``."""
    from coopselect.citations import (
        article_reference,
        criteria_note,
        dataset,
        dataset_name,
        dataset_reference,
        licence_of,
    )
    from coopselect.reports.provenance import used_sources

    lg = ctx.lang
    srcs = used_sources(ctx.result)
    hierarchy = ctx.result.case.hierarchy
    sec = Section("sources", t("sec_sources", lg), sheet=t("sh_sources", lg))
    sec.paragraphs.append(criteria_note(hierarchy, lg, [s["dataset"] for s in srcs]))
    if any(s.get("dataset") == "epi" for s in srcs):
        sec.paragraphs.append(t("epi_licence", lg))
    articles = list(cited or [])
    for s in srcs:
        d = dataset(s["dataset"]) or {}
        for a in [d.get("article"), *d.get("also", [])]:
            if a and a not in articles:
                articles.append(a)
    sec.bullets += [f"{t('refs_articles', lg)}: {article_reference(a, lg)}" for a in articles]
    sec.bullets += [
        f"{t('refs_data', lg)}: {dataset_reference(s['dataset'], lg, s)}"
        for s in srcs
        if not (dataset(s["dataset"]) or {}).get("article")
    ]
    rows = []
    for s in srcs:
        d = dataset(s["dataset"]) or {}
        if d.get("article"):
            from coopselect.citations import short

            publisher: str | None = short(d["article"], lg)
            release, year = d.get("where_zh" if lg == "zh" else "where_en", ""), ""
        else:
            publisher = d.get("publisher_zh" if lg == "zh" else "publisher_en", s.get("publisher"))
            release = d.get("release_zh" if lg == "zh" and d.get("release_zh") else "release", "")
            year = str(d.get("year", s.get("year", "")))
        rows.append(
            [
                dataset_name(s["dataset"], lg) if d else s.get("title", ""),
                publisher or "",
                release,
                year,
                licence_of(s["dataset"], lg, s.get("licence", "")),
                pick(s.get("used_for", ""), s.get("used_for_zh", ""), lg),
            ]
        )
    sec.tables.append(
        Table(
            "sources",
            t("t_sources", lg),
            [
                Column(t("dataset", lg)),
                Column(common("publisher", lg)),
                Column(t("release", lg)),
                Column(common("year", lg)),
                Column(common("licence", lg)),
                Column(t("used_for", lg)),
            ],
            rows,
        )
    )
    return sec, srcs


def provenance_section(ctx: Ctx, srcs: list[dict]) -> Section:
    """Appendix: where each bundled data file was read (repository copies, commits), as in
    data/SOURCES.md, and the case file's own citation list, for audit."""
    lg = ctx.lang
    rows = [
        [
            f"data/{s.get('file', '')}",
            s.get("title", ""),
            s.get("publisher", ""),
            str(s.get("year", "")),
            s.get("licence", ""),
            s.get("origin", ""),
        ]
        for s in srcs
    ]
    table = Table(
        "provenance",
        t("t_provenance", lg),
        [
            Column(common("file", lg)),
            Column(common("source", lg)),
            Column(common("publisher", lg)),
            Column(common("year", lg)),
            Column(common("licence", lg)),
            Column(t("origin", lg)),
        ],
        rows,
    )
    sec = Section(
        "provenance",
        t("sec_provenance", lg),
        paragraphs=[t("provenance_note", lg)],
        tables=[table],
        sheet=t("sh_provenance", lg),
    )
    citations = ctx.result.case.citations_in(lg)
    if citations:
        sec.bullets += [f"{t('case_citations', lg)}: {c}" for c in citations]
    return sec


# Lines of grouped gaps in the missing-data part; every gap is in its table (and the XLSX).
GAP_LINES = 20


def missing_section(ctx: Ctx) -> Section:
    from coopselect.narrative import imputation_lines

    lg = ctx.lang
    sc = ctx.result.scores
    mp = ctx.result.case.missing
    sec = Section("missing", t("sec_missing", lg), sheet=t("sh_missing", lg))
    from coopselect.narrative import L as NL

    rule = NL.get(f"impute:{mp.rule}")
    usgs = NL.get(f"usgs_unlisted={mp.usgs_unlisted}")
    policy = f"policy_{mp.policy}"
    sec.paragraphs.append(
        t(
            "missing_policy",
            lg,
            policy=t(policy, lg) if policy in L else mp.policy,
            rule=rule(lg) if rule else (mp.rule or "-"),
            usgs=usgs(lg) if usgs else mp.usgs_unlisted,
        )
    )
    if not sc.imputed and not sc.excluded:
        sec.paragraphs.append(t("no_gaps", lg))
        return sec
    lines = imputation_lines(sc.imputed, ctx.names, lg)
    sec.bullets.extend(lines[:GAP_LINES])
    if len(lines) > GAP_LINES:  # a global case: one line per host would fill pages
        sec.bullets.append(t("gap_lines_more", lg, n=len(lines) - GAP_LINES))
    head = [
        Column(common("country", lg)),
        Column(t("iso3", lg)),
        Column(t("indicator", lg)),
        Column(t("rule", lg)),
        Column(t("fav", lg), "num"),
        Column(t("detail", lg)),
    ]

    def rows(items) -> list[list]:
        return [
            [
                ctx.country(i.country),
                i.country,
                ctx.name(i.indicator),
                NL[i.rule](lg) if i.rule in NL else i.rule,
                i.value,
                render(i.detail, lg),
            ]
            for i in items
        ]

    if sc.imputed:
        sec.tables.append(Table("imputed", t("t_imputed", lg), head, rows(sc.imputed)))
    if sc.excluded:
        sec.tables.append(Table("excluded", t("t_excluded", lg), head, rows(sc.excluded)))
        sec.bullets.append(
            f"{t('t_excluded', lg)}: {', '.join(sorted({e.country for e in sc.excluded}))}"
        )
    return sec


def methodology_section(ctx: Ctx) -> Section:
    lg = ctx.lang
    res = ctx.result
    case = res.case
    from coopselect.domain.features import BARRIERS, PROFILE_KEYS, PROFILE_LABELS, feature_label

    prof_rows = []
    for mid in case.modes:
        m = case.catalog.get(mid)
        row: list = [ctx.name(mid), mid]
        row += [float(m.p(k)) for k in PROFILE_KEYS]
        row += [float(m.h(b)) for b in BARRIERS]
        row.append(m.source_in(lg))
        prof_rows.append(row)
    prof_cols = [Column(common("mode", lg)), Column("id")]
    prof_cols += [Column(PROFILE_LABELS[k](lg), "g") for k in PROFILE_KEYS]
    prof_cols += [
        Column(f"{t('barrier_response', lg)}: {feature_label(b, lg)}", "g") for b in BARRIERS
    ]
    prof_cols.append(Column(common("source", lg)))
    attrs = list(case.catalog.attributes.values())
    attr_rows = [
        [ctx.name(mid), *[float(case.catalog.get(mid).intrinsic[a.id]) for a in attrs]]
        for mid in case.modes
    ]
    attr_cols = [Column(common("mode", lg))] + [
        Column(f"{a.name(lg)} ({t(a.direction, lg)})", "g") for a in attrs
    ]
    return Section(
        "method_notes",
        t("sec_method_notes", lg),
        paragraphs=method_paragraphs(ctx),
        bullets=analyst_judgments(ctx),
        tables=[
            Table("mode_profiles", t("t_mode_profiles", lg), prof_cols, prof_rows),
            Table("mode_attributes", t("t_mode_attrs", lg), attr_cols, attr_rows),
        ],
        sheet=t("sh_method_notes", lg),
    )
