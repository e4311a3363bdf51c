"""The bundled country data (data/*.csv): raw indicator values per country.

Each function returns raw values with NaN where the source has no figure; the scoring layer applies
the case's missing-value policy. Nothing here imputes. Tables are read once per process, with the
standard library's csv reader: ranking never imports pandas (about a third of a second of start-up;
``frame`` gives pandas DataFrames to the listing commands that want them).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from coopselect.domain.model import Indicator
from coopselect.errors import CoopselectError
from coopselect.io.data import policy, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.data.sources import INDICATOR, by_file, by_id, file_of
from coopselect.io.data.sources import dataset as descriptor
from coopselect.paths import data_dir

USGS = "usgs"  # the dataset of world production and reserves (data/sources.toml)


def source_path(name: str, data: DataSnapshot | None) -> Path:
    """The file read for the bundled data file ``name``: the table of the active imported vintage
    that replaces it in ``data`` (the run's snapshot: coopselect.io.data.snapshot), else the
    bundled file. ``data`` may be None only for a file that no vintage can replace: those never
    consult a data folder."""
    d = by_file(name)
    imported = None
    if d is not None and d.vintages:
        if data is None:
            raise ValueError(f"{name} can be replaced by an imported vintage: pass a DataSnapshot.")
        imported = data.imported_path(name)
    return imported or data_dir() / name


# Cells that stand for "no figure" (pandas' own defaults for the bundled files' spellings).
_MISSING = frozenset({"", "NA", "N/A", "NaN", "nan", "null", "NULL"})


def _csv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a bundled file that no vintage replaces."""
    return reference.read_rows(source_path(name, None))


def frame(name: str, data: DataSnapshot):
    """The data file ``name`` (bundled, or its active imported vintage) as a pandas DataFrame."""
    return frame_at(source_path(name, data))


def frame_at(path: Path):
    """A data file as a pandas DataFrame (pandas imported here, for listings and diffs only)."""
    import pandas as pd

    return pd.read_csv(path, keep_default_na=True)


def _number(text: str | None) -> float:
    """A cell as a number: NaN where the source has no figure."""
    if text is None or text.strip() in _MISSING:
        return float("nan")
    return float(text)


def _key(text: str | None):
    """A key cell: None where empty, a number where numeric (2023 and 2023.0 are one key), else
    the text."""
    if text is None or text.strip() in _MISSING:
        return None
    try:
        return float(text)
    except ValueError:
        return text


def clear_caches() -> None:
    """Forget every table read (tests that swap the data folder call this)."""
    for f in (_table_at, _production_year, import_dependence):
        f.cache_clear()
    reference.clear_caches()
    policy.clear_alliance_cache()


@cache
def import_dependence() -> dict[str, float | None]:
    """China's import dependence in percent (seed 000 table 1-1 footer; seed 002).

    Values the seeds state only as a bound (">50") are returned as None: they are not numbers.
    """
    out: dict[str, float | None] = {}
    for r in _csv(file_of("import_dependence")):
        try:
            out[r["mineral"]] = float(r["dependence_pct"])
        except ValueError:
            out[r["mineral"]] = None
    return out


def universe() -> tuple[str, ...]:
    """All countries the bundled data cover (the reference set for 'universe' scaling)."""
    return tuple(reference.countries())


@dataclass(frozen=True)
class RawColumn:
    """Raw values of one indicator for the requested countries (NaN = no figure)."""

    values: dict[str, float]
    notes: tuple[str, ...] = ()


def _table(dataset: str, data: DataSnapshot) -> dict[tuple, dict[str, float]]:
    """A dataset's table as {key tuple: {iso3: value}} (first row wins; the keys and the value
    column of its descriptor, data/sources.toml), built once per file read.

    Plain dicts instead of repeated pandas boolean filters: the default case looks up a few
    hundred cells, and this keeps ``coopselect rank`` fast.
    """
    d = descriptor(dataset)
    return _table_at(source_path(d.file, data), d.keys, d.value)


@cache
def _table_at(path: Path, keys: tuple[str, ...], value: str) -> dict[tuple, dict[str, float]]:
    import csv

    if not path.exists():
        raise CoopselectError(
            "bundled data file is missing.", file=path, fix="reinstall coopselect."
        )
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, [])
        missing = [c for c in ("iso3", *keys, value) if c not in header]
        if missing:
            raise CoopselectError(
                f"data column {missing[0]!r} is missing.",
                file=path,
                place="header row",
                fix="restore the bundled file (reinstall coopselect) or add the column.",
            )
        iso_at, value_at = header.index("iso3"), header.index(value)
        key_at = [header.index(k) for k in keys]
        parsed: dict[str, object] = {}  # key cells repeat (years, codes): parse each text once
        out: dict[tuple, dict[str, float]] = {}
        for row in reader:
            key = []
            for i in key_at:
                text = row[i]
                if text not in parsed:
                    parsed[text] = _key(text)
                key.append(parsed[text])
            out.setdefault(tuple(key), {}).setdefault(row[iso_at], _number(row[value_at]))
    return out


def _pick(table: dict[tuple, dict[str, float]], key: tuple, iso3s: tuple[str, ...]):
    found = table.get(key, {})
    return {k: found.get(k, np.nan) for k in iso3s}


def raw_indicator(
    ind: Indicator,
    iso3s: tuple[str, ...],
    mineral_weights: dict[str, float],
    data: DataSnapshot,
) -> RawColumn:
    ds = ind.dataset
    d = by_id(ds)
    if d is not None and d.read == INDICATOR and d.keys:
        # A keyed table (data/sources.toml keys): the indicator's code for each key but the
        # period, and for the period the indicator's year or edition, else the latest.
        period = getattr(ind, d.period, None) or _key(d.latest)
        key = tuple(period if k == d.period else ind.code for k in d.keys)
        return RawColumn(_pick(_table(ds, data), key, iso3s))
    if ds == "pacts":
        counts = {k: 0.0 for k in iso3s}
        for r in _csv(file_of("pacts")):
            for code in r["members_iso3"].split(";"):
                if code in counts:
                    counts[code] += 1.0
        return RawColumn(counts)
    if ds == "msp":
        tiers = ind.tiers or {}
        return RawColumn({k: float(tiers[policy.alliance_tier(k)]) for k in iso3s})
    if ds == "usgs":
        raise CoopselectError(
            f"indicator {ind.id!r}: USGS shares are per mineral; use usgs_shares().",
            place=f"indicators.{ind.id}",
        )
    raise CoopselectError(f"unknown dataset {ds!r}.", place=f"indicators.{ind.id}")


# ---- GDP per capita (World Bank WDI) -----------------------------------------------------------


def gdp_per_capita(iso3s: tuple[str, ...], year: int, data: DataSnapshot) -> dict[str, float]:
    """GDP per capita, current US$ (WDI NY.GDP.PCAP.CD); NaN where the source has no value."""
    return _pick(_table("gdp_per_capita", data), (year,), iso3s)


# ---- USGS world shares ------------------------------------------------------------------------


@dataclass(frozen=True)
class MineralShares:
    """One mineral and measure: each country's share of the USGS world total.

    ``shares[k]`` is NaN where USGS gives no figure for ``k`` (``gaps`` says why);
    ``smallest`` is the smallest positive share of a listed country (the bound for unlisted ones).
    """

    mineral: str
    measure: str  # "production" or "reserves"
    world: float  # tonnes; NaN when USGS gives no world total
    shares: dict[str, float]
    gaps: dict[str, str]  # iso3 -> "unlisted" | "blank"
    smallest: float
    product: str = ""  # the USGS product the figures come from, when not the mineral's own


def usgs_path(data: DataSnapshot) -> Path:
    """The USGS table read (bundled, or the active imported vintage)."""
    return source_path(file_of(USGS), data)


def usgs_production_year(year: int, data: DataSnapshot) -> int:
    """``year`` if the active USGS table has production figures for it, else the table's latest
    production year (an imported older release, e.g. MCS 2023, ends in 2022)."""
    return _production_year(usgs_path(data), int(year))


@cache
def _production_year(path: Path, year: int) -> int:
    present = {
        int(_key(r["year"]))
        for r in reference.read_rows(path)
        if r["measure"] == "mine/refinery production" and _key(r["year"]) is not None
    }
    if not present or year in present:
        return year
    return max(present)


def usgs_shares(
    mineral_id: str,
    measure: str,
    year: int,
    iso3s: tuple[str, ...],
    data: DataSnapshot,
) -> MineralShares:
    table = _table(USGS, data)
    mineral = reference.minerals()[mineral_id]
    usgs_measure = "reserves" if measure == "reserves" else "mine/refinery production"
    key_year = None if measure == "reserves" else float(usgs_production_year(year, data))
    product = mineral.usgs_product
    by_country = table.get((mineral.usgs_commodity, product, usgs_measure, key_year), {})
    world = by_country.get("WORLD", np.nan)
    if measure == "reserves" and not (np.isfinite(world) and world > 0):
        # USGS gives some reserves once per commodity (all PGMs on the platinum rows).
        for (com, prod, meas, _y), rows in table.items():
            w = rows.get("WORLD", np.nan)
            if com == mineral.usgs_commodity and meas == "reserves" and np.isfinite(w) and w > 0:
                product, by_country, world = prod, rows, w
                break
    if not np.isfinite(world) or world <= 0:
        return MineralShares(mineral_id, measure, np.nan, {k: np.nan for k in iso3s}, {}, np.nan)
    listed = [
        v / world
        for c, v in by_country.items()
        if c not in ("WORLD", "OTHER") and np.isfinite(v) and v > 0
    ]
    shares: dict[str, float] = {}
    gaps: dict[str, str] = {}
    for k in iso3s:
        v = by_country.get(k)
        if v is None or not np.isfinite(v):
            gaps[k] = "unlisted" if v is None else "blank"
            shares[k] = np.nan
        else:
            shares[k] = v / world
    return MineralShares(
        mineral_id,
        measure,
        float(world),
        shares,
        gaps,
        min(listed) if listed else np.nan,
        "" if product == mineral.usgs_product else product,
    )
