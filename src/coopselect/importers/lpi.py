"""World Bank Logistics Performance Index files -> the bundled LPI layout (long, one row per score).

Two publisher layouts are read:

* the 2023 edition as CSV (``Economy, LPI Score, LPI Grouped Rank, Customs Score, ...``, 14 score
  and grouped-rank columns; scores with one decimal, written exactly as in the file);
* the 2007-2018 workbook ``International_LPI_from_2007_to_2018.xlsx``, one sheet per edition;
  the 2010-2018 sheets share a layout (``Country, Code, score, lower bound, upper bound, rank,
  ...``; scores rounded to 4 decimals). The 2007 sheet has another layout and is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.importers import common

COLUMNS = ("iso3", "country_source", "year", "indicator", "score", "rank", "scale", "rank_type")
PUBLISHER = "World Bank, Logistics Performance Index (International LPI)"
SCALE = "1 (low) to 5 (high)"
HEADER_2023 = (
    "Economy",
    "LPI Score",
    "LPI Grouped Rank",
    "Customs Score",
    "Customs Grouped Rank",
    "Infrastructure Score",
    "Infrastructure Grouped Rank",
    "International Shipments Score",
    "International Shipments Grouped Rank",
    "Logistics Competence and Quality Score",
    "Logistics Competence and Quality Grouped Rank",
    "Timeliness Score",
    "Timeliness Grouped Rank",
    "Tracking and Tracing Score",
    "Tracking and Tracing Grouped Rank",
)
INDICATORS_2023 = (
    "overall",
    "customs",
    "infrastructure",
    "international_shipments",
    "logistics_competence",
    "timeliness",
    "tracking_tracing",
)
HEADER_WORKBOOK = (
    "Country",
    "Code",
    "score",
    "lower bound",
    "upper bound",
    "rank",
    "lower bound",
    "upper bound",
    "% of highest performer",
)
# Workbook columns (0-based) of each indicator's score and rank, 2010-2018 sheets.
WORKBOOK_COLUMNS = {
    "overall": (2, 5),
    "customs": (9, 10),
    "infrastructure": (11, 12),
    "international_shipments": (13, 14),
    "logistics_competence": (15, 16),
    "tracking_tracing": (17, 18),
    "timeliness": (19, 20),
}
EXPECTED_2023 = "the LPI 2023 CSV with columns " + ", ".join(HEADER_2023[:4]) + ", ..."
EXPECTED_WORKBOOK = (
    "an LPI 2010-2018 sheet whose third row reads " + ", ".join(HEADER_WORKBOOK[:6]) + ", ..."
)


def import_lpi(
    lpi_2023: str | Path | None = None,
    workbook: str | Path | None = None,
    *,
    editions: Iterable[int] = (2018,),
    iso3: Iterable[str] | None = None,
    imported_on: date | None = None,
) -> common.ImportResult:
    """Import the LPI 2023 CSV and/or editions of the 2007-2018 workbook into the bundled layout.

    Rows are sorted by iso3, year and indicator; ``iso3`` keeps only those economies. Economy names
    (2023) go through data/country_names.csv, codes (workbook) are recoded (``ROM`` -> ``ROU``,
    ``ZAR`` -> ``COD``); what cannot be mapped is left out and listed in ``unmapped``.
    """
    if lpi_2023 is None and workbook is None:
        raise CoopselectError("no LPI file given.", fix="give the 2023 CSV and/or the workbook.")
    rows: list[list[str]] = []
    unmapped: list[str] = []
    paths: list[Path] = []
    releases: list[str] = []
    if lpi_2023 is not None:
        p = common.existing_file(lpi_2023, "the LPI 2023 file")
        rows += _read_2023(p, unmapped)
        paths.append(p)
        releases.append("LPI 2023")
    if workbook is not None:
        p = common.existing_file(workbook, "the LPI workbook")
        for edition in editions:
            rows += _read_sheet(p, int(edition), unmapped)
            releases.append(f"LPI {int(edition)}")
        paths.append(p)
    common.check_range(
        ((f"{r[0]} {r[2]} {r[3]}", r[4]) for r in rows), 1.0, 5.0, "LPI score", paths[0]
    )
    if iso3 is not None:
        keep = set(iso3)
        rows = [r for r in rows if r[0] in keep]
    rows.sort(key=lambda r: (r[0], r[2], r[3]))
    prov = common.provenance("lpi", PUBLISHER, " and ".join(releases), paths, imported_on)
    return common.ImportResult(
        common.frame(rows, COLUMNS), prov, tuple(dict.fromkeys(unmapped)), ()
    )


def _read_2023(p: Path, unmapped: list[str]) -> list[list[str]]:
    what = "the LPI 2023 file"
    data = common.csv_rows(common.read_text(p, what), p, what)
    header = tuple(h.strip() for h in data[0]) if data else ()
    if header != HEADER_2023:
        found = f"header {', '.join(header[:4])!r}" if header else "no header"
        common.refuse_layout(what, EXPECTED_2023, found, p, "header row")
    body = [r for r in data[1:] if any(c.strip() for c in r)]
    out: list[list[str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for n, r in enumerate(body, start=2):
        if len(r) != len(HEADER_2023):
            raise CoopselectError(
                f"row has {len(r)} cells, expected {len(HEADER_2023)}: truncated or corrupt.",
                file=p,
                place=f"line {n}",
                fix="download the file again.",
            )
        name = r[0].strip()
        iso = common.iso3_for_name(name)
        if iso is None:
            unmapped.append(name)
            continue
        _once(seen, iso, n, name, p, f"line {n}")
        for k, ind in enumerate(INDICATORS_2023):
            score, rank = r[1 + 2 * k].strip(), r[2 + 2 * k].strip()
            if score == "":
                continue
            _number(score, p, n)
            kind = f"grouped rank (of {len(body)})"
            out.append([iso, name, "2023", ind, score, rank, SCALE, kind])
    return out


def _number(text: str, p: Path, n: int) -> float:
    try:
        return float(text)
    except ValueError:
        raise CoopselectError(
            f"score {text!r} is not a number.", file=p, place=f"line {n}", fix="check the file."
        ) from None


def _sheet_rows(p: Path, edition: int) -> list[tuple]:
    wb = common.open_workbook(p, "the LPI workbook")
    try:
        if str(edition) not in wb.sheetnames:
            raise CoopselectError(
                f"the LPI workbook has no sheet {edition} (sheets: {', '.join(wb.sheetnames)}).",
                file=p,
                fix="choose one of its editions.",
            )
        return list(common.sheet_rows(wb[str(edition)], p, "the LPI workbook"))
    finally:
        wb.close()


def _read_sheet(p: Path, edition: int, unmapped: list[str]) -> list[list[str]]:
    import warnings

    with warnings.catch_warnings():  # the workbook carries an extension openpyxl skips
        warnings.filterwarnings("ignore", "Unknown extension", UserWarning)
        data = _sheet_rows(p, edition)
    header = (
        tuple(str(c).strip() if c is not None else "" for c in data[2]) if len(data) > 2 else ()
    )
    if header[: len(HEADER_WORKBOOK)] != HEADER_WORKBOOK or len(header) < 21:
        found = f"sheet {edition} header {', '.join(h for h in header[:6] if h)!r}"
        common.refuse_layout("the LPI workbook", EXPECTED_WORKBOOK, found, p, f"sheet {edition}")
    body = [r for r in data[3:] if r and r[0] not in (None, "")]
    known = set(common.country_names().values())
    out: list[list[str]] = []
    seen: dict[str, tuple[int, str]] = {}
    for n, r in enumerate(body, start=4):
        if len(r) < 21:
            r = tuple(r) + (None,) * (21 - len(r))
        name, code = str(r[0]).strip(), common.recode(str(r[1] or ""))
        if code not in known:
            unmapped.append(f"{r[1]} ({name})")
            continue
        _once(seen, code, n, name, p, f"sheet {edition} row {n}")
        for ind, (si, ri) in WORKBOOK_COLUMNS.items():
            score, rank = r[si], r[ri]
            if score is None:
                continue
            if not isinstance(score, int | float):
                raise CoopselectError(
                    f"score {score!r} is not a number.",
                    file=p,
                    place=f"sheet {edition} row {n}",
                    fix="check the file.",
                )
            kind = f"rank (of {len(body)})"
            value = repr(round(float(score), 4))
            out.append([code, name, str(edition), ind, value, _int(rank), SCALE, kind])
    return out


def _once(seen: dict[str, tuple[int, str]], iso: str, n: int, name: str, p: Path, place: str):
    """Refuse an economy met twice in one edition (the same name twice, or two names of one
    ISO3 code): the first row would silently win."""
    first = seen.setdefault(iso, (n, name))
    if first[0] != n:
        raise CoopselectError(
            f"{iso} appears twice ({first[1]!r} at {first[0]} and {name!r} at {n}): an edition "
            "gives one row per economy.",
            file=p,
            place=place,
            fix="give the publisher's file as released (remove the repeated row).",
        )


def _int(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else str(v)
