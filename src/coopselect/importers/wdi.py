"""World Bank World Development Indicators bulk CSV -> long tables (iso3, year, value).

Reads the bulk download of one indicator, ``API_<indicator>_DS2_en_csv_v2_<n>.csv`` (four
preamble lines ``"Data Source","World Development Indicators"`` and ``"Last Updated Date",...``,
then ``Country Name, Country Code, Indicator Name, Indicator Code, 1960, ...``), with its
``Metadata_Country_...csv`` (``Country Code, Region, IncomeGroup, SpecialNotes, TableName``), which
tells economies (a Region) from aggregates (no Region). DataBank exports (``Series Name``,
``2019 [YR2019]`` ...) have another layout and are refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.importers import common

PUBLISHER = "World Bank, World Development Indicators"
COLUMNS = ("iso3", "country_source", "year", "value", "indicator", "unit")
COLUMNS_LATEST = ("iso3", "country_source", "year", "value", "is_latest_available")
DATA_HEADER = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")
META_HEADER = ("Country Code", "Region", "IncomeGroup", "SpecialNotes", "TableName")
EXPECTED = (
    "the WDI bulk CSV (preamble 'Data Source','World Development Indicators' and "
    "'Last Updated Date', then Country Name, Country Code, Indicator Name, Indicator Code, "
    "1960, ...)"
)
EXPECTED_META = "the WDI Metadata_Country CSV (" + ", ".join(META_HEADER) + ")"
# Value ranges checked per indicator (percentages of population: 0-100).
RANGES = {"EG.ELC.ACCS.ZS": (0.0, 100.0), "NY.GDP.PCAP.CD": (0.0, 1e6)}


def last_updated(data_csv: str | Path) -> str:
    """The file's "Last Updated Date" (YYYY-MM-DD)."""
    p = common.existing_file(data_csv, "the WDI file")
    return _read_data(p)[0]


def import_wdi(
    data_csv: str | Path,
    metadata_country_csv: str | Path,
    *,
    years: Iterable[int] | None = None,
    flag_latest: bool = False,
    iso3: Iterable[str] | None = None,
    imported_on: date | None = None,
) -> common.ImportResult:
    """Import one WDI indicator for the economies of the metadata file (aggregates left out).

    One row per non-empty value in ``years`` (default: all), sorted by iso3 and year. With
    ``flag_latest`` the table has the bundled electricity layout: ``is_latest_available`` marks
    each economy's latest non-empty year of the whole series, added as a row if outside ``years``.
    Economies whose code is not a known ISO3 code (``CHI`` Channel Islands) are left out and named
    in ``unmapped``; economies of the metadata without a data row, in ``warnings``.
    """
    p = common.existing_file(data_csv, "the WDI file")
    m = common.existing_file(metadata_country_csv, "the WDI Metadata_Country file")
    updated, header, rows, line_of = _read_data(p)
    economies = _read_meta(m)
    year_cols = [(i, int(h)) for i, h in enumerate(header) if re.fullmatch(r"\d{4}", h)]
    keep_years = {int(y) for y in years} if years is not None else None
    keep_iso = set(iso3) if iso3 is not None else None
    known = set(common.country_names().values())
    codes = {r[3] for r in rows}
    if len(codes) != 1:
        raise CoopselectError(
            f"the WDI file holds {len(codes)} indicators ({', '.join(sorted(codes)[:3])}).",
            file=p,
            fix="give the bulk file of one indicator.",
        )
    code = codes.pop()
    name = rows[0][2]
    unit_match = re.search(r"\(([^()]*)\)\s*$", name)
    unit = unit_match.group(1) if unit_match else ""
    indicator = f"{code} {name}"
    out: list[list[str]] = []
    unmapped: list[str] = []
    seen: set[str] = set()
    lines: dict[str, int] = {}
    for n, r in zip(line_of, rows, strict=True):
        wb_code = r[1]
        first = lines.setdefault(wb_code, n)
        if first != n:
            raise CoopselectError(
                f"{wb_code} ({r[0]}) appears twice (lines {first} and {n}): a bulk file gives "
                "one row per economy.",
                file=p,
                place=f"line {n}",
                fix="give the publisher's file as released (remove the repeated row).",
            )
        if wb_code not in economies:
            continue  # an aggregate (no Region in the metadata)
        seen.add(wb_code)
        iso = common.recode(wb_code)
        if iso not in known:
            unmapped.append(f"{wb_code} ({r[0]})")
            continue
        if keep_iso is not None and iso not in keep_iso:
            continue
        series = [(y, r[i].strip()) for i, y in year_cols if i < len(r) and r[i].strip()]
        latest = series[-1][0] if series else None
        for y, text in series:
            in_years = keep_years is None or y in keep_years
            if not (in_years or (flag_latest and y == latest)):
                continue
            try:
                value = repr(float(text))
            except ValueError:
                raise CoopselectError(
                    f"value {text!r} for {wb_code} {y} is not a number.",
                    file=p,
                    fix="check the file.",
                ) from None
            if flag_latest:
                out.append([iso, r[0], str(y), value, str(y == latest), indicator, unit])
            else:
                out.append([iso, r[0], str(y), value, indicator, unit])
        common.check_table_rows(len(out), "the WDI file", p, f"line {n}")
    lo, hi = RANGES.get(code, (0.0, 100.0) if unit.startswith("%") else (-1e15, 1e15))
    common.check_range(((f"{r[0]} {r[2]}", r[3]) for r in out), lo, hi, code, p)
    out.sort(key=lambda r: (r[0], int(r[2])))
    columns = (*COLUMNS_LATEST, "indicator", "unit") if flag_latest else COLUMNS
    missing = sorted(set(economies) - seen)
    warnings = [f"{c} ({economies[c]}): in the metadata, no data row." for c in missing]
    prov = common.provenance(
        "wdi", PUBLISHER, f"WDI {code}, Last Updated Date {updated}", [p, m], imported_on
    )
    return common.ImportResult(
        common.frame(out, columns), prov, tuple(dict.fromkeys(unmapped)), tuple(warnings)
    )


def _read_data(p: Path) -> tuple[str, list[str], list[list[str]], list[int]]:
    """Last Updated Date, header, data rows and the file line of each data row."""
    what = "the WDI file"
    numbered = common.csv_lines(common.read_text(p, what), p, what)
    cells = [(n, [c.strip() for c in r]) for n, r in numbered]
    line_of = [n for n, r in cells if any(r)]
    lines = [r for _, r in cells if any(r)]
    if len(lines) < 3 or lines[0][:2] != ["Data Source", "World Development Indicators"]:
        found = f"first line {', '.join(lines[0][:3])!r}" if lines else "an empty file"
        common.refuse_layout(what, EXPECTED, found, p, "line 1")
    if lines[1][0] != "Last Updated Date" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", lines[1][1]):
        common.refuse_layout(what, EXPECTED, f"second line {lines[1][:2]!r}", p, "line 3")
    header = lines[2]
    if tuple(header[:4]) != DATA_HEADER or not re.fullmatch(
        r"\d{4}", header[4] if len(header) > 4 else ""
    ):
        common.refuse_layout(what, EXPECTED, f"header {', '.join(header[:5])!r}", p, "header")
    width = len([h for h in header if h])
    body = lines[3:]
    for n, r in enumerate(body, start=1):
        if len(r) < width:
            raise CoopselectError(
                f"data row {n} ({r[0]!r}) has {len(r)} cells, expected {width}: truncated.",
                file=p,
                fix="download the file again.",
            )
    return lines[1][1], header, body, line_of[3:]


def _read_meta(m: Path) -> dict[str, str]:
    what = "the WDI Metadata_Country file"
    rows = common.csv_rows(common.read_text(m, what), m, what)
    header = tuple(c.strip() for c in rows[0][:5]) if rows else ()
    if header != META_HEADER:
        common.refuse_layout(what, EXPECTED_META, f"header {', '.join(header)!r}", m, "header")
    return {r[0].strip(): r[4].strip() for r in rows[1:] if len(r) >= 5 and r[1].strip()}
