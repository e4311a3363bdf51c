"""The bundled country data (data/*.csv): raw indicator values per country.

Each function returns raw values with NaN where the source has no figure; the scoring layer applies
the case's missing-value policy. Nothing here imputes. Tables are read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from coopselect.domain.model import Indicator
from coopselect.errors import CoopselectError
from coopselect.paths import data_dir


def source_path(name: str) -> Path:
    """The file read for the bundled data file ``name``: an imported vintage that replaces it
    (coopselect.io.vintages; the user's data folder), else the bundled file."""
    from coopselect.io.vintages import active_path

    return active_path(name) or data_dir() / name


def _csv(name: str) -> pd.DataFrame:
    return _read_csv(source_path(name))


@cache
def _read_csv(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise CoopselectError(
            "bundled data file is missing.", file=path, fix="reinstall coopselect."
        )
    return pd.read_csv(path, keep_default_na=True)


def clear_caches() -> None:
    """Forget every table read (tests that swap the data folder call this)."""
    for f in (
        _read_csv,
        _table_at,
        _production_year,
        countries,
        minerals,
        import_dependence,
        _alliance_tiers,
    ):
        f.cache_clear()


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    name_zh: str
    region_en: str
    region_zh: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@cache
def countries() -> dict[str, Country]:
    df = _csv("countries.csv")
    return {
        r.iso3: Country(r.iso3, r.name_en, r.name_zh, r.region_en, r.region_zh)
        for r in df.itertuples(index=False)
    }


@dataclass(frozen=True)
class Mineral:
    id: str
    name_en: str
    name_zh: str
    usgs_commodity: str
    usgs_product: str
    measure_note: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en


@cache
def minerals() -> dict[str, Mineral]:
    df = _csv("minerals.csv")
    return {
        r.id: Mineral(r.id, r.name_en, r.name_zh, r.usgs_commodity, r.usgs_product, r.measure_note)
        for r in df.itertuples(index=False)
    }


@cache
def import_dependence() -> dict[str, float | None]:
    """China's import dependence in percent (seed 000 table 1-1 footer; seed 002).

    Values the seeds state only as a bound (">50") are returned as None: they are not numbers.
    """
    df = _csv("seeds/china_import_dependence.csv")
    out: dict[str, float | None] = {}
    for r in df.itertuples(index=False):
        try:
            out[r.mineral] = float(r.dependence_pct)
        except ValueError:
            out[r.mineral] = None
    return out


def universe() -> tuple[str, ...]:
    """All countries the bundled data cover (the reference set for 'universe' scaling)."""
    return tuple(countries())


@dataclass(frozen=True)
class RawColumn:
    """Raw values of one indicator for the requested countries (NaN = no figure)."""

    values: dict[str, float]
    notes: tuple[str, ...] = ()


def _table(name: str, keys: tuple[str, ...], value: str) -> dict[tuple, dict[str, float]]:
    """A CSV as {key tuple: {iso3: value}} (first row wins), built once per file read.

    Plain dicts instead of repeated pandas boolean filters: the default case looks up a few
    hundred cells, and this keeps ``coopselect rank`` fast.
    """
    return _table_at(source_path(name), keys, value)


@cache
def _table_at(path: Path, keys: tuple[str, ...], value: str) -> dict[tuple, dict[str, float]]:
    df = _read_csv(path)
    missing = [c for c in ("iso3", *keys, value) if c not in df.columns]
    if missing:
        raise CoopselectError(
            f"data column {missing[0]!r} is missing.",
            file=path,
            place="header row",
            fix="restore the bundled file (reinstall coopselect) or add the column.",
        )
    out: dict[tuple, dict[str, float]] = {}
    cols = [df[k].tolist() for k in keys]
    for i, (iso, v) in enumerate(zip(df["iso3"].tolist(), df[value].tolist(), strict=True)):
        # NaN is not equal to itself: empty key cells become None so that they can be looked up.
        key = tuple(None if isinstance(c[i], float) and c[i] != c[i] else c[i] for c in cols)
        out.setdefault(key, {}).setdefault(iso, float(v))
    return out


def _pick(table: dict[tuple, dict[str, float]], key: tuple, iso3s: tuple[str, ...]):
    found = table.get(key, {})
    return {k: found.get(k, np.nan) for k in iso3s}


def raw_indicator(
    ind: Indicator, iso3s: tuple[str, ...], mineral_weights: dict[str, float]
) -> RawColumn:
    ds = ind.dataset
    if ds == "wgi":
        t = _table("wgi_2019_2023.csv", ("indicator_code", "year"), "estimate")
        return RawColumn(_pick(t, (ind.code, ind.year or 2023), iso3s))
    if ds == "lpi":
        t = _table("lpi_2023_2018.csv", ("indicator", "year"), "score")
        return RawColumn(_pick(t, (ind.code, ind.year or 2023), iso3s))
    if ds == "electricity":
        t = _table("electricity_access_wdi.csv", ("year",), "value")
        return RawColumn(_pick(t, (ind.year or 2023,), iso3s))
    if ds == "epi":
        t = _table("epi_2022_2024.csv", ("indicator", "edition"), "value")
        return RawColumn(_pick(t, (ind.code, ind.edition or "EPI 2024"), iso3s))
    if ds == "pacts":
        df = _csv("seeds/western_mineral_pacts.csv")
        counts = {k: 0.0 for k in iso3s}
        for members in df.members_iso3:
            for code in str(members).split(";"):
                if code in counts:
                    counts[code] += 1.0
        return RawColumn(counts)
    if ds == "msp":
        tiers = ind.tiers or {}
        return RawColumn({k: float(tiers[alliance_tier(k)]) for k in iso3s})
    if ds == "usgs":
        raise CoopselectError(
            f"indicator {ind.id!r}: USGS shares are per mineral; use usgs_shares().",
            place=f"indicators.{ind.id}",
        )
    raise CoopselectError(f"unknown dataset {ds!r}.", place=f"indicators.{ind.id}")


# ---- alliance status (seed 004) ----------------------------------------------------------------

MSP_ROW = "M4"  # western_mineral_pacts.csv: the Minerals Security Partnership's partners


@cache
def _alliance_tiers() -> dict[str, str]:
    pacts = _csv("seeds/western_mineral_pacts.csv")
    row = pacts[pacts.id == MSP_ROW]
    out: dict[str, str] = {}
    for code in str(row.members_iso3.iloc[0]).split(";"):
        out[code] = "core"
    forum = _csv("seeds/msp_forum_members.csv")
    for r in forum.itertuples(index=False):
        if r.iso3 in out:
            continue
        out[r.iso3] = "forum" if r.status == "MSP forum member" else "courted"
    return out


def alliance_tier(iso3: str) -> str:
    """'core' (an MSP partner, seed 004 table 1 row 4), 'forum' (an MSP forum member), 'courted'
    (courted by the US, seed 004 sec. 2.3) or 'none'. Only ISO3 codes the seed lists count: the EU
    is a partner as a bloc, and its member states are not expanded from it."""
    return _alliance_tiers().get(iso3, "none")


# ---- GDP per capita (World Bank WDI) -----------------------------------------------------------


def gdp_per_capita(iso3s: tuple[str, ...], year: int) -> dict[str, float]:
    """GDP per capita, current US$ (WDI NY.GDP.PCAP.CD); NaN where the source has no value."""
    t = _table("wdi_gdp_per_capita.csv", ("year",), "value")
    return _pick(t, (year,), iso3s)


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


USGS_FILE = "usgs_mcs2024_world_production_reserves.csv"


def usgs_production_year(year: int) -> int:
    """``year`` if the active USGS table has production figures for it, else the table's latest
    production year (an imported older release, e.g. MCS 2023, ends in 2022)."""
    return _production_year(source_path(USGS_FILE), int(year))


@cache
def _production_year(path: Path, year: int) -> int:
    df = _read_csv(path)
    years = df.loc[df["measure"] == "mine/refinery production", "year"].dropna()
    present = {int(y) for y in years.unique()}
    if not present or year in present:
        return year
    return max(present)


def usgs_shares(mineral_id: str, measure: str, year: int, iso3s: tuple[str, ...]) -> MineralShares:
    table = _table(
        USGS_FILE,
        ("commodity", "product", "measure", "year"),
        "value_tonnes",
    )
    mineral = minerals()[mineral_id]
    usgs_measure = "reserves" if measure == "reserves" else "mine/refinery production"
    key_year = None if measure == "reserves" else float(usgs_production_year(year))
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


@cache
def source_registry() -> tuple[dict, ...]:
    """data/sources.toml: one entry per bundled data file (publisher, release, licence, ...)."""
    from coopselect.io.files import read_toml

    return tuple(dict(entry) for entry in read_toml(data_dir() / "sources.toml")["sources"])
