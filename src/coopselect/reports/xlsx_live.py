"""The XLSX report's live weights sheet: a weighted sum (WSM) as Excel formulas.

The column weights stand in one editable row; every pair's score is
``=SUMPRODUCT(weights, its normalised row) / SUM(weights)`` and its rank ``=RANK(score, all
scores)``, so changing a weight in Excel re-ranks the pairs at once (weights need not sum to 1).
The normalised values are those of the tool's own WSM (max normalisation: benefit x / max, cost
1 - x / max), so at the case weights the sheet's scores equal ``coopselect rank --method wsm``.
A note says that the report's own method (e.g. TOPSIS) may rank differently.

    live_data(ctx) -> dict | None                           (plain data, in the report model)
    write_live_sheet(ws, data, fmt, text)                   (xlsxwriter)
"""

from __future__ import annotations

from typing import Any

from coopselect.i18n import Label

L = {
    "sheet": Label("权重试算（公式）", "Weights (live)"),
    "title": Label("权重试算：加权和（WSM）实时公式", "Try the weights: weighted sum (WSM), live"),
    "note": Label(
        "在黄色单元格中修改权重，Excel 会按加权和（WSM）重新计算每个组合的得分与名次"
        "（权重不必合计为 1）。归一化值为本工具 WSM 的最大值归一化"
        "（效益型 x/最大值，成本型 1 − x/最大值）。"
        "本报告的主方法为 {method}，其排名可能与此处的加权和不同。",
        "Change a weight in the yellow cells and Excel recalculates every pair's weighted-sum "
        "(WSM) score and rank (weights need not sum to 1). The normalised values are the tool's "
        "own WSM max normalisation (benefit x / max, cost 1 - x / max). The report's method is "
        "{method}; its ranking may differ from this weighted sum.",
    ),
    "weight": Label("权重", "Weight"),
    "pair": Label("组合", "Pair"),
    "score": Label("WSM 得分", "WSM score"),
    "rank": Label("WSM 名次", "WSM rank"),
    "direction": Label("方向", "Direction"),
    "benefit": Label("效益型", "benefit"),
    "cost": Label("成本型", "cost"),
}
HEADER_ROW = 6  # the table's header; weights at row 4, directions at row 3


def live_data(ctx) -> dict[str, Any] | None:
    """The sheet's data: the WSM's normalised matrix, the column weights and its scores."""
    from coopselect.errors import CoopselectError
    from coopselect.methods import available_methods, run_method
    from coopselect.reports.certainty import METHOD_NAMES

    res = ctx.result
    if "wsm" not in available_methods():
        return None
    dm = res.problem.dm
    params = res.problem.method_params("wsm")
    try:
        mr = run_method("wsm", dm.matrix, dm.weights, dm.types, **params)
    except CoopselectError:
        return None
    norm = mr.extras.get("normalized")
    if norm is None:
        return None
    lg = ctx.lang
    return {
        "sheet": L["sheet"](lg),
        "title": L["title"](lg),
        "note": L["note"](lg).format(method=METHOD_NAMES.get(res.method, res.method)),
        "labels": {k: L[k](lg) for k in ("weight", "pair", "score", "rank", "direction")},
        "columns": [ctx.name(c) for c in dm.criteria],
        "directions": [L["benefit" if v > 0 else "cost"](lg) for v in dm.types],
        "weights": [float(w) for w in dm.weights],
        "pairs": [ctx.alt(a) for a in dm.alternatives],
        "normalised": [[float(v) for v in row] for row in norm],
        "scores": [float(v) for v in mr.scores],
        "ranks": [int(v) for v in mr.ranks],
    }


def write_live_sheet(ws, data: dict[str, Any], fmt: dict, text) -> None:
    """Write the sheet: title, note, directions and editable weights, then one row per pair
    with its normalised values, the score formula and the rank formula."""
    from xlsxwriter.utility import xl_rowcol_to_cell

    wb_fmt = fmt
    lab = data["labels"]
    cols = data["columns"]
    m = len(cols)
    text(ws, 0, 0, data["title"], wb_fmt, "title")
    text(ws, 1, 0, data["note"], wb_fmt, "note")
    text(ws, 3, 0, lab["direction"], wb_fmt, "h")
    text(ws, 4, 0, lab["weight"], wb_fmt, "h")
    for j, (d, w) in enumerate(zip(data["directions"], data["weights"], strict=True)):
        text(ws, 3, 1 + j, d, wb_fmt, "text")
        ws.write_number(4, 1 + j, w, wb_fmt["input"])
    first_w = xl_rowcol_to_cell(4, 1, row_abs=True, col_abs=True)
    last_w = xl_rowcol_to_cell(4, m, row_abs=True, col_abs=True)
    text(ws, HEADER_ROW, 0, lab["pair"], wb_fmt, "h")
    for j, c in enumerate(cols):
        text(ws, HEADER_ROW, 1 + j, c, wb_fmt, "h")
    text(ws, HEADER_ROW, m + 1, lab["score"], wb_fmt, "h")
    text(ws, HEADER_ROW, m + 2, lab["rank"], wb_fmt, "h")
    n = len(data["pairs"])
    top = HEADER_ROW + 1
    bottom = HEADER_ROW + n
    score_col = m + 1
    scores_range = (
        f"{xl_rowcol_to_cell(top, score_col, row_abs=True, col_abs=True)}:"
        f"{xl_rowcol_to_cell(bottom, score_col, row_abs=True, col_abs=True)}"
    )
    for i, (pair, row) in enumerate(zip(data["pairs"], data["normalised"], strict=True)):
        r = top + i
        text(ws, r, 0, pair, wb_fmt, "text")
        for j, v in enumerate(row):
            ws.write_number(r, 1 + j, v, wb_fmt["num"])
        values = f"{xl_rowcol_to_cell(r, 1)}:{xl_rowcol_to_cell(r, m)}"
        # The cached values are the tool's own WSM scores and ranks (shown before recalculation).
        ws.write_formula(
            r,
            score_col,
            f"=SUMPRODUCT({first_w}:{last_w},{values})/SUM({first_w}:{last_w})",
            wb_fmt["num"],
            data["scores"][i],
        )
        ws.write_formula(
            r,
            score_col + 1,
            f"=RANK({xl_rowcol_to_cell(r, score_col)},{scores_range},0)",
            wb_fmt["int"],
            data["ranks"][i],
        )
    ws.autofilter(HEADER_ROW, 0, max(bottom, HEADER_ROW), m + 2)
    ws.freeze_panes(HEADER_ROW + 1, 1)
    ws.set_column(0, 0, 36)
    ws.set_column(1, m, 12)
    ws.set_column(m + 1, m + 2, 11)
