"""Robustness parts: SMAA-2 rank acceptability, one-at-a-time weight sweeps, critical weights
(all from coopselect.sensitivity when it can be imported) and the method comparison."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from coopselect.i18n import common
from coopselect.reports.context import Ctx
from coopselect.reports.labels import t
from coopselect.reports.model import ChartSpec, Column, Section, Table
from coopselect.sensitivity import DEFAULT_CONCENTRATION as CONCENTRATION

ACCEPT_PAIRS = 12  # pairs in the acceptability table and heatmap
ACCEPT_RANKS = 10  # ranks shown
SWEEP_PAIRS = 5  # lines per sweep panel
# The leave-one-host-out check ranks the case once per host. Up to this many hosts it costs the
# report about a second; the global copper case (224 hosts) took 9 s more, past the 20 s a global
# report is held to (benchmarks/README.md), so larger cases get a pointer to the command instead.
REMOVALS_MAX_HOSTS = 40


@dataclass
class Robustness:
    section: Section
    charts: list[ChartSpec] = field(default_factory=list)
    doc: dict[str, Any] = field(default_factory=dict)
    verdict: str = ""
    stamp: str = ""


def robustness(ctx: Ctx, samples: int, seed: int) -> Robustness:
    lg = ctx.lang
    sec = Section("robust", t("sec_robust", lg), sheet=t("sh_robust", lg))
    out = Robustness(sec, stamp="-")
    if samples <= 0:
        sec.paragraphs.append(t("robust_skipped", lg))
        out.doc = {"available": False, "reason": "not run (0 samples)"}
        return out
    from coopselect.errors import CoopselectError

    res = ctx.result
    dm = res.problem.dm
    try:
        from coopselect.services.robustness import RobustnessSettings, robustness

        run = robustness(
            res,
            RobustnessSettings(
                samples=samples,
                seed=seed,
                concentration=CONCENTRATION,
                sweeps=tuple(dm.criteria),
                leave_host_out=3 <= len(res.best_mode_by_country()) <= REMOVALS_MAX_HOSTS,
            ),
        )
    except ImportError as err:
        msg = t("robust_unavailable", lg, why=str(err))
        sec.paragraphs.append(msg)
        out.doc = {"available": False, "reason": msg}
        return out
    except CoopselectError as err:
        msg = t("robust_failed", lg, why=str(err))
        sec.paragraphs.append(msg)
        out.doc = {"available": False, "reason": msg}
        return out
    smaa, sweeps = run.smaa, list(run.sweeps)
    lead, changes = run.leader, list(run.critical_weights)
    out.verdict = _verdict(ctx, smaa)
    from coopselect.reports.certainty import ROBUST_SHARE, Agreement, overall_lines

    shares = [float(v[0]) for v in smaa["rank_acceptability"].values() if v]
    if max(shares, default=0.0) < ROBUST_SHARE:
        # Spread-out first ranks (a global case): say that no pair is robustly first rather than
        # "X is first under 0 %" (the weights sentence of coopselect.reports.certainty).
        out.verdict = overall_lines(ctx, Agreement(), smaa)[0]
    out.stamp = f"{samples} (Dirichlet, concentration {CONCENTRATION:g}), seed {smaa['seed']}"
    sec.paragraphs += [
        out.verdict,
        t("smaa_how", lg, n=samples, k=f"{CONCENTRATION:g}", seed=smaa["seed"]),
    ]
    accept_table, accept_chart = _acceptability(ctx, smaa)
    sec.tables.append(accept_table)
    out.charts.append(accept_chart)
    sweep_table, sweep_chart, sweep_doc = _sweeps(ctx, sweeps)
    sec.paragraphs.append(t("sweep_how", lg))
    if not sweep_table.rows:
        sec.paragraphs.append(t("no_leader_change", lg))
    else:
        sec.tables.append(sweep_table)
    out.charts.append(sweep_chart)
    crit_table, crit_doc = _critical(ctx, lead, changes, run.most_sensitive, sec)
    sec.tables.append(crit_table)
    sec.charts += ["acceptability", "sweep"]
    out.doc = {
        "available": True,
        "verdict": out.verdict,
        "smaa": smaa,
        "sweeps": sweep_doc,
        "critical_weights": crit_doc,
        "host_removals": _removals(ctx, sec, run.host_removals),
    }
    return out


def _removals(ctx: Ctx, sec: Section, check) -> dict | None:
    """The leave-one-host-out check (coopselect.reversal, run by the robustness service for 3 to
    REMOVALS_MAX_HOSTS hosts) as a paragraph and a table."""
    lg = ctx.lang
    hosts = len(ctx.result.best_mode_by_country())
    if hosts < 3:
        sec.paragraphs.append(t("removals_few", lg))
        return None
    if hosts > REMOVALS_MAX_HOSTS:
        sec.paragraphs.append(t("removals_many", lg, k=hosts))
        return None
    sec.paragraphs.append(t("removals_how", lg))
    moved = sum(bool(r.flipped) for r in check.removals)
    if moved:
        best = {h for r in check.removals for h, _b, _a in r.best_mode_changed}
        comma = "、" if lg == "zh" else ", "
        names = comma.join(ctx.country(h) for h in check.hosts if h in best)
        then = t("removals_best", lg, best=names) if best else t("removals_same_best", lg)
        sep = "" if lg == "zh" else " "
        first = t("removals_unstable", lg, n=moved, k=len(check.removals))
        sec.paragraphs.append(first + sep + then)
    else:
        sec.paragraphs.append(t("removals_stable", lg))
    rows = [
        [
            ctx.country(r.removed),
            len(r.flipped),
            r.compared,
            "; ".join(
                f"{ctx.country(h)}: {ctx.name(b)} -> {ctx.name(a)}"
                for h, b, a in r.best_mode_changed
            )
            or "-",
        ]
        for r in check.removals
    ]
    sec.tables.append(
        Table(
            "host_removals",
            t("t_removals", lg, m=check.method),
            [
                Column(t("removed_host", lg)),
                Column(t("orders_flipped", lg), "int"),
                Column(t("orders_compared", lg), "int"),
                Column(t("best_changed", lg)),
            ],
            rows,
        )
    )
    return check.to_dict()


def _verdict(ctx: Ctx, smaa: dict) -> str:
    try:
        from coopselect.sensitivity.verdict import verdict
    except ImportError:
        first = max(smaa["rank_acceptability"].items(), key=lambda kv: kv[1][0])
        return f"{ctx.alt(first[0])}: {first[1][0]:.0%} ({smaa['samples']})"
    return str(verdict(smaa, ctx.alt, ctx.lang))


def _acceptability(ctx: Ctx, smaa: dict) -> tuple[Table, ChartSpec]:
    lg = ctx.lang
    ra = smaa["rank_acceptability"]
    hol = smaa["holistic_acceptability"]
    conf = smaa.get("confidence", {})
    current = {f"{p.country}:{p.mode}": p.rank for p in ctx.result.pairs}
    keys = sorted(ra, key=lambda k: (-float(hol.get(k, 0.0)), current.get(k, 10**9)))
    keys = keys[:ACCEPT_PAIRS]
    k = min(ACCEPT_RANKS, int(smaa["ranks"]))
    cols = [Column(t("pair", lg)), Column(t("current_rank", lg), "int")]
    cols += [Column(t("rank_n", lg, r=r), "pct") for r in range(1, k + 1)]
    cols += [Column(t("holistic", lg), "num"), Column(t("confidence", lg), "pct")]
    rows = [
        [ctx.alt(a), current.get(a), *[float(v) for v in ra[a][:k]], float(hol[a]), conf.get(a)]
        for a in keys
    ]
    table = Table("acceptability", t("t_accept", lg), cols, rows, scale=tuple(range(2, 2 + k)))
    chart = ChartSpec(
        "acceptability",
        t("c_accept", lg),
        "acceptability",
        {
            "rows": [ctx.alt(a) for a in keys],
            "cols": [str(r) for r in range(1, k + 1)],
            "values": [[float(v) for v in ra[a][:k]] for a in keys],
            "xlabel": t("ax_rank", lg),
            "legend": t("accept_legend", lg),
        },
    )
    return table, chart


def _sweeps(ctx: Ctx, sweeps) -> tuple[Table, ChartSpec, list[dict]]:
    lg = ctx.lang
    res = ctx.result
    dm = res.problem.dm
    top = [f"{p.country}:{p.mode}" for p in res.pairs[:SWEEP_PAIRS]]
    idx = [dm.alternatives.index(a) for a in top]
    rows = []
    panels = []
    doc = []
    for j, sw in enumerate(sweeps):
        for w, a, b in sw.changes:
            rows.append([ctx.name(sw.criterion), float(dm.weights[j]), w, ctx.alt(a), ctx.alt(b)])
        lines = [np.asarray(sw.scores)[:, i].tolist() for i in idx]
        panels.append(
            {
                "title": ctx.name(sw.criterion),
                "weight": float(dm.weights[j]),
                "lines": lines,
                "changes": [float(w) for w, _, _ in sw.changes],
            }
        )
        doc.append(
            {
                "column": sw.criterion,
                "weight": float(dm.weights[j]),
                "changes": [{"weight": w, "from": a, "to": b} for w, a, b in sw.changes],
                "scores_of_leading_pairs": {
                    a: [round(v, 6) for v in line] for a, line in zip(top, lines, strict=True)
                },
            }
        )
    table = Table(
        "sweeps",
        t("t_sweeps", lg),
        [
            Column(t("column", lg)),
            Column(t("weight_now", lg), "weight"),
            Column(t("changes_at", lg), "weight"),
            Column(t("leader_before", lg)),
            Column(t("leader_after", lg)),
        ],
        rows,
    )
    grid = np.asarray(sweeps[0].grid).tolist() if sweeps else []
    chart = ChartSpec(
        "sweep",
        t("c_sweep", lg),
        "sweep",
        {
            "grid": grid,
            "labels": [ctx.alt(a) for a in top],
            "panels": panels,
            "xlabel": t("ax_weight", lg),
            "ylabel": t("ax_score", lg),
        },
    )
    return table, chart, doc


def _critical(ctx: Ctx, lead, changes, worst, sec: Section) -> tuple[Table, list[dict]]:
    lg = ctx.lang
    swapping = sorted(
        (c for c in changes if c.new_weight is not None), key=lambda c: abs(c.absolute)
    )
    rows = [
        [ctx.alt(c.runner_up), ctx.name(c.criterion), c.weight, c.new_weight, c.relative]
        for c in swapping[:10]
    ]
    never = len(changes) - len(swapping)
    if worst is not None:
        sec.paragraphs.append(
            t(
                "most_sensitive",
                lg,
                crit=ctx.name(worst.criterion),
                w=worst.weight,
                nw=worst.new_weight,
                pair=ctx.alt(worst.runner_up),
            )
        )
    table = Table(
        "critical_weights",
        t("t_critical", lg, pair=ctx.alt(lead)),
        [
            Column(t("runner", lg)),
            Column(t("column", lg)),
            Column(t("weight_now", lg), "weight"),
            Column(t("swap_at", lg), "weight"),
            Column(t("rel_change", lg), "pct"),
        ],
        rows,
        note=t("never_swaps", lg, n=never) if never else "",
    )
    doc = [
        {
            "runner_up": c.runner_up,
            "column": c.criterion,
            "weight": c.weight,
            "swap_weight": c.new_weight,
            "relative_change": c.relative,
        }
        for c in changes
    ]
    return table, doc


# Methods a report compares with the case's own, in this order: one per family (distance to
# ideal, compromise, outranking, additive, proportional, reference point).
REPORT_METHODS = ("topsis", "vikor", "promethee2", "wsm", "copras", "spotis")
COEFS = ("spearman", "weighted_spearman", "ws", "kendall")


def method_comparison(ctx: Ctx, max_methods: int = 4) -> tuple[Section, dict]:
    lg = ctx.lang
    res = ctx.result
    sec = Section("methods", t("sec_methods", lg), sheet=t("sh_methods", lg))
    try:
        from coopselect.comparison import compare_methods
        from coopselect.methods import available_methods
    except ImportError as err:
        msg = t("methods_unavailable", lg, why=str(err))
        sec.paragraphs.append(msg)
        return sec, {"available": False, "reason": msg}
    known = available_methods()
    others = [m for m in REPORT_METHODS if m in known and m != res.method]
    methods = [res.method, *others][:max_methods]
    if len(methods) < 2:
        sec.paragraphs.append(t("methods_one", lg, m=res.method))
        return sec, {"available": False, "methods": methods}
    dm = res.problem.dm
    params = {m: res.problem.method_params(m) for m in methods}
    params[res.method] = dict(res.method_params)
    comp = compare_methods(dm, methods, params)
    ranks = {m: comp.ranks(m) for m in methods}
    scores = {m: np.asarray(comp.results[m].scores) for m in methods}
    order = np.argsort(ranks[res.method], kind="stable")
    alts = dm.alternatives
    cols = [Column(t("pair", lg))]
    for m in methods:
        label = m + (t("main_method", lg) if m == res.method else "")
        lower = "" if comp.results[m].higher_is_better else t("lower_better", lg)
        cols += [Column(f"{common('rank', lg)}: {label}", "int"), Column(f"{m}{lower}", "num")]
    rows = []
    for i in order:
        row: list = [ctx.alt(alts[i])]
        for m in methods:
            row += [int(ranks[m][i]), float(scores[m][i])]
        rows.append(row)
    agree_rows = []
    tops = {}
    for j, m in enumerate(methods):
        first = alts[int(np.argmin(ranks[m]))]
        tops[m] = first
        # None (an empty cell) where a coefficient is undefined; comp.notes says why.
        vals = [float(comp.agreement[c][0, j]) for c in COEFS]
        agree_rows.append([m, *[v if v == v else None for v in vals], ctx.alt(first)])
    sec.paragraphs.append(t("methods_how", lg, methods=", ".join(methods), main=res.method))
    if len(set(tops.values())) == 1:
        sec.paragraphs.append(t("methods_same_top", lg, pair=ctx.alt(tops[res.method])))
    else:
        items = "; ".join(f"{m}: {ctx.alt(a)}" for m, a in tops.items())
        sec.paragraphs.append(t("methods_diff_top", lg, items=items))
    sec.paragraphs.append(t("methods_dependent", lg, n=len(comp.method_dependent), m=len(alts)))
    from coopselect.citations import localise_note

    sec.paragraphs.extend(localise_note(n, lg) for n in comp.notes)
    sec.tables += [
        Table(
            "method_agreement",
            t("t_method_agree", lg),
            [
                Column(common("method", lg)),
                *[Column(t(c, lg), "num") for c in COEFS],
                Column(t("top_pair", lg)),
            ],
            agree_rows,
        ),
        Table("method_ranks", t("t_methods", lg), cols, rows),
    ]
    doc = {
        "available": True,
        "methods": methods,
        "ranks": {m: dict(zip(alts, ranks[m].tolist(), strict=True)) for m in methods},
        "scores": {m: dict(zip(alts, scores[m].tolist(), strict=True)) for m in methods},
        "higher_is_better": {m: comp.results[m].higher_is_better for m in methods},
        "agreement_with_main": {
            c: {m: r[1 + k] for m, r in zip(methods, agree_rows, strict=True)}
            for k, c in enumerate(COEFS)
        },
        "kendall_tau": {m: r[4] for m, r in zip(methods, agree_rows, strict=True)},
        "method_dependent": [a for a, _ in comp.method_dependent],
    }
    return sec, doc
