"""``coopselect rankcorr X Y``: agreement between two rankings."""

from __future__ import annotations

import typer

from coopselect.cli.common import LANG_OPTION, Format, FunnelCommand, LangOpt, emit_json
from coopselect.i18n import Label

L = {
    "coef": Label("系数", "Coefficient"),
    "value": Label("数值", "Value"),
    "spearman": Label("Spearman ρ", "Spearman rho"),
    "weighted_spearman": Label("加权 Spearman r_w", "Weighted Spearman r_w"),
    "ws": Label("WS 相似系数（以 X 为参照）", "WS similarity (X as reference)"),
    "kendall": Label("Kendall τ-b", "Kendall tau-b"),
}


def _ranking(text: str, name: str) -> list[float]:
    from coopselect.errors import CoopselectError

    values = []
    for i, part in enumerate(text.split(","), start=1):
        try:
            values.append(float(part))
        except ValueError:
            raise CoopselectError(
                f"{part.strip()!r} is not a rank position.",
                place=f"{name}, item {i}",
                fix="give comma-separated positions, e.g. 1,3,2,4",
            ) from None
    return values


def rankcorr_cmd(
    x: str = typer.Argument(..., help="First ranking, e.g. 1,2,3,4 (the WS reference)."),
    y: str = typer.Argument(..., help="Second ranking, same alternatives in the same order."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json | csv | md"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """Spearman, weighted Spearman, WS similarity and Kendall tau of two rankings."""
    from coopselect.comparison import agreement

    values = agreement(_ranking(x, "X"), _ranking(y, "Y"))
    lg = lang.value
    if fmt is Format.json:
        emit_json(values)
        return
    rows = [[L[k](lg), f"{v:.4f}"] for k, v in values.items()]
    if fmt is Format.csv:
        import csv
        import sys

        w = csv.writer(sys.stdout)
        w.writerow(["coefficient", "value"])
        w.writerows([[k, repr(v)] for k, v in values.items()])
    elif fmt is Format.md:
        import sys

        from coopselect.cli.cmd_rank import _markdown

        sys.stdout.write(_markdown([L["coef"](lg), L["value"](lg)], rows))
    else:
        from rich.table import Table

        from coopselect.cli.common import console

        t = Table()
        t.add_column(L["coef"](lg))
        t.add_column(L["value"](lg), justify="right")
        for r in rows:
            t.add_row(*r)
        console().print(t)


def register(app: typer.Typer) -> None:
    app.command("rankcorr", cls=FunnelCommand)(rankcorr_cmd)
