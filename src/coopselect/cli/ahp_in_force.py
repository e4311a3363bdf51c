"""``coopselect ahp CASE|CRITERIA``: the judgment matrices in force, their CR, the worst judgment
and its consistent value (``--fix``), written back with ``--fix --write``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coopselect.cli.common import ViewFormat, console, emit_json, safe
from coopselect.errors import CoopselectError
from coopselect.i18n import Label

L = {
    "top": Label("准则判断矩阵（生效中）", "Criteria judgment matrix in force"),
    "sub": Label(
        "「{c}」下子准则判断矩阵（生效中）", "Sub-criteria of {c}: judgment matrix in force"
    ),
    "source": Label("判断来源", "Judgments from"),
    "weights": Label("权重", "Weight"),
    "cr": Label("一致性比率 CR", "Consistency ratio CR"),
    "ok": Label("可接受（≤ 0.10）", "acceptable (≤ 0.10)"),
    "bad": Label("不一致（> 0.10），请复核判断", "inconsistent (> 0.10): revisit the judgments"),
    "worst": Label(
        "最不一致的判断：{a} 对 {b} = {v}；与权重一致的值为 {s:.3f}，萨蒂标度最接近值 {k}",
        "Worst judgment: {a} vs {b} = {v}; the value agreeing with the weights is {s:.3f}, "
        "nearest on Saaty's scale {k}",
    ),
    "completed_mark": Label("补", "c"),
    "legend": Label(
        "标 * 的值未给出，由 Harker 1987 特征向量法补全：",
        "Values marked * were not given and are completed (Harker 1987 eigenvector completion):",
    ),
    "fix": Label(
        "建议：将 {a} 对 {b} 改为 {k}（coopselect ahp {file} --criterion {c} --fix --write "
        "写入文件，原文件备份为 .bak）",
        "Fix: set {a} vs {b} to {k} (coopselect ahp {file} --criterion {c} --fix --write "
        "writes it; the previous file is kept as .bak)",
    ),
    "nothing": Label(
        "所有判断矩阵一致性可以接受，无需修改。",
        "Every matrix is consistent enough: nothing to fix.",
    ),
    "written": Label(
        "已写入 {file}：{a} 对 {b} = {k}（原文件备份为 {bak}）",
        "Wrote {file}: {a} vs {b} = {k} (the previous file is kept as {bak})",
    ),
    "unused": Label(
        "注意：本案例的权重预设为 {p}，判断矩阵不参与排序。",
        "Note: the case's weights preset is {p}: these judgments are not used in the ranking.",
    ),
}


def _load(file: Path, kind: str):
    """The hierarchy in force and, for a case, the case."""
    if kind == "case":
        from coopselect.io.loaders.case_loader import load_case

        case = load_case(file)
        return case.hierarchy, case
    from coopselect.io.loaders.hierarchy_loader import load_hierarchy

    return load_hierarchy(file), None


def run_in_force(
    file: Path,
    kind: str,
    *,
    criterion: str | None,
    fix: bool,
    write: bool,
    fmt: ViewFormat,
    lang: str,
) -> None:
    from coopselect.ahp.in_force import hierarchy_in_force

    if write and not fix:
        raise CoopselectError(
            "--write writes the value --fix suggests.", place="--write", fix="add --fix."
        )
    if write and criterion is None:
        raise CoopselectError(
            "--fix --write changes one judgment: name its matrix.",
            place="--criterion",
            fix="add --criterion criteria (the top level) or --criterion ID.",
        )
    hierarchy, case = _load(file, kind)
    mats = hierarchy_in_force(hierarchy, criterion)
    if write:
        _write(file, kind, hierarchy, mats[0], lang)
        return
    if fmt is ViewFormat.json:
        out: dict[str, Any] = {"kind": kind, "file": str(file), "matrices": mats}
        if case is not None:
            out["weights_preset"] = case.weights_preset
            out["judgments_in_use"] = case.weights_preset == "ahp"
            out["judgments_basis"] = case.judgments_basis
        emit_json(out)
        return
    con = console()
    if case is not None:
        from coopselect.ahp.in_force import group_note
        from coopselect.messages import render

        group = group_note(case.judgments_basis, case.judgments_basis_zh)
        if group is not None and criterion in (None, "criteria"):
            con.print(safe(render(group, lang)), highlight=False)
    if case is not None and case.weights_preset != "ahp":
        con.print(f"[yellow]{L['unused'](lang).format(p=safe(case.weights_preset))}[/yellow]")
    for m in mats:
        _render(con, m, hierarchy, lang)
    if fix:
        _fixes(con, mats, file, lang)


def _name(m: dict, k: int, lang: str) -> str:
    return (m["names_zh"] if lang == "zh" else m["names_en"])[k]


def _by_id(m: dict, i: str, lang: str) -> str:
    return _name(m, m["ids"].index(i), lang)


def _render(con, m: dict, hierarchy, lang: str) -> None:
    from rich.table import Table

    from coopselect.ahp.in_force import completed_note, fraction_text

    if m["level"] == "criteria":
        title = L["top"](lang)
    else:
        c = hierarchy.criterion(m["criterion"]).name(lang)
        title = L["sub"](lang).format(c=c)
    t = Table(title=safe(title))
    t.add_column("")
    ids = m["ids"]
    for k in range(len(ids)):
        t.add_column(f"({k + 1})", justify="right")
    t.add_column(L["weights"](lang), justify="right")
    done = {(c["a"], c["b"]) for c in m["completed"]}
    done |= {(b, a) for a, b in done}
    for k, row in enumerate(m["matrix"]):
        cells = []
        for j, v in enumerate(row):
            text = fraction_text(v)
            cells.append(f"{text}*" if (ids[k], ids[j]) in done else text)
        t.add_row(f"({k + 1}) {safe(_name(m, k, lang))}", *cells, f"{m['weights'][k]:.3f}")
    con.print(t)
    if m["source"]:
        con.print(f"{L['source'](lang)}: {safe(m['source'])}", highlight=False)
    style = "green" if m["consistent"] else "bold red"
    verdict = L["ok" if m["consistent"] else "bad"](lang)
    con.print(f"{L['cr'](lang)} = {m['cr']:.3f}  [{style}]{verdict}[/{style}]")
    if m["completed"]:
        con.print(L["legend"](lang))
        for c in m["completed"]:
            a, b = _by_id(m, c["a"], lang), _by_id(m, c["b"], lang)
            con.print(f"  {safe(completed_note(a, b, c['value'], lang))}", highlight=False)
    w = m["worst"]
    if w is not None:
        con.print(
            safe(
                L["worst"](lang).format(
                    a=_by_id(m, w["a"], lang),
                    b=_by_id(m, w["b"], lang),
                    v=fraction_text(w["value"]),
                    s=w["suggested"],
                    k=w["suggested_saaty"],
                )
            ),
            highlight=False,
        )
    con.print()


def _fixes(con, mats: list[dict], file: Path, lang: str) -> None:
    bad = [m for m in mats if m["worst"] is not None]
    if not bad:
        con.print(L["nothing"](lang))
        return
    for m in bad:
        w = m["worst"]
        con.print(
            safe(
                L["fix"](lang).format(
                    a=w["file_a"],
                    b=w["file_b"],
                    k=w["file_suggested_saaty"],
                    file=file,
                    c=m["criterion"] or "criteria",
                )
            ),
            highlight=False,
        )


def _write(file: Path, kind: str, hierarchy, m: dict, lang: str) -> None:
    import sys

    from coopselect.io.loaders.judgment_fix import Fix, apply_fix

    w = m["worst"]
    if w is None:
        sys.stdout.write(L["nothing"](lang) + "\n")
        return
    fx = Fix(w["file_a"], w["file_b"], w["file_suggested_saaty"], m["criterion"])
    bak = apply_fix(file, fx, kind=kind, in_force=hierarchy.judgments)
    from coopselect.textsafety import one_line

    sys.stdout.write(
        one_line(L["written"](lang).format(file=file, a=fx.a, b=fx.b, k=fx.text, bak=bak)) + "\n"
    )
