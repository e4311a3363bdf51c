"""Report parts about the ranking itself: pairs, best pairs, country scores, decision matrix and
the explanation of the leading pairs (with the data for their charts)."""

from __future__ import annotations

import numpy as np

from coopselect.i18n import common
from coopselect.reports.context import Ctx
from coopselect.reports.labels import t
from coopselect.reports.model import ChartSpec, Column, Section, Table

RANKING_CHART_PAIRS = 15


def pairs_table(ctx: Ctx) -> Table:
    lg = ctx.lang
    res = ctx.result
    cols = [
        Column(common("rank", lg), "int"),
        Column(common("country", lg)),
        Column(t("iso3", lg)),
        Column(common("mode", lg)),
        Column(t("mode_id", lg)),
        Column(common("score", lg), "num"),
    ]
    rows = [
        [p.rank, ctx.country(p.country), p.country, ctx.name(p.mode), p.mode, p.score]
        for p in res.pairs
    ]
    return Table(
        "pairs",
        t("t_pairs", lg),
        cols,
        rows,
        scale=(5,),
        scale_reversed=not res.higher_is_better,
    )


def pairs_section(ctx: Ctx) -> Section:
    return Section(
        "pairs",
        t("sec_pairs", ctx.lang),
        tables=[pairs_table(ctx)],
        charts=["ranking"],
        sheet=t("sh_pairs", ctx.lang),
    )


def best_section(ctx: Ctx) -> Section:
    lg = ctx.lang
    res = ctx.result
    head = [
        Column(common("country", lg)),
        Column(common("mode", lg)),
        Column(common("rank", lg), "int"),
        Column(common("score", lg), "num"),
    ]
    by_country = [
        [ctx.country(k), ctx.name(p.mode), p.rank, p.score]
        for k, p in res.best_mode_by_country().items()
    ]
    by_mode = [
        [ctx.name(m), ctx.country(p.country), p.rank, p.score]
        for m, p in res.best_country_by_mode().items()
    ]
    mode_head = [head[1], head[0], head[2], head[3]]
    country_rank = [[i + 1, ctx.country(k), k, s] for i, (k, s) in enumerate(res.country_ranking())]
    heat_rows, heat_cols = heatmap_data(ctx)
    heat = Table(
        "heatmap",
        t("t_heat", lg),
        [Column(common("country", lg))] + [Column(ctx.name(m), "num") for m in heat_cols],
        [[ctx.country(k), *vals] for k, vals in heat_rows],
        scale=tuple(range(1, len(heat_cols) + 1)),
        scale_reversed=not res.higher_is_better,
    )
    return Section(
        "best",
        t("sec_best", lg),
        tables=[
            Table("best_by_country", t("t_best_country", lg), head, by_country, scale=(3,)),
            Table("best_by_mode", t("t_best_mode", lg), mode_head, by_mode, scale=(3,)),
            Table(
                "country_ranking",
                t("t_country_rank", lg),
                [
                    Column(common("rank", lg), "int"),
                    Column(common("country", lg)),
                    Column(t("iso3", lg)),
                    Column(common("score", lg), "num"),
                ],
                country_rank,
                scale=(3,),
            ),
            heat,
        ],
        charts=["heatmap"],
        sheet=t("sh_best", lg),
    )


def heatmap_data(ctx: Ctx) -> tuple[list[tuple[str, list[float]]], list[str]]:
    """Countries (best first) x modes (case order) of pair scores."""
    res = ctx.result
    modes = list(res.case.modes)
    score = {(p.country, p.mode): p.score for p in res.pairs}
    # hosts with no known endowment last (they have pairs, but no best mode)
    countries = [*res.best_mode_by_country(), *res.no_known_endowment]
    return [(k, [score[(k, m)] for m in modes]) for k in countries], modes


def countries_section(ctx: Ctx) -> Section:
    lg = ctx.lang
    sc = ctx.result.scores
    h = ctx.result.case.hierarchy
    crit = Table(
        "criterion_scores",
        t("t_crit_scores", lg),
        [Column(common("country", lg)), Column(t("iso3", lg))]
        + [Column(ctx.name(c), "num") for c in sc.criteria],
        [[ctx.country(k), k, *sc.x[i].tolist()] for i, k in enumerate(sc.countries)],
        scale=tuple(range(2, 2 + len(sc.criteria))),
    )
    sub = Table(
        "subcriterion_scores",
        t("t_sub_scores", lg),
        [Column(common("country", lg))] + [Column(ctx.name(s), "num") for s in sc.subcriteria],
        [[ctx.country(k), *sc.sub_scores[i].tolist()] for i, k in enumerate(sc.countries)],
        scale=tuple(range(1, 1 + len(sc.subcriteria))),
    )
    meta_rows = []
    for iid in sc.indicators:
        ind = h.indicators[iid]
        sub_id = next((s.id for s in h.subcriteria.values() if iid in s.indicators), "")
        scale = ind.scale if isinstance(ind.scale, str) else f"{ind.scale[0]:g}-{ind.scale[1]:g}"
        meta_rows.append(
            [
                ctx.name(iid),
                iid,
                ctx.name(sub_id),
                ind.dataset,
                t(ind.direction, lg),
                scale,
                "" if ind.year is None else str(ind.year),
            ]
        )
    meta = Table(
        "indicators",
        t("indicator", lg),
        [
            Column(t("indicator", lg)),
            Column("id"),
            Column(t("subcriterion", lg)),
            Column(t("dataset", lg)),
            Column(t("direction", lg)),
            Column(t("scale", lg)),
            Column(common("year", lg)),
        ],
        meta_rows,
    )
    raw = Table(
        "indicator_raw",
        f"{t('t_indicators', lg)} — {t('raw', lg)}",
        [Column(common("country", lg))] + [Column(ctx.name(i), "num") for i in sc.indicators],
        [[ctx.country(k), *_nan_none(sc.raw[i])] for i, k in enumerate(sc.countries)],
    )
    fav = Table(
        "indicator_fav",
        f"{t('t_indicators', lg)} — {t('fav', lg)}",
        [Column(common("country", lg))] + [Column(ctx.name(i), "num") for i in sc.indicators],
        [[ctx.country(k), *_nan_none(sc.fav[i])] for i, k in enumerate(sc.countries)],
        scale=tuple(range(1, 1 + len(sc.indicators))),
    )
    return Section(
        "countries",
        t("sec_countries", lg),
        tables=[crit, sub, meta, raw, fav],
        sheet=t("sh_countries", lg),
    )


def _nan_none(row) -> list[float | None]:
    return [float(v) if np.isfinite(v) else None for v in np.asarray(row, float)]


def matrix_section(ctx: Ctx) -> Section:
    lg = ctx.lang
    res = ctx.result
    prob = res.problem
    dm = prob.dm
    norm, how = ctx.normalised
    raw_head = [Column(t("pair", lg)), Column("id")] + [
        Column(ctx.name(c), "num" if kind == "criterion" else "g")
        for c, kind in zip(prob.columns, prob.column_kind, strict=True)
    ]
    head = [Column(t("pair", lg)), Column("id")] + [
        Column(ctx.name(c), "num") for c in prob.columns
    ]

    def rows(m: np.ndarray) -> list[list]:
        return [
            [ctx.pair(k, mo), f"{k}:{mo}", *m[i].tolist()] for i, (k, mo) in enumerate(prob.pairs)
        ]

    colinfo = Table(
        "columns",
        t("t_col_weights", lg),
        [
            Column(t("column", lg)),
            Column("id"),
            Column(t("kind", lg)),
            Column(t("direction", lg)),
            Column(common("weight", lg), "weight"),
        ],
        [
            [
                ctx.name(c),
                c,
                t(f"kind_{prob.column_kind[j]}", lg),
                t("benefit" if dm.types[j] > 0 else "cost", lg),
                float(dm.weights[j]),
            ]
            for j, c in enumerate(prob.columns)
        ],
    )
    return Section(
        "matrix",
        t("sec_matrix", lg),
        tables=[
            colinfo,
            Table("matrix_raw", t("t_matrix_raw", lg), raw_head, rows(np.asarray(dm.matrix))),
            Table("matrix_normalised", t("t_matrix_norm", lg, how=how), head, rows(norm)),
        ],
        sheet=t("sh_matrix", lg),
    )


def explain_section(ctx: Ctx, top: int) -> tuple[Section, ChartSpec | None, list[dict]]:
    from coopselect.domain.features import PROFILE_LABELS, feature_label
    from coopselect.explanation import explain, model_lines, summary_lines

    lg = ctx.lang
    res = ctx.result
    sec = Section("explain", t("sec_explain", lg), sheet=t("sh_explain", lg))
    docs = []
    chart_pairs = []
    for p in res.pairs[: max(top, 0)]:
        ex = explain(res, p.country, p.mode)
        docs.append(ex.to_dict())
        label = ctx.pair(p.country, p.mode)
        sec.paragraphs.append(" ".join(summary_lines(ex, ctx.names, lg)))
        sec.paragraphs.append(" ".join(model_lines(ex, ctx.names, lg)))
        has_shares = any(c.share_d_plus is not None for c in ex.contributions)
        cols = [
            Column(t("column", lg)),
            Column(t("kind", lg)),
            Column(common("weight", lg), "weight"),
            Column(t("performance", lg), "num"),
            Column(t("host_feature", lg)),
            Column(t("mode_param", lg)),
            Column(t("weighted", lg), "num"),
            Column(t("gap", lg), "num"),
        ]
        if has_shares:
            cols += [Column(t("share_dplus", lg), "pct"), Column(t("share_dminus", lg), "pct")]
        cols.append(Column(t("reason", lg)))
        rows = []
        for c in ex.contributions:
            row = [
                ctx.name(c.column),
                t(f"kind_{c.kind}", lg),
                c.weight,
                c.performance,
                f"{feature_label(c.host_feature, lg)} {c.host_value:.3f}" if c.host_feature else "",
                f"{PROFILE_LABELS[c.mode_parameter](lg)} {c.mode_value:g}"
                if c.mode_parameter
                else "",
                c.weighted,
                c.gap,
            ]
            if has_shares:
                row += [c.share_d_plus, c.share_d_minus]
            row.append(c.reason_in(lg))
            rows.append(row)
        sec.tables.append(
            Table(f"explain_{p.rank}", t("t_contrib", lg, pair=label), cols, rows, scale=(6,))
        )
        chart_pairs.append({"label": label, "values": [c.weighted for c in ex.contributions]})
    chart = None
    if chart_pairs:
        chart = ChartSpec(
            "contributions",
            t("c_contrib", lg),
            "contributions",
            {
                "columns": [
                    ctx.name(c) + (f" ({t('cost', lg)})" if res.problem.dm.types[j] < 0 else "")
                    for j, c in enumerate(res.problem.columns)
                ],
                "pairs": chart_pairs,
                "xlabel": t("weighted", lg),
            },
        )
        sec.charts.append("contributions")
    return sec, chart, docs


def ranking_chart(ctx: Ctx) -> ChartSpec:
    res = ctx.result
    n = min(RANKING_CHART_PAIRS, len(res.pairs))
    top = res.pairs[:n]
    values = [p.score for p in top]
    title, xlabel = t("c_ranking", ctx.lang, n=n), t("ax_score", ctx.lang)
    if not res.higher_is_better:
        # Longer is better on every chart: a lower-is-better score (VIKOR's Q) is drawn as its
        # distance below a reference (1 for scores in [0, 1], else the worst score), so the
        # winner is the longest bar; the value labels keep the method's own score.
        every = [p.score for p in res.pairs]
        ref = 1.0 if min(every) >= 0 and max(every) <= 1 else max(every)
        values = [ref - v for v in values]
        title = t("c_ranking_lower", ctx.lang, n=n, ref=f"{ref:g}")
        xlabel = t("ax_score_lower", ctx.lang, ref=f"{ref:g}")
    return ChartSpec(
        "ranking",
        title,
        "bars",
        {
            "labels": [ctx.pair(p.country, p.mode) for p in top],
            "values": values,
            "texts": [f"{p.score:.3f}" for p in top],
            "xlabel": xlabel,
            "highlight": 1,
        },
    )


HEATMAP_CHART_HOSTS = 40  # the chart shows the hosts with the best pairs; the table shows all


def heatmap_chart(ctx: Ctx) -> ChartSpec:
    from coopselect.reports.formatting import scale_range

    rows, modes = heatmap_data(ctx)
    lo, hi = scale_range(v for _, vals in rows for v in vals)
    title = t("c_heatmap", ctx.lang)
    if len(rows) > HEATMAP_CHART_HOSTS:
        title += t("c_heatmap_first", ctx.lang, n=HEATMAP_CHART_HOSTS, m=len(rows))
        rows = rows[:HEATMAP_CHART_HOSTS]
    return ChartSpec(
        "heatmap",
        title,
        "heatmap",
        {
            "rows": [ctx.country(k) for k, _ in rows],
            "cols": [ctx.name(m) for m in modes],
            "values": [v for _, v in rows],
            "fmt": "{:.3f}",
            "reversed": not ctx.result.higher_is_better,
            "range": [lo, hi],
            "legend": t("heat_legend", ctx.lang, lo=f"{lo:g}", hi=f"{hi:g}"),
        },
    )


def weights_chart(ctx: Ctx) -> ChartSpec:
    res = ctx.result
    cw = res.column_weights
    return ChartSpec(
        "weights",
        t("c_weights", ctx.lang),
        "bars",
        {
            "labels": [ctx.name(c) for c in cw],
            "values": list(cw.values()),
            "xlabel": t("ax_weight", ctx.lang),
            "highlight": 0,
        },
    )
