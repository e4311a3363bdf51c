"""``coopselect compare``: several methods on one case or problem, side by side."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    REQUEST,
    WEIGHT_VALUES_OPTION,
    Format,
    FunnelCommand,
    LangOpt,
    ProgressBar,
    busy,
    case_options,
    console,
    emit_json,
    safe,
    write_notices,
)
from coopselect.i18n import Label, common
from coopselect.textsafety import csv_cell, markdown_text

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest

DEFAULT_METHODS = "topsis,vikor,promethee2,wsm,copras,spotis"

L = {
    "busy": Label("正在用各方法排序并比较……", "Ranking with each method and comparing..."),
    "title": Label("方法比较", "Method comparison"),
    "agreement": Label("排名一致性", "Agreement between rankings"),
    "pair": Label("方法对", "Methods"),
    "spearman": Label("Spearman ρ", "Spearman rho"),
    "weighted_spearman": Label("加权 Spearman r_w", "Weighted Spearman r_w"),
    "ws": Label("WS 相似系数", "WS similarity"),
    "kendall": Label("Kendall τ", "Kendall tau"),
    "dependent": Label(
        "排名随方法而变的方案（{n}/{m}）", "Alternatives whose rank depends on the method ({n}/{m})"
    ),
    "none_dependent": Label("所有方法给出相同排名。", "Every method gives the same ranking."),
    "lower": Label("得分越低越好", "lower score is better"),
    "na": Label("无定义", "n/a"),
}
COEFS = ("spearman", "weighted_spearman", "ws", "kendall")


def run_comparison(request: CaseRequest, methods: str, types, weight_values, lang: str):
    """(comparison, display labels, notices) for a case or a problem file."""
    from coopselect.services.compare import compare_methods

    run = compare_methods(request, methods, types=types, weight_values=weight_values)
    if run.case is None or run.problem is None:  # a problem file
        return run.comparison, list(run.alternatives), list(run.notices)
    from coopselect.io.data import reference
    from coopselect.narrative import column_names, override_lines

    case, problem = run.case, run.problem
    cty = reference.countries()
    labels = [
        f"{cty[iso].name(lang) if iso in cty else iso} × {case.catalog.get(mode).name(lang)}"
        for iso, mode in problem.pairs
    ]
    whatifs = override_lines(
        case,
        request.scenario,
        problem.features.overrides if problem.features else (),
        column_names(case, lang),
        lang,
    )
    return run.comparison, labels, tuple(f"what-if: {w}" for w in whatifs)


def _methods_epilog() -> str:
    from coopselect.methods.registry import method_help

    return "Methods (--methods NAME,NAME,...):\n\n\b\n" + method_help()


@case_options(case=None, method=False, ranking_before="fmt")
def compare_cmd(
    targets: list[str] = typer.Argument(
        None,
        help="A case (file or bundled id) or a problem file; default: the default case. "
        "Several cases: compare them side by side (scenario comparison).",
    ),
    methods: str = typer.Option(
        DEFAULT_METHODS, "--methods", help="Comma-separated methods to compare; listed below."
    ),
    types: str = typer.Option(None, "--types", help="CSV problem only: benefit,cost,..."),
    weight_values: str = WEIGHT_VALUES_OPTION,
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv | md"),
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
    scenarios: str = typer.Option(
        None,
        "--scenarios",
        help="Compare the case under several scenarios side by side, e.g. "
        "base,uzb_raw_ore_ban (base = the case as it is).",
    ),
) -> None:
    """Rank with several methods side by side and report how far the rankings agree; or,
    with several cases or --scenarios, show the rank shifts and each host's best mode across
    scenarios."""
    lg = lang.value
    targets = list(targets or [])
    if request.adhoc:
        if targets:
            request.with_case(targets[0]).source()  # refuses CASE with --countries
        requests = [request]
    else:
        requests = [request.with_case(t) for t in targets] or [request]
    if len(requests) > 1 or scenarios:
        _scenario_comparison(requests, scenarios, methods, fmt, lg)
        return
    with busy(L["busy"](lg)):
        comp, labels, notices = run_comparison(requests[0], methods, types, weight_values, lg)
    write_notices(notices, lg)
    if fmt is Format.json:
        doc = comp.to_dict()
        doc["labels"] = labels
        doc["method_dependent"] = [
            {**d, "label": labels[comp.alternatives.index(d["alternative"])]}
            for d in doc["method_dependent"]
        ]
        emit_json(doc)
        return
    first = comp.methods[0]
    order = comp.ranks(first).argsort(kind="stable")
    head = [common("alternative", lg), *comp.methods]
    rows = [[labels[i], *[int(comp.ranks(m)[i]) for m in comp.methods]] for i in order]
    k = len(comp.methods)
    pair_rows: list[list[Any]] = []
    for i in range(k):
        for j in range(i + 1, k):
            vals = [float(comp.agreement[c][i, j]) for c in COEFS]
            pair_rows.append([f"{comp.methods[i]} / {comp.methods[j]}", *vals])
    pair_head = [L["pair"](lg), *[L[c](lg) for c in COEFS]]

    def num(v: float) -> str:
        return L["na"](lg) if v != v else f"{v:.3f}"

    if fmt is Format.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow([csv_cell(h) for h in head])
        w.writerows([[csv_cell(v) for v in r] for r in rows])
        return
    dep_title = L["dependent"](lg).format(n=len(comp.method_dependent), m=len(labels))
    dependent = sorted(comp.method_dependent, key=lambda d: d[1][first])
    dep_lines = [
        f"{labels[comp.alternatives.index(a)]}: " + ", ".join(f"{m} {r}" for m, r in ranks.items())
        for a, ranks in dependent
    ]
    if fmt is Format.md:
        from coopselect.cli.cmd_rank import _markdown

        out = [f"## {L['title'](lg)}\n", _markdown(head, rows)]
        out += [f"\n## {L['agreement'](lg)}\n"]
        out += [_markdown(pair_head, [[r[0], *map(num, r[1:])] for r in pair_rows])]
        out += [f"\n## {dep_title}\n"]
        out += [f"- {markdown_text(line)}" for line in dep_lines] or [L["none_dependent"](lg)]
        sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
        return
    from rich.table import Table

    con = console()
    lower = [m for m in comp.methods if not comp.results[m].higher_is_better]
    title = L["title"](lg) + (f" ({safe(', '.join(lower))}: {L['lower'](lg)})" if lower else "")
    t = Table(title=title, title_justify="left")
    t.add_column(head[0])
    for h in head[1:]:
        t.add_column(safe(h), justify="right")
    for r in rows:
        ranks = r[1:]
        style = "" if len(set(ranks)) == 1 else "yellow"
        t.add_row(safe(r[0]), *[str(v) for v in ranks], style=style)
    con.print(t)
    a = Table(title=L["agreement"](lg), title_justify="left")
    a.add_column(pair_head[0])
    for h in pair_head[1:]:
        a.add_column(h, justify="right")
    for r in pair_rows:
        a.add_row(safe(r[0]), *map(num, r[1:]))
    con.print(a)
    if dep_lines:
        con.print(dep_title)
        for line in dep_lines:
            con.print(f"  {safe(line)}", highlight=False)
    else:
        con.print(L["none_dependent"](lg))
    from coopselect.messages import render

    for note in comp.notes:
        con.print(f"[dim]{safe(render(note, lg))}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("compare", cls=FunnelCommand, epilog=_methods_epilog())(compare_cmd)


S = {
    "title": Label("各情景下的排名", "Ranks under each scenario"),
    "best": Label("各国最佳模式", "Best mode per host"),
    "changed": Label("最佳模式改变", "best mode changes"),
    "moved": Label("排名变化的组合（{n}/{m}）", "Pairs whose rank moves ({n} of {m})"),
    "none_moved": Label("所有组合的排名不变。", "No pair changes rank."),
    "base": Label("基准", "base"),
    "shift": Label("变化", "shift"),
    "variants": Label("比较的情景", "Scenarios compared"),
    "as_is": Label("案例原样（无情景）", "the case as it is (no scenario)"),
    "verdict": Label("结论", "Verdict"),
    "best_short": Label("最佳模式", "Best mode"),
    "same": Label("最佳模式不变", "best mode unchanged"),
    "change": Label("在 {k} 下由 {a} 变为 {b}", "changes from {a} to {b} under {k}"),
}


def variant_title(res, lg: str, several_cases: bool) -> str:
    """A variant's title: the scenario's title (or "the case as it is"), after the case's title
    when several cases are compared."""
    sc = res.case.scenarios.get(res.scenario) if res.scenario else None
    title = sc.title(lg) if sc is not None else S["as_is"](lg)
    return f"{res.case.title(lg)}: {title}" if several_cases else title


def host_verdict(modes: list[str | None], names: dict[str, str], tags: list[str], lg: str) -> str:
    """One line per host: its best mode unchanged, or how it changes under which variant."""
    base = modes[0]
    changes = [(k, m) for k, m in enumerate(modes) if k and m != base]
    if not changes:
        return S["same"](lg)

    def name(m: str | None) -> str:
        return "-" if m is None else names.get(m, m)

    sep = "；" if lg == "zh" else "; "
    return sep.join(S["change"](lg).format(a=name(base), b=name(m), k=tags[k]) for k, m in changes)


def _variants(requests, scenarios, methods):
    """(label, RankResult) per variant: each case x each scenario (base = none)."""
    from dataclasses import replace

    names = [s.strip() for s in scenarios.split(",")] if scenarios else None
    method_list = [m.strip() for m in methods.split(",") if m.strip()]
    method = method_list[0] if len(method_list) == 1 else None
    requests = [replace(r, method=method) for r in requests]
    from coopselect.services.compare import scenario_variants

    bar = ProgressBar("compare")  # shown on a terminal once the work has taken a second
    try:
        return scenario_variants(requests, names, progress=bar)
    finally:
        bar.stop()


def _scenario_comparison(requests, scenarios, methods, fmt, lg) -> None:
    from coopselect.cli.cmd_rank import _markdown
    from coopselect.comparison.scenarios import compare_variants
    from coopselect.io.data import reference

    variants = _variants(requests, scenarios, methods)
    sc = compare_variants(variants)
    cty = reference.countries()
    modes = {}
    for _label, res in variants:
        modes.update({m.id: m.name(lg) for m in res.case.catalog.modes})

    def pair_label(p) -> str:
        return f"{cty[p[0]].name(lg)} × {modes.get(p[1], p[1])}"

    if fmt is Format.json:
        doc = sc.to_dict()
        doc["overrides"] = {label: [o.as_dict() for o in res.overrides] for label, res in variants}
        emit_json(doc)
        return
    changed = set(sc.changed_hosts())
    best_head = [common("country", lg), *sc.labels]
    best_rows = [
        [cty[h].name(lg) + (" *" if h in changed else ""), *[modes.get(m, "-") for m in ms]]
        for h, ms in sc.best_modes.items()
    ]
    moved = sc.moved_pairs()
    move_head = [common("alternative", lg)]
    for i, label in enumerate(sc.labels):
        move_head.append(label)
        if i:
            move_head.append(f"{S['shift'](lg)} ({label})")
    move_rows = []
    for p in moved:
        row: list[str | int] = [pair_label(p)]
        for v in range(len(sc.labels)):
            rank = sc.ranks[v].get(p)
            row.append("-" if rank is None else rank)
            if v:
                d = sc.shift(p, v)
                row.append("-" if d is None else f"{d:+d}")
        move_rows.append(row)
    moved_title = S["moved"](lg).format(n=len(moved), m=len(sc.pairs))
    if fmt is Format.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow([csv_cell(h) for h in move_head])
        w.writerows([[csv_cell(v) for v in r] for r in move_rows])
        return
    if fmt is Format.md:
        out = [f"## {S['best'](lg)} (* = {S['changed'](lg)})\n", _markdown(best_head, best_rows)]
        out += [f"\n## {moved_title}\n", _markdown(move_head, move_rows) if moved else ""]
        sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
        return
    from rich.markup import escape
    from rich.table import Table

    con = console()
    # Short tags in the column heads, the variants' full titles in a legend above the tables.
    tags = [f"({k})" for k in range(len(sc.labels))]
    several = len({id(res.case) for _l, res in variants}) > 1 and len(requests) > 1
    con.print(f"[bold]{S['variants'](lg)}[/]:")
    for tag, (label, res) in zip(tags, variants, strict=True):
        con.print(f"  {tag} {safe(variant_title(res, lg, several))} [dim]({safe(label)})[/]")
    t = Table(title=f"{S['best'](lg)} (* = {S['changed'](lg)})", title_justify="left")
    # Country, its best mode as it is, and one line saying whether and where that changes (the
    # best mode under every variant is in --format md/json).
    t.add_column(escape(str(best_head[0])), no_wrap=True)
    t.add_column(f"{S['best_short'](lg)} {tags[0]}", ratio=1)
    t.add_column(S["verdict"](lg), ratio=2)
    for r, ms in zip(best_rows, sc.best_modes.values(), strict=True):
        line = host_verdict(list(ms), modes, tags, lg)
        t.add_row(
            escape(str(r[0])),
            escape(str(r[1])),
            escape(line),
            style="yellow" if r[0].endswith(" *") else "",
        )
    con.print(t)
    if not moved:
        con.print(S["none_moved"](lg))
        return
    move_head = [move_head[0]]
    for i, tag in enumerate(tags):
        move_head.append(tag)
        if i:
            move_head.append(f"{S['shift'](lg)} {tag}")
    m = Table(title=moved_title, title_justify="left")
    for i, h in enumerate(move_head):
        m.add_column(escape(str(h)), justify="left" if i == 0 else "right")
    for r in move_rows:
        m.add_row(*[escape(str(v)) for v in r])
    con.print(m)
