"""``coopselect data import SOURCE PATH...``: a publisher's release -> a checked, dated vintage.

Each SOURCE calls the matching importer of :mod:`coopselect.importers` (which recognises the
layout, maps names to ISO3, checks units and ranges, refuses repeated keys, and reads only regular
files within the size and row limits of :mod:`coopselect.importers.common`), checks the tables it
returns, and writes them as vintages through :func:`coopselect.io.data.vintages.install`.
Everything is read and checked before anything is written; the tables of one import (WDI
electricity and GDP per capita) become active together, in one step, or not at all.

Checks of the tables, against what is active now:

* size: a table of more than ``COOPSELECT_MAX_VINTAGE_MB`` megabytes (default
  ``DEFAULT_MAX_VINTAGE_MB`` = 5, 8 times the largest bundled table, USGS, 0.6 MB) is refused:
  every later run reads the active tables (a 610 MB vintage made every ``rank`` take 11 s);
* coverage: a table that covers fewer than ``MIN_COVERAGE`` (half) of the economies of the active
  vintage of its dataset is refused (a one-economy workbook would replace the whole table) unless
  ``allow_fewer_economies`` (``--allow-fewer-economies``) confirms it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from coopselect.errors import CoopselectError

SOURCES = ("wgi", "lpi", "wdi", "usgs-mcs", "epi")
DEFAULT_MAX_VINTAGE_MB = 5.0
MAX_VINTAGE_ENV = "COOPSELECT_MAX_VINTAGE_MB"
MIN_COVERAGE = 0.5
SUPPORTED = ("wgi", "lpi", "wdi", "usgs-mcs")
# First year kept from the WGI and WDI series (the bundled files start there; the criteria read
# 2023, so a newer release adds years and revises earlier ones).
FIRST_YEAR = 2019
# WDI indicator code -> (dataset, flag the latest year as the bundled electricity file does).
WDI_DATASETS = {
    "EG.ELC.ACCS.ZS": ("electricity", True),
    "NY.GDP.PCAP.CD": ("gdp_per_capita", False),
}


@dataclass
class Planned:
    """One checked table waiting to be written."""

    dataset: str
    text: str
    provenance: dict[str, Any]
    rows: int
    economies: int
    unmapped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass
class ImportReport:
    source: str
    written: list[tuple[Planned, Any]] = field(default_factory=list)  # (plan, Vintage)

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "vintages": [
                {
                    **v.as_dict(),
                    "rows": p.rows,
                    "economies": p.economies,
                    "unmapped": list(p.unmapped),
                    "warnings": list(p.warnings),
                    "files": p.provenance.get("files", []),
                }
                for p, v in self.written
            ],
        }


def _prov_dict(res, source: str) -> dict[str, Any]:
    from coopselect._version import __version__

    doc = res.provenance.as_dict()
    doc["source"] = source
    doc["unmapped"] = list(res.unmapped)
    doc["warnings"] = list(res.warnings)
    doc["coopselect_version"] = __version__
    return doc


def _plan(dataset: str, res, source: str) -> Planned:
    from coopselect.importers import common

    df = res.data
    if len(df) == 0:
        raise CoopselectError(
            f"the {source} release gave no rows for {dataset}.",
            fix="check that this is the publisher's complete file.",
        )
    iso = [x for x in df["iso3"].tolist() if x and x not in (common.WORLD, common.OTHER)]
    return Planned(
        dataset,
        common.csv_text(df),
        _prov_dict(res, source),
        len(df),
        len(set(iso)),
        tuple(res.unmapped),
        tuple(res.warnings),
    )


def _files(paths: list[Path]) -> list[Path]:
    """The given files, and the regular files of the given folders (sorted by name). A FIFO, a
    device or a dangling link, given or inside a folder, is refused at once (nothing is opened);
    the files together must be within the release size limit."""
    from coopselect.importers import common

    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += common.release_files(p)
        elif p.exists() or p.is_symlink():
            out.append(common.existing_file(p, "the release file"))
        else:
            raise CoopselectError("file or folder not found.", file=p, fix="check the path.")
    common.check_release_size(out, paths[0])
    return out


def plan_import(
    source: str, paths: Sequence[str | Path], imported_on: date | None = None
) -> list[Planned]:
    """Read and check a release; nothing is written."""
    src = source.strip().lower()
    if src == "usgs":
        src = "usgs-mcs"
    if src == "epi":
        raise CoopselectError(
            "an EPI release cannot be imported yet: no Yale EPI release file is at hand to "
            "recognise its layout.",
            place="SOURCE",
            fix=f"import one of {', '.join(SUPPORTED)}; the bundled EPI 2022/2024 stay in use.",
        )
    if src not in SUPPORTED:
        raise CoopselectError(
            f"unknown source {source!r}.", place="SOURCE", fix=f"use one of {', '.join(SUPPORTED)}."
        )
    ps = [Path(p).expanduser() for p in paths]
    if not ps:
        raise CoopselectError("no file given.", place="PATH", fix="give the release file(s).")
    readers: dict[str, Callable[..., Planned | list[Planned]]] = {
        "wgi": _wgi,
        "lpi": _lpi,
        "wdi": _wdi,
        "usgs-mcs": _usgs,
    }
    read = readers[src]
    try:
        plans = read(ps, imported_on)
    except CoopselectError:
        raise
    except Exception as exc:  # a reader library's own error on a damaged or foreign file
        detail = str(exc).splitlines()[0][:120] if str(exc) else ""
        raise CoopselectError(
            f"the {src} release could not be read ({type(exc).__name__}: {detail}).",
            file=ps[0],
            fix="give the publisher's file as released (see 'coopselect data import --help').",
        ) from None
    return plans if isinstance(plans, list) else [plans]


def _wgi(ps: list[Path], imported_on) -> Planned:
    from coopselect.importers import common, wgi

    files = _files(ps)
    books = [f for f in files if f.suffix.lower() in (".xlsx", ".xlsm")] or files
    if len(books) != 1:
        raise CoopselectError(
            f"expected one WGI workbook, found {len(books)} files.",
            file=ps[0],
            fix="give the WGI .xlsx workbook (long layout, e.g. wgidataset.xlsx).",
        )
    if books[0].suffix.lower() not in (".xlsx", ".xlsm"):
        common.refuse_layout(
            "the WGI workbook", wgi.EXPECTED, f"a {books[0].suffix or 'suffix-less'} file", books[0]
        )
    res = wgi.import_wgi(books[0], years=range(FIRST_YEAR, 2200), imported_on=imported_on)
    return _plan("wgi", res, "wgi")


def _lpi(ps: list[Path], imported_on) -> Planned:
    from coopselect.importers import lpi

    files = _files(ps)
    csvs = [f for f in files if f.suffix.lower() == ".csv"]
    books = [f for f in files if f.suffix.lower() in (".xlsx", ".xlsm")]
    if len(csvs) > 1 or len(books) > 1 or not (csvs or books):
        raise CoopselectError(
            f"expected the LPI 2023 CSV and/or the 2007-2018 workbook, found "
            f"{len(csvs)} CSV and {len(books)} workbook files.",
            file=ps[0],
            fix="give International_LPI_2023.csv and/or International_LPI_from_2007_to_2018.xlsx.",
        )
    res = lpi.import_lpi(
        csvs[0] if csvs else None,
        books[0] if books else None,
        editions=(2018,),
        imported_on=imported_on,
    )
    return _plan("lpi", res, "lpi")


def _wdi_code(path: Path) -> str:
    """The indicator code of a WDI bulk CSV (fourth column of the first data row)."""
    from coopselect.importers import common

    text = common.read_text(path, "the WDI file", need_final_newline=False, errors="replace")
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if len(row) > 4 and row[0].strip() not in ("", "Country Name"):
                return row[3].strip()
    except csv.Error:
        pass
    return ""


def _wdi(ps: list[Path], imported_on) -> list[Planned]:
    from coopselect.importers import wdi

    files = [f for f in _files(ps) if f.suffix.lower() == ".csv"]
    metas = [f for f in files if f.name.startswith("Metadata_Country")]
    data = [f for f in files if not f.name.startswith("Metadata_")]
    if not data:
        raise CoopselectError(
            "no WDI bulk data file (API_<indicator>_DS2_...csv) given.",
            file=ps[0],
            fix="give the unzipped WDI bulk download (data CSV and Metadata_Country CSV).",
        )
    if not metas:
        raise CoopselectError(
            "no Metadata_Country_...csv given: it tells economies from aggregates.",
            file=ps[0],
            fix="give the Metadata_Country file of the same WDI bulk download.",
        )
    plans = []
    seen: set[str] = set()
    for f in data:
        code = _wdi_code(f)
        if code not in WDI_DATASETS:
            # Let the importer refuse a file whose layout is not the WDI bulk CSV.
            wdi.import_wdi(f, metas[0], years=[FIRST_YEAR])
            raise CoopselectError(
                f"WDI indicator {code!r} is not used by coopselect.",
                file=f,
                fix=f"import one of {', '.join(WDI_DATASETS)}.",
            )
        dataset, flag = WDI_DATASETS[code]
        if dataset in seen:
            raise CoopselectError(
                f"two files for {code}.", file=f, fix="give one file per indicator."
            )
        seen.add(dataset)
        res = wdi.import_wdi(
            f, metas[0], years=range(FIRST_YEAR, 2200), flag_latest=flag, imported_on=imported_on
        )
        plans.append(_plan(dataset, res, "wdi"))
    return plans


def _usgs(ps: list[Path], imported_on) -> Planned:
    from coopselect.importers import usgs_mcs
    from coopselect.io.data import reference

    if len(ps) != 1 or not ps[0].is_dir():
        raise CoopselectError(
            "a USGS MCS import needs the release folder (every mcsYYYY-xxxxx_world.csv).",
            file=ps[0],
            fix="give the folder of the unzipped world data release.",
        )
    order = list(dict.fromkeys(m.usgs_commodity for m in reference.minerals().values()))
    res = usgs_mcs.import_mcs_world(ps[0], imported_on=imported_on, commodity_order=order)
    plan = _plan("usgs", res, "usgs-mcs")
    have = set(res.data["commodity"])
    absent = [c for c in order if c not in have]
    if absent:
        note = f"commodities of minerals.csv absent from this release: {', '.join(absent)}"
        plan.warnings = (*plan.warnings, note)
        plan.provenance["warnings"].append(note)
    return plan


def max_vintage_bytes() -> int:
    """The vintage size limit in bytes: ``COOPSELECT_MAX_VINTAGE_MB`` megabytes, default 5."""
    from coopselect.limits import env_megabytes

    return env_megabytes(MAX_VINTAGE_ENV, DEFAULT_MAX_VINTAGE_MB, "20")


def _check_size(plan: Planned, where: Path, root: Path) -> None:
    from coopselect.io.data import vintages

    size = len(plan.text.encode("utf-8"))
    limit = max_vintage_bytes()
    if size <= limit:
        return
    bundled = vintages.vintage(plan.dataset, vintages.BUNDLED, root).path
    try:
        factor = f", {size / bundled.stat().st_size:,.0f} times the bundled table"
    except OSError:
        factor = ""
    raise CoopselectError(
        f"the {plan.dataset} table would be {size / 1024 / 1024:,.1f} MB ({plan.rows:,} rows"
        f"{factor}), above the vintage limit of {limit / 1024 / 1024:,.1f} MB: every later run "
        "reads the active tables and would slow down.",
        file=where,
        fix=f"check that this is the publisher's release, or raise the limit with "
        f"{MAX_VINTAGE_ENV}=<megabytes>.",
    )


def _economies(path: Path) -> set[str]:
    """The economies (ISO3 codes) of a bundled or imported table."""
    from coopselect.importers import common

    with path.open(encoding="utf-8", newline="") as fh:
        return {
            r["iso3"]
            for r in csv.DictReader(fh)
            if r.get("iso3") and r["iso3"] not in (common.WORLD, common.OTHER)
        }


def _check_coverage(plan: Planned, where: Path, root: Path) -> None:
    from coopselect.io.data import vintages

    active = vintages.vintage(plan.dataset, None, root)
    try:
        have = len(_economies(active.path))
    except (OSError, UnicodeDecodeError, csv.Error):
        return  # an unreadable active table is reported where it is read
    if have and plan.economies < MIN_COVERAGE * have:
        raise CoopselectError(
            f"the release covers {plan.economies} "
            f"{'economy' if plan.economies == 1 else 'economies'} for {plan.dataset}, fewer "
            f"than half of the {have} of the active vintage ({active.label()}): it would "
            "replace the whole "
            "table.",
            file=where,
            fix="give the publisher's complete release, or pass --allow-fewer-economies to "
            "import it anyway.",
        )


def run_import(
    source: str,
    paths: Sequence[str | Path],
    imported_on: date | None = None,
    *,
    allow_fewer_economies: bool = False,
    root: Path,
):
    """Import a release into the data folder ``root``; returns an :class:`ImportReport`.

    All or nothing: every table is read and checked (size; coverage unless
    ``allow_fewer_economies``) before any is written, and they become active together."""
    from coopselect.io.data import vintages

    vintages.checked_data_dir(root)
    plans = plan_import(source, paths, imported_on)
    where = Path(paths[0]).expanduser()
    for p in plans:
        _check_size(p, where, root)
        if not allow_fewer_economies:
            _check_coverage(p, where, root)
    written = vintages.install([(p.dataset, p.text, p.provenance) for p in plans], root=root)
    report = ImportReport(source)
    report.written = list(zip(plans, written, strict=True))
    return report
