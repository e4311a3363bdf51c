"""``coopselect sensitivity``: how much the case's ranking depends on the weights."""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

import typer

from coopselect.cli.common import (
    LANG_OPTION,
    REQUEST,
    FunnelCommand,
    LangOpt,
    ProgressBar,
    ViewFormat,
    busy,
    case_options,
    console,
    emit_json,
    safe,
)
from coopselect.i18n import Label
from coopselect.sensitivity import DEFAULT_CONCENTRATION, DEFAULT_SAMPLES

if TYPE_CHECKING:
    from coopselect.services.request import CaseRequest

L = {
    "busy_prepare": Label("正在读取案例并计算得分……", "Reading the case and scoring..."),
    "busy_weights": Label("正在寻找临界权重……", "Finding the critical weights..."),
    "busy_removals": Label(
        "正在逐一去掉东道国重新排序……", "Ranking again without each host in turn..."
    ),
    "title": Label("排名可接受度（SMAA-2）", "Rank acceptability (SMAA-2)"),
    "pair": Label("组合", "Pair"),
    "holistic": Label("综合可接受度", "Holistic"),
    "confidence": Label("置信度", "Confidence"),
    "rank_n": Label("第{r}名", "Rank {r}"),
    "sampler": Label("权重抽样", "Weight sampling"),
    "dirichlet": Label(
        "以案例权重为中心的狄利克雷分布，集中度 {k}",
        "Dirichlet centred on the case weights, concentration {k}",
    ),
    "uniform": Label("权重单纯形上的均匀分布", "uniform over the weight simplex"),
    "critical": Label("关键权重", "Critical weights"),
    "leader": Label("领先组合", "Leader"),
    "runner": Label("对手", "Runner-up"),
    "crit": Label("准则", "Criterion"),
    "now": Label("现权重", "Weight"),
    "swap": Label("交换位次的权重", "Swaps at"),
    "change": Label("相对变化", "Relative change"),
    "none": Label("不交换", "never"),
    "never_note": Label(
        "另有 {n} 个（对手, 准则）组合在 0 到 1 的权重范围内不交换位次。",
        "{n} more (runner-up, criterion) combinations never swap for any weight in [0, 1].",
    ),
    "most": Label("最敏感的准则", "Most sensitive criterion"),
    "sweep": Label("单准则权重扫描", "One-at-a-time sweep"),
    "changes_at": Label(
        "第一名在 {c} 权重为 {t:.4f} 时由 {a} 变为 {b}",
        "Leader changes at {c} weight {t:.4f}: {a} -> {b}",
    ),
    "no_change": Label("在 0 到 1 之间第一名不变", "The leader does not change between 0 and 1"),
    "loo": Label("逐一去掉一个东道国（{m}）", "Leaving one host out ({m})"),
    "loo_host": Label("去掉的东道国", "Host left out"),
    "loo_flipped": Label("其余组合中次序颠倒的对数", "Pair orders flipped among the rest"),
    "loo_best": Label("最佳模式改变", "Best mode changed"),
    "loo_stable": Label(
        "去掉任何一个东道国都不改变其余组合的次序。",
        "Leaving any one host out changes the order of no other two pairs.",
    ),
    "loo_unstable": Label(
        "{k} 个东道国中有 {n} 个，去掉其中一个就会改变其余组合的次序（秩逆转）："
        "该排名部分取决于参与比较的国家。",
        "For {n} of the {k} hosts, leaving that one host out changes the order of other pairs "
        "(rank reversal): the ranking depends in part on which hosts are compared.",
    ),
}

SHADES = " ░▒▓█"


@case_options(ranking_before="leave_host_out")
def sensitivity_cmd(
    case: str = typer.Argument(
        None, help="Case file or bundled case id (default case if omitted)."
    ),
    sweep_criterion: str = typer.Option(
        None,
        "--sweep",
        help="Sweep one column's weight from 0 to 1 (criterion or attribute id).",
    ),
    samples: int = typer.Option(DEFAULT_SAMPLES, "--samples", "-s", help="SMAA weight samples."),
    seed: int = typer.Option(None, "--seed", help="Random seed (reproducible runs)."),
    concentration: float = typer.Option(
        DEFAULT_CONCENTRATION,
        "--concentration",
        "-k",
        help="Dirichlet concentration around the case weights (larger = closer).",
    ),
    uniform: bool = typer.Option(False, "--uniform", help="Sample the whole weight simplex."),
    value_uncertainty: float = typer.Option(
        None,
        "--value-uncertainty",
        help="Also perturb every value by +/- this fraction (e.g. 0.1).",
    ),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Pairs and ranks to show."),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
    request: CaseRequest = REQUEST,  # the case option group (cli.common.case_options)
    leave_host_out: bool = typer.Option(
        False,
        "--leave-host-out",
        help="Also rank without each host in turn: pair orders and best modes that change "
        "(rank reversal).",
    ),
) -> None:
    """SMAA rank acceptability, critical weights and weight sweeps for a case; with
    --leave-host-out, what changes when one host leaves the comparison."""
    from coopselect.io.data import reference
    from coopselect.narrative import column_names
    from coopselect.sensitivity.verdict import verdict
    from coopselect.services.ranking import rank
    from coopselect.services.robustness import RobustnessSettings, robustness

    settings = RobustnessSettings(
        samples=samples,
        seed=seed,
        concentration=concentration,
        uniform=uniform,
        value_uncertainty=value_uncertainty,
        sweeps=(sweep_criterion,) if sweep_criterion else (),
        leave_host_out=leave_host_out,
    )
    settings.check()  # before the case is read
    lg = lang.value
    with busy(L["busy_prepare"](lg)):
        result = rank(request)
    c = result.case
    names = column_names(c, lg)
    cty = reference.countries()

    def label(alt: str) -> str:
        iso, mode = alt.split(":")
        return f"{cty[iso].name(lg)} × {names.get(mode, mode)}"

    phases = {"critical": "busy_weights", "removals": "busy_removals"}
    bar = ProgressBar("SMAA")
    try:
        out = robustness(
            result,
            settings,
            progress=bar,
            phase=lambda name: busy(L[phases[name]](lg)) if name in phases else nullcontext(),
        )
    finally:
        bar.stop()
    smaa, lead, changes = out.smaa, out.leader, list(out.critical_weights)
    worst = out.most_sensitive
    sw = out.sweeps[0] if out.sweeps else None
    words = verdict(smaa, label, lg)
    removals = out.host_removals
    if fmt is ViewFormat.json:
        dm = result.problem.dm
        doc = {
            "case": c.id,
            "method": result.method,
            "weights_preset": result.weights.preset,
            "scenario": result.scenario,
            "overrides": [o.as_dict() for o in result.overrides],
            **smaa,
            "verdict": words,
            "leader": lead,
            "critical_weights": [
                {
                    "runner_up": ch.runner_up,
                    "criterion": ch.criterion,
                    "weight": ch.weight,
                    "swap_weight": ch.new_weight,
                    "absolute_change": ch.absolute,
                    "relative_change": ch.relative,
                }
                for ch in changes
            ],
            "most_sensitive": None
            if worst is None
            else {
                "criterion": worst.criterion,
                "runner_up": worst.runner_up,
                "absolute_change": worst.absolute,
                "relative_change": worst.relative,
            },
        }
        if removals is not None:
            doc["host_removals"] = removals.to_dict()
        if sw is not None:
            doc["sweep"] = {
                "criterion": sw.criterion,
                "grid": sw.grid,
                "scores": {a: sw.scores[:, i] for i, a in enumerate(dm.alternatives)},
                "changes": [{"weight": t, "from": a, "to": b} for t, a, b in sw.changes],
            }
        emit_json(doc)
        return
    _print(smaa, changes, worst, lead, sw, words, label, names, lg, top, concentration, uniform)
    if removals is not None:
        _print_removals(removals, cty, names, lg)
    _print_whatifs(c, result.problem, result.scenario, names, lg)


def register(app: typer.Typer) -> None:
    app.command("sensitivity", cls=FunnelCommand)(sensitivity_cmd)


def _print_removals(check, cty, names, lg) -> None:
    from rich.table import Table

    def host(iso: str) -> str:
        return safe(cty[iso].name(lg) if iso in cty else iso)

    t = Table(title=L["loo"](lg).format(m=safe(check.method)), title_justify="left")
    t.add_column(L["loo_host"](lg))
    t.add_column(L["loo_flipped"](lg), justify="right")
    t.add_column(L["loo_best"](lg))
    for r in check.removals:
        best = "; ".join(
            f"{host(h)}: {safe(names.get(b, b))} -> {safe(names.get(a, a))}"
            for h, b, a in r.best_mode_changed
        )
        t.add_row(host(r.removed), f"{len(r.flipped)}/{r.compared}", best or "-")
    con = console()
    con.print(t)
    moved = sum(bool(r.flipped) for r in check.removals)
    if moved:
        con.print(L["loo_unstable"](lg).format(n=moved, k=len(check.removals)))
    else:
        con.print(L["loo_stable"](lg))


def _print(smaa, changes, worst, lead, sw, words, label, names, lg, top, conc, uniform) -> None:
    from rich.table import Table

    con = console()
    con.print(f"[bold]{safe(words)}[/]")
    how = L["uniform"](lg) if uniform else L["dirichlet"](lg).format(k=conc)
    con.print(f"{L['sampler'](lg)}: {how}; seed {smaa['seed']}; {smaa['path']}")
    ra = smaa["rank_acceptability"]
    leading = sorted(ra, key=lambda a: -smaa["holistic_acceptability"][a])[:top]
    k = min(top, smaa["ranks"], 6)
    t = Table(title=L["title"](lg), title_justify="left")
    t.add_column(L["pair"](lg))
    for r in range(1, k + 1):
        t.add_column(L["rank_n"](lg).format(r=r), justify="right")
    t.add_column(L["holistic"](lg), justify="right")
    t.add_column(L["confidence"](lg), justify="right")
    for a in leading:
        cells = []
        for v in ra[a][:k]:
            shade = SHADES[min(int(v * (len(SHADES) - 1) + 0.5), len(SHADES) - 1)]
            cells.append(f"{shade} {v:5.1%}")
        conf = smaa["confidence"].get(a)
        t.add_row(
            safe(label(a)),
            *cells,
            f"{smaa['holistic_acceptability'][a]:.3f}",
            "" if conf is None else f"{conf:.0%}",
        )
    con.print(t)
    c = Table(
        title=f"{L['critical'](lg)} — {L['leader'](lg)}: {safe(label(lead))}", title_justify="left"
    )
    for h in ("runner", "crit", "now", "swap", "change"):
        c.add_column(L[h](lg), justify="left" if h in ("runner", "crit") else "right")
    swapping = sorted(
        (ch for ch in changes if ch.new_weight is not None), key=lambda ch: abs(ch.absolute)
    )
    for ch in swapping[:top]:
        c.add_row(
            safe(label(ch.runner_up)),
            safe(names.get(ch.criterion, ch.criterion)),
            f"{ch.weight:.3f}",
            L["none"](lg) if ch.new_weight is None else f"{ch.new_weight:.3f}",
            "" if ch.relative is None else f"{ch.relative:+.0%}",
        )
    con.print(c)
    never = len(changes) - len(swapping)
    if never:
        con.print(f"[dim]{L['never_note'](lg).format(n=never)}[/]")
    if worst is not None:
        con.print(
            f"{L['most'](lg)}: {safe(names.get(worst.criterion, worst.criterion))} "
            f"({worst.weight:.3f} -> {worst.new_weight:.3f}, vs {safe(label(worst.runner_up))})"
        )
    if sw is not None:
        con.print(f"[bold]{L['sweep'](lg)}[/]: {safe(names.get(sw.criterion, sw.criterion))}")
        if not sw.changes:
            con.print(L["no_change"](lg))
        for t_, a, b in sw.changes:
            con.print(
                L["changes_at"](lg).format(
                    c=safe(names.get(sw.criterion, sw.criterion)),
                    t=t_,
                    a=safe(label(a)),
                    b=safe(label(b)),
                )
            )


def _print_whatifs(case, problem, scenario, names, lg) -> None:
    from rich.markup import escape

    from coopselect.narrative import override_lines, overrides_heading

    lines = override_lines(case, scenario, problem.features.overrides, names, lg)
    if lines:
        con = console()
        con.print(f"[bold]{overrides_heading(lg)}[/]:")
        for line in lines:
            con.print(f"  {escape(line)}")
