"""``coopselect explain``: why a (country, mode) pair ranks where it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    REQUEST,
    FunnelCommand,
    LangOpt,
    ViewFormat,
    case_options,
    console,
    emit_json,
)
from coopselect.clienttext import client_clean
from coopselect.i18n import Label, common

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest

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


@case_options(case=None, ranking_before="fmt")
def explain_cmd(
    args: list[str] = typer.Argument(
        ...,
        help="[CASE] COUNTRY [MODE]: case file or id (optional), ISO3 code, mode id. "
        "Without a mode: the host as a whole.",
    ),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
) -> None:
    """Why a pair ranks where it does, in the model's terms: what the mode captures of the
    host's endowment, what barriers block or open, its exposure, beside the top pair. With a
    country and no mode: why the host stands where it does and which mode suits it."""
    case, country, mode = split_args(args)
    from coopselect.cli.cmd_rank import print_whatifs
    from coopselect.explanation import model_lines, summary_lines
    from coopselect.narrative import column_names
    from coopselect.services.ranking import explain, rank

    result = rank(request.with_case(case))
    lg = lang.value
    if mode is None:
        _host(result, country.upper(), fmt, lg)
        return
    ex = explain(result, country, mode)
    names = column_names(result.case, lg)
    firmly = _host_agreement(result, country.upper(), names, lg)
    if fmt is ViewFormat.json:
        doc = ex.to_dict()
        doc["summary"] = summary_lines(ex, names, lg)
        if firmly is not None:
            doc["host_agreement"] = {**firmly[0].to_dict(), "text": firmly[1]}
        doc["model"] = model_lines(ex, names, lg)
        doc["scenario"] = result.scenario
        doc["overrides"] = [o.as_dict() for o in result.overrides]
        emit_json(doc)
        return
    from rich.markup import escape
    from rich.table import Table

    from coopselect.domain.features import PROFILE_LABELS, feature_label

    con = console()
    for line in summary_lines(ex, names, lg):
        con.print(escape(line))
    if firmly is not None:
        con.print(escape(firmly[1]))
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
        host = f"{feature_label(c.host_feature, lg)} {c.host_value:.3f}" if c.host_feature else ""
        param = (
            f"{PROFILE_LABELS[c.mode_parameter](lg)} {c.mode_value:g}" if c.mode_parameter else ""
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
            why = client_clean(c.reason_in(lg), lg)
            con.print(f"  {escape(names.get(c.column, c.column))}: {escape(why)}")
    print_whatifs(con, result, names, lg)


def register(app: typer.Typer) -> None:
    app.command("explain", cls=FunnelCommand)(explain_cmd)


def _is_case_ref(word: str) -> bool:
    """A case file (an existing path or a .toml name) or a bundled case id."""
    from pathlib import Path

    from coopselect.paths import cases_dir

    return (
        word.lower().endswith(".toml")
        or "/" in word
        or Path(word).is_file()
        or (cases_dir() / f"{word}.toml").is_file()
    )


def split_args(args: list[str]) -> tuple[str | None, str, str | None]:
    """[CASE] COUNTRY [MODE] -> (case, country, mode). Two words are CASE COUNTRY when the first
    names a case file or a bundled case, otherwise COUNTRY MODE."""
    from coopselect.errors import CoopselectError

    if len(args) == 1:
        if _is_case_ref(args[0]):
            raise CoopselectError(
                f"{args[0]!r} is a case; a country is missing.",
                place="arguments",
                fix=f"e.g. coopselect explain {args[0]} KAZ (the host) or add a mode id.",
            )
        return None, args[0], None
    if len(args) == 2:
        if _is_case_ref(args[0]):
            return args[0], args[1], None
        return None, args[0], args[1]
    if len(args) == 3:
        return args[0], args[1], args[2]
    raise CoopselectError(
        f"expected [CASE] COUNTRY [MODE], got {len(args)} arguments.",
        place="arguments",
        fix="e.g. coopselect explain KAZ joint_development, or coopselect explain central_asia UZB",
    )


H = {
    "criterion": Label("准则", "Criterion"),
    "host": Label("本国", "This host"),
    "best": Label("最佳候选国", "Best candidate"),
    "mean": Label("候选国平均", "Candidate average"),
    "feature": Label("东道国特征", "Host feature"),
    "modes": Label("本国各模式", "Modes in this host"),
    "imputed": Label("已填补的缺口", "Gaps filled"),
    "why_best": Label("最佳模式的价值项", "The best mode's value terms"),
}


def _host(result, country: str, fmt: ViewFormat, lg: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from coopselect.cli.cmd_rank import print_whatifs
    from coopselect.domain.features import HOST_FEATURES, feature_label
    from coopselect.explanation import host_lines, model_lines
    from coopselect.io.data import reference
    from coopselect.narrative import column_names
    from coopselect.services.ranking import explain

    hx = explain(result, country)
    names = column_names(result.case, lg)
    firmly = _host_agreement(result, country, names, lg)
    if fmt is ViewFormat.json:
        doc = hx.to_dict()
        doc["summary"] = host_lines(hx, names, lg)
        if firmly is not None:
            doc["host_agreement"] = {**firmly[0].to_dict(), "text": firmly[1]}
        doc["best_mode_model"] = (
            [] if hx.no_known_endowment else model_lines(hx.best_mode, names, lg)
        )
        doc["scenario"] = result.scenario
        doc["overrides"] = [o.as_dict() for o in result.overrides]
        emit_json(doc)
        return
    cty = reference.countries()
    con = console()
    for line in host_lines(hx, names, lg):
        con.print(escape(line))
    if firmly is not None:
        con.print(escape(firmly[1]))
    t = Table(title_justify="left")
    for i, h in enumerate(("criterion", "host", "best", "mean")):
        t.add_column(H[h](lg), justify="left" if i == 0 else "right")
    for c in hx.criteria:
        best = f"{hx.best_scores[c]:.3f} ({escape(cty[hx.best_host[c]].name(lg))})"
        t.add_row(escape(names.get(c, c)), f"{hx.scores[c]:.3f}", best, f"{hx.mean_scores[c]:.3f}")
    con.print(t)
    f = Table(title_justify="left")
    for i, h in enumerate(("feature", "host", "mean")):
        f.add_column(H[h](lg), justify="left" if i == 0 else "right")
    for name in HOST_FEATURES:
        f.add_row(
            feature_label(name, lg), f"{hx.features[name]:.3f}", f"{hx.mean_features[name]:.3f}"
        )
    con.print(f)
    m = Table(title=H["modes"](lg), title_justify="left")
    for i, h in enumerate((common("mode", lg), common("rank", lg), common("score", lg))):
        m.add_column(h, justify="left" if i == 0 else "right")
    for mode, rank_, score in hx.modes:
        m.add_row(escape(names.get(mode, mode)), str(rank_), f"{score:.4f}")
    con.print(m)
    if not hx.no_known_endowment:
        con.print(f"[bold]{H['why_best'](lg)}[/] ({escape(names.get(hx.best_mode.mode, ''))}):")
        for line in model_lines(hx.best_mode, names, lg):
            con.print(f"  {escape(line)}")
    if hx.imputed:
        from coopselect.narrative import imputation_lines

        con.print(f"[bold]{H['imputed'](lg)}[/]:")
        for line in imputation_lines(hx.imputed, names, lg):
            con.print(f"  {escape(line)}")
    print_whatifs(con, result, names, lg)


def _host_agreement(result, country: str, names: dict[str, str], lang: str):
    """(HostAgreement, its sentence) of the host's best mode across the main methods and
    weights, or None for a host with no best mode (no known endowment)."""
    from coopselect.agreement import agreement, host_sentence
    from coopselect.io.data import reference

    ag = agreement(result)
    ha = ag.hosts.get(country)
    if ha is None:
        return None
    cty = reference.countries()
    text = host_sentence(
        ha, lambda m: names.get(m, m), lambda c: cty[c].name(lang) if c in cty else c, lang
    )
    return ha, text
