"""``coopselect explain``: why a (country, mode) pair ranks where it does."""

from __future__ import annotations

import typer

from coopselect.cli.common import LANG_OPTION, Format, LangOpt, emit_json, guarded
from coopselect.i18n import Label, common

L = {
    "perf": Label("组合表现", "Pair performance"),
    "top": Label("第一名", "Top pair"),
    "gap": Label("加权差距", "Weighted gap"),
    "host": Label("东道国得分", "Host score"),
    "dep": Label("依赖度", "Dependence"),
    "dplus": Label("距正理想解占比", "Share of distance to ideal"),
    "reason": Label("理由", "Reason"),
    "risk": Label("风险", "risk"),
    "opportunity": Label("机会", "opportunity"),
}


def register(app: typer.Typer) -> None:
    @app.command("explain")
    @guarded
    def explain_cmd(
        args: list[str] = typer.Argument(
            ..., help="[CASE] COUNTRY MODE: case file or id (optional), ISO3 code, mode id."
        ),
        method: str = typer.Option(
            None, "--method", "-m", help="Ranking method (default: the case's)."
        ),
        weights: str = typer.Option(
            None, "--weights", "-w", help="Weights preset: ahp | fraser | equal."
        ),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
    ) -> None:
        """Each criterion's contribution to a pair's score beside the top pair's ("why here")."""
        from coopselect.errors import CoopselectError

        if len(args) not in (2, 3):
            raise CoopselectError(
                f"expected [CASE] COUNTRY MODE, got {len(args)} argument(s).",
                place="arguments",
                fix="e.g. coopselect explain KAZ joint_development",
            )
        case, country, mode = (None, *args) if len(args) == 2 else args
        from coopselect.cli.cmd_rank import column_names
        from coopselect.explanation import explain, summary_lines
        from coopselect.pipeline import rank

        result = rank(case, method=method, weights=weights)
        ex = explain(result, country.upper(), mode)
        lg = lang.value
        names = column_names(result.case, lg)
        if fmt is Format.json:
            doc = ex.to_dict()
            doc["summary"] = summary_lines(ex, names, lg)
            emit_json(doc)
            return
        from rich.console import Console
        from rich.table import Table

        con = Console()
        for line in summary_lines(ex, names, lg):
            con.print(line)
        t = Table(title_justify="left")
        for h in (
            common("criterion", lg),
            common("weight", lg),
            L["host"](lg),
            L["dep"](lg),
            L["perf"](lg),
            L["top"](lg),
            L["gap"](lg),
            L["dplus"](lg),
        ):
            t.add_column(h, justify="left" if h == common("criterion", lg) else "right")
        for c in ex.contributions:
            dep = "" if c.dependence is None else f"{c.dependence:.2f} {L[c.dependence_kind](lg)}"
            t.add_row(
                names.get(c.column, c.column),
                f"{c.weight:.3f}",
                "" if c.host_favourability is None else f"{c.host_favourability:.3f}",
                dep,
                f"{c.performance:.3f}",
                f"{c.top_performance:.3f}",
                f"{c.gap:+.4f}",
                "" if c.share_d_plus is None else f"{c.share_d_plus:.0%}",
            )
        con.print(t)
        con.print(f"[bold]{L['reason'](lg)}[/] ({names.get(mode, mode)}):")
        for c in ex.contributions:
            if c.reason:
                con.print(f"  {names.get(c.column, c.column)}: {c.reason}")
