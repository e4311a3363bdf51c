"""Lazy access to coopselect.reports for the report tests: ``rp.build_report``, ``rp.charts``...

The test modules import nothing from coopselect.reports at collection time. tests/app/test_tui.py
replaces ``sys.modules["coopselect.reports"]`` with a stand-in but not the ``coopselect.reports``
attribute of the package, so once the real package has been imported (as collecting these
modules would do) ``import coopselect.reports as reports`` in the app finds the real one and that
test fails. Until that test also patches the attribute, importing lazily keeps the default run
(tests/app before tests/reports) green.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "build_report": "content",
    "build_brief": "brief",
    "join_lines": "content",
    "ReportOptions": "model",
    "ChartSpec": "model",
    "render_csv": "csvout",
    "render_json": "jsonout",
    "neutralise": "safety",
    "render_charts": "charts",
    "has_cjk": "charts",
    "render_html": "html",
    "render_markdown": "markdown",
    "md_text": "markdown",
    "render_xlsx": "xlsx",
    "FONT": "xlsx",
    "FORMATS": "writer",
    "check_target": "writer",
    "parse_formats": "writer",
    "write_report": "writer",
    "render_files": "writer",
}
_MODULES = ("charts", "content", "writer", "xlsx", "html", "markdown")


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"coopselect.reports.{_WHERE[name]}"), name)
    if name in _MODULES:
        return importlib.import_module(f"coopselect.reports.{name}")
    if name == "citations":  # a core module the reports use (client-facing citations)
        return importlib.import_module("coopselect.citations")
    raise AttributeError(name)
