"""The data a run reads: which vintage of each dataset is active, fixed once per run.

A :class:`DataSnapshot` is read once (``DataSnapshot.read(data_dir)``: the data folder's
``vintages/active.json``, one read) and then answers, without touching the pointer again, which
file stands for each bundled data file: the bundled one, or the table of the active imported
vintage (coopselect.io.data.vintages). ``pipeline.prepare`` reads one and passes it into the readers
(``coopselect.io.data.datasets``); a ranking keeps it (``RankResult.data``), so that its notes and
its JSON name the vintages it was computed with even if ``coopselect data use`` switched one since.

There is no snapshot of the process: the edge (the CLI's ``--data-dir``, the app, the Python API
``pipeline.rank(data=...)``) reads one and passes it to every reader of an imported-vintage table,
so two snapshots of two data folders can be used side by side in one process.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    def read(cls, data_dir: str | Path | None) -> DataSnapshot:
        """The active vintages of the data folder ``data_dir`` (a ``--data-dir`` value; None:
        ``$COOPSELECT_DATA_DIR``, else the user's data directory: vintages.folder_of)."""
        from coopselect.io.data.folder import check_data_dir

        # A folder named by --data-dir or $COOPSELECT_DATA_DIR must exist: a mistyped one would
        # otherwise rank on the bundled data without a word.
        folder = check_data_dir(vintages.folder_of(data_dir))
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
