"""``coopselect explain``: why a (country, mode) pair ranks where it does."""

from __future__ import annotations

import typer
from coopselect.cli.common import (
    COUNTRIES_OPTION,
    CRITERIA_OPTION,
    DATA_DIR_OPTION,
    LANG_OPTION,
    MINERALS_OPTION,
    SCENARIO_OPTION,
    SET_OPTION,
    Format,
    LangOpt,
    case_arg,
    emit_json,
    guarded,
)
from coopselect.i18n import Label, common

L = {
    "perf": Label("组合值", "Pair value"),
    "top": Label("第一名", "Top pair"),
    "gap": Label("加权差距", "Weighted gap"),
    "host": Label("东道国特征", "Host feature"),
    "param": Label("模式参数", "Mode parameter"),
    "dplus": Label("距正理想解占比", "Share of distance to ideal"),
    "attr": Label("模式属性（1-5）", "Mode attribute (1-5)"),
    "value_terms": Label("价值项", "Value terms"),
    "reason": Label("理由", "Reason"),
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
            None, "--weights", "-w", help="Weights preset: ahp | fraser | equal | custom."
        ),
        fmt: Format = typer.Option(Format.table, "--format", "-f", help="table | json"),
        lang: LangOpt = LANG_OPTION,
        settings: list[str] = SET_OPTION,
        scenario: str = SCENARIO_OPTION,
        criteria: str = CRITERIA_OPTION,
        countries: str = COUNTRIES_OPTION,
        minerals: str = MINERALS_OPTION,
        data_dir: str = DATA_DIR_OPTION,
    ) -> None:
        """Why a pair ranks where it does, in the model's terms: what the mode captures of the
        host's endowment, what barriers block or open, its exposure, beside the top pair."""
        from coopselect.errors import CoopselectError

        if len(args) not in (2, 3):
            raise CoopselectError(
                f"expected [CASE] COUNTRY MODE, got {len(args)} argument(s).",
                place="arguments",
                fix="e.g. coopselect explain KAZ joint_development",
            )
        case, country, mode = (None, *args) if len(args) == 2 else args
        from coopselect.cli.cmd_rank import column_names, print_whatifs
        from coopselect.explanation import explain, model_lines, summary_lines
        from coopselect.pipeline import rank

        result = rank(
            case_arg(case, countries, minerals, data_dir, criteria),
            method=method,
            weights=weights,
            settings=settings or (),
            scenario=scenario,
            criteria=criteria,
        )
        ex = explain(result, country.upper(), mode)
        lg = lang.value
        names = column_names(result.case, lg)
        if fmt is Format.json:
            doc = ex.to_dict()
            doc["summary"] = summary_lines(ex, names, lg)
            doc["model"] = model_lines(ex, names, lg)
            doc["scenario"] = result.scenario
            doc["overrides"] = [o.as_dict() for o in result.overrides]
            emit_json(doc)
            return
        from coopselect.domain.features import PROFILE_LABELS, feature_label
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        con = Console()
        for line in summary_lines(ex, names, lg):
            con.print(escape(line))
        con.print(f"[bold]{L['value_terms'](lg)}[/]:")
        for line in model_lines(ex, names, lg):
            con.print(f"  {escape(line)}")
        t = Table(title_justify="left")
        heads = (
            common("criterion", lg),
            common("weight", lg),
            L["host"](lg),
            L["param"](lg),
            L["perf"](lg),
            L["top"](lg),
            L["gap"](lg),
            L["dplus"](lg),
        )
        for h in heads:
            t.add_column(h, justify="left" if h in heads[:1] + heads[2:4] else "right")
        for c in ex.criteria():
            host = (
                f"{feature_label(c.host_feature, lg)} {c.host_value:.3f}" if c.host_feature else ""
            )
            param = (
                f"{PROFILE_LABELS[c.mode_parameter](lg)} {c.mode_value:g}"
                if c.mode_parameter
                else ""
            )
            t.add_row(
                escape(names.get(c.column, c.column)),
                f"{c.weight:.3f}",
                host,
                param,
                f"{c.performance:.3f}",
                f"{c.top_performance:.3f}",
                f"{c.gap:+.4f}",
                "" if c.share_d_plus is None else f"{c.share_d_plus:.0%}",
            )
        con.print(t)
        attrs = ex.attributes()
        if attrs:
            a = Table(title_justify="left")
            for i, h in enumerate(
                (L["attr"](lg), common("weight", lg), L["perf"](lg), L["top"](lg), L["gap"](lg))
            ):
                a.add_column(h, justify="left" if i == 0 else "right")
            for c in attrs:
                a.add_row(
                    escape(names.get(c.column, c.column)),
                    f"{c.weight:.3f}",
                    f"{c.performance:g}",
                    f"{c.top_performance:g}",
                    f"{c.gap:+.4f}",
                )
            con.print(a)
        con.print(f"[bold]{L['reason'](lg)}[/] ({escape(names.get(mode, mode))}):")
        for c in ex.contributions:
            if c.reason:
                con.print(f"  {escape(names.get(c.column, c.column))}: {escape(c.reason)}")
        print_whatifs(con, result, names, lg)
