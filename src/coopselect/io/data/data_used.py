"""What data a ranking rested on: its datasets' vintages (``rank --format json``) and one note per
imported vintage it read. Both take the datasets from :func:`coopselect.io.data.sources.used_by` and
the vintages from the ranking's own snapshot (``result.data``), read when it was ranked."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopselect.io.data import datasets
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.data.sources import used_by, with_vintages
from coopselect.io.data.vintages import BUNDLED

if TYPE_CHECKING:
    from coopselect.messages import Message


def snapshot_of(result) -> DataSnapshot | None:
    """The data snapshot a ranking was computed with (None: a ranking of a problem built from no
    data folder, e.g. a synthetic matrix, which names no vintage)."""
    return getattr(result, "data", None)


def _with_vintages(result) -> list[str]:
    have = {d.id for d in with_vintages()}
    return [d for d in used_by(result) if d in have]


def data_vintages(result) -> dict[str, dict[str, Any]]:
    """{dataset: the vintage read} for every dataset with vintages the ranking used."""
    snap = snapshot_of(result)
    if snap is None:
        return {}
    return {d: snap.vintage(d).as_dict() for d in _with_vintages(result)}


def vintage_notes(result) -> list[Message]:
    """One note per imported vintage the ranking used (bundled files need none)."""
    from coopselect.messages import message

    snap = snapshot_of(result)
    if snap is None:
        return []
    notes = []
    used = _with_vintages(result)
    for d in used:
        if snap.vintage_id(d) != BUNDLED:
            v = snap.vintage(d)  # its label(), in the note's language
            when = str(v.provenance.get("imported_on"))
            notes.append(message("data.vintage", dataset=d, id=v.id, release=v.release, on=when))
    if "usgs" in used and snap.vintage_id("usgs") != BUNDLED:
        for iid in result.scores.indicators:
            ind = result.case.hierarchy.indicators[iid]
            if ind.dataset == "usgs" and ind.measure == "production" and ind.year:
                used_year = datasets.usgs_production_year(ind.year, snap)
                if used_year != ind.year:
                    msg = message("data.usgs_year", indicator=iid, year=ind.year, used=used_year)
                    notes.append(msg)
    return notes
