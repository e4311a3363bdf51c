"""The ranked pairs as CSV (UTF-8 with BOM so that spreadsheets detect the encoding), with text
cells guarded against formula injection."""

from __future__ import annotations

import csv
import io

from coopselect.reports.model import Report
from coopselect.reports.safety import neutralise


def render_csv(report: Report) -> bytes:
    table = report.pairs_table
    assert table is not None  # every ranking report has its pairs table
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([neutralise(c.label) for c in table.columns])
    for row in table.rows:
        w.writerow(
            ["" if v is None else (repr(v) if isinstance(v, float) else neutralise(v)) for v in row]
        )
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
