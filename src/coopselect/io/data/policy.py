"""The dated policy-barrier table (data/policy/barriers.csv): one row per cited measure.

Every row is validated when the table is read: a known country and barrier type, minerals that are
``all`` or known ids, an ISO date it entered into force (and, if lifted, when), an intensity from
the stated rules, descriptions in both languages and a citation (a seed passage, or a public
document with its URL). A row that fails is refused with the file, the row and the fix; nothing is
guessed.

Two kinds of row besides a measure of one country:

* a **bloc row** (country ``EU``) stands for the same measure in every member state; the loader
  expands it from ``data/policy/eu_members.csv``, dating each copy from the later of the measure
  and the state's accession (and ending it when a state left), with the id ``<row id>:<ISO3>``;
* a **review row** (barrier ``none_found``, source_type ``review``) records that an economy was
  searched on a date and no measure was found: what was searched is its citation and URL. Review
  rows never enter the model; they make a checked gap visible (``coverage()``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path

from coopselect.domain.features import BARRIERS
from coopselect.errors import CoopselectError
from coopselect.io.data import reference
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
SOURCE_TYPES = ("seed", "public_document", "review")
# A row of this type records a search that found no measure (see the module docstring).
NONE_FOUND = "none_found"
# A bloc row: the measure applies to every member state, expanded from EU_MEMBERS_FILE.
EU = "EU"
EU_MEMBERS_FILE = "policy/eu_members.csv"
EU_MEMBER_COLUMNS = ("iso3", "joined", "left", "citation", "url")


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
    bloc: str = ""  # "EU" for a copy expanded from a bloc row

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def covers(self, mineral: str) -> bool:
        return self.minerals is None or mineral in self.minerals

    def description(self, lang: str) -> str:
        return self.description_zh if lang == "zh" else self.description_en


@dataclass(frozen=True)
class Review:
    """An economy searched on a date with no measure found (a ``none_found`` row)."""

    id: str
    country: str
    minerals: tuple[str, ...] | None
    on: date
    description_en: str
    description_zh: str
    citation: str
    url: str

    def description(self, lang: str) -> str:
        return self.description_zh if lang == "zh" else self.description_en


@dataclass(frozen=True)
class EUMember:
    iso3: str
    joined: date
    left: date | None  # None = still a member


@dataclass(frozen=True)
class PolicyTable:
    measures: tuple[Measure, ...]  # bloc rows expanded per member state
    reviews: tuple[Review, ...]


def parse_date(text: str, *, file, place: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CoopselectError(
            f"{text!r} is not a date.", file=file, place=place, fix="write it as YYYY-MM-DD."
        ) from None


def _csv_rows(path: Path, columns: tuple[str, ...]) -> list[dict]:
    """The rows of a CSV file whose header must name ``columns``."""
    from coopselect.io.files import read_text

    rows = list(csv.DictReader(read_text(path).splitlines()))
    header = tuple(rows[0].keys()) if rows else ()
    missing = [c for c in columns if c not in header]
    if missing:
        raise CoopselectError(
            f"column {missing[0]!r} is missing.",
            file=path,
            place="header row",
            fix=f"the header must name {', '.join(columns)}.",
        )
    return rows


def read_measures(
    path: str | Path,
    known_countries: set[str],
    known_minerals: set[str],
    eu_members: tuple[EUMember, ...] | None = None,
) -> tuple[Measure, ...]:
    """The measures of a barrier table (bloc rows expanded, review rows left out)."""
    return read_table(path, known_countries, known_minerals, eu_members).measures


def read_table(
    path: str | Path,
    known_countries: set[str],
    known_minerals: set[str],
    eu_members: tuple[EUMember, ...] | None = None,
) -> PolicyTable:
    """Every row of a barrier table, validated: measures (bloc rows expanded with ``eu_members``,
    default the bundled list) and review rows."""
    path = Path(path)
    rows = _csv_rows(path, COLUMNS)
    out: list[Measure] = []
    reviews: list[Review] = []
    seen: set[str] = set()
    for n, r in enumerate(rows, start=2):
        row = _row(r, n, path, known_countries, known_minerals, seen)
        if isinstance(row, Review):
            reviews.append(row)
        elif row.country == EU:
            members = eu_members if eu_members is not None else bundled_eu_members()
            out.extend(_expand(row, members))
        else:
            out.append(row)
    return PolicyTable(tuple(out), tuple(reviews))


def _expand(m: Measure, members: tuple[EUMember, ...]) -> list[Measure]:
    """One copy of a bloc measure per member state, from the later of the measure's start and the
    accession, to the earlier of its end and the state's exit; none where these do not overlap."""
    out: list[Measure] = []
    for s in members:
        start = max(m.start, s.joined)
        ends = [d for d in (m.end, s.left) if d is not None]
        end = min(ends) if ends else None
        if end is not None and end <= start:
            continue
        out.append(replace(m, id=f"{m.id}:{s.iso3}", country=s.iso3, start=start, end=end, bloc=EU))
    return out


def read_eu_members(path: str | Path, known_countries: set[str]) -> tuple[EUMember, ...]:
    """The EU member states with their accession (and exit) dates, each row cited."""
    path = Path(path)
    rows = _csv_rows(path, EU_MEMBER_COLUMNS)
    out: list[EUMember] = []
    seen: set[str] = set()
    for n, r in enumerate(rows, start=2):
        iso3 = (r.get("iso3") or "").strip()
        place = f"row {n} ({iso3 or 'no iso3'})"
        if iso3 not in known_countries:
            raise CoopselectError(
                f"unknown country {iso3!r}.", file=path, place=place, fix="use an ISO3 code."
            )
        if iso3 in seen:
            raise CoopselectError(
                "state listed twice.", file=path, place=place, fix="keep one row per state."
            )
        seen.add(iso3)
        for col in ("citation", "url"):
            if not (r.get(col) or "").strip():
                raise CoopselectError(
                    f"{col} is empty.",
                    file=path,
                    place=place,
                    fix="cite where the accession date was read.",
                )
        joined = parse_date(r.get("joined") or "", file=path, place=f"{place} joined")
        left_text = (r.get("left") or "").strip()
        left = parse_date(left_text, file=path, place=f"{place} left") if left_text else None
        if left is not None and left <= joined:
            raise CoopselectError(
                "left is not after joined.", file=path, place=place, fix="correct the dates."
            )
        out.append(EUMember(iso3, joined, left))
    return tuple(out)


def eu_member_states(on: date, members: tuple[EUMember, ...] | None = None) -> tuple[str, ...]:
    """ISO3 codes of the EU member states on a date (default list: the bundled one), sorted:
    what a row or an alliance status naming the EU as a bloc stands for on that date."""
    members = members if members is not None else bundled_eu_members()
    return tuple(
        sorted(s.iso3 for s in members if s.joined <= on and (s.left is None or on < s.left))
    )


@cache
def bundled_eu_members() -> tuple[EUMember, ...]:
    return read_eu_members(data_dir() / EU_MEMBERS_FILE, set(reference.countries()))


def _row(r: dict, n: int, path: Path, countries, minerals, seen: set[str]) -> Measure | Review:
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
    if country not in countries and country != EU:
        raise CoopselectError(
            f"unknown country {country!r}.",
            file=path,
            place=place,
            fix=f"use an ISO3 code (or {EU} for a measure of the European Union).",
        )
    barrier = need("barrier")
    if barrier not in BARRIERS and barrier != NONE_FOUND:
        raise CoopselectError(
            f"unknown barrier {barrier!r}.",
            file=path,
            place=place,
            fix=f"use {', '.join(BARRIERS)} (or {NONE_FOUND} for a review that found nothing).",
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
    source_type = need("source_type")
    if source_type not in SOURCE_TYPES:
        raise CoopselectError(
            f"source_type {source_type!r} is unknown.",
            file=path,
            place=place,
            fix=f"use {' or '.join(SOURCE_TYPES)}.",
        )
    url = (r.get("url") or "").strip()
    if source_type != "seed" and not url.startswith(("http://", "https://")):
        raise CoopselectError(
            "a public document needs its URL."
            if source_type == "public_document"
            else "a review needs the URL of what was searched.",
            file=path,
            place=place,
            fix="give the address of the document the citation names.",
        )
    if (barrier == NONE_FOUND) != (source_type == "review"):
        raise CoopselectError(
            f"barrier {barrier!r} with source_type {source_type!r}.",
            file=path,
            place=place,
            fix=f"a review that found nothing has barrier {NONE_FOUND} and source_type review; "
            "a measure has a barrier type and a seed or public_document source.",
        )
    if barrier == NONE_FOUND:
        if country == EU or end is not None or (r.get("intensity") or "").strip():
            raise CoopselectError(
                "a review row names one country, its review date only and no intensity.",
                file=path,
                place=place,
                fix="leave in_force_to and intensity empty; put the review date in in_force_from.",
            )
        if need("intensity_rule") != NONE_FOUND:
            raise CoopselectError(
                f"intensity_rule of a review row is not {NONE_FOUND!r}.",
                file=path,
                place=place,
                fix=f"write {NONE_FOUND}.",
            )
        return Review(
            mid,
            country,
            covered,
            start,
            need("description_en"),
            need("description_zh"),
            need("citation"),
            url,
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
def table() -> PolicyTable:
    """The bundled table (measures with bloc rows expanded, and review rows), validated once per
    process."""
    known = set(reference.countries())
    minerals = set(reference.minerals()) | set(NON_USGS_MINERALS)
    return read_table(data_dir() / POLICY_FILE, known, minerals)


def measures() -> tuple[Measure, ...]:
    """The bundled measures (bloc rows expanded per member state)."""
    return table().measures


def reviews() -> tuple[Review, ...]:
    """The bundled review rows: economies searched with no measure found."""
    return table().reviews


@cache
def reviewed() -> date:
    """The date the table was last reviewed (data/sources.toml): a case that names no
    policy_date reads the table at this date, so that a ranking does not change by itself when a
    measure's dates pass."""
    from coopselect.io.data.sources import by_file

    path = data_dir() / "sources.toml"
    entry = by_file(POLICY_FILE)
    if entry is None or not entry.reviewed:
        raise CoopselectError(
            f"no 'reviewed' date for {POLICY_FILE}.",
            file=path,
            fix="restore the bundled file (reinstall coopselect).",
        )
    return parse_date(entry.reviewed, file=path, place=f"{POLICY_FILE} reviewed")


# ---- coverage: which economies the table speaks for ---------------------------------------------

MSP_FLOOR_SOURCE = "seed 004 table 1 row 4 (data/seeds/western_mineral_pacts.csv M4)"
FORUM_FILE = "seeds/msp_forum_members.csv"


@dataclass(frozen=True)
class Coverage:
    """What the table says about one economy.

    ``status`` is ``measures`` (at least one dated measure), ``reviewed_none`` (searched, nothing
    found) or ``not_reviewed`` (only an alliance floor, no row at all: a gap). ``last_reviewed`` is
    the latest of its review rows and, where it has measures, the table's review date."""

    iso3: str
    status: str
    barrier_types: tuple[str, ...]
    measures: int
    from_eu: int  # how many of ``measures`` are copies of EU bloc rows
    latest_measure: date | None  # the latest in_force_from of its measures
    last_reviewed: date | None
    eu_member: bool  # an EU member state on the table's review date
    alliance_tier: str  # core | forum | courted | none (alliance_tier)
    floor_source: str  # where the alliance tier comes from ('' for none)
    searched: str  # citation of its latest review row: what was searched ('' if none)
    searched_url: str


def floor_source(iso3: str) -> str:
    """The seed passage behind the host's alliance floor ('' when it has none)."""
    from coopselect.io.files import read_text

    tier = alliance_tier(iso3)
    if tier == "none":
        return ""
    if tier == "core":
        return MSP_FLOOR_SOURCE
    rows = csv.DictReader(read_text(data_dir() / FORUM_FILE).splitlines())
    row = next(r for r in rows if r["iso3"] == iso3)
    return f"seed {row['evidence']} (data/{FORUM_FILE}: {row['status']})"


def coverage(
    tab: PolicyTable | None = None,
    reviewed_on: date | None = None,
    eu_members: tuple[EUMember, ...] | None = None,
) -> tuple[Coverage, ...]:
    """One record per economy that has a measure, a review row or an alliance floor, by ISO3.
    Defaults: the bundled table, its review date and the bundled EU member list."""
    tab = tab if tab is not None else table()
    on = reviewed_on if reviewed_on is not None else reviewed()
    members = eu_members if eu_members is not None else bundled_eu_members()
    eu_now = set(eu_member_states(on, members))
    known = reference.countries()
    by: dict[str, list[Measure]] = {}
    for m in tab.measures:
        by.setdefault(m.country, []).append(m)
    latest_review: dict[str, Review] = {}
    for r in tab.reviews:
        if r.country not in latest_review or r.on >= latest_review[r.country].on:
            latest_review[r.country] = r
    review_dates = {k: r.on for k, r in latest_review.items()}
    tiers = {k: alliance_tier(k) for k in known}
    economies = set(by) | set(review_dates) | {k for k, t in tiers.items() if t != "none"}
    out: list[Coverage] = []
    for k in sorted(economies):
        ms = by.get(k, [])
        dates = [d for d in (review_dates.get(k), on if ms else None) if d is not None]
        status = "measures" if ms else ("reviewed_none" if k in review_dates else "not_reviewed")
        out.append(
            Coverage(
                iso3=k,
                status=status,
                barrier_types=tuple(b for b in BARRIERS if any(m.barrier == b for m in ms)),
                measures=len(ms),
                from_eu=sum(1 for m in ms if m.bloc == EU),
                latest_measure=max((m.start for m in ms), default=None),
                last_reviewed=max(dates) if dates else None,
                eu_member=k in eu_now,
                alliance_tier=tiers.get(k, "none"),
                floor_source=floor_source(k) if k in known else "",
                searched=latest_review[k].citation if k in latest_review else "",
                searched_url=latest_review[k].url if k in latest_review else "",
            )
        )
    return tuple(out)


# ---- alliance status (seed 004) ----------------------------------------------------------------

MSP_ROW = "M4"  # western_mineral_pacts.csv: the Minerals Security Partnership's partners


@cache
def _alliance_tiers() -> dict[str, str]:
    row = next(r for r in reference.bundled_rows("pacts") if r["id"] == MSP_ROW)
    members = row["members_iso3"].split(";")
    out: dict[str, str] = {code: "core" for code in members if code != "EU"}
    if "EU" in members:
        # The EU is a founding partner as a bloc (seed 004 table 1 row 4, June 2022): each state
        # that was a member then is a partner, as the policy table expands EU rows.
        year, month = (int(x) for x in row["date"].split("-")[:2])
        for code in eu_member_states(date(year, month, 1)):
            out.setdefault(code, "core")
    for r in reference.bundled_rows("msp"):
        if r["iso3"] not in out:
            out[r["iso3"]] = "forum" if r["status"] == "MSP forum member" else "courted"
    return out


def alliance_tier(iso3: str) -> str:
    """'core' (an MSP partner, seed 004 table 1 row 4; the EU, a partner as a bloc, stands for
    each of its member states at the partnership's founding), 'forum' (an MSP forum member),
    'courted' (courted by the US, seed 004 sec. 2.3) or 'none'."""
    return _alliance_tiers().get(iso3, "none")


def clear_alliance_cache() -> None:
    """Forget the alliance tiers (tests that swap the data folder call this)."""
    _alliance_tiers.cache_clear()
