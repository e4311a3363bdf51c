"""The interactive terminal app (``coopselect app``).

``state`` (the model: edits, what-ifs, undo/redo, fast re-rank), ``views``, ``detail``,
``robust``, ``methods``, ``save`` and ``export`` do not import textual; ``tui`` (the shell),
``pages/`` (one module per page), ``filing`` (save and export) and ``screens`` do, and are imported
only when the app runs. ``web`` serves the app in the browser (``coopselect app --web``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def run(
    case: str | Path | None = None,
    lang: str = "en",
    criteria: str | Path | None = None,
    data_dir: str | Path | None = None,
) -> int:
    """Run the app on ``case`` (path, bundled id, or None for the default case); ``criteria``
    replaces the case's criteria set (e.g. "commercial"); ``data_dir`` is the folder of imported
    data vintages (``--data-dir``; None: ``$COOPSELECT_DATA_DIR`` or the user's data directory).
    An unusable data folder is one line on stderr and exit code 2, before the app takes the
    terminal."""
    from coopselect.errors import CoopselectError
    from coopselect.io.data.folder import check_data_dir
    from coopselect.io.data.vintages import folder_of

    folder = folder_of(data_dir)
    try:
        check_data_dir(folder)
    except CoopselectError as err:
        from coopselect.textsafety import one_line

        sys.stderr.write(f"error: {one_line(err)}\n")
        return 2
    from coopselect.app.tui import CoopselectApp

    app = CoopselectApp(case, lang, criteria=criteria, data_dir=folder)
    app.run()
    return 0 if app.error is None else 2
