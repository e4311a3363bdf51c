"""The dated policy-barrier table (data/policy/barriers.csv): one row per cited measure.

Every row is validated when the table is read: a known country and barrier type, minerals that are
``all`` or known ids, an ISO date it entered into force (and, if lifted, when), an intensity from
the stated rules, descriptions in both languages and a citation (a seed passage, or a public
document with its URL). A row that fails is refused with the file, the row and the fix; nothing is
guessed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from coopselect.domain.features import BARRIERS
from coopselect.errors import CoopselectError
from coopselect.paths import data_dir

POLICY_FILE = "policy/barriers.csv"
COLUMNS = (
    "id",
    "country",
    "barrier",
    "minerals",
    "in_force_from",
    "in_force_to",
    "intensity",
    "intensity_rule",
    "description_en",
    "description_zh",
    "citation",
    "url",
    "source_type",
)
INTENSITIES = (0.25, 0.5, 0.75, 1.0)
# Minerals that measures name but USGS MCS does not cover: valid in the table, never in a case.
NON_USGS_MINERALS = ("uranium",)
SOURCE_TYPES = ("seed", "public_document")


@dataclass(frozen=True)
class Measure:
    id: str
    country: str
    barrier: str
    minerals: tuple[str, ...] | None  # None = every mineral
    start: date
    end: date | None  # None = still in force
    intensity: float
    intensity_rule: str
    description_en: str
    description_zh: str
    citation: str
    url: str
    source_type: str

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def covers(self, mineral: str) -> bool:
        return self.minerals is None or mineral in self.minerals

    def description(self, lang: str) -> str:
        return self.description_zh if lang == "zh" else self.description_en


def parse_date(text: str, *, file, place: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CoopselectError(
            f"{text!r} is not a date.", file=file, place=place, fix="write it as YYYY-MM-DD."
        ) from None


def read_measures(
    path: str | Path, known_countries: set[str], known_minerals: set[str]
) -> tuple[Measure, ...]:
    from coopselect.io.files import read_text

    path = Path(path)
    rows = list(csv.DictReader(read_text(path).splitlines()))
    header = tuple(rows[0].keys()) if rows else ()
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise CoopselectError(
            f"column {missing[0]!r} is missing.",
            file=path,
            place="header row",
            fix=f"the header must name {', '.join(COLUMNS)}.",
        )
    out: list[Measure] = []
    seen: set[str] = set()
    for n, r in enumerate(rows, start=2):
        out.append(_measure(r, n, path, known_countries, known_minerals, seen))
    return tuple(out)


def _measure(r: dict, n: int, path: Path, countries, minerals, seen: set[str]) -> Measure:
    def need(col: str) -> str:
        value = (r.get(col) or "").strip()
        if not value:
            raise CoopselectError(
                f"{col} is empty.",
                file=path,
                place=f"row {n}",
                fix=f"every measure needs its {col} (see data/policy/README.md).",
            )
        return value

    place = f"row {n} ({(r.get('id') or '').strip() or 'no id'})"
    mid = need("id")
    if mid in seen:
        raise CoopselectError(
            "id used twice.", file=path, place=place, fix="give each row its own id."
        )
    seen.add(mid)
    country = need("country")
    if country not in countries:
        raise CoopselectError(
            f"unknown country {country!r}.", file=path, place=place, fix="use an ISO3 code."
        )
    barrier = need("barrier")
    if barrier not in BARRIERS:
        raise CoopselectError(
            f"unknown barrier {barrier!r}.",
            file=path,
            place=place,
            fix=f"use {', '.join(BARRIERS)}.",
        )
    mins = need("minerals")
    covered: tuple[str, ...] | None = None
    if mins != "all":
        covered = tuple(m.strip() for m in mins.split(";") if m.strip())
        unknown = [m for m in covered if m not in minerals]
        if unknown:
            raise CoopselectError(
                f"unknown mineral {unknown[0]!r}.",
                file=path,
                place=place,
                fix="use 'all' or mineral ids from 'coopselect minerals', separated by ';'.",
            )
    start = parse_date(need("in_force_from"), file=path, place=f"{place} in_force_from")
    end_text = (r.get("in_force_to") or "").strip()
    end = parse_date(end_text, file=path, place=f"{place} in_force_to") if end_text else None
    if end is not None and end <= start:
        raise CoopselectError(
            "in_force_to is not after in_force_from.",
            file=path,
            place=place,
            fix="correct the dates.",
        )
    try:
        intensity = float(need("intensity"))
    except ValueError:
        intensity = float("nan")
    if intensity not in INTENSITIES:
        raise CoopselectError(
            f"intensity {r.get('intensity')!r} is not one of {INTENSITIES}.",
            file=path,
            place=place,
            fix="use the value its intensity_rule gives (data/policy/README.md).",
        )
    source_type = need("source_type")
    if source_type not in SOURCE_TYPES:
        raise CoopselectError(
            f"source_type {source_type!r} is unknown.",
            file=path,
            place=place,
            fix=f"use {' or '.join(SOURCE_TYPES)}.",
        )
    url = (r.get("url") or "").strip()
    if source_type == "public_document" and not url.startswith(("http://", "https://")):
        raise CoopselectError(
            "a public document needs its URL.",
            file=path,
            place=place,
            fix="give the address of the document the citation names.",
        )
    return Measure(
        mid,
        country,
        barrier,
        covered,
        start,
        end,
        intensity,
        need("intensity_rule"),
        need("description_en"),
        need("description_zh"),
        need("citation"),
        url,
        source_type,
    )


@cache
def measures() -> tuple[Measure, ...]:
    """The bundled table, validated once per process."""
    from coopselect.io import datasets

    known = set(datasets.countries())
    minerals = set(datasets.minerals()) | set(NON_USGS_MINERALS)
    return read_measures(data_dir() / POLICY_FILE, known, minerals)


@cache
def reviewed() -> date:
    """The date the table was last reviewed (data/sources.toml): a case that names no
    policy_date reads the table at this date, so that a ranking does not change by itself when a
    measure's dates pass."""
    from coopselect.io.datasets import source_registry

    path = data_dir() / "sources.toml"
    entry = next((e for e in source_registry() if e.get("file") == POLICY_FILE), None)
    if entry is None or "reviewed" not in entry:
        raise CoopselectError(
            f"no 'reviewed' date for {POLICY_FILE}.",
            file=path,
            fix="restore the bundled file (reinstall coopselect).",
        )
    return parse_date(str(entry["reviewed"]), file=path, place=f"{POLICY_FILE} reviewed")
