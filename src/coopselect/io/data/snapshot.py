"""The data a run reads: which vintage of each dataset is active, fixed once per run.

A :class:`DataSnapshot` is read once (``DataSnapshot.read(data_dir)``: the data folder's
``vintages/active.json``, one read) and then answers, without touching the pointer again, which
file stands for each bundled data file: the bundled one, or the table of the active imported
vintage (coopselect.io.data.vintages). ``pipeline.prepare`` reads one and passes it into the readers
(``coopselect.io.data.datasets``); a ranking keeps it (``RankResult.data``), so that its notes and
its JSON name the vintages it was computed with even if ``coopselect data use`` switched one since.

Readers called without a snapshot use the one of the run in progress (:func:`using`), else read
a fresh one: listing commands and tests see the data folder as it is now.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.io.data import vintages
from coopselect.io.data.sources import by_file


@dataclass(frozen=True)
class DataSnapshot:
    """The active vintages of one data folder, read once."""

    folder: Path  # the user's data folder (--data-dir, $COOPSELECT_DATA_DIR or the default)
    active: Mapping[str, str] = field(default_factory=dict)  # dataset -> imported vintage id

    @classmethod
    def read(cls, data_dir: str | Path | None = None) -> DataSnapshot:
        """The active vintages of ``data_dir`` (default: the data folder of this process)."""
        folder = vintages.folder_of(data_dir)
        active = vintages.active_map(folder)
        files = vintages.dataset_files()
        return cls(
            folder, {d: v for d, v in active.items() if d in files and v != vintages.BUNDLED}
        )

    def vintage_id(self, dataset: str) -> str:
        return self.active.get(dataset, vintages.BUNDLED)

    def vintage(self, dataset: str) -> vintages.Vintage:
        """The vintage of ``dataset`` this snapshot reads (its provenance read now)."""
        return vintages.vintage(dataset, self.vintage_id(dataset), self.folder)

    def path(self, name: str) -> Path:
        """The file read for the bundled data file ``name`` (a path under data/)."""
        from coopselect.paths import data_dir as bundled

        return self.imported_path(name) or bundled() / name

    def imported_path(self, name: str) -> Path | None:
        """The table of the active imported vintage that replaces the bundled file ``name``;
        None when the bundled file is read."""
        d = by_file(name)
        if d is None or not d.vintages:
            return None
        vid = self.active.get(d.id)
        if vid is None:
            return None
        path = self.folder / "vintages" / d.id / vid / name
        if not path.is_file():
            raise CoopselectError(
                f"the active {d.id} vintage {vid!r} has no table {name}.",
                file=path,
                fix=f"run 'coopselect data use {d.id} bundled' or import the release again.",
            )
        return path


_RUN: ContextVar[DataSnapshot | None] = ContextVar("coopselect_data_snapshot", default=None)


def current() -> DataSnapshot:
    """The snapshot of the run in progress (:func:`using`), else the data folder as it is now."""
    snap = _RUN.get()
    return snap if snap is not None else DataSnapshot.read()


@contextlib.contextmanager
def using(snapshot: DataSnapshot) -> Iterator[DataSnapshot]:
    """Read through ``snapshot`` inside the block (readers given no snapshot of their own)."""
    token = _RUN.set(snapshot)
    try:
        yield snapshot
    finally:
        _RUN.reset(token)
