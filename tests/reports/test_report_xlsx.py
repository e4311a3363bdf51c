"""The XLSX report, read back with openpyxl: sheets, numbers as numbers, styles, frozen panes,
colour scales, no formula planted by a case file, and the charts sheet: native Excel charts whose
series read the sheet's own cells, and heat maps as colour scales (no picture)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import rp
from hostile_case import AT_SUM, HYPERLINK
from openpyxl import load_workbook


@pytest.fixture(scope="module")
def rendered(default_result):
    rep = rp.build_report(default_result, rp.ReportOptions(lang="en", samples=500))
    return rep, rp.render_xlsx(rep)


@pytest.fixture(scope="module")
def book(rendered):
    rep, data = rendered
    return rep, load_workbook(io.BytesIO(data))


@pytest.fixture(scope="module")
def hostile_book(hostile_result):
    rep = rp.build_report(hostile_result, rp.ReportOptions(lang="en", samples=200))
    return load_workbook(io.BytesIO(rp.render_xlsx(rep)))


def find(ws, text):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell
    raise AssertionError(f"{text!r} not in sheet {ws.title}")


def test_one_sheet_per_part(book):
    from coopselect.reports.sheets import sheet_plan

    rep, wb = book
    names = [name for name, *_ in sheet_plan(rep)]
    live = names.index("Weights") + 1
    assert wb.sheetnames == [*names[:live], "Weights (live)", *names[live:], "Charts"]
    assert wb.sheetnames[:3] == ["Summary", "Pairs", "Best"]
    assert {
        "Weights",
        "Matrix",
        "Robustness",
        "Methods",
        "References",
    } <= set(wb.sheetnames)
    assert not {"Provenance", "Stamp"} & set(wb.sheetnames)  # audit only (provenance.md)


def test_numbers_are_numbers_with_formats(book):
    rep, wb = book
    ws = wb["Pairs"]
    head = find(ws, "Score")
    first = ws.cell(head.row + 1, head.column)
    assert isinstance(first.value, float)
    assert first.value == pytest.approx(rep.pairs_table.rows[0][5])
    assert first.number_format == "0.0000"
    rank = ws.cell(head.row + 1, 1)
    assert rank.value == 1 and rank.number_format == "0"
    weights = wb["Weights"]
    w = find(weights, "Weight (ahp)")
    assert isinstance(weights.cell(w.row + 1, w.column).value, float)
    robust = wb["Robustness"]
    r1 = find(robust, "Rank 1")
    cell = robust.cell(r1.row + 1, r1.column)
    assert isinstance(cell.value, float) and cell.number_format == "0.0%"


def test_header_style_freeze_and_widths(book):
    _, wb = book
    ws = wb["Pairs"]
    head = find(ws, "Score")
    assert head.font.b and head.fill.fgColor.rgb.endswith("1F5F8B")
    assert ws.freeze_panes == f"B{head.row + 1}"
    assert ws.column_dimensions["B"].width > 8
    assert head.font.name == rp.FONT


def test_colour_scale_on_scores(book):
    _, wb = book
    ranges = [str(r.sqref) for r in wb["Pairs"].conditional_formatting]
    assert any(r.startswith("F") for r in ranges)
    rules = [r for cf in wb["Pairs"].conditional_formatting for r in cf.rules]
    assert rules and rules[0].type == "colorScale"


def test_chinese_workbook_sheet_names(default_result):
    rep = rp.build_report(default_result, rp.ReportOptions(lang="zh", samples=0))
    wb = load_workbook(io.BytesIO(rp.render_xlsx(rep)))
    assert wb.sheetnames[:2] == ["结论", "组合排名"]
    assert find(wb["组合排名"], "哈萨克斯坦").data_type == "s"


def test_hostile_text_is_never_a_formula(hostile_book):
    seen = set()
    for ws in hostile_book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # only the live sheet's own score and rank formulas
                    assert ws.title == "Weights (live)", (ws.title, cell.coordinate)
                    assert re.fullmatch(r"=(SUMPRODUCT|RANK)\([$A-Z0-9:,/()]+", cell.value)
                    continue
                if isinstance(cell.value, str):
                    for bad in (HYPERLINK, AT_SUM, "-2+3"):
                        if cell.value.startswith(bad):
                            seen.add(bad)
                            assert cell.data_type == "s"
                            assert cell.quotePrefix, (ws.title, cell.coordinate)
                    assert not (cell.value.startswith("=") and not cell.quotePrefix)
    assert {HYPERLINK, AT_SUM, "-2+3"} <= seen


def chart_xml(data: bytes) -> list[str]:
    z = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(
        (n for n in z.namelist() if n.startswith("xl/charts/chart")),
        key=lambda n: int(re.sub(r"\D", "", n)),
    )
    return [z.read(n).decode("utf-8") for n in names]


def cells(ws, ref: str) -> list:
    """Values of a chart reference such as Charts!$M$5:$M$19 (one column or one row)."""
    rng = ref.split("!")[1].replace("$", "")
    if ":" not in rng:
        return [ws[rng].value]
    return [c.value for row in ws[rng] for c in row]


def test_charts_are_native_and_read_the_sheets_cells(rendered, book):
    rep, data = rendered
    _, wb = book
    ws = wb["Charts"]
    members = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [m for m in members if m.startswith("xl/media/")]  # no picture
    xml = chart_xml(data)
    sweep_panels = len(rep.charts["sweep"].data["panels"])
    # ranking, weights and contributions: one chart each; the sweep: one per column;
    # the two heat maps: colour-scaled tables, no chart.
    assert len(xml) == 3 + sweep_panels
    ranking = rep.charts["ranking"].data
    first = xml[0]
    assert "<c:barChart>" in first and '<c:barDir val="bar"/>' in first
    cats = re.search(r"<c:cat>.*?<c:f>(.*?)</c:f>", first, re.S).group(1)
    vals = re.search(r"<c:val>.*?<c:f>(.*?)</c:f>", first, re.S).group(1)
    assert cats.startswith("Charts!") and vals.startswith("Charts!")
    assert cells(ws, cats) == ranking["labels"]
    assert cells(ws, vals) == pytest.approx(ranking["values"])
    title = re.search(r"<c:title>.*?<c:f>(.*?)</c:f>", first, re.S).group(1)
    assert cells(ws, title) == [rep.charts["ranking"].title]
    sweep = rep.charts["sweep"].data
    line = xml[3]
    assert "<c:scatterChart>" in line
    ys = re.findall(r"<c:yVal>.*?<c:f>(.*?)</c:f>", line, re.S)
    assert len(ys) == len(sweep["labels"])
    assert cells(ws, ys[0]) == pytest.approx(sweep["panels"][0]["lines"][0])


def test_heat_maps_are_colour_scaled_tables(book):
    rep, wb = book
    ws = wb["Charts"]
    heat = rep.charts["heatmap"].data
    corner = find(ws, rep.charts["heatmap"].title)
    head = corner.row + 1
    assert [ws.cell(head, 2 + j).value for j in range(len(heat["cols"]))] == heat["cols"]
    assert ws.cell(head + 1, 1).value == heat["rows"][0]
    assert ws.cell(head + 1, 2).value == pytest.approx(heat["values"][0][0])
    scaled = {str(cf.sqref): cf.rules[0] for cf in ws.conditional_formatting}
    rng = f"B{head + 1}:{chr(ord('A') + len(heat['cols']))}{head + len(heat['rows'])}"
    assert scaled[rng].type == "colorScale"
    lo, hi = heat["range"]
    values = [float(v.val) for v in scaled[rng].colorScale.cfvo]
    assert values[0] == pytest.approx(lo) and values[-1] == pytest.approx(hi)
    accept = find(ws, rep.charts["acceptability"].title)
    assert any(str(r).startswith(f"B{accept.row + 2}:") for r in scaled)


def test_hostile_names_stay_out_of_chart_formulas(hostile_result):
    rep = rp.build_report(hostile_result, rp.ReportOptions(lang="en", samples=100))
    xml = "".join(chart_xml(rp.render_xlsx(rep)))
    formulas = re.findall(r"<c:f>(.*?)</c:f>", xml)
    ref = r"Charts!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?"
    assert formulas and all(re.fullmatch(ref, f) for f in formulas)


def _ranges(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    return range_boundaries(ref)  # min_col, min_row, max_col, max_row


def test_every_table_has_its_own_sheet_an_autofilter_and_a_frozen_header(book):
    from coopselect.reports.sheets import sheet_plan

    rep, wb = book
    plan = sheet_plan(rep)
    tables = [(name, tb) for name, _sec, tb, _text in plan if tb is not None]
    assert len(tables) == sum(len(s.tables) for s in rep.sections)  # one table per sheet
    assert len({name for name, _ in tables}) == len(tables)
    for name, tb in tables:
        ws = wb[name]
        labels = [c.label for c in tb.columns]
        header = next(
            row[0] for row in ws.iter_rows() if [c.value for c in row[: len(labels)]] == labels
        )
        min_col, min_row, max_col, max_row = _ranges(ws.auto_filter.ref)
        assert (min_col, min_row) == (1, header.row), name
        assert max_col == len(tb.columns) and max_row == header.row + len(tb.rows), name
        assert ws.freeze_panes == f"B{header.row + 1}", name
        # Every row of the table is in the workbook, not only the first DOC_ROWS.
        assert ws.cell(max_row, 1).value is not None or tb.rows[-1][0] is None


def _evaluate(ws, formula: str) -> float:
    """=SUMPRODUCT(W,R)/SUM(W) evaluated from the sheet's cells."""
    import re

    from openpyxl.utils.cell import range_boundaries

    def cells(ref: str) -> list[float]:
        c0, r0, c1, r1 = range_boundaries(ref.replace("$", ""))
        return [ws.cell(r, c).value for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    m = re.fullmatch(r"=SUMPRODUCT\(([$A-Z0-9:]+),([$A-Z0-9:]+)\)/SUM\(([$A-Z0-9:]+)\)", formula)
    assert m, formula
    w, r, w2 = cells(m.group(1)), cells(m.group(2)), cells(m.group(3))
    assert w == w2
    return sum(a * b for a, b in zip(w, r, strict=True)) / sum(w)


def test_weights_sheet_is_live_wsm(rendered, default_result):
    """Scores are Excel formulas over editable weights; evaluated, they equal the tool's WSM at
    the case weights, and after a weight is changed they equal WSM at the new weights (so the
    WSM ranking moves in Excel as it would in the tool)."""
    import numpy as np

    from coopselect.methods import run_method

    _rep, data = rendered
    wb = load_workbook(io.BytesIO(data))  # a copy of its own: this test edits a weight
    ws = wb["Weights (live)"]
    head = find(ws, "WSM score")
    rank_head = ws.cell(head.row, head.column + 1)
    assert rank_head.value == "WSM rank"
    assert "may differ" in str(ws.cell(2, 1).value)
    _col, min_row, max_col, _ = _ranges(ws.auto_filter.ref)
    assert (min_row, max_col) == (head.row, head.column + 1)
    assert ws.freeze_panes == f"B{head.row + 1}"
    dm = default_result.problem.dm
    params = default_result.problem.method_params("wsm")
    n = len(dm.alternatives)
    formulas = [ws.cell(head.row + 1 + i, head.column).value for i in range(n)]
    ranks = [ws.cell(head.row + 1 + i, head.column + 1).value for i in range(n)]
    assert all(f.startswith("=SUMPRODUCT(") for f in formulas)
    assert all(r.startswith("=RANK(") for r in ranks)
    want = run_method("wsm", dm.matrix, dm.weights, dm.types, **params).scores
    got = [_evaluate(ws, f) for f in formulas]
    assert np.allclose(got, want, atol=1e-9)
    # Move one weight: the sheet's scores follow WSM at the new weights.
    weights = np.asarray(dm.weights, float).copy()
    weights[-1] = weights[-1] + 2.0
    for j, w in enumerate(weights):
        ws.cell(5, 2 + j).value = float(w)
    moved = [_evaluate(ws, f) for f in formulas]
    want2 = run_method("wsm", dm.matrix, weights / weights.sum(), dm.types, **params).scores
    assert np.allclose(moved, want2, atol=1e-9)
    assert np.argsort(-np.asarray(moved)).tolist() != np.argsort(-np.asarray(got)).tolist()
