"""The ``ahp`` command: priorities and consistency of a pairwise matrix, a group or a hierarchy.

numpy and the AHP engine are imported inside the command (start-up stays light).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from coopselect.cli.common import LANG_OPTION, FunnelCommand, LangOpt, ViewFormat, emit_json
from coopselect.errors import CoopselectError
from coopselect.i18n import Label, common


class Priority(StrEnum):
    eigen = "eigen"
    geomean = "geomean"
    approx = "approx"


class RiTable(StrEnum):
    saaty1980 = "saaty1980"
    saaty2005 = "saaty2005"
    donegan_dodd = "donegan-dodd"
    tummala_ling = "tummala-ling"
    alonso_lamata = "alonso-lamata"


class Aggregate(StrEnum):
    aij = "aij"
    aip = "aip"


L = {
    "matrix": Label("判断矩阵", "Pairwise matrix"),
    "aggregated": Label(
        "专家判断的加权几何平均（AIJ）", "Weighted geometric mean of the experts (AIJ)"
    ),
    "weights": Label("权重", "Weights"),
    "item": Label("要素", "Item"),
    "bar": Label("", ""),
    "method": Label("排序方法", "Priority method"),
    "eigen": Label("主特征向量", "principal eigenvector"),
    "geomean": Label("行几何平均", "row geometric mean"),
    "approx": Label("列归一化行平均（近似）", "column-normalised row average (approximate)"),
    "ri_table": Label("随机一致性指标表", "Random index table"),
    "consistent": Label("一致性可以接受（CR ≤ 0.10）", "consistent enough (CR ≤ 0.10)"),
    "inconsistent": Label(
        "不一致（CR > 0.10），请修改判断", "inconsistent (CR > 0.10): revise the judgments"
    ),
    "worst": Label("最不一致的判断", "Most inconsistent judgment"),
    "worst_text": Label(
        "{row} 对 {col} = {a} (ε = {eps:.3f})；与权重一致的值为 w_i/w_j = {s:.3f}，"
        "萨蒂标度最接近值 {k}",
        "{row} vs {col} = {a} (ε = {eps:.3f}); the value agreeing with the weights is "
        "w_i/w_j = {s:.3f}, nearest on Saaty's 1-9 scale: {k}",
    ),
    "completed": Label("补全的缺失判断", "Filled missing judgments"),
    "completed_how": Label(
        "（特征向量法：Harker 1987；其他：对数最小二乘 LLSM）",
        " (eigenvector: Harker 1987; other methods: LLSM)",
    ),
    "experts": Label("专家", "Experts"),
    "expert": Label("专家", "Expert"),
    "flag": Label("标记", "Flag"),
    "flag_bad": Label("CR > 0.10", "CR > 0.10"),
    "aggregate": Label("集结方式", "Aggregation"),
    "aij": Label("判断集结 AIJ（加权几何平均）", "AIJ (weighted geometric mean of judgments)"),
    "aip": Label("排序集结 AIP（加权算术平均）", "AIP (weighted arithmetic mean of priorities)"),
    "group_cr": Label("群体 CR（AIJ 矩阵）", "Group CR (AIJ matrix)"),
    "criteria": Label("准则权重", "Criteria weights"),
    "global": Label("总排序", "Global priorities"),
    "local": Label("各准则下的局部权重", "Local priorities under each criterion"),
    "warning": Label("提示", "Warning"),
}


def ahp_cmd(
    file: Path = typer.Argument(
        ...,
        help="TOML or JSON file: a matrix, [[experts]] or a "
        "hierarchy ([criteria] + [alternatives]).",
    ),
    priority: Priority = typer.Option(
        Priority.eigen, "--priority", "-p", help="eigen | geomean | approx"
    ),
    ri: RiTable = typer.Option(
        RiTable.saaty1980,
        "--ri",
        help="Random index table; above its last n the Alonso & Lamata (2006) formula.",
    ),
    aggregate: Aggregate = typer.Option(
        Aggregate.aij, "--aggregate", "-a", help="Groups: aij (judgments) | aip (priorities)."
    ),
    criterion: str | None = typer.Option(
        None,
        "--criterion",
        metavar="ID",
        help="Case or criteria file: only this matrix ('criteria' = the top level, or a "
        "criterion id for its sub-criteria); default all.",
    ),
    fix: bool = typer.Option(
        False,
        "--fix",
        help="Case or criteria file: print the consistent value of each inconsistent "
        "matrix's worst judgment (nearest on Saaty's scale).",
    ),
    write: bool = typer.Option(
        False,
        "--write",
        help="With --fix and one --criterion: write that value into the file (the previous "
        "file kept as FILE.bak; comments kept).",
    ),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f", help="table | json"),
    lang: LangOpt = LANG_OPTION,
) -> None:
    """AHP weights, consistency ratio and the worst judgment of a pairwise matrix file, or the
    judgment matrices in force in a case or criteria file."""
    if fmt not in (ViewFormat.table, ViewFormat.json):
        raise CoopselectError(
            f"format {fmt.value!r} is not available for ahp.",
            place="--format",
            fix="use --format table or --format json.",
        )
    from coopselect.ahp.io import parse_document, read_document
    from coopselect.ahp.report import analyse

    doc = read_document(file)
    kind = file_kind(doc)
    if kind != "ahp":
        from coopselect.cli.ahp_in_force import run_in_force

        run_in_force(
            file, kind, criterion=criterion, fix=fix, write=write, fmt=fmt, lang=lang.value
        )
        return
    for flag, given in (("--criterion", criterion is not None), ("--fix", fix or write)):
        if given:
            raise CoopselectError(
                f"{flag} applies to case and criteria files only.",
                file=str(file),
                place=flag,
                fix=f"leave {flag} out for a matrix file.",
            )
    data = parse_document(doc, file=str(file))
    out = analyse(
        data,
        method=priority.value,
        ri=ri.value,
        aggregate=aggregate.value,
        file=str(file),
    )
    if fmt is ViewFormat.json:
        emit_json(out)
        return
    _render(out, lang.value)


def register(app: typer.Typer) -> None:
    app.command("ahp", cls=FunnelCommand)(ahp_cmd)


def file_kind(doc: dict[str, Any]) -> str:
    """ "case", "criteria" (a criteria hierarchy file) or "ahp" (a matrix, group or hierarchy
    file of the ahp command), told apart by their keys."""
    if "countries" in doc or isinstance(doc.get("case"), dict):
        return "case"
    if "hierarchy" in doc or isinstance(doc.get("criteria"), list) or "subjudgments" in doc:
        return "criteria"
    return "ahp"


def _fmt_judgment(v: float | None) -> str:
    if v is None:
        return "?"
    for k in range(1, 10):
        if abs(v - k) < 1e-9:
            return str(k)
        if abs(v - 1.0 / k) < 1e-9:
            return f"1/{k}"
    return f"{v:.3g}"


def _bar(w: float, top: float, width: int = 30) -> str:
    n = 0 if top <= 0 else round(width * w / top)
    return "█" * n


def _render(out: dict[str, Any], lg: str) -> None:
    from rich.table import Table

    from coopselect.cli.common import console, safe

    con = console()
    labels = out["labels"]
    kind = out["kind"]
    title = L["aggregated" if kind == "group" else "matrix"](lg)
    mat = out["aggregated_matrix"] if kind == "group" else out["matrix"]
    t = Table(title=title)
    t.add_column("")
    for k in range(len(labels)):
        t.add_column(f"({k + 1})", justify="right")
    for k, (lab, row) in enumerate(zip(labels, mat, strict=True), start=1):
        t.add_row(f"({k}) {safe(lab)}", *[_fmt_judgment(v) for v in row])
    con.print(t)

    weights = out["weights"]
    title = L["criteria" if kind == "hierarchy" else "weights"](lg)
    _weights_table(con, title, labels, weights, lg)

    verdict = L["consistent" if out["consistent"] else "inconsistent"](lg)
    style = "green" if out["consistent"] else "bold red"
    con.print(
        f"{L['method'](lg)}: {L[out['priority_method']](lg)}   "
        f"λmax = {out['lambda_max']:.3f}   CI = {out['ci']:.3f}   "
        f"RI = {out['ri']:.2f} ({L['ri_table'](lg)} {out['ri_table']})"
    )
    label = L["group_cr"](lg) if kind == "group" else common("consistency_ratio", lg)
    con.print(f"{label} = {out['cr']:.3f}  [{style}]{verdict}[/{style}]")
    worst = out["most_inconsistent"]
    if worst:
        con.print(
            f"{L['worst'](lg)}: "
            + L["worst_text"](lg).format(
                row=safe(worst["row"]),
                col=safe(worst["col"]),
                a=_fmt_judgment(worst["a_ij"]),
                eps=worst["epsilon"],
                s=worst["suggested"],
                k=worst["suggested_saaty"],
            )
        )
    if out["completed"]:
        con.print(f"{L['completed'](lg)}{L['completed_how'](lg)}:")
        for f in out["completed"]:
            con.print(f"  {safe(f['row'])} / {safe(f['col'])} = {f['value']:.3f}")

    if kind == "group":
        con.print(f"{L['aggregate'](lg)}: {L[out['aggregate']](lg)}")
        et = Table(title=L["experts"](lg))
        et.add_column(L["expert"](lg))
        et.add_column(common("weight", lg), justify="right")
        for k in range(len(labels)):
            et.add_column(f"({k + 1})", justify="right")
        et.add_column("CR", justify="right")
        et.add_column(L["flag"](lg))
        for e in out["experts"]:
            et.add_row(
                safe(e["name"]),
                f"{e['weight']:.3f}",
                *[f"{w:.3f}" for w in e["weights"]],
                f"{e['cr']:.3f}",
                "" if e["consistent"] else f"[red]{L['flag_bad'](lg)}[/red]",
            )
        con.print(et)

    if kind == "hierarchy":
        lt = Table(title=L["local"](lg))
        lt.add_column(common("criterion", lg))
        lt.add_column(common("weight", lg), justify="right")
        for a in out["alternatives"]:
            lt.add_column(safe(a), justify="right")
        lt.add_column("CR", justify="right")
        for c, w in zip(labels, weights, strict=True):
            loc = out["local"][c]
            lt.add_row(
                safe(c), f"{w:.3f}", *[f"{v:.3f}" for v in loc["weights"]], f"{loc['cr']:.3f}"
            )
        con.print(lt)
        gt = Table(title=L["global"](lg))
        gt.add_column(common("rank", lg), justify="right")
        gt.add_column(common("alternative", lg))
        gt.add_column(common("score", lg), justify="right")
        gt.add_column("")
        top = max(out["global_weights"])
        order = sorted(range(len(out["alternatives"])), key=lambda k: out["ranks"][k])
        for k in order:
            g = out["global_weights"][k]
            gt.add_row(str(out["ranks"][k]), safe(out["alternatives"][k]), f"{g:.3f}", _bar(g, top))
        con.print(gt)

    for w in out.get("warnings", []):
        con.print(f"[yellow]{L['warning'](lg)}:[/yellow] {safe(w)}", highlight=False)


def _weights_table(con, title: str, labels, weights, lg: str) -> None:
    from rich.table import Table

    from coopselect.cli.common import safe

    t = Table(title=title)
    t.add_column(L["item"](lg))
    t.add_column(common("weight", lg), justify="right")
    t.add_column("")
    top = max(weights)
    for lab, w in zip(labels, weights, strict=True):
        t.add_row(safe(lab), f"{w:.3f}", _bar(w, top))
    con.print(t)
