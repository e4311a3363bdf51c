"""Which files a ranking read, their SHA-256, and the reproducibility stamp."""

from __future__ import annotations

import hashlib
import platform
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from coopselect.paths import display_path
from coopselect.reports.labels import t


def sha256_file(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()


@cache
def _hash_cached(path: str, mtime_ns: int, size: int) -> str:
    return sha256_file(path)


def file_hash(path: Path) -> str:
    st = path.stat()
    return _hash_cached(str(path), st.st_mtime_ns, st.st_size)


def used_sources(result) -> list[dict[str, Any]]:
    """Registry entries (data/sources.toml) of the data files the ranking read
    (coopselect.io.data.sources.used_by), each with its SHA-256 and the vintage read."""
    from coopselect.io.data.data_used import snapshot_of
    from coopselect.io.data.sources import dataset, used_by
    from coopselect.paths import data_dir

    snap = snapshot_of(result)
    out = []
    for ds in used_by(result):
        d = dataset(ds)
        entry = d.as_dict()
        path = data_dir() / d.file
        _vintage(entry, snap if d.vintages else None)
        if entry.get("vintage_path"):
            path = Path(entry["vintage_path"])
        entry["sha256"] = file_hash(path) if path.is_file() else ""
        out.append(entry)
    return out


def _vintage(entry: dict[str, Any], snap) -> None:
    """Add which vintage of the dataset was read (the ranking's snapshot,
    coopselect.io.data.snapshot): "bundled" with the registry's title as release, or the imported
    vintage with its release, date and file."""
    if snap is None:
        entry["vintage"] = "bundled"
        return
    v = snap.vintage(entry["dataset"])
    entry["vintage"] = v.label()
    if v.imported:
        entry["vintage_id"] = v.id
        entry["vintage_release"] = v.release
        entry["vintage_imported_on"] = v.provenance.get("imported_on")
        entry["vintage_path"] = str(v.path)


def case_files(result) -> list[tuple[str, Path]]:
    """(role, path) of the case file and the criteria/modes files it refers to."""
    case = result.case
    out: list[tuple[str, Path]] = []
    if case.path:
        out.append(("case", Path(case.path)))
    h = case.hierarchy
    if h.path:
        out.append(("criteria", Path(h.path)))
    if h.judgments_path and h.judgments_path != h.path and h.judgments_path != case.path:
        out.append(("judgments", Path(h.judgments_path)))
    if case.catalog.path:
        out.append(("modes", Path(case.catalog.path)))
    return out


def files_table_rows(result, lang: str) -> list[list[str]]:
    rows = []
    for role, path in case_files(result):
        digest = file_hash(path) if path.is_file() else ""
        rows.append([t(f"role_{role}", lang), display_path(path), digest])
    for src in used_sources(result):
        shown = src.get("vintage_path") or f"data/{src.get('file', '')}"
        if src.get("vintage_id"):
            shown += f" ({src['vintage']})"
        rows.append([t("role_data", lang), shown, src["sha256"]])
    return rows


def report_date(date: str | None) -> str:
    """The report's date: ``date`` (--date) when given, else today (UTC), as YYYY-MM-DD."""
    return date or datetime.now(UTC).strftime("%Y-%m-%d")


def stamp(result, lang: str, *, date: str | None, command: str | None, smaa: str) -> list:
    """The reproducibility stamp as (label, value) pairs."""
    import numpy as np

    from coopselect._version import __version__

    when = report_date(date)
    case_file = ""
    if result.case.path:
        p = Path(result.case.path)
        case_file = f"{display_path(p)} (sha256 {file_hash(p)})" if p.is_file() else str(p)
    params = ", ".join(f"{k}={v}" for k, v in sorted(result.method_params.items()))
    return [
        (t("st_tool", lang), f"coopselect {__version__}"),
        (t("st_date", lang), when),
        (t("st_command", lang), command or "(Python API)"),
        (t("st_case", lang), case_file or "(in memory)"),
        (t("st_method", lang), f"{result.method}" + (f" ({params})" if params else "")),
        (t("st_weights", lang), result.weights.preset),
        (t("st_smaa", lang), smaa),
        (t("st_python", lang), f"{platform.python_version()} / {np.__version__}"),
    ]
