"""Known endowment beyond the USGS MCS tables, and exploration potential (pair model v3).

Three sources, one job: what is *known* about a host's production, reserves and undiscovered
potential of one mineral.

- USGS MCS (data/usgs_mcs2024_world_production_reserves.csv): the listed producers, with USGS's
  own flags. "W" means *withheld* to avoid disclosing company data: the host produces, the figure
  is not published. It is never read as "absent".
- data/supplementary_production.csv: producers (and reserves) that MCS omits, each row cited
  (publisher, title, table or page, year, licence), in the unit MCS uses for that mineral.
- data/exploration_potential.csv: undiscovered or under-explored potential per host and mineral
  in [0, 1], with its basis (``judgment = yes`` marks a cited analyst judgment).

A missing file is no data (the tables are optional); a malformed one is refused at the edge with
the file, the row and the fix. Nothing here imputes: a host absent from all three has no known
endowment, and the scoring layer reports it as such.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.io.data import datasets, reference
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.data.sources import file_of

SUPPLEMENTARY = "supplementary_production"  # dataset ids (data/sources.toml)
POTENTIAL = "exploration_potential"
SUPPLEMENTARY_COLUMNS = (
    "iso3",
    "mineral",
    "year",
    "production",
    "reserves",
    "unit",
    "publisher",
    "source_title",
    "table_or_page",
    "url",
    "licence",
    "note",
)
POTENTIAL_COLUMNS = (
    "iso3",
    "mineral",
    "potential",
    "basis",
    "publisher",
    "source_title",
    "year",
    "passage_or_table",
    "url",
    "judgment",
)


@dataclass(frozen=True)
class Supplementary:
    """One cited figure beyond MCS: production and reserves in tonnes (NaN = not published)."""

    iso3: str
    mineral: str
    year: int
    production_t: float
    reserves_t: float
    unit: str
    source: str  # "publisher, title, table (year)"
    note: str = ""


@dataclass(frozen=True)
class Potential:
    iso3: str
    mineral: str
    potential: float
    basis: str
    source: str
    judgment: bool


@dataclass(frozen=True)
class UsgsFigures:
    """One mineral and measure in MCS: listed values in tonnes and USGS's flags."""

    world: float  # NaN when MCS gives no world total
    values: dict[str, float]  # iso3 -> tonnes (listed with a number)
    withheld: frozenset[str]  # listed as "W"
    flagged: dict[str, str]  # iso3 -> other flag text (blank, NA, "Included in World total." ...)
    product: str
    tonnes_per_unit: float  # value_tonnes / value_raw of this commodity's rows (NaN if unknown)
    unit: str


def _path(dataset: str, data: DataSnapshot) -> Path:
    return datasets.source_path(file_of(dataset), data)


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        have = tuple(reader.fieldnames or ())
        missing = [c for c in columns if c not in have]
        if missing:
            raise CoopselectError(
                f"missing column(s) {', '.join(missing)}.",
                file=path,
                place="header",
                fix=f"the header must be {','.join(columns)}.",
            )
        return [(i, row) for i, row in enumerate(reader, start=2)]


def _number(text: str, path: Path, place: str, what: str, *, lo=0.0, hi=math.inf) -> float:
    """A finite number in [lo, hi]; an empty cell is NaN (not published)."""
    text = (text or "").strip()
    if text == "":
        return math.nan
    try:
        v = float(text.replace(",", ""))
    except ValueError:
        v = math.nan
        ok = False
    else:
        ok = math.isfinite(v) and lo <= v <= hi
    if not ok:
        bound = f"from {lo:g} to {hi:g}" if math.isfinite(hi) else f"{lo:g} or more"
        raise CoopselectError(
            f"{what} {text!r} is not a finite number {bound}.",
            file=path,
            place=place,
            fix=f"write {what} as a plain number {bound}, or leave the cell empty if not "
            "published.",
        )
    return v


def _known_keys(row: dict[str, str], path: Path, place: str) -> tuple[str, str]:
    iso = (row.get("iso3") or "").strip().upper()
    mineral = (row.get("mineral") or "").strip()
    if iso not in reference.countries():
        raise CoopselectError(
            f"unknown country code {iso!r}.",
            file=path,
            place=place,
            fix=f"use an ISO3 code of data/{file_of('countries')}.",
        )
    if mineral not in reference.minerals():
        raise CoopselectError(
            f"unknown mineral {mineral!r}.",
            file=path,
            place=place,
            fix=f"use a mineral id of data/{file_of('minerals')}.",
        )
    return iso, mineral


def _source(row: dict[str, str], *keys: str) -> str:
    return ", ".join(row[k].strip() for k in keys if (row.get(k) or "").strip())


@cache
def _usgs_rows(path: Path) -> tuple[dict[str, str], ...]:
    return reference.read_rows(path)


def usgs_figures(mineral_id: str, measure: str, year: int, data: DataSnapshot) -> UsgsFigures:
    """MCS figures of one mineral and measure ("production" for ``year``, or "reserves"), with
    the flags; reserves given once per commodity (all PGMs) are taken from that product."""
    return _figures(mineral_id, measure, year, datasets.usgs_path(data))


def _figures(mineral_id: str, measure: str, year: int, usgs: Path) -> UsgsFigures:
    """:func:`usgs_figures` of the USGS table ``usgs``."""
    mineral = reference.minerals()[mineral_id]
    rows = list(_usgs_rows_by_commodity(usgs).get(mineral.usgs_commodity, ()))
    per_unit = next(
        (
            float(r["value_tonnes"]) / float(r["value_raw"])
            for r in rows
            if _float(r["value_tonnes"]) and _float(r["value_raw"])
        ),
        math.nan,
    )  # the first row that gives both
    units = {r["unit"] for r in rows if r["unit"]}
    if measure == "reserves":
        want = [r for r in rows if r["measure"] == "reserves"]
        products = [
            mineral.usgs_product,
            *sorted({r["product"] for r in want} - {mineral.usgs_product}),
        ]
        pick = []
        for p in products:
            pick = [r for r in want if r["product"] == p]
            if any(r["iso3"] != "WORLD" and _float(r["value_tonnes"]) for r in pick):
                break
        product = pick[0]["product"] if pick else mineral.usgs_product
    else:
        py = float(datasets._production_year(usgs, int(year)))
        pick = [
            r
            for r in rows
            if r["measure"] == "mine/refinery production"
            and r["product"] == mineral.usgs_product
            and datasets._key(r["year"]) == py
        ]
        product = mineral.usgs_product
    world = math.nan
    values: dict[str, float] = {}
    withheld: set[str] = set()
    flagged: dict[str, str] = {}
    for r in pick:
        iso = r["iso3"]
        v = _float(r["value_tonnes"])
        if iso == "WORLD":
            world = v if v and v > 0 else math.nan
        elif iso == "OTHER":
            continue
        elif (r.get("flag") or "").strip() == "W" or (r.get("value_raw") or "").strip() == "W":
            withheld.add(iso)
        elif v is not None and math.isfinite(v):
            values[iso] = v
        else:
            flagged[iso] = (r.get("flag") or "").strip() or "blank"
    return UsgsFigures(
        world,
        values,
        frozenset(withheld),
        flagged,
        "" if product == mineral.usgs_product else product,
        per_unit,
        "; ".join(sorted(units)),
    )


@cache
def _usgs_rows_by_commodity(path: Path) -> dict[str, tuple[dict[str, str], ...]]:
    """The rows of ``path`` per USGS commodity, in file order (a ranking asks for each mineral
    and measure, and no longer scans the whole table each time)."""
    out: dict[str, list[dict[str, str]]] = {}
    for r in _usgs_rows(path):
        out.setdefault(r["commodity"], []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def _float(text: str | None) -> float | None:
    try:
        v = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


@cache
def _supplementary(path: Path, usgs: Path) -> dict[tuple[str, str], Supplementary]:
    """The supplementary table ``path``, its units checked against the USGS table ``usgs``."""
    out: dict[tuple[str, str], Supplementary] = {}
    for line, row in _rows(path, SUPPLEMENTARY_COLUMNS):
        place = f"row {line}"
        iso, mineral = _known_keys(row, path, place)
        year = _number(row["year"], path, f"{place}, year", "year", lo=1900, hi=2100)
        prod = _number(row["production"], path, f"{place}, production", "production")
        res = _number(row["reserves"], path, f"{place}, reserves", "reserves")
        if math.isnan(prod) and math.isnan(res):
            raise CoopselectError(
                f"{iso} {mineral} has neither production nor reserves.",
                file=path,
                place=place,
                fix="give at least one published figure, or drop the row.",
            )
        if not (row.get("publisher") or "").strip() or not (row.get("source_title") or "").strip():
            raise CoopselectError(
                f"{iso} {mineral} has no source.",
                file=path,
                place=place,
                fix="name the publisher and the source title.",
            )
        per_unit = _unit_factor(mineral, row["unit"], path, place, usgs)
        here = Supplementary(
            iso,
            mineral,
            int(year) if math.isfinite(year) else 0,
            prod * per_unit,
            res * per_unit,
            row["unit"].strip(),
            _source(row, "publisher", "source_title", "table_or_page", "year"),
            (row.get("note") or "").strip(),
        )
        before = out.get((iso, mineral))
        if before is not None:
            # one row may give production and another reserves (different sources)
            if (math.isfinite(before.production_t) and math.isfinite(here.production_t)) or (
                math.isfinite(before.reserves_t) and math.isfinite(here.reserves_t)
            ):
                raise CoopselectError(
                    f"{iso} {mineral}: production or reserves is given twice.",
                    file=path,
                    place=place,
                    fix="keep one figure per country, mineral and measure (the latest published "
                    "year).",
                )
            here = Supplementary(
                iso,
                mineral,
                max(before.year, here.year),
                before.production_t if math.isfinite(before.production_t) else here.production_t,
                before.reserves_t if math.isfinite(before.reserves_t) else here.reserves_t,
                here.unit,
                f"{before.source}; {here.source}",
                "; ".join(n for n in (before.note, here.note) if n),
            )
        out[(iso, mineral)] = here
    return out


def _unit_factor(mineral: str, unit: str, path: Path, place: str, usgs: Path) -> float:
    """Tonnes per unit of ``unit``, which must be the unit MCS uses for the mineral (in the USGS
    table ``usgs``)."""
    figs = _figures(mineral, "reserves", 0, usgs)
    unit = (unit or "").strip()
    if figs.unit and unit not in figs.unit.split("; "):
        raise CoopselectError(
            f"unit {unit!r} is not the unit USGS MCS uses for {mineral} ({figs.unit}).",
            file=path,
            place=f"{place}, unit",
            fix=f"convert the figures to {figs.unit}.",
        )
    # Tonnes per unit of this very unit: MCS gives iron ore's production in thousand and its
    # reserves in million metric tons, so one factor per mineral would misread one of them.
    commodity = reference.minerals()[mineral].usgs_commodity
    per_unit = next(
        (
            float(r["value_tonnes"]) / float(r["value_raw"])
            for r in _usgs_rows_by_commodity(usgs).get(commodity, ())
            if r["unit"] == unit and _float(r["value_tonnes"]) and _float(r["value_raw"])
        ),
        figs.tonnes_per_unit,
    )
    return per_unit if math.isfinite(per_unit) else 1.0


@cache
def _potential(path: Path) -> dict[tuple[str, str], Potential]:
    out: dict[tuple[str, str], Potential] = {}
    for line, row in _rows(path, POTENTIAL_COLUMNS):
        place = f"row {line}"
        iso, mineral = _known_keys(row, path, place)
        if (iso, mineral) in out:
            raise CoopselectError(
                f"{iso} {mineral} is given twice.",
                file=path,
                place=place,
                fix="keep one row per country and mineral.",
            )
        v = _number(row["potential"], path, f"{place}, potential", "potential", lo=0.0, hi=1.0)
        if math.isnan(v):
            raise CoopselectError(
                f"{iso} {mineral} has no potential.",
                file=path,
                place=f"{place}, potential",
                fix="give a number from 0 to 1, or drop the row (no row = not assessed).",
            )
        judgment = (row.get("judgment") or "").strip().lower()
        if judgment not in ("yes", "no", ""):
            raise CoopselectError(
                f"judgment {judgment!r} is neither yes nor no.",
                file=path,
                place=f"{place}, judgment",
                fix="write yes for a cited analyst judgment, else no.",
            )
        if not (row.get("basis") or "").strip():
            raise CoopselectError(
                f"{iso} {mineral} has no basis.",
                file=path,
                place=f"{place}, basis",
                fix="say how the potential was derived.",
            )
        out[(iso, mineral)] = Potential(
            iso,
            mineral,
            v,
            row["basis"].strip(),
            _source(row, "publisher", "source_title", "passage_or_table", "year"),
            judgment == "yes",
        )
    return out


def supplementary(data: DataSnapshot) -> dict[tuple[str, str], Supplementary]:
    """(iso3, mineral) -> the cited figure beyond MCS (empty when the file is absent)."""
    return _supplementary(_path(SUPPLEMENTARY, data), datasets.usgs_path(data))


def potentials(data: DataSnapshot) -> dict[tuple[str, str], Potential]:
    """(iso3, mineral) -> exploration potential (empty when the file is absent)."""
    return _potential(_path(POTENTIAL, data))


def clear_caches() -> None:
    for f in (_usgs_rows, _usgs_rows_by_commodity, _supplementary, _potential):
        f.cache_clear()
