"""The bundled datasets, each described once: data/sources.toml read into :class:`Dataset`.

A descriptor says which file a dataset is, who published it, under which licence, which release
(year), which columns the code reads, how reports cite it (data/citations.toml), whether an
imported vintage can replace it, and when the model reads it. The readers (``io.data.datasets``),
the vintages (``io.data.vintages``), the catalogue, the citations, the report's provenance and
``coopselect data sources`` all read these descriptors; none spells a file name or a list of
datasets of its own. Adding a dataset is one ``[[sources]]`` entry (CONTRIBUTING.md).

This module imports nothing of coopselect but the file gate and the paths, so that every loader
can import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from coopselect.errors import CoopselectError

# When the model reads a dataset (``read`` in data/sources.toml).
ALWAYS = "always"  # every ranking
INDICATOR = "indicator"  # when an indicator of the criteria hierarchy names the dataset
MINERAL_WEIGHTING = "mineral_weighting"  # cases with minerals weighted by import dependence
NOT_READ = "no"  # reference tables, importers, validate: never a ranking
READS = (ALWAYS, INDICATOR, MINERAL_WEIGHTING, NOT_READ)

_TEXT = ("file", "dataset", "title", "publisher", "year", "licence", "origin", "used_for")


@dataclass(frozen=True)
class Dataset:
    """One bundled data file, as data/sources.toml describes it."""

    id: str  # "wgi"; the key of indicators' ``dataset`` and of citations.toml [datasets.ID]
    file: str  # its path under data/
    title: str
    publisher: str
    year: str  # the release year (or years, as published)
    licence: str
    origin: str  # where the project's copy came from
    used_for: str
    read: str  # one of READS
    columns: tuple[str, ...]  # the columns the code reads
    used_for_zh: str = ""  # the same in Chinese (Chinese output; empty: the English is shown)
    vintages: bool = False  # an imported release can replace the file
    keys: tuple[str, ...] = ()  # lookup keys besides iso3 (tables read by key)
    value: str = ""  # the value column of such a table
    period: str = ""  # its year or edition column (an indicator's year or edition; coverage)
    latest: str = ""  # the period an indicator that names none reads
    citation: str = ""  # key in data/citations.toml [datasets]; default: the id
    reviewed: str = ""  # when the project last reviewed a table it compiles

    @property
    def read_by_model(self) -> bool:
        return self.read != NOT_READ

    def as_dict(self) -> dict[str, Any]:
        """The registry entry as ``data sources --format json`` shows it."""
        out: dict[str, Any] = {
            "file": self.file,
            "dataset": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "year": self.year,
            "licence": self.licence,
            "origin": self.origin,
            "used_for": self.used_for,
            "used_for_zh": self.used_for_zh,
            "read": self.read,
            "vintages": self.vintages,
            "columns": list(self.columns),
            "citation": self.citation,
        }
        if self.reviewed:
            out["reviewed"] = self.reviewed
        return out


def _descriptor(entry: dict[str, Any], n: int, path) -> Dataset:
    place = f"sources #{n}"
    for key in _TEXT:
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise CoopselectError(
                f"the data registry entry has no {key}.",
                file=path,
                place=place,
                fix=f'give every [[sources]] entry a {key} = "..." line.',
            )
    if entry.get("read") not in READS:
        raise CoopselectError(
            f"read = {entry.get('read')!r} is not one of {', '.join(READS)}.",
            file=path,
            place=f"{place} ({entry['dataset']})",
            fix="say when the model reads the file.",
        )
    columns = entry.get("columns")
    if not isinstance(columns, list) or not columns:
        raise CoopselectError(
            "the data registry entry lists no columns.",
            file=path,
            place=f"{place} ({entry['dataset']})",
            fix='list the columns the code reads: columns = ["iso3", ...].',
        )
    return Dataset(
        id=entry["dataset"],
        file=entry["file"],
        title=entry["title"],
        publisher=entry["publisher"],
        year=entry["year"],
        licence=entry["licence"],
        origin=entry["origin"],
        used_for=entry["used_for"],
        used_for_zh=str(entry.get("used_for_zh", "")),
        read=entry["read"],
        columns=tuple(columns),
        vintages=bool(entry.get("vintages", False)),
        keys=tuple(entry.get("keys", ())),
        value=str(entry.get("value", "")),
        period=str(entry.get("period", "")),
        latest=str(entry.get("latest", "")),
        citation=str(entry.get("citation", entry["dataset"])),
        reviewed=str(entry.get("reviewed", "")),
    )


@cache
def registry() -> tuple[Dataset, ...]:
    """Every bundled dataset, in the order of data/sources.toml."""
    from coopselect.io.files import read_toml
    from coopselect.paths import data_dir

    path = data_dir() / "sources.toml"
    entries = read_toml(path).get("sources", [])
    out = tuple(_descriptor(dict(e), n, path) for n, e in enumerate(entries, start=1))
    for attr in ("id", "file"):
        seen: set[str] = set()
        for d in out:
            if getattr(d, attr) in seen:
                raise CoopselectError(
                    f"two registry entries have the {attr} {getattr(d, attr)!r}.",
                    file=path,
                    fix="describe each dataset once.",
                )
            seen.add(getattr(d, attr))
    return out


def dataset(dataset_id: str) -> Dataset:
    """The descriptor of ``dataset_id`` (refused if there is none)."""
    d = by_id(dataset_id)
    if d is not None:
        return d
    raise CoopselectError(
        f"unknown dataset {dataset_id!r}.",
        fix=f"use one of: {', '.join(d.id for d in registry())} (data/sources.toml).",
    )


def by_id(dataset_id: str) -> Dataset | None:
    """The descriptor of ``dataset_id``, if there is one."""
    return next((d for d in registry() if d.id == dataset_id), None)


# Datasets an indicator can name that are read by code of their own (io/data/datasets.raw_indicator:
# per-mineral shares, the pacts count, the alliance tiers); every keyed indicator table of the
# registry (read = "indicator") needs none.
SPECIAL_INDICATORS = ("usgs", "pacts", "msp")


def indicator_datasets() -> tuple[str, ...]:
    """The dataset ids a criteria file's indicator may name."""
    keyed = tuple(d.id for d in registry() if d.read == INDICATOR and d.keys)
    return (*keyed, *SPECIAL_INDICATORS)


def needs_code(dataset_id: str) -> bool:
    """Whether an indicator of ``dataset_id`` must name its column (``code``): a keyed table
    with a key besides its year or edition (WGI's indicator code, LPI's and the EPI's indicator)."""
    d = by_id(dataset_id)
    return d is not None and d.read == INDICATOR and any(k != d.period for k in d.keys)


def file_of(dataset_id: str) -> str:
    """The bundled file of ``dataset_id`` (path under data/)."""
    return dataset(dataset_id).file


def by_file(name: str) -> Dataset | None:
    """The descriptor of the bundled file ``name``, if it is one."""
    return next((d for d in registry() if d.file == name), None)


def with_vintages() -> tuple[Dataset, ...]:
    """The datasets that an imported release can replace (``coopselect data import``)."""
    return tuple(d for d in registry() if d.vintages)


def used_datasets(
    hierarchy, *, mineral_weighting: str | None = None, indicators: Iterable[str] | None = None
) -> list[str]:
    """The ids of the datasets the model reads to rank a case, in registry order: every dataset
    read always, those that the hierarchy's ``indicators`` (default: all of them) name, and the
    import-dependence table when the case weights its minerals by it.

    The one answer to "which data does a ranking rest on" (citations, provenance, vintages)."""
    inds = hierarchy.indicators
    named = {inds[i].dataset for i in (inds if indicators is None else indicators)}
    out = []
    for d in registry():
        if (
            d.read == ALWAYS
            or d.id in named
            or (d.read == MINERAL_WEIGHTING and mineral_weighting == d.id)
        ):
            out.append(d.id)
    return out


def used_by(result) -> list[str]:
    """:func:`used_datasets` of a ranking (a ``RankResult``): its case and the indicators it
    scored."""
    case = result.case
    return used_datasets(
        case.hierarchy,
        mineral_weighting=case.minerals.weighting,
        indicators=result.scores.indicators,
    )
