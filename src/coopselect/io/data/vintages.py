"""Imported data vintages: the user's data folder, which vintage of each dataset is active.

``coopselect data import SOURCE PATH`` reads a publisher's release through
:mod:`coopselect.importers` and writes it as a *vintage*: a folder holding the table in the bundled
file's name and column layout, and ``provenance.json`` (publisher, release, the files read with
their SHA-256, the date imported). Layout of the data folder::

    DATA_DIR/vintages/<dataset>/<vintage id>/<bundled file name>
    DATA_DIR/vintages/<dataset>/<vintage id>/provenance.json
    DATA_DIR/vintages/active.json     ({"active": {dataset: vintage id or "bundled"}})

The data folder is ``--data-dir``, else ``$COOPSELECT_DATA_DIR``, else the user's data directory
(``$XDG_DATA_HOME/coopselect``, ``~/.local/share/coopselect``; ``~/Library/Application
Support/coopselect`` on macOS, ``%LOCALAPPDATA%/coopselect`` on Windows); never inside the
installed package.

An import is all or nothing, however many datasets it brings (WDI: electricity and GDP per
capita): :func:`install` writes every table into a temporary sibling folder renamed into place,
then switches the active vintages of all its datasets in one step, by replacing the one pointer
file ``active.json`` atomically (:func:`coopselect.io.files.replace_file`). If anything fails
before the switch (a full disk, a folder in the way, Ctrl-C), the vintage folders and parent
folders this import created are removed again: the data folder is left as it was. A data folder
of an earlier version (one ``<dataset>/ACTIVE`` file per dataset) is still read; the first switch
carries its choices into ``active.json`` and removes those files.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coopselect.errors import CoopselectError

ENV = "COOPSELECT_DATA_DIR"
BUNDLED = "bundled"
PROVENANCE = "provenance.json"
ACTIVE = "ACTIVE"  # the per-dataset pointer of earlier versions (read, then replaced)
ACTIVE_FILE = "active.json"


def dataset_files() -> dict[str, str]:
    """{dataset id: the bundled file an imported vintage replaces}, for every dataset whose
    descriptor (data/sources.toml, coopselect.io.data.sources) says it has vintages."""
    from coopselect.io.data.sources import with_vintages

    return {d.id: d.file for d in with_vintages()}


def default_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "coopselect"
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / "coopselect"
    base = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return Path(base) / "coopselect"


def folder_of(data_dir_option: str | Path | None) -> Path:
    """The data folder of a ``--data-dir`` value; None or empty: ``$COOPSELECT_DATA_DIR``, else
    :func:`default_data_dir` (not created here). Called once, at the edge (the CLI's options, the
    app's start, ``DataSnapshot.read``): every reader takes the folder it returns, or a
    :class:`coopselect.io.data.snapshot.DataSnapshot` of it; no folder is set for the process."""
    if data_dir_option is None or str(data_dir_option) == "":
        env = os.environ.get(ENV)
        return Path(env).expanduser() if env else default_data_dir()
    return Path(data_dir_option).expanduser().absolute()


def checked_data_dir(root: Path) -> Path:
    """The data folder ``root``, refused if it lies inside the installed package or its bundled
    data."""
    import coopselect
    from coopselect.paths import bundled_root

    d = root.resolve()
    for inside in (Path(coopselect.__file__).resolve().parent, bundled_root().resolve() / "data"):
        if d == inside or inside in d.parents:
            raise CoopselectError(
                "the data folder is inside the installed package or its bundled data.",
                file=d,
                place="--data-dir",
                fix=f"choose a folder of your own (--data-dir DIR or ${ENV}).",
            )
    return d


def _dataset_dir(dataset: str, root: Path) -> Path:
    return root / "vintages" / dataset


# ---- what is active -----------------------------------------------------------------------


@dataclass(frozen=True)
class Vintage:
    """One vintage of a dataset: the bundled file or an imported release."""

    dataset: str
    id: str  # "bundled" or the folder name
    path: Path  # the table
    provenance: dict[str, Any]

    @property
    def imported(self) -> bool:
        return self.id != BUNDLED

    @property
    def release(self) -> str:
        return str(self.provenance.get("release", ""))

    def label(self) -> str:
        """One line: which vintage, its release and when it was imported."""
        if not self.imported:
            return f"bundled ({self.release})" if self.release else "bundled"
        return f"imported {self.id} ({self.release}, imported {self.provenance.get('imported_on')})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "vintage": self.id,
            "imported": self.imported,
            "release": self.release,
            "imported_on": self.provenance.get("imported_on") if self.imported else None,
            "file": str(self.path),
        }


def _pointer(root: Path) -> Path:
    return root / "vintages" / ACTIVE_FILE


def _read_pointer(root: Path) -> dict[str, str] | None:
    """{dataset: vintage id} of ``active.json``; None when the file does not exist."""
    path = _pointer(root)
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as err:
        raise CoopselectError(
            f"cannot read the active vintages ({err.strerror or err}).",
            file=path,
            fix="check the data folder's permissions.",
        ) from None
    try:
        active = json.loads(text)["active"]
        ok = isinstance(active, dict) and all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in active.items()
        )
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        raise CoopselectError(
            "the list of active vintages is damaged.",
            file=path,
            fix="delete the file (every dataset goes back to its bundled file), then choose "
            "again with 'coopselect data use DATASET VINTAGE'.",
        )
    return dict(active)


def _read_legacy(dataset: str, root: Path) -> str | None:
    """The active vintage of a data folder written before ``active.json`` (``<dataset>/ACTIVE``)."""
    path = _dataset_dir(dataset, root) / ACTIVE
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as err:
        raise CoopselectError(
            f"cannot read the active vintage of {dataset} ({err.strerror}).",
            file=path,
            fix="check the data folder's permissions.",
        ) from None
    return text or None


def active_map(root: Path) -> dict[str, str]:
    """{dataset: active vintage id} for every dataset with a choice (none: bundled)."""
    pointer = _read_pointer(root)
    if pointer is not None:
        return pointer
    legacy = {d: _read_legacy(d, root) for d in dataset_files()}
    return {d: v for d, v in legacy.items() if v}


@contextlib.contextmanager
def _switch_lock(folder: Path):
    """Hold an exclusive lock on ``folder`` itself (POSIX ``flock`` on the folder, so no lock
    file is left behind) while ``active.json`` is read, changed and replaced: two imports of
    different datasets at once both stay active (without it, the later writer would drop the
    earlier one's choice). The switch is short, so a second one waits."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks on folders
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def activate(choices: dict[str, str], root: Path) -> None:
    """Make ``choices`` ({dataset: vintage id or "bundled"}) active together, in one atomic
    replacement of ``active.json``; the other datasets keep their active vintage."""
    from coopselect.io.files import replace_file

    root = checked_data_dir(root)
    folder = _pointer(root).parent
    folder.mkdir(parents=True, exist_ok=True)
    with _switch_lock(folder):
        state = active_map(root)
        state.update(choices)
        doc = {"active": {d: state[d] for d in sorted(state)}}
        replace_file(_pointer(root), (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
    for d in dataset_files():  # an earlier version's pointers, now carried into active.json
        with contextlib.suppress(OSError):
            (_dataset_dir(d, root) / ACTIVE).unlink()


def bundled_release(dataset: str) -> str:
    """The bundled file's release: its title in the registry."""
    from coopselect.io.data.sources import registry

    return next((d.title for d in registry() if d.id == dataset), "")


def vintage(dataset: str, vid: str | None, root: Path) -> Vintage:
    """A vintage of ``dataset`` (``vid`` None: the active one) in the data folder ``root``."""
    from coopselect.paths import data_dir as bundled_data

    vid = vid or (active_map(root).get(dataset) or BUNDLED)
    name = dataset_files().get(dataset)
    if vid == BUNDLED or name is None:
        path = bundled_data() / name if name else bundled_data()
        return Vintage(dataset, BUNDLED, path, {"release": bundled_release(dataset)})
    folder = _dataset_dir(dataset, root) / vid
    if not (folder / name).is_file():
        known = ", ".join(v.id for v in vintages(dataset, root)) or "none imported"
        raise CoopselectError(
            f"no {dataset} vintage {vid!r}.",
            file=folder,
            fix=f"use 'bundled' or one of: {known}.",
        )
    return Vintage(dataset, vid, folder / name, _provenance(folder))


def _provenance(folder: Path) -> dict[str, Any]:
    try:
        return json.loads((folder / PROVENANCE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"release": "(provenance.json missing or unreadable)"}


def vintages(dataset: str, root: Path) -> list[Vintage]:
    """The imported vintages of ``dataset``, oldest import first."""
    d = _dataset_dir(dataset, root)
    name = dataset_files().get(dataset, "")
    if not d.is_dir():
        return []
    out = []
    for folder in d.iterdir():
        if folder.is_dir() and not folder.name.startswith(".") and (folder / name).is_file():
            out.append(Vintage(dataset, folder.name, folder / name, _provenance(folder)))
    return sorted(out, key=lambda v: (str(v.provenance.get("imported_at", "")), v.id))


def active_all(root: Path) -> dict[str, Vintage]:
    """{dataset: its active vintage} for every dataset with vintages (the pointer read once)."""
    active = active_map(root)
    return {d: vintage(d, active.get(d) or BUNDLED, root) for d in dataset_files()}


def use(dataset: str, vid: str, root: Path) -> Vintage:
    """Make ``vid`` (or "bundled") the active vintage of ``dataset`` in the data folder ``root``
    (default: :func:`data_dir`)."""
    files = dataset_files()
    if dataset not in files:
        raise CoopselectError(
            f"unknown dataset {dataset!r}.", fix=f"use one of: {', '.join(files)}."
        )
    v = vintage(dataset, vid, root)
    if not v.imported and (active_map(root).get(dataset) or BUNDLED) == BUNDLED:
        return v  # the bundled file is active already: nothing to write
    activate({dataset: v.id}, root)
    return v


# ---- writing a vintage --------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "release"


def _vintage_id(table_text: str, provenance: dict[str, Any]) -> tuple[str, str]:
    import hashlib

    digest = hashlib.sha256(table_text.encode("utf-8")).hexdigest()
    return f"{provenance['imported_on']}_{_slug(provenance['release'])}_{digest[:8]}", digest


def _stage(root: Path, dataset: str, table_text: str, provenance: dict[str, Any]) -> Path | None:
    """Write one vintage folder (a temporary sibling renamed into place); returns it if this
    call created it, None if the same vintage was there already."""
    name = dataset_files()[dataset]
    vid, digest = _vintage_id(table_text, provenance)
    parent = _dataset_dir(dataset, root)
    final = parent / vid
    if final.is_dir():
        return None
    doc = dict(provenance)
    doc.update(
        {
            "dataset": dataset,
            "vintage": vid,
            "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "table": {"file": name, "sha256": digest, "bytes": len(table_text.encode("utf-8"))},
        }
    )
    tmp: Path | None = None
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{vid}-", dir=parent))
        with (tmp / name).open("w", encoding="utf-8", newline="") as fh:
            fh.write(table_text)
            fh.flush()
            os.fsync(fh.fileno())
        (tmp / PROVENANCE).write_text(
            json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        os.rename(tmp, final)
        tmp = None
    except OSError as err:
        raise CoopselectError(
            f"could not write the {dataset} vintage ({err.strerror or err}); nothing was changed.",
            file=final,
            fix="check the data folder's free space and permissions.",
        ) from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def install(
    tables: list[tuple[str, str, dict[str, Any]]],
    *,
    activate_all: bool = True,
    root: Path,
):
    """Write checked tables ``[(dataset, table text, provenance)]`` as vintages and make them
    active together, all or nothing (see the module docstring); returns their :class:`Vintage`.

    The vintage id is ``<date imported>_<release>_<first 8 hex of the table's SHA-256>``: the same
    release imported twice is the same vintage (it is activated again, not duplicated).
    """
    root = checked_data_dir(root)
    folders = [root, root / "vintages", *(_dataset_dir(d, root) for d, _, _ in tables)]
    missing = [p for p in dict.fromkeys(folders) if not p.exists()]
    made: list[Path] = []
    done = False
    try:
        for dataset, text, provenance in tables:
            folder = _stage(root, dataset, text, provenance)
            if folder is not None:
                made.append(folder)
        ids = {d: _vintage_id(text, prov)[0] for d, text, prov in tables}
        if activate_all:
            try:
                activate(ids, root)
            except CoopselectError:
                raise
            except OSError as err:
                raise CoopselectError(
                    f"could not switch the active vintages ({err.strerror or err}); nothing "
                    "was changed.",
                    file=_pointer(root),
                    fix="check the data folder's free space and permissions.",
                ) from None
        done = True
    finally:
        if not done:  # put the data folder back as it was
            for folder in made:
                shutil.rmtree(folder, ignore_errors=True)
            for p in sorted(missing, key=lambda p: len(p.parts), reverse=True):
                with contextlib.suppress(OSError):
                    p.rmdir()
    return [vintage(d, ids[d], root) for d, _, _ in tables]


def write_vintage(
    dataset: str,
    table_text: str,
    provenance: dict[str, Any],
    *,
    activate: bool = True,
    root: Path,
) -> Vintage:
    """Write one checked table as a vintage of ``dataset`` (all or nothing), then activate it."""
    return install([(dataset, table_text, provenance)], activate_all=activate, root=root)[0]
