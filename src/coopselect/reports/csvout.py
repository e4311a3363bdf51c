"""The ranked pairs as CSV (UTF-8 with BOM so that spreadsheets detect the encoding).

Every text cell goes through :func:`coopselect.textsafety.csv_cell`, as the command line's CSV:
control and bidirectional characters are shown escaped (ESC as ``\\x1b``, U+202E as ``\\u202e``),
so that no escape sequence acts on a terminal that prints the file and no override reorders what a
reader sees; a cell a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``, tab,
carriage return first) gets a leading apostrophe. No raw value is kept: the case file holds it.
Numbers stay numbers (floats as ``repr``, exact)."""

from __future__ import annotations

import csv
import io

from coopselect.reports.model import Report
from coopselect.textsafety import csv_cell


def render_csv(report: Report) -> bytes:
    table = report.pairs_table
    assert table is not None  # every ranking report has its pairs table
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([csv_cell(str(c.label)) for c in table.columns])
    for row in table.rows:
        w.writerow(
            ["" if v is None else (repr(v) if isinstance(v, float) else csv_cell(v)) for v in row]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
