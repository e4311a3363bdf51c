"""World Bank Worldwide Governance Indicators workbook (long layout) -> the bundled WGI layout.

Reads ``wgidataset.xlsx`` as released up to the 2024 update: one sheet, one row per economy,
year and dimension (``codeindyr, code, countryname, year, indicator, estimate, stddev, nsource,
pctrank, pctranklower, pctrankupper``; ``..`` = no data). The 2025 update (one sheet per dimension,
``Economy (name)``, ``Governance score (0-100)`` ...) has another layout and is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.importers import common

COLUMNS = (
    "iso3",
    "country_source",
    "year",
    "indicator_code",
    "indicator_name",
    "estimate",
    "stddev",
    "nsource",
    "pctrank",
    "pctranklower",
    "pctrankupper",
)
HEADER = (
    "codeindyr",
    "code",
    "countryname",
    "year",
    "indicator",
    "estimate",
    "stddev",
    "nsource",
    "pctrank",
    "pctranklower",
    "pctrankupper",
)
INDICATORS = {
    "cc": "Control of Corruption",
    "ge": "Government Effectiveness",
    "pv": "Political Stability and Absence of Violence/Terrorism",
    "rl": "Rule of Law",
    "rq": "Regulatory Quality",
    "va": "Voice and Accountability",
}
PUBLISHER = "World Bank, Worldwide Governance Indicators"
EXPECTED = "the WGI long layout up to the 2024 update: one sheet with columns " + ", ".join(HEADER)
# Checked ranges: estimates are about -2.5..2.5 (a few economies lie just outside), percentile
# ranks 0..100, standard errors and source counts non-negative.
RANGES = {
    "estimate": (-3.5, 3.5),
    "stddev": (0.0, 2.0),
    "nsource": (0.0, 50.0),
    "pctrank": (0.0, 100.0),
    "pctranklower": (0.0, 100.0),
    "pctrankupper": (0.0, 100.0),
}


def read_rows(path: str | Path) -> tuple[Path, list[tuple]]:
    """The workbook's data rows (header checked). Separate so that a caller can parse once.

    Read through :func:`common.open_workbook` and :func:`common.sheet_rows`: regular file, size
    and unzipped-size limits, the declared dimension ignored, rows and columns capped."""
    p = common.existing_file(path, "the WGI workbook")
    wb = common.open_workbook(p, "the WGI workbook")
    try:
        sheets = wb.worksheets
        first = next(common.sheet_rows(sheets[0], p, "the WGI workbook", max_rows=1), ())
        header = tuple(str(c).strip() if c is not None else "" for c in first)
        if len(sheets) != 1 or header[: len(HEADER)] != HEADER:
            names = [ws.title for ws in sheets]
            if len(sheets) > 1:
                found = f"{len(sheets)} sheets ({', '.join(names[:4])}...)"
                if any("Economy" in h for h in header):
                    found += ", one per dimension as in the 2025 update"
            else:
                found = f"header {', '.join(h for h in header[:5] if h)!r}"
            common.refuse_layout("the WGI workbook", EXPECTED, found, p, names[0])
        rows = common.sheet_rows(sheets[0], p, "the WGI workbook")
        next(rows, None)  # the header
        data = [r for r in rows if any(r)]
    except CoopselectError:
        raise
    except Exception as exc:  # openpyxl raises many types on damaged sheets
        raise CoopselectError(
            f"the WGI workbook could not be read ({type(exc).__name__}): truncated or corrupt.",
            file=p,
            fix="download the file again.",
        ) from None
    finally:
        wb.close()
    if not data:
        raise CoopselectError("the WGI workbook has no data rows.", file=p, fix="download again.")
    return p, data


def _cell(value) -> str:
    if value is None or value == "..":
        return ""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return str(value)
    return common.fmt_number(float(value), 6)


def import_wgi(
    path: str | Path,
    *,
    years: Iterable[int] | None = None,
    iso3: Iterable[str] | None = None,
    imported_on: date | None = None,
    rows: tuple[Path, list[tuple]] | None = None,
) -> common.ImportResult:
    """Import the WGI workbook into the bundled layout, sorted by iso3, year and dimension.

    ``years``/``iso3`` keep only those (default: all). WGI codes are recoded to ISO3 (``ZAR`` ->
    ``COD`` ...). Economies whose code is not a known ISO3 code, or that have no figure at all in
    the kept years, are left out and named in ``unmapped``/``warnings``. ``rows`` takes the result
    of :func:`read_rows` to avoid parsing the workbook twice.
    """
    p, data = rows if rows is not None else read_rows(path)
    keep_years = {int(y) for y in years} if years is not None else None
    keep_iso = set(iso3) if iso3 is not None else None
    known = set(common.country_names().values())
    out: list[list[str]] = []
    unmapped: dict[str, str] = {}
    seen: dict[tuple[str, str, str], int] = {}
    for n, r in enumerate(data, start=2):
        r = tuple(r) + (None,) * (len(HEADER) - len(r))
        code, name, year, ind = r[1], r[2], r[3], r[4]
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise CoopselectError(
                f"year {year!r} is not a year.", file=p, place=f"row {n}", fix="check the file."
            ) from None
        if ind not in INDICATORS:
            raise CoopselectError(
                f"unknown indicator {ind!r} (expected {', '.join(INDICATORS)}).",
                file=p,
                place=f"row {n}",
                fix="check that this is the WGI workbook.",
            )
        if keep_years is not None and year not in keep_years:
            continue
        iso = common.recode(str(code or ""))
        if iso not in known:
            unmapped.setdefault(f"{code} ({name})", "")
            continue
        if keep_iso is not None and iso not in keep_iso:
            continue
        try:
            values = [_cell(v) for v in r[5:11]]
        except (TypeError, ValueError):
            raise CoopselectError(
                f"non-numeric value in {r[5:11]!r}.", file=p, place=f"row {n}", fix="check."
            ) from None
        first = seen.setdefault((iso, str(year), ind), n)
        if first != n:
            raise CoopselectError(
                f"{iso} {year} {ind} appears twice (rows {first} and {n}): a release gives one "
                "figure per economy, year and dimension.",
                file=p,
                place=f"row {n}",
                fix="give the publisher's workbook as released (remove the repeated row).",
            )
        out.append([iso, str(name).strip(), str(year), ind, INDICATORS[ind], *values])
        common.check_table_rows(len(out), "the WGI workbook", p, f"row {n}")
    for k, col in enumerate(COLUMNS[5:], start=5):
        lo, hi = RANGES[col]
        common.check_range(
            ((f"{r[0]} {r[2]} {r[3]} {col}", r[k]) for r in out), lo, hi, f"WGI {col}", p
        )
    empty = sorted({r[0] for r in out} - {r[0] for r in out if any(r[5:])})
    warnings = [f"{iso}: no WGI figure in the kept years; left out." for iso in empty]
    out = [r for r in out if r[0] not in empty]
    out.sort(key=lambda r: (r[0], r[2], r[3]))
    last = max(int(r[3]) for r in data if str(r[3]).isdigit())
    prov = common.provenance(
        "wgi",
        PUBLISHER,
        f"WGI {last + 1} update (data to {last}; inferred from the years covered)",
        [p],
        imported_on,
    )
    return common.ImportResult(common.frame(out, COLUMNS), prov, tuple(unmapped), tuple(warnings))
