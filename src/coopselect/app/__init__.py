"""The interactive terminal app (``coopselect app``).

``state`` (the model: edits, what-ifs, undo/redo, fast re-rank), ``views``, ``detail``,
``robust``, ``methods``, ``save`` and ``export`` do not import textual; ``tui`` (the shell),
``pages/`` (one module per page), ``filing`` (save and export) and ``screens`` do, and are imported
only when the app runs. ``web`` serves the app in the browser (``coopselect app --web``).
"""

from __future__ import annotations

from pathlib import Path


def run(
    case: str | Path | None = None, lang: str = "en", criteria: str | Path | None = None
) -> int:
    """Run the app on ``case`` (path, bundled id, or None for the default case); ``criteria``
    replaces the case's criteria set (e.g. "commercial")."""
    from coopselect.app.tui import CoopselectApp

    app = CoopselectApp(case, lang, criteria=criteria)
    app.run()
    return 0 if app.error is None else 2
