"""The reference tables every other reader names things by: the economies (data/countries.csv)
and the minerals (data/minerals.csv), and the one reader of a bundled CSV file's rows.

They sit below the data readers (:mod:`coopselect.io.data.datasets`,
:mod:`coopselect.io.data.policy`), which both check names against them, so that neither needs the
other for that.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from coopselect.domain.economy import Country, Mineral
from coopselect.errors import CoopselectError
from coopselect.io.data.sources import file_of
from coopselect.paths import data_dir


@cache
def read_rows(path: Path) -> tuple[dict[str, str], ...]:
    """The rows of a bundled (or imported) CSV file as dicts of text."""
    import csv

    if not path.exists():
        raise CoopselectError(
            "bundled data file is missing.", file=path, fix="reinstall coopselect."
        )
    with path.open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


def bundled_rows(dataset_id: str) -> tuple[dict[str, str], ...]:
    """The rows of the bundled file of ``dataset_id`` (a table no vintage replaces)."""
    return read_rows(data_dir() / file_of(dataset_id))


@cache
def countries() -> dict[str, Country]:
    return {
        r["iso3"]: Country(r["iso3"], r["name_en"], r["name_zh"], r["region_en"], r["region_zh"])
        for r in bundled_rows("countries")
    }


@cache
def minerals() -> dict[str, Mineral]:
    keys = ("id", "name_en", "name_zh", "usgs_commodity", "usgs_product", "measure_note")
    return {r["id"]: Mineral(*(r[k] for k in keys)) for r in bundled_rows("minerals")}


def clear_caches() -> None:
    """Forget every table read (tests that swap the data folder call this)."""
    for f in (read_rows, countries, minerals):
        f.cache_clear()
