"""The report as JSON: every number and text of the report as plain data."""

from __future__ import annotations

import json

from coopselect.reports.model import Report
from coopselect.reports.safety import plain


def render_json(report: Report) -> str:
    doc = dict(report.document)
    doc["warnings"] = list(report.warnings)
    return json.dumps(plain(doc), ensure_ascii=False, indent=2) + "\n"
