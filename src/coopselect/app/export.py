"""Export the current view as a report, through coopselect.reports when that package exists."""

from __future__ import annotations

from pathlib import Path


def _reports():
    import importlib

    try:
        # import_module reads sys.modules, so a stand-in installed there (tests) is honoured even
        # after the real package was bound as an attribute of ``coopselect``.
        reports = importlib.import_module("coopselect.reports")
    except ImportError:
        return None
    return reports if callable(getattr(reports, "write_report", None)) else None


def available() -> bool:
    return _reports() is not None


def write(result, path: Path, lang: str) -> Path:
    """Write the report of ``result`` (the ranking as currently edited) to ``path``."""
    reports = _reports()
    if reports is None:
        raise RuntimeError("coopselect.reports is not available")
    out = reports.write_report(result, path, lang=lang)
    return Path(out) if out else path
