"""The bundled country data (data/*.csv): raw indicator values per country.

Each function returns raw values with NaN where the source has no figure; the scoring layer applies
the case's missing-value policy. Nothing here imputes. Tables are read once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from coopselect.domain.model import Indicator
from coopselect.errors import CoopselectError
from coopselect.paths import data_dir


@cache
def _csv(name: str) -> pd.DataFrame:
    path = data_dir() / name
    if not path.exists():
        raise CoopselectError(
            "bundled data file is missing.", file=path, fix="reinstall coopselect."
        )
    return pd.read_csv(path, keep_default_na=True)


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
class MineralGap:
    country: str
    mineral: str
    measure: str
    why: str  # "unlisted" (USGS lists no row) or "blank" (listed without a figure)


@dataclass(frozen=True)
class RawColumn:
    """Raw values of one indicator for the requested countries (NaN = no figure)."""

    values: dict[str, float]
    gaps: tuple[MineralGap, ...] = ()
    notes: tuple[str, ...] = ()


@cache
def _table(name: str, keys: tuple[str, ...], value: str) -> dict[tuple, dict[str, float]]:
    """A CSV as {key tuple: {iso3: value}} (first row wins), built once per process.

    Plain dicts instead of repeated pandas boolean filters: the default case looks up a few
    hundred cells, and this keeps ``coopselect rank`` fast.
    """
    df = _csv(name)
    missing = [c for c in ("iso3", *keys, value) if c not in df.columns]
    if missing:
        raise CoopselectError(
            f"data column {missing[0]!r} is missing.",
            file=data_dir() / name,
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
        t = _table("wgi_2021_2023.csv", ("indicator_code", "year"), "estimate")
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
        df = _csv("seeds/msp_forum_members.csv")
        members = set(df[df.status == "MSP forum member"].iso3)
        return RawColumn({k: 1.0 if k in members else 0.0 for k in iso3s})
    if ds == "usgs":
        return _usgs_share(ind, iso3s, mineral_weights)
    raise CoopselectError(f"unknown dataset {ds!r}.", place=f"indicators.{ind.id}")


def _usgs_share(
    ind: Indicator, iso3s: tuple[str, ...], mineral_weights: dict[str, float]
) -> RawColumn:
    """Weighted share of world reserves or mine production over the case's minerals.

    share[k] = sum_m w_m * value[k, m] / world[m]. A mineral without a USGS world total for this
    measure is left out (and the weights of the rest rescaled), with a note. A country USGS does not
    list, or lists without a figure, is reported as a gap; the caller applies the case's rule.
    """
    table = _table(
        "usgs_mcs2024_world_production_reserves.csv",
        ("commodity", "product", "measure", "year"),
        "value_tonnes",
    )
    cat = minerals()
    is_reserves = ind.measure == "reserves"
    gaps: list[MineralGap] = []
    notes: list[str] = []
    used: dict[str, float] = {}
    per_mineral: dict[str, dict[str, float]] = {}
    for mid, w in mineral_weights.items():
        mineral = cat[mid]
        measure = "reserves" if is_reserves else "mine/refinery production"
        year = None if is_reserves else float(ind.year or 2023)
        by_country = table.get((mineral.usgs_commodity, mineral.usgs_product, measure, year), {})
        world = by_country.get("WORLD", np.nan)
        if not np.isfinite(world) or world <= 0:
            notes.append(
                f"{mineral.name_en}: USGS MCS 2024 gives no world {ind.measure} total; "
                f"left out of {ind.id}."
            )
            continue
        used[mid] = w
        per_mineral[mid] = {}
        for k in iso3s:
            v = by_country.get(k)
            if v is None or not np.isfinite(v):
                gaps.append(
                    MineralGap(k, mid, ind.measure or "", "unlisted" if v is None else "blank")
                )
                per_mineral[mid][k] = np.nan
            else:
                per_mineral[mid][k] = v / world
    total = sum(used.values())
    if total <= 0:
        return RawColumn({k: np.nan for k in iso3s}, tuple(gaps), tuple(notes))
    shares = {k: 0.0 for k in iso3s}
    for mid, w in used.items():
        for k in iso3s:
            v = per_mineral[mid][k]
            if np.isfinite(v):
                shares[k] += (w / total) * v
    return RawColumn(shares, tuple(gaps), tuple(notes))
