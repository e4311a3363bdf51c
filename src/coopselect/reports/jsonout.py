"""The report as JSON: every number and text of the report as plain data.

Every string (keys too) is shown as the terminal and the other formats show it
(:func:`coopselect.textsafety.visible_strings`): control and bidirectional characters from input
files are written as visible escapes (ESC as the text ``\\x1b``, U+202E as ``\\u202e``), so that
neither the file nor a program that prints its values sends an escape sequence to a terminal or
reorders text. Newlines and tabs stay. No raw value is kept: the case file holds it."""

from __future__ import annotations

import json

from coopselect.reports.model import Report
from coopselect.reports.safety import plain
from coopselect.textsafety import visible_strings


def render_json(report: Report) -> str:
    doc = dict(report.document)
    doc["warnings"] = list(report.warnings)
    return json.dumps(visible_strings(plain(doc)), ensure_ascii=False, indent=2) + "\n"
