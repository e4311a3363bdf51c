"""Reading TOML/JSON with readable errors, and writing files atomically.

Writes go to a temporary file in the same folder and are renamed over the target, so a crash never
leaves a half-written file; an existing file is kept as ``<name>.bak`` unless told otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

from coopselect.errors import CoopselectError


def read_text(path: str | Path) -> str:
    p = Path(path)
    if not p.exists():
        raise CoopselectError(
            "file not found.",
            file=p,
            fix="check the path, or list bundled cases with 'coopselect cases'.",
        )
    if p.is_dir():
        raise CoopselectError("is a folder, not a file.", file=p, fix="give the path of a file.")
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CoopselectError(
            f"not UTF-8 text (byte {err.start}).", file=p, fix="save the file as UTF-8."
        ) from None
    except OSError as err:
        raise CoopselectError(f"cannot read: {err.strerror}.", file=p) from None


def read_toml(path: str | Path) -> dict[str, Any]:
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        place = f"line {m.group(1)}, column {m.group(2)}" if m else None
        reason = re.sub(r"\s*\(at line .*\)$", "", msg)
        raise CoopselectError(
            f"invalid TOML: {reason}.",
            file=path,
            place=place,
            fix="correct the syntax (strings in quotes, one key = value per line).",
        ) from None


def read_json(path: str | Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise CoopselectError(
            f"invalid JSON: {err.msg}.",
            file=path,
            place=f"line {err.lineno}, column {err.colno}",
            fix="correct the JSON syntax.",
        ) from None


def read_structured(path: str | Path) -> Any:
    """TOML or JSON by file extension (TOML when in doubt)."""
    return read_json(path) if str(path).lower().endswith(".json") else read_toml(path)


def atomic_write_text(
    path: str | Path, text: str, *, overwrite: bool = False, backup: bool = True
) -> Path | None:
    """Write ``text`` to ``path`` atomically. Returns the backup path, if one was made.

    An existing file is replaced only if ``overwrite`` or ``backup`` is true; with ``backup`` its
    content is kept as ``<name>.bak`` first.
    """
    target = Path(path)
    made_backup: Path | None = None
    if target.exists():
        if not (overwrite or backup):
            raise CoopselectError(
                "file exists and would be overwritten.",
                file=target,
                fix="choose another path or pass --force.",
            )
        if backup:
            made_backup = target.with_name(target.name + ".bak")
            shutil.copy2(target, made_backup)
    _replace_atomically(target, text.encode("utf-8"))
    return made_backup


def atomic_write_bytes(path: str | Path, data: bytes, *, overwrite: bool = False) -> None:
    target = Path(path)
    if target.exists() and not overwrite:
        raise CoopselectError(
            "file exists and would be overwritten.", file=target, fix="pass --force to replace it."
        )
    _replace_atomically(target, data)


def _replace_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside ``target``, flush it to disk, then rename it over."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
