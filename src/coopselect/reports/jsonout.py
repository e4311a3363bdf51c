"""The report as JSON: every number and text of the report as plain data.

Every string (keys too) is shown as the terminal and the other formats show it
(:func:`coopselect.textsafety.visible`): control and bidirectional characters from input files are
written as visible escapes (ESC as the text ``\\x1b``, U+202E as ``\\u202e``), so that neither the
file nor a program that prints its values sends an escape sequence to a terminal or reorders text.
Newlines and tabs stay. No raw value is kept: the case file holds it."""

from __future__ import annotations

import json
from typing import Any

from coopselect.reports.model import Report
from coopselect.reports.safety import plain
from coopselect.textsafety import visible


def _shown(obj: Any) -> Any:
    """Plain JSON data (from :func:`plain`) with every string made visible."""
    if isinstance(obj, str):
        return visible(obj)
    if isinstance(obj, dict):
        return {visible(k): _shown(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_shown(v) for v in obj]
    return obj


def render_json(report: Report) -> str:
    doc = dict(report.document)
    doc["warnings"] = list(report.warnings)
    return json.dumps(_shown(plain(doc)), ensure_ascii=False, indent=2) + "\n"
