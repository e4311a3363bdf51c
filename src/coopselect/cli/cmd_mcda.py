"""``coopselect mcda``: rank the alternatives of any decision matrix."""

from __future__ import annotations

import sys

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    WEIGHT_VALUES_OPTION,
    Format,
    FunnelCommand,
    LangOpt,
    ProgressBar,
    emit_json,
    write_notices,
)
from coopselect.i18n import Label, common

L = {
    "title": Label("决策矩阵排名", "Decision matrix ranking"),
    "lower": Label("得分越低越好", "lower score is better"),
    "smaa": Label("SMAA-2 排名可接受度", "SMAA-2 rank acceptability"),
    "rank_n": Label("第{r}名", "Rank {r}"),
}


def mcda_cmd(
    problem: str = typer.Argument(..., help="Problem file: TOML, JSON, or CSV."),
    method: str = typer.Option(
        None, "--method", "-m", help="Method (overrides the file); listed below."
    ),
    normalization: str = typer.Option(None, "--normalization", help="Normalisation."),
    types: str = typer.Option(None, "--types", help="CSV only: benefit,cost,..."),
    weight_values: str = WEIGHT_VALUES_OPTION,
    smaa: int = typer.Option(None, "--smaa", help="Run SMAA-2 with N uniform weight samples."),
    seed: int = typer.Option(None, "--seed", help="SMAA random seed."),
    ranks: int = typer.Option(10, "--ranks", help="SMAA: ranks to report."),
    value_uncertainty: float = typer.Option(
        None, "--value-uncertainty", help="SMAA: perturb values by +/- this fraction."
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv | md"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Rank any decision matrix with a registered method (TOPSIS by default)."""
    from coopselect.io.loaders.problem_loader import load_problem
    from coopselect.mcda import solve

    prob = load_problem(problem, types, weight_values)
    dm = prob.dm
    lg = lang.value
    if smaa is not None:
        from coopselect.limits import smaa_request

        smaa_request(smaa, seed, what="--smaa")
        from coopselect.sensitivity.smaa import run_smaa

        name = (method or prob.method or "topsis").lower()
        params, extra = prob.params_for(name)
        if normalization:
            params["normalization"] = normalization
        write_notices((*prob.notices, *extra), lg)
        bar = ProgressBar("SMAA")
        try:
            out = run_smaa(
                dm,
                method=name,
                samples=smaa,
                seed=seed,
                ranks=ranks,
                weight_sampler="uniform",
                value_uncertainty=value_uncertainty,
                progress=bar,
                **params,
            )
        finally:
            bar.stop()
        if fmt is Format.json:
            emit_json(out)
        else:
            _print_smaa(out, lg)
        return
    solved = solve(prob, method, normalization=normalization)
    res, name = solved.result, solved.method
    write_notices(solved.notices, lg)
    if fmt is Format.json:
        emit_json(solved.to_dict())
        return
    order = res.ranks.argsort(kind="stable")
    headers = [common("rank", lg), common("alternative", lg), common("score", lg)]
    rows = [[int(res.ranks[i]), dm.alternatives[i], float(res.scores[i])] for i in order]
    if fmt is Format.csv:
        import csv

        from coopselect.textsafety import csv_cell

        w = csv.writer(sys.stdout)
        w.writerow(headers)
        w.writerows([[csv_cell(v) for v in r] for r in rows])
    elif fmt is Format.md:
        from coopselect.cli.cmd_rank import _markdown

        sys.stdout.write(_markdown(headers, [[r[0], r[1], f"{r[2]:.4f}"] for r in rows]))
    else:
        from rich.table import Table

        from coopselect.cli.common import console, safe

        title = f"{L['title'](lg)} ({safe(name)}" + (
            ")" if res.higher_is_better else f"; {L['lower'](lg)})"
        )
        t = Table(title=title, title_justify="left")
        for h in headers:
            t.add_column(h, justify="left" if h == headers[1] else "right")
        for r in rows:
            t.add_row(str(r[0]), safe(r[1]), f"{r[2]:.4f}")
        con = console()
        con.print(t)
        from coopselect.messages import render

        for note in res.notes:
            con.print(f"[dim]{safe(render(note, lg))}[/]")


def register(app: typer.Typer) -> None:
    from coopselect.methods.registry import method_help

    app.command(
        "mcda", cls=FunnelCommand, epilog="Methods (--method NAME):\n\n\b\n" + method_help()
    )(mcda_cmd)


def _print_smaa(out, lg: str) -> None:
    from rich.table import Table

    from coopselect.cli.common import console, safe

    ra = out["rank_acceptability"]
    k = out["ranks"]
    t = Table(title=f"{L['smaa'](lg)} ({out['samples']}, seed {out['seed']})", title_justify="left")
    t.add_column(common("alternative", lg))
    for r in range(1, k + 1):
        t.add_column(L["rank_n"](lg).format(r=r), justify="right")
    for a in sorted(ra, key=lambda a: -out["holistic_acceptability"][a]):
        t.add_row(safe(a), *[f"{v:.1%}" for v in ra[a]])
    console().print(t)
