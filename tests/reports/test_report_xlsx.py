"""The XLSX report, read back with openpyxl: sheets, numbers as numbers, styles, frozen panes,
colour scales, and no formula planted by a case file."""

from __future__ import annotations

import io

import pytest
import rp
from hostile_case import AT_SUM, HYPERLINK
from openpyxl import load_workbook


@pytest.fixture(scope="module")
def book(default_result):
    rep = rp.build_report(default_result, rp.ReportOptions(lang="en", samples=500))
    return rep, load_workbook(io.BytesIO(rp.render_xlsx(rep)))


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
    rep, wb = book
    assert wb.sheetnames == [s.sheet for s in rep.sections]
    assert wb.sheetnames[:3] == ["Summary", "Pairs", "Best"]
    assert {
        "Weights",
        "Matrix",
        "Robustness",
        "Methods",
        "References",
        "Provenance",
        "Stamp",
    } <= set(wb.sheetnames)


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
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    for bad in (HYPERLINK, AT_SUM, "-2+3"):
                        if cell.value.startswith(bad):
                            seen.add(bad)
                            assert cell.data_type == "s"
                            assert cell.quotePrefix, (ws.title, cell.coordinate)
                    assert not (cell.value.startswith("=") and not cell.quotePrefix)
    assert {HYPERLINK, AT_SUM, "-2+3"} <= seen
