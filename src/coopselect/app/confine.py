"""Where the app may write when it runs for a web session.

The web server (:mod:`coopselect.app.web`) sets ``COOPSELECT_WRITE_ROOT`` for every session's app
process. Then save as and export accept only a path inside that folder (after resolving ``..``
and symbolic links), with a plain file name (no hidden file such as ``.bashrc``) and, for a case,
the ``.toml`` suffix. In the terminal (no variable set) the user's shell rights apply as before.
"""

from __future__ import annotations

import os
from pathlib import Path

from coopselect.errors import CoopselectError

WRITE_ROOT_ENV = "COOPSELECT_WRITE_ROOT"
REPORT_SUFFIXES = frozenset({".md", ".html", ".xlsx", ".csv", ".json", ".pdf", ""})


def write_root() -> Path | None:
    """The folder a web session may write into, or None outside web mode."""
    value = os.environ.get(WRITE_ROOT_ENV)
    return Path(value) if value else None


def default_dir() -> Path:
    """Where default file names point: the write root in web mode, else the working folder."""
    return write_root() or Path.cwd()


def allowed_target(target: Path, *, kind: str) -> Path:
    """``target`` unchanged when it may be written, else a CoopselectError saying why.

    ``kind`` is ``"case"`` (a ``.toml`` file) or ``"report"``."""
    root = write_root()
    if root is None:
        return target
    place = "save as" if kind == "case" else "export"
    fix = f"choose a plain file name inside {root}"
    resolved_root = root.resolve()
    resolved = (target if target.is_absolute() else resolved_root / target).resolve()
    if resolved != resolved_root and resolved_root not in resolved.parents:
        raise CoopselectError(
            f"{target} is outside the folder this web session may write to.", place=place, fix=fix
        )
    from coopselect.textsafety import has_controls

    if has_controls(str(target)):
        raise CoopselectError(
            "the path holds a control character (a line break, an escape code, a bidi mark).",
            place=place,
            fix=fix,
        )
    if resolved.name.startswith("."):
        raise CoopselectError(
            f"{resolved.name} is a hidden file name; web sessions do not write those.",
            place=place,
            fix=fix,
        )
    if kind == "case" and resolved.suffix.lower() != ".toml":
        raise CoopselectError(
            f"{resolved.name}: a case file ends in .toml.", place=place, fix=f"{fix} ending .toml"
        )
    if kind == "report" and resolved.suffix.lower() not in REPORT_SUFFIXES:
        raise CoopselectError(
            f"{resolved.name}: not a report file name.",
            place=place,
            fix=f"{fix} ending .md, .html, .xlsx, .csv or .json (or a folder name)",
        )
    return resolved
