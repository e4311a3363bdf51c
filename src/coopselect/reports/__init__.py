"""Reports for consultants: one analysis, several formats (XLSX, HTML, Markdown, CSV, JSON, charts).

    from coopselect.reports import write_report, build_report
    write_report(coopselect.rank(), "out/central_asia", lang="zh")    # a folder: every format
    write_report(result, "central_asia.md")                          # one file

``build_report`` gives the format-neutral model; ``render_files`` renders it to bytes;
``write_files`` writes them atomically. Nothing here prints. Names are resolved lazily so that
importing the package stays cheap.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "FORMATS",
    "Report",
    "ReportOptions",
    "build_report",
    "check_target",
    "parse_formats",
    "render_files",
    "report_files",
    "write_files",
    "write_report",
]

_LAZY = {
    "FORMATS": "coopselect.reports.writer",
    "check_target": "coopselect.reports.writer",
    "parse_formats": "coopselect.reports.writer",
    "render_files": "coopselect.reports.writer",
    "report_files": "coopselect.reports.writer",
    "write_files": "coopselect.reports.writer",
    "write_report": "coopselect.reports.writer",
    "build_report": "coopselect.reports.content",
    "Report": "coopselect.reports.model",
    "ReportOptions": "coopselect.reports.model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'coopselect.reports' has no attribute {name!r}")
