"""The data folder checked where a run reads it (``DataSnapshot.read``: every command that ranks or
reads a vintage table, the Python API, and the app before the full-screen app takes the
terminal): an unusable one is one line with the place and the fix (exit code 2), never a traceback.

A folder set by ``$COOPSELECT_DATA_DIR`` or ``--data-dir`` must exist (a mistyped one would
otherwise show the bundled data without a word), be a folder and be readable; the default folder
may be missing (nothing imported yet) but not a file or unreadable.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from coopselect.errors import CoopselectError


def _place(path: Path) -> tuple[str, str]:
    """(where the folder was set, how to fall back) for the error messages."""
    from coopselect.io.data.vintages import ENV, default_data_dir

    env = os.environ.get(ENV)
    if env and Path(env).expanduser() == path:
        return f"${ENV}", f"or unset {ENV} to use the default data folder"
    if path != default_data_dir():
        return "--data-dir", "or leave --data-dir out to use the default data folder"
    return "the default data folder", f"or set {ENV} to another folder"


def check_data_dir(path: Path) -> Path:
    """The data folder ``path`` (vintages.folder_of of ``--data-dir``), or a CoopselectError
    saying why it cannot be used and what to do."""
    from coopselect.io.data.vintages import checked_data_dir, default_data_dir

    place, other = _place(path)
    try:
        checked_data_dir(path)  # refuses a folder inside the installed package
        if not path.exists():
            if path == default_data_dir():
                return path  # nothing imported yet: the bundled data
            raise CoopselectError(
                "the data folder does not exist.",
                file=path,
                place=place,
                fix=f"create it (mkdir -p {shlex.quote(str(path))}) {other}.",
            )
        if not path.is_dir():
            default = place.startswith("the ")
            move = "move the file away" if default else f"point {place} at a folder"
            raise CoopselectError(
                "the data folder is a file, not a folder.",
                file=path,
                place=place,
                fix=f"{move} {other}.",
            )
        with os.scandir(path):
            pass
    except OSError as err:
        raise CoopselectError(
            f"cannot read the data folder ({err.strerror or err}).",
            file=path,
            place=place,
            fix=f"make it readable (chmod u+rwx {shlex.quote(str(path))}) {other}.",
        ) from None
    except RuntimeError as err:  # a symlink loop (pathlib before Python 3.13)
        raise CoopselectError(
            f"cannot resolve the data folder ({err}).",
            file=path,
            place=place,
            fix=f"point {place} at a real folder {other}.",
        ) from None
    return path
