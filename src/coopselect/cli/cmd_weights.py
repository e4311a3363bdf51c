"""``coopselect weights PROBLEM --method entropy|critic|std|merec``: objective criterion weights."""

from __future__ import annotations

import sys

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    WEIGHT_VALUES_OPTION,
    Format,
    FunnelCommand,
    LangOpt,
    emit_json,
    write_notices,
)
from coopselect.i18n import Label, common

L = {
    "title": Label("客观权重（{m}）", "Objective weights ({m})"),
    "type": Label("类型", "Type"),
    "benefit": Label("效益型", "benefit"),
    "cost": Label("成本型", "cost"),
    "subjective": Label("主观权重（文件）", "Subjective (file)"),
    "objective": Label("客观权重", "Objective"),
    "combined": Label("组合权重", "Combined"),
    "rule": Label("组合规则：{r}", "Combination rule: {r}"),
}


def weights_cmd(
    problem: str = typer.Argument(..., help="Problem file: TOML, JSON, or CSV."),
    method: str = typer.Option("entropy", "--method", "-m", help="entropy | critic | std | merec"),
    combine: str = typer.Option(
        None,
        "--combine",
        help="Combine with the file's (subjective) weights: multiplicative | linear.",
    ),
    alpha: float = typer.Option(
        0.5, "--alpha", help="linear rule: alpha x subjective + (1 - alpha) x objective."
    ),
    types: str = typer.Option(None, "--types", help="CSV only: benefit,cost,..."),
    weight_values: str = WEIGHT_VALUES_OPTION,  # a CSV problem's subjective weights
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv | md"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Objective criterion weights of a decision matrix, optionally combined with the
    file's subjective weights."""
    from coopselect.errors import CoopselectError
    from coopselect.io.loaders.problem_loader import load_problem
    from coopselect.weighting import combine_weights, objective_weights

    prob = load_problem(problem, types, weight_values, weights_required=combine is not None)
    dm = prob.dm
    try:
        res = objective_weights(method.lower(), dm.matrix, dm.types)
        combined = (
            combine_weights(dm.weights, res.weights, rule=combine.lower(), alpha=alpha)
            if combine
            else None
        )
    except CoopselectError as err:
        from coopselect.mcda import _with_context

        raise _with_context(err, prob) from None
    lg = lang.value
    write_notices(prob.notices, lg)
    if fmt is Format.json:
        doc = {
            "method": res.method,
            "criteria": list(dm.criteria),
            "types": ["benefit" if t > 0 else "cost" for t in dm.types],
            "weights": res.weights,
        }
        if combined is not None:
            doc.update(
                {
                    "subjective": dm.weights,
                    "combination": {"rule": combine.lower(), "alpha": alpha}
                    if combine.lower() == "linear"
                    else {"rule": combine.lower()},
                    "combined": combined,
                }
            )
        doc["details"] = res.details
        from coopselect.messages import render

        doc["notes"] = [render(n, "en") for n in (*prob.notices, *res.notes)]
        emit_json(doc)
        return
    head = [common("criterion", lg), L["type"](lg), L["objective"](lg)]
    if combined is not None:
        head += [L["subjective"](lg), L["combined"](lg)]
    rows = []
    for j, name in enumerate(dm.criteria):
        row = [name, L["benefit" if dm.types[j] > 0 else "cost"](lg), f"{res.weights[j]:.4f}"]
        if combined is not None:
            row += [f"{dm.weights[j]:.4f}", f"{combined[j]:.4f}"]
        rows.append(row)
    if fmt is Format.csv:
        import csv

        from coopselect.textsafety import csv_cell

        w = csv.writer(sys.stdout)
        w.writerow(head)
        w.writerows([[csv_cell(v) for v in r] for r in rows])
        return
    if fmt is Format.md:
        from coopselect.cli.cmd_rank import _markdown

        sys.stdout.write(_markdown(head, rows))
        return
    from rich.table import Table

    from coopselect.cli.common import console, safe

    t = Table(title=safe(L["title"](lg).format(m=res.method)), title_justify="left")
    for i, h in enumerate(head):
        t.add_column(h, justify="left" if i < 2 else "right")
    for r in rows:
        t.add_row(*[safe(v) for v in r])
    con = console()
    con.print(t)
    if combine:
        rule = combine.lower() + (f", alpha = {alpha:g}" if combine.lower() == "linear" else "")
        con.print(safe(L["rule"](lg).format(r=rule)), highlight=False)
    from coopselect.messages import render

    for remark in res.notes:
        con.print(f"[dim]{safe(render(remark, lg))}[/]", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("weights", cls=FunnelCommand)(weights_cmd)
