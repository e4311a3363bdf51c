"""The report as an Excel workbook (xlsxwriter): one sheet per part, styled headers, frozen panes,
column widths, numbers stored as numbers with formats, a colour scale on scores, a font with
Chinese glyphs, and every text cell written as a string (a case file cannot plant a formula).

The last sheet holds the charts as native Excel charts and colour-scaled tables
(coopselect.reports.xlsx_charts): no picture, so no font is needed here. The workbook's created
date is the report's date (``--date``) and xlsxwriter stamps every zip member 1980-01-01, so equal
input gives equal bytes."""

from __future__ import annotations

import io
import unicodedata
from datetime import UTC, datetime

from coopselect.reports.labels import t
from coopselect.reports.model import Report, Table
from coopselect.reports.safety import FORMULA_START
from coopselect.reports.xlsx_charts import FONT

NUMBER_FORMATS = {
    "int": "0",
    "num": "0.0000",
    "weight": "0.000",
    "pct": "0.0%",
    "g": "General",
    "num3": "0.000",  # heat map cells (charts sheet)
    "pct0": "0%",  # rank acceptability cells (charts sheet)
}
MAX_WIDTH = 60


def _width(text: str) -> int:
    """Display width: East Asian wide characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def render_xlsx(report: Report, *, charts: bool = True) -> bytes:
    """The workbook's bytes; ``charts``: add the charts sheet (when the report has charts)."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "default_format_properties": {"font_name": FONT, "font_size": 10},
        },
    )
    wb.set_properties(
        {
            "title": report.title,
            "subject": report.subtitle,
            "comments": "",
            "created": _created(report.date),
        }
    )
    props: dict[str, dict[str, object]] = {
        "title": {"bold": True, "font_size": 14, "font_name": FONT},
        "h": {
            "bold": True,
            "font_name": FONT,
            "bg_color": "#1F5F8B",
            "font_color": "#FFFFFF",
            "border": 1,
            "text_wrap": True,
            "valign": "top",
        },
        "caption": {"bold": True, "font_size": 11, "font_name": FONT},
        "text": {"font_name": FONT, "valign": "top"},
        "wrap": {"font_name": FONT, "text_wrap": True, "valign": "top"},
        "note": {"font_name": FONT, "italic": True, "font_color": "#5B6773"},
    }
    # An editable input (the live weights): yellow, as spreadsheets mark inputs.
    fmt_input = {"font_name": FONT, "num_format": "0.000", "bg_color": "#FFF2CC", "border": 1}
    fmt = {k: wb.add_format(v) for k, v in props.items()}
    # Text that a spreadsheet would read as a formula is written as a string AND with Excel's
    # quote prefix (the apostrophe), so that editing the cell cannot turn it into a formula.
    fmt.update({f"{k}!": wb.add_format({**v, "quote_prefix": True}) for k, v in props.items()})
    for kind, nf in NUMBER_FORMATS.items():
        fmt[kind] = wb.add_format({"font_name": FONT, "num_format": nf})
    fmt["input"] = wb.add_format(fmt_input)
    from coopselect.reports.sheets import sheet_plan, unique_name

    used: set[str] = set()
    plan = sheet_plan(report)
    used.update(name.lower() for name, *_ in plan)
    for name, sec, table, with_text in plan:
        ws = wb.add_worksheet(name)
        _write_sheet(ws, sec, table, with_text, report, fmt)
        if report.live and sec.live and with_text:
            from coopselect.reports.xlsx_live import write_live_sheet

            live = unique_name(report.live["sheet"], used)
            write_live_sheet(wb.add_worksheet(live), report.live, fmt, _text)
    if charts and report.charts:
        from coopselect.reports.xlsx_charts import write_charts_sheet

        name = unique_name(t("sh_charts", report.lang), used)
        ws = wb.add_worksheet(name)
        _text(ws, 0, 0, t("sh_charts", report.lang), fmt, "title")
        write_charts_sheet(wb, ws, name, report.charts, fmt, _text)
    wb.close()
    return buf.getvalue()


def _created(date: str) -> datetime:
    """The report's date (YYYY-MM-DD) as the workbook's created time, midnight UTC."""
    try:
        return datetime.fromisoformat(date).replace(tzinfo=UTC)
    except ValueError:  # not a date (the stamp shows it as given): the epoch of the zip members
        return datetime(1980, 1, 1, tzinfo=UTC)


def _text(ws, row: int, col: int, text: str, fmt, style: str) -> None:
    """A text cell, always a string; quote-prefixed when it starts like a formula."""
    text = str(text)
    ws.write_string(row, col, text, fmt[f"{style}!" if text[:1] in FORMULA_START else style])


def _write_sheet(ws, sec, table: Table | None, with_text: bool, report: Report, fmt) -> None:
    """One sheet: the part's title, one table (with an autofilter, its header frozen), and the
    part's text below it (on the part's first sheet)."""
    widths: dict[int, int] = {}
    _text(ws, 0, 0, sec.title, fmt, "title")
    row = 2
    texts = list(sec.paragraphs) if with_text else []
    if with_text and report.sections and sec is report.sections[0]:  # the first sheet
        texts = [report.title, report.subtitle, *texts]
        texts += report.warnings
    bullets = list(sec.bullets) if with_text else []
    if table is not None:
        header = row + 1
        row = _write_table(ws, table, row, fmt, widths) + 1
        last = header + len(table.rows)
        ws.autofilter(header, 0, max(last, header), len(table.columns) - 1)
        ws.freeze_panes(header + 1, 1)
    for p in texts:
        _text(ws, row, 0, p, fmt, "wrap" if table is None else "text")
        row += 1
    for b in bullets:
        _text(ws, row, 0, f"• {b}", fmt, "text")
        row += 1
    if table is None:
        ws.set_column(0, 0, 120, fmt["wrap"])
    for col, w in widths.items():
        ws.set_column(col, col, min(max(w + 2, 8), MAX_WIDTH))


def _write_table(ws, table: Table, row: int, fmt, widths: dict[int, int]) -> int:
    _text(ws, row, 0, table.title, fmt, "caption")
    row += 1
    for j, c in enumerate(table.columns):
        _text(ws, row, j, c.label, fmt, "h")
        widths[j] = max(widths.get(j, 0), min(_width(c.label), 24))
    first = row + 1
    for r in table.rows:
        row += 1
        for j, (v, c) in enumerate(zip(r, table.columns, strict=True)):
            if v is None:
                ws.write_blank(row, j, None)
            elif isinstance(v, bool):
                ws.write_boolean(row, j, v)
            elif isinstance(v, int | float) and c.kind != "text":
                ws.write_number(row, j, float(v), fmt[c.kind])
                widths[j] = max(widths.get(j, 0), 9)
            elif isinstance(v, int | float):
                ws.write_number(row, j, float(v))
            else:
                text = str(v)
                _text(ws, row, j, text, fmt, "text")
                widths[j] = max(widths.get(j, 0), _width(text))
    last = row
    if last >= first and table.scale:
        from coopselect.reports.formatting import table_scale_range

        # One scale for every shaded column of the table (0-1 for scores), as in the HTML.
        lo, hi = table_scale_range(table)
        for j in table.scale:
            colours = ("#F8696B", "#FFEB84", "#63BE7B")
            if table.scale_reversed:
                colours = colours[::-1]
            ws.conditional_format(
                first,
                j,
                last,
                j,
                {
                    "type": "3_color_scale",
                    "min_type": "num",
                    "min_value": lo,
                    "mid_type": "num",
                    "mid_value": (lo + hi) / 2,
                    "max_type": "num",
                    "max_value": hi,
                    "min_color": colours[0],
                    "mid_color": colours[1],
                    "max_color": colours[2],
                },
            )
    if table.note:
        row += 1
        _text(ws, row, 0, table.note, fmt, "note")
    return row + 1
