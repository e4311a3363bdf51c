"""The full report's part "Each host in words", and one host in words (the brief's paragraphs).

Both the full report (coopselect.reports.content) and the brief (coopselect.reports.brief) read
this module, so that neither imports the other.
"""

from __future__ import annotations

from coopselect.i18n import Label
from coopselect.reports.context import Ctx
from coopselect.reports.model import Column, Section, Table

# host_lines' pointer to the CLI's table below, and where the report has the same list.
# Where a report's host text points for the gaps filled (the explain table's pointer in the CLI).
GAPS_AT = {"en": " (see 'Imputed and excluded data')", "zh": "（见“缺失数据处理”）"}
# Hosts whose reason the full report's documents show (every host is in the XLSX).
HOSTS_IN_DOCUMENT = 20
L = {
    "t_hosts": Label(
        "各东道国：提供什么、受何阻碍、为何选此模式",
        "Each host: what it offers, what blocks it, why this mode",
    ),
    "hosts_intro": Label(
        "每个东道国一行：它在各准则上的强弱、生效的政策壁垒、最适合的模式与次优模式，以及五种方法"
        "（TOPSIS、VIKOR、PROMETHEE II、WSM、SPOTIS）各自为它选择的模式。",
        "One row per host: its strongest and weakest criteria, the policy barriers in force, its "
        "best and next-best mode, and the mode each of five methods (TOPSIS, VIKOR, PROMETHEE II, "
        "WSM, SPOTIS) chooses for it.",
    ),
    "why": Label("理由", "Why"),
    "score": Label("得分", "Score"),
    "host": Label("东道国", "Host"),
    "best_mode": Label("最佳模式（{method}）", "Best mode ({method})"),
    "agree": Label("同意的方法数", "Methods agreeing"),
}


def host_text(ctx: Ctx, iso: str, agree, *, detail: bool = True, gaps_at: str | None = None) -> str:
    """One host in words: the reason every output gives (narrative.host_reason: what it offers,
    the barriers and the modes they hold back, the gaps, its best mode), with ``detail`` the best
    pair's summary (explanation.summary_lines, after its first sentence), and which mode each
    method chooses (certainty.host_line). ``gaps_at`` names the report's part that lists the
    gaps (default: the full report's "Imputed and excluded data")."""
    from coopselect.clienttext import client_clean
    from coopselect.explanation import explain_host, summary_lines
    from coopselect.narrative import host_reason
    from coopselect.reports.certainty import host_line

    lg = ctx.lang
    where = GAPS_AT.get(lg, GAPS_AT["en"]) if gaps_at is None else gaps_at
    lines = [host_reason(ctx.result, iso, lg, ctx.names, gaps_at=where)]
    if detail:  # what moves the best pair (its first sentence, the pair's rank: the part's title)
        lines += summary_lines(explain_host(ctx.result, iso).best_mode, ctx.names, lg)[1:]
    lines.append(host_line(ctx, agree, iso))
    sep = "" if lg == "zh" else " "
    return client_clean(sep.join(x for x in lines if x), lg)


def hosts_section(ctx: Ctx, agree) -> Section:
    """The full report's part "Each host in words": one row per host, the reason second (so it
    is on screen without scrolling), every host (the documents show the first rows)."""
    from coopselect.reports.certainty import METHOD_NAMES
    from coopselect.reports.sections import spec

    lg = ctx.lang
    res = ctx.result
    main = METHOD_NAMES.get(res.method, res.method)
    rows = []
    for iso, pair in res.best_mode_by_country().items():
        by_method = agree.best_mode.get(iso, {})
        agreeing = sum(1 for mode in by_method.values() if mode == pair.mode)
        rows.append(
            [
                ctx.country(iso),
                host_text(ctx, iso, agree, detail=False),
                ctx.name(pair.mode),
                pair.score,
                f"{agreeing}/{len(by_method)}" if by_method else None,
            ]
        )
    table = Table(
        "hosts_in_words",
        L["t_hosts"](lg),
        [
            Column(L["host"](lg)),
            Column(L["why"](lg)),
            Column(L["best_mode"](lg).format(method=main)),
            Column(L["score"](lg), "num"),
            Column(L["agree"](lg)),
        ],
        rows,
        doc_rows=HOSTS_IN_DOCUMENT,
    )
    part = spec("hosts")  # its heading and sheet name: coopselect.reports.sections
    return Section(
        "hosts",
        part.title(lg),
        paragraphs=[L["hosts_intro"](lg)],
        tables=[table],
        sheet=part.sheet(lg),
    )
