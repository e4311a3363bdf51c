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


def raw_indicator(
    ind: Indicator, iso3s: tuple[str, ...], mineral_weights: dict[str, float]
) -> RawColumn:
    ds = ind.dataset
    if ds == "wgi":
        df = _csv("wgi_2021_2023.csv")
        sel = df[(df.indicator_code == ind.code) & (df.year == (ind.year or 2023))]
        return RawColumn(_lookup(sel, "estimate", iso3s))
    if ds == "lpi":
        df = _csv("lpi_2023_2018.csv")
        sel = df[(df.indicator == ind.code) & (df.year == (ind.year or 2023))]
        return RawColumn(_lookup(sel, "score", iso3s))
    if ds == "electricity":
        df = _csv("electricity_access_wdi.csv")
        sel = df[df.year == (ind.year or 2023)]
        return RawColumn(_lookup(sel, "value", iso3s))
    if ds == "epi":
        df = _csv("epi_2022_2024.csv")
        sel = df[(df.indicator == ind.code) & (df.edition == (ind.edition or "EPI 2024"))]
        return RawColumn(_lookup(sel, "value", iso3s))
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


def _lookup(sel: pd.DataFrame, column: str, iso3s: tuple[str, ...]) -> dict[str, float]:
    series = sel.drop_duplicates("iso3").set_index("iso3")[column]
    return {k: float(series.get(k, np.nan)) for k in iso3s}


def _usgs_share(
    ind: Indicator, iso3s: tuple[str, ...], mineral_weights: dict[str, float]
) -> RawColumn:
    """Weighted share of world reserves or mine production over the case's minerals.

    share[k] = sum_m w_m * value[k, m] / world[m]. A mineral without a USGS world total for this
    measure is left out (and the weights of the rest rescaled), with a note. A country USGS does not
    list, or lists without a figure, is reported as a gap; the caller applies the case's rule.
    """
    df = _csv("usgs_mcs2024_world_production_reserves.csv")
    cat = minerals()
    is_reserves = ind.measure == "reserves"
    shares = {k: 0.0 for k in iso3s}
    gaps: list[MineralGap] = []
    notes: list[str] = []
    used: dict[str, float] = {}
    per_mineral: dict[str, dict[str, float]] = {}
    for mid, w in mineral_weights.items():
        mineral = cat[mid]
        sel = df[(df.commodity == mineral.usgs_commodity) & (df["product"] == mineral.usgs_product)]
        if is_reserves:
            sel = sel[sel.measure == "reserves"]
        else:
            sel = sel[
                (sel.measure == "mine/refinery production") & (sel.year == (ind.year or 2023))
            ]
        world = sel[sel.iso3 == "WORLD"].value_tonnes
        if world.empty or not np.isfinite(world.iloc[0]) or world.iloc[0] <= 0:
            notes.append(
                f"{mineral.name_en}: USGS MCS 2024 gives no world {ind.measure} total; "
                f"left out of {ind.id}."
            )
            continue
        used[mid] = w
        by_country = sel.drop_duplicates("iso3").set_index("iso3").value_tonnes
        per_mineral[mid] = {}
        for k in iso3s:
            if k not in by_country.index:
                gaps.append(MineralGap(k, mid, ind.measure or "", "unlisted"))
                per_mineral[mid][k] = np.nan
            elif not np.isfinite(by_country[k]):
                gaps.append(MineralGap(k, mid, ind.measure or "", "blank"))
                per_mineral[mid][k] = np.nan
            else:
                per_mineral[mid][k] = float(by_country[k] / world.iloc[0])
    total = sum(used.values())
    if total <= 0:
        return RawColumn({k: np.nan for k in iso3s}, tuple(gaps), tuple(notes))
    for mid, w in used.items():
        for k in iso3s:
            v = per_mineral[mid][k]
            if np.isfinite(v):
                shares[k] += (w / total) * v
    return RawColumn(shares, tuple(gaps), tuple(notes))
