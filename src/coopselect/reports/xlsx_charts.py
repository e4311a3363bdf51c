"""The charts sheet of the XLSX report: native Excel charts drawn over the sheet's own data, and
heat maps as colour-scaled tables (conditional formatting), so no picture is embedded.

The spreadsheet application draws them with the viewer's fonts (a Chinese label needs no font on
the machine that writes the report), and a consultant can restyle, resize or copy them like any
chart of their own. Each chart's numbers are written beside it (from ``DATA_COL`` on), and every
name a chart shows (title, series, categories) is a reference to a cell of this sheet: text from
a case file never becomes part of a chart formula.
"""

from __future__ import annotations

import math
from typing import Any

from coopselect.reports.model import ChartSpec
from coopselect.reports.xlsx import FONT

DATA_COL = 12  # charts in columns A-L, their data from column M
ROW_PX = 20  # default row height in pixels
CHART_W = 760  # pixels: about 12 default columns
PANEL_W, PANEL_H = 380, 250  # one weight-sweep panel; two per row
PANELS_PER_ROW = 2
PALETTE = ("#1F5F8B", "#E07B39", "#3A9E5C", "#B8423C", "#7A5AA6", "#8C6D46", "#D36FB0")
# Colour scales of the heat maps, light to dark (matplotlib's YlGn and Blues in the SVG charts).
HEAT_COLOURS = ("#FFFFE5", "#ADDD8E", "#238443")
ACCEPT_COLOURS = ("#F7FBFF", "#6BAED6")


class _Sheet:
    """The charts worksheet with its name and formats, and helpers that write cells."""

    def __init__(self, wb, ws, name: str, fmt: dict, text) -> None:
        self.wb, self.ws, self.name, self.fmt, self._text = wb, ws, name, fmt, text

    def text(self, row: int, col: int, value: str, style: str = "text") -> None:
        self._text(self.ws, row, col, value, self.fmt, style)

    def number(self, row: int, col: int, value: Any, style: str) -> None:
        if isinstance(value, int | float) and math.isfinite(value):
            self.ws.write_number(row, col, float(value), self.fmt[style])
        else:  # a gap stays a gap
            self.ws.write_blank(row, col, None)

    def ref(self, row: int, col: int, last_row: int | None = None, last_col: int | None = None):
        return [self.name, row, col, row if last_row is None else last_row, last_col or col]

    def chart(self, kind: dict, title_cell: tuple[int, int]):
        ch = self.wb.add_chart(kind)
        ch.set_title(
            {"name": self.ref(*title_cell), "name_font": {"size": 11, "bold": True, **_font(self)}}
        )
        ch.set_legend({"position": "bottom", "font": {"size": 8, **_font(self)}})
        return ch


def _font(_sheet: _Sheet) -> dict:
    return {"name": FONT}


def write_charts_sheet(wb, ws, name: str, specs: dict[str, ChartSpec], fmt: dict, text) -> None:
    """Write every chart of ``specs`` into the worksheet ``ws`` (named ``name``), below its title
    (row 0). ``fmt`` holds the workbook's formats by style name; ``text(ws, row, col, value, fmt,
    style)`` writes a text cell safely."""
    sheet = _Sheet(wb, ws, name, fmt, text)
    row = 2
    for spec in specs.values():
        row = DRAW[spec.kind](sheet, spec, row) + 2
    ws.set_column(DATA_COL, DATA_COL, 28)


def _axis(sheet: _Sheet, name: str = "", **extra) -> dict:
    axis: dict[str, Any] = {"num_font": {"size": 8, **_font(sheet)}, **extra}
    if name:
        axis["name"] = name
        axis["name_font"] = {"size": 9, "bold": False, **_font(sheet)}
    return axis


def _rows_for(height_px: int) -> int:
    return math.ceil(height_px / ROW_PX)


def _bars(sheet: _Sheet, spec: ChartSpec, row: int) -> int:
    """Horizontal bars, the first ``highlight`` ones in the second colour, values labelled."""
    d = spec.data
    labels, values = d["labels"], d["values"]
    sheet.text(row, 0, spec.title, "caption")
    head = row + 1
    sheet.text(head, DATA_COL, "", "h")
    sheet.text(head, DATA_COL + 1, d.get("xlabel", ""), "h")
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        sheet.text(head + 1 + i, DATA_COL, str(label))
        sheet.number(head + 1 + i, DATA_COL + 1, v, "num")
    last = head + len(labels)
    ch = sheet.chart({"type": "bar"}, (row, 0))
    highlight = int(d.get("highlight", 0))
    ch.add_series(
        {
            "name": sheet.ref(head, DATA_COL + 1),
            "categories": sheet.ref(head + 1, DATA_COL, last, DATA_COL),
            "values": sheet.ref(head + 1, DATA_COL + 1, last, DATA_COL + 1),
            "fill": {"color": PALETTE[0]},
            "gap": 60,
            "points": [
                {"fill": {"color": PALETTE[1]}} if i < highlight else None
                for i in range(len(labels))
            ],
            "data_labels": {"value": True, "num_format": "0.000", "font": {"size": 8}},
        }
    )
    ch.set_legend({"none": True})
    # In a bar chart the y axis is the category axis: reversed, the first label is on top.
    ch.set_y_axis(_axis(sheet, reverse=True))
    ch.set_x_axis(_axis(sheet, d.get("xlabel", ""), num_format="0.00"))
    height = 24 * len(labels) + 90
    ch.set_size({"width": CHART_W, "height": height})
    sheet.ws.insert_chart(head, 0, ch, {"object_position": 1})
    return max(last, head + _rows_for(height))


def _contributions(sheet: _Sheet, spec: ChartSpec, row: int) -> int:
    """Clustered horizontal bars: one series per leading pair over the columns."""
    d = spec.data
    cols, pairs = d["columns"], d["pairs"]
    sheet.text(row, 0, spec.title, "caption")
    head = row + 1
    sheet.text(head, DATA_COL, d.get("xlabel", ""), "h")
    for k, p in enumerate(pairs):
        sheet.text(head, DATA_COL + 1 + k, p["label"], "h")
    for i, c in enumerate(cols):
        sheet.text(head + 1 + i, DATA_COL, str(c))
        for k, p in enumerate(pairs):
            sheet.number(head + 1 + i, DATA_COL + 1 + k, p["values"][i], "num")
    last = head + len(cols)
    ch = sheet.chart({"type": "bar"}, (row, 0))
    for k in range(len(pairs)):
        ch.add_series(
            {
                "name": sheet.ref(head, DATA_COL + 1 + k),
                "categories": sheet.ref(head + 1, DATA_COL, last, DATA_COL),
                "values": sheet.ref(head + 1, DATA_COL + 1 + k, last, DATA_COL + 1 + k),
                "fill": {"color": PALETTE[k % len(PALETTE)]},
            }
        )
    ch.set_y_axis(_axis(sheet, reverse=True))
    ch.set_x_axis(_axis(sheet, d.get("xlabel", ""), num_format="0.00"))
    height = int(13 * len(cols) * max(len(pairs), 1)) + 120
    ch.set_size({"width": CHART_W, "height": height})
    sheet.ws.insert_chart(head, 0, ch, {"object_position": 1})
    return max(last, head + _rows_for(height))


def _sweep(sheet: _Sheet, spec: ChartSpec, row: int) -> int:
    """One line chart per column (score of each leading pair against that column's weight), two
    per row; the data: the weight grid, then per column a title row and one column per pair."""
    d = spec.data
    grid, labels, panels = d["grid"], d["labels"], d["panels"]
    sheet.text(row, 0, spec.title, "caption")
    titles, head = row + 1, row + 2
    sheet.text(head, DATA_COL, d.get("xlabel", ""), "h")
    for i, w in enumerate(grid):
        sheet.number(head + 1 + i, DATA_COL, w, "weight")
    last = head + len(grid)
    col = DATA_COL + 1
    for k, p in enumerate(panels):
        sheet.text(titles, col, p["title"], "caption")
        for i, label in enumerate(labels):
            sheet.text(head, col + i, label, "h")
            for r, v in enumerate(p["lines"][i]):
                sheet.number(head + 1 + r, col + i, v, "num")
        ch = sheet.chart({"type": "scatter", "subtype": "straight"}, (titles, col))
        for i in range(len(labels)):
            ch.add_series(
                {
                    "name": sheet.ref(head, col + i),
                    "categories": sheet.ref(head + 1, DATA_COL, last, DATA_COL),
                    "values": sheet.ref(head + 1, col + i, last, col + i),
                    "line": {"color": PALETTE[i % len(PALETTE)], "width": 1.25},
                    "marker": {"type": "none"},
                }
            )
        ch.set_x_axis(_axis(sheet, d.get("xlabel", ""), min=0, max=1, num_format="0.0"))
        ch.set_y_axis(_axis(sheet, d.get("ylabel", ""), num_format="0.00"))
        if k:  # the pairs are the same in every panel: one legend, under the first
            ch.set_legend({"none": True})
        ch.set_size({"width": PANEL_W, "height": PANEL_H + (60 if not k else 0)})
        at_row = head + (k // PANELS_PER_ROW) * (_rows_for(PANEL_H) + 4)
        at_col = (k % PANELS_PER_ROW) * 6
        sheet.ws.insert_chart(at_row, at_col, ch, {"object_position": 1})
        col += len(labels)
    rows_of_panels = math.ceil(len(panels) / PANELS_PER_ROW) * (_rows_for(PANEL_H) + 4)
    return max(last, head + rows_of_panels)


def _heat(sheet: _Sheet, spec: ChartSpec, row: int, pct: bool) -> int:
    """A heat map as a table with a colour scale (one scale for every cell, as in the SVG)."""
    d = spec.data
    rows, cols, values = d["rows"], d["cols"], d["values"]
    sheet.text(row, 0, spec.title, "caption")
    head = row + 1
    sheet.text(head, 0, d.get("xlabel", "") if pct else "", "h")
    for j, c in enumerate(cols):
        sheet.text(head, 1 + j, str(c), "h")
    style = "pct0" if pct else "num3"
    for i, (r, vals) in enumerate(zip(rows, values, strict=True)):
        sheet.text(head + 1 + i, 0, str(r))
        for j, v in enumerate(vals):
            sheet.number(head + 1 + i, 1 + j, v, style)
    last = head + len(rows)
    colours: tuple[str, ...]
    if pct:
        lo, hi, colours = 0.0, 1.0, ACCEPT_COLOURS
    else:
        lo, hi = (float(x) for x in d.get("range") or (0.0, 1.0))
        colours = HEAT_COLOURS[::-1] if d.get("reversed") else HEAT_COLOURS
    scale: dict[str, Any] = {
        "min_type": "num",
        "min_value": lo,
        "max_type": "num",
        "max_value": hi,
        "min_color": colours[0],
        "max_color": colours[-1],
    }
    if len(colours) == 3:
        scale.update(
            type="3_color_scale", mid_type="num", mid_value=(lo + hi) / 2, mid_color=colours[1]
        )
    else:
        scale["type"] = "2_color_scale"
    if rows and cols:
        sheet.ws.conditional_format(head + 1, 1, last, len(cols), scale)
    if d.get("legend"):
        last += 1
        sheet.text(last, 0, d["legend"], "note")
    return last


DRAW = {
    "bars": _bars,
    "contributions": _contributions,
    "sweep": _sweep,
    "heatmap": lambda sheet, spec, row: _heat(sheet, spec, row, pct=False),
    "acceptability": lambda sheet, spec, row: _heat(sheet, spec, row, pct=True),
}
