"""Pieces every importer shares: checksums, provenance, country names -> ISO3, checks, CSV text,
and the limits that keep a hostile or broken release from hanging the import or taking all memory.

The importers return their tables as text cells (exactly what the bundled CSV holds), so that a
table's :func:`csv_text` is byte-for-byte the bundled file. Convert with
``pd.to_numeric`` for arithmetic.

Every release file is read through :func:`release_bytes`: regular files only (``os.stat`` before
anything is opened, so a FIFO, a device such as ``/dev/zero`` or a socket is refused at once and
never blocks; then opened non-blocking and checked again with ``fstat``, in case it was swapped
meanwhile). A symlink is followed only to a regular file, wherever that lies, so that releases kept
in a git-annex or DVC store still import; a dangling link is named. (The rule is
:mod:`coopselect.filegate`'s, shared with the input gate :func:`coopselect.io.files.read_bytes`;
only the wording of the refusals is the release's.) On top of that, before or while parsing:

* a release (every file an import reads, together) is at most ``COOPSELECT_MAX_RELEASE_MB``
  megabytes (default ``DEFAULT_MAX_RELEASE_MB`` = 20), checked with ``stat`` before any is read,
  and at most ``MAX_RELEASE_FILES`` files (the largest releases read so far: WGI, 3.1 MB; USGS MCS
  2024, 155 files, 2.1 MB);
* a CSV file or worksheet has at most ``MAX_SOURCE_ROWS`` rows and ``MAX_SOURCE_COLUMNS`` columns,
  counted while reading (WGI: 38,000 rows of 11 columns; WDI: 70 columns);
* a workbook decompresses to at most ``XLSX_UNZIP_FACTOR`` times ``COOPSELECT_MAX_RELEASE_MB``
  (checked on the zip directory before openpyxl opens it; WGI: 17 MB), is read in openpyxl's
  read-only mode, and its declared ``<dimension>`` is ignored (a 5 KB workbook declaring
  A1:XFD1048576 allocated and scanned a million rows of 16,384 cells);
* an imported table has at most ``MAX_TABLE_ROWS`` rows, counted as they are made (bundled: 1,040
  to 6,390 rows).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from coopselect.errors import CoopselectError
from coopselect.filegate import FOLDER, Refusals, file_kind, kind_refusal, read_regular, stat_of

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_MAX_RELEASE_MB = 20.0
MAX_RELEASE_ENV = "COOPSELECT_MAX_RELEASE_MB"
MAX_RELEASE_FILES = 1_000
MAX_SOURCE_ROWS = 200_000
MAX_SOURCE_COLUMNS = 1_000
MAX_TABLE_ROWS = 50_000
XLSX_UNZIP_FACTOR = 4
XLSX_MAX_MEMBERS = 1_000
_LIMIT_FIX = "check that this is the publisher's file as released (a release is far smaller)."

# Codes some publishers still use, and the ISO 3166-1 alpha-3 code that replaced them.
CODE_RECODES = {"ZAR": "COD", "ROM": "ROU", "TMP": "TLS", "KSV": "XKX", "ADO": "AND", "WBG": "PSE"}

# Special codes of the USGS tables (not countries).
OTHER = "OTHER"
WORLD = "WORLD"


@dataclass(frozen=True)
class FileRecord:
    """One file an importer read: its name, size and SHA-256."""

    name: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Provenance:
    """Where an imported table came from."""

    source: str
    publisher: str
    release: str
    files: tuple[FileRecord, ...]
    imported_on: date
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "publisher": self.publisher,
            "release": self.release,
            "files": [{"name": f.name, "sha256": f.sha256, "bytes": f.size} for f in self.files],
            "imported_on": self.imported_on.isoformat(),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ImportResult:
    """An imported table (text cells, bundled column layout) with its provenance.

    ``unmapped`` lists the names (as written in the file) that could not be mapped to an ISO3
    code; their rows are kept with an empty ``iso3``. ``warnings`` lists oddities of the file that
    did not stop the import.
    """

    data: pd.DataFrame
    provenance: Provenance
    unmapped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def sha256_of(path: Path) -> str:
    return hashlib.sha256(release_bytes(path)).hexdigest()


def file_record(path: Path) -> FileRecord:
    data = release_bytes(path)
    return FileRecord(path.name, hashlib.sha256(data).hexdigest(), len(data))


# ---- reading a release safely ----------------------------------------------------------------


def max_release_bytes() -> int:
    """The release size limit: ``COOPSELECT_MAX_RELEASE_MB`` megabytes, default 20."""
    from coopselect.limits import env_megabytes

    return env_megabytes(MAX_RELEASE_ENV, DEFAULT_MAX_RELEASE_MB, "50")


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.1f} MB"


def _missing(path: Path) -> CoopselectError:
    if path.is_symlink():
        return CoopselectError(
            f"is a symbolic link to {os.readlink(path)!r}, which does not exist.",
            file=path,
            fix="remove the link or copy the file it should point at into the release.",
        )
    return CoopselectError("file not found.", file=path, fix="check the path of the release file.")


_refuse_kind = kind_refusal(
    "give the file.",
    ": a release holds regular files only",
    "give the publisher's files as downloaded (remove this entry from the folder).",
)


def _cannot_read(path: Path, err: OSError) -> CoopselectError:
    return CoopselectError(
        f"cannot read: {err.strerror or err}.", file=path, fix="check the file's permissions."
    )


def _too_big(path: Path, size: int | None, limit: int) -> CoopselectError:
    got = f"is {_mb(size)}" if size is not None else "grew while it was read"
    return CoopselectError(
        f"{got}, above the release limit of {_mb(limit)} (the largest release read so far is "
        "3.1 MB).",
        file=path,
        fix=f"check that this is the publisher's file, or raise the limit with "
        f"{MAX_RELEASE_ENV}=<megabytes>.",
    )


_REFUSALS = Refusals(
    missing=_missing, kind=_refuse_kind, too_big=_too_big, cannot_read=_cannot_read
)


def release_bytes(path: Path) -> bytes:
    """The bytes of one release file: a regular file (checked before and after opening it
    non-blocking), at most the release limit (checked before reading, and while reading)."""
    return read_regular(path, max_release_bytes(), _REFUSALS)


def _regular(path: Path) -> bool:
    """True for a regular file, False for a folder (both through symlinks); anything else (a
    FIFO, device, socket, dangling link) is refused with one line, without opening it."""
    kind = file_kind(stat_of(path, _REFUSALS).st_mode)
    if kind and kind != FOLDER:
        raise _refuse_kind(path, kind)
    return kind is None


def release_files(folder: Path) -> list[Path]:
    """The regular files of a release folder, sorted by name (case-insensitive); sub-folders are
    skipped; anything else (FIFO, device, socket, dangling link) is refused at once."""
    try:
        entries = sorted(folder.iterdir(), key=lambda f: f.name.casefold())
    except OSError as err:
        raise CoopselectError(
            f"cannot list the folder ({err.strerror or err}).", file=folder, fix="check the path."
        ) from None
    if len(entries) > MAX_RELEASE_FILES:
        raise CoopselectError(
            f"the folder holds {len(entries):,} entries, above the limit of "
            f"{MAX_RELEASE_FILES:,} for a release.",
            file=folder,
            fix="give the folder of the unzipped release alone.",
        )
    return [f for f in entries if _regular(f)]


def check_release_size(paths: Iterable[Path], where: Path) -> None:
    """Refuse a release whose files together exceed the release limit (before reading any)."""
    limit = max_release_bytes()
    total = 0
    for p in paths:
        _regular(p)
        total += stat_of(p, _REFUSALS).st_size
    if total > limit:
        raise CoopselectError(
            f"the release is {_mb(total)}, above the release limit of {_mb(limit)} (the largest "
            "release read so far is 3.1 MB).",
            file=where,
            fix=f"check that these are the publisher's files, or raise the limit with "
            f"{MAX_RELEASE_ENV}=<megabytes>.",
        )


def too_many_rows(what: str, path: Path, limit: int, place: str | None = None) -> NoReturn:
    raise CoopselectError(
        f"{what} has more than {limit:,} rows, above the limit for a release.",
        file=path,
        place=place,
        fix=_LIMIT_FIX,
    )


def check_width(n: int, what: str, path: Path, place: str) -> None:
    if n > MAX_SOURCE_COLUMNS:
        raise CoopselectError(
            f"{what} has a row of {n:,} columns, above the limit of {MAX_SOURCE_COLUMNS:,} for a "
            "release.",
            file=path,
            place=place,
            fix=_LIMIT_FIX,
        )


def check_table_rows(n: int, what: str, path: Path, place: str | None = None) -> None:
    """Refuse as soon as an imported table would exceed ``MAX_TABLE_ROWS`` rows."""
    if n > MAX_TABLE_ROWS:
        raise CoopselectError(
            f"{what} would give more than {MAX_TABLE_ROWS:,} rows (the bundled tables have at "
            "most 6,400): a vintage that large would slow every later run.",
            file=path,
            place=place,
            fix=_LIMIT_FIX,
        )


def open_workbook(path: Path, what: str):
    """An openpyxl workbook (read-only, values) from the bytes of ``path`` read through the
    gate, after checking the zip directory: at most ``XLSX_MAX_MEMBERS`` members that decompress
    to at most ``XLSX_UNZIP_FACTOR`` x ``COOPSELECT_MAX_RELEASE_MB`` together (zipfile never yields
    more than a member's declared size, so the declared sizes bound the work)."""
    import zipfile

    from openpyxl import load_workbook

    data = release_bytes(path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CoopselectError(
            f"{what} is not a readable .xlsx ({type(exc).__name__}): truncated or corrupt.",
            file=path,
            fix="download the file again.",
        ) from None
    limit = XLSX_UNZIP_FACTOR * max_release_bytes()
    unzipped = sum(i.file_size for i in infos)
    if len(infos) > XLSX_MAX_MEMBERS or unzipped > limit:
        found = (
            f"{len(infos):,} zip members"
            if len(infos) > XLSX_MAX_MEMBERS
            else f"{unzipped / 1024 / 1024:,.0f} MB when unzipped"
        )
        raise CoopselectError(
            f"{what} holds {found}, above the limit of {XLSX_MAX_MEMBERS:,} members and "
            f"{limit / 1024 / 1024:,.0f} MB ({XLSX_UNZIP_FACTOR} x {MAX_RELEASE_ENV}) for a "
            "workbook.",
            file=path,
            fix=f"check that this is the publisher's workbook, or raise {MAX_RELEASE_ENV}.",
        )
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise CoopselectError(
            f"{what} is not a readable .xlsx ({type(exc).__name__}): truncated or corrupt.",
            file=path,
            fix="download the file again.",
        ) from None


def sheet_rows(ws, path: Path, what: str, *, max_rows: int | None = None) -> Iterator[tuple]:
    """The rows of a read-only worksheet as value tuples, the declared dimension ignored.

    openpyxl pads every row to the declared width and yields an empty row for every row number
    the sheet skips; the dimension is reset first (rows are as wide as their last cell), and the
    rows yielded, empty ones included, are counted and capped at ``MAX_SOURCE_ROWS``; a row wider
    than ``MAX_SOURCE_COLUMNS`` is refused. ``max_rows`` stops early (a header)."""
    ws.reset_dimensions()
    place = f"sheet {ws.title!r}"
    for n, row in enumerate(ws.iter_rows(values_only=True), start=1):
        if max_rows is not None and n > max_rows:
            return
        if n > MAX_SOURCE_ROWS:
            too_many_rows(what, path, MAX_SOURCE_ROWS, place)
        check_width(len(row), what, path, f"{place} row {n}")
        yield row


def provenance(
    source: str,
    publisher: str,
    release: str,
    paths: Iterable[Path],
    imported_on: date | None,
    notes: Sequence[str] = (),
) -> Provenance:
    return Provenance(
        source,
        publisher,
        release,
        tuple(file_record(p) for p in paths),
        imported_on or date.today(),
        tuple(notes),
    )


def existing_file(path: str | Path, what: str) -> Path:
    """The path as a Path, refused if it is not an existing, non-empty regular file (a FIFO or
    device is refused at once, without opening it)."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise CoopselectError(f"{what} not found.", file=p, fix="give the path of the file.")
    if not _regular(p):
        raise CoopselectError(f"{what} is a folder.", file=p, fix="give the path of the file.")
    if p.stat().st_size == 0:
        raise CoopselectError(f"{what} is empty.", file=p, fix="download the file again.")
    return p


def read_text(
    path: Path, what: str, *, need_final_newline: bool = True, errors: str = "strict"
) -> str:
    """The file as text (UTF-8, BOM removed) through the input gate; refuses undecodable or
    truncated files."""
    data = release_bytes(path)
    try:
        text = data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        raise CoopselectError(
            f"{what} is not UTF-8 text (byte {exc.start}): corrupt or not a CSV file.",
            file=path,
            fix="download the file again.",
        ) from None
    if need_final_newline and not text.endswith("\n"):
        raise CoopselectError(
            f"{what} does not end with a line break: the file looks truncated.",
            file=path,
            fix="download the file again.",
        )
    return text


def csv_lines(text: str, path: Path, what: str) -> list[tuple[int, list[str]]]:
    """Parse CSV text strictly (an unterminated quote means a truncated or corrupt file), at most
    ``MAX_SOURCE_ROWS`` rows (empty lines included) of ``MAX_SOURCE_COLUMNS`` cells, counted while
    reading; each row with the line of the file it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            if len(rows) >= MAX_SOURCE_ROWS:
                too_many_rows(what, path, MAX_SOURCE_ROWS, f"line {start}")
            check_width(len(row), what, path, f"line {start}")
            rows.append((start, row))
            start = reader.line_num + 1
        return rows
    except csv.Error as exc:
        raise CoopselectError(
            f"{what} is not valid CSV ({exc}): the file looks truncated or corrupt.",
            file=path,
            fix="download the file again.",
        ) from None


def csv_rows(text: str, path: Path, what: str) -> list[list[str]]:
    """The rows of :func:`csv_lines` without their line numbers."""
    return [row for _, row in csv_lines(text, path, what)]


def name_key(name: str) -> str:
    """A country name reduced for lookup: case, apostrophes and spaces do not matter."""
    name = name.replace("\u2019", "'").replace("\u2018", "'").replace("\xa0", " ")
    return re.sub(r"\s+", " ", name).strip().casefold()


@cache
def country_names() -> dict[str, str]:
    """The project's alias table data/country_names.csv as {name key: ISO3}."""
    from coopselect.paths import data_dir

    path = data_dir() / "country_names.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {name_key(r["name"]): r["iso3"] for r in csv.DictReader(fh)}


@cache
def target_iso3() -> frozenset[str]:
    """ISO3 codes of the project's country list (data/countries.csv)."""
    from coopselect.paths import data_dir

    with (data_dir() / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return frozenset(r["iso3"] for r in csv.DictReader(fh))


def iso3_for_name(name: str, extra: dict[str, str] | None = None) -> str | None:
    """ISO3 of a country name (alias table, then ``extra`` {name: iso3}); None if unknown."""
    key = name_key(name)
    if extra:
        for k, v in extra.items():
            if name_key(k) == key:
                return v
    return country_names().get(key)


def recode(code: str) -> str:
    code = code.strip().upper()
    return CODE_RECODES.get(code, code)


def refuse_layout(
    what: str, expected: str, found: str, path: Path, place: str | None = None
) -> NoReturn:
    """The one-line error for a file whose layout is not the one this importer reads."""
    raise CoopselectError(
        f"{what} has an unknown layout ({found}); expected {expected}.",
        file=path,
        place=place,
        fix="give the publisher's file in the expected layout, or update the importer.",
    )


def check_range(
    values: Iterable[tuple[str, str]], lo: float, hi: float, what: str, path: Path
) -> None:
    """Refuse the first (place, text) whose number lies outside [lo, hi]."""
    for place, text in values:
        if text == "":
            continue
        v = float(text)
        if not lo <= v <= hi:
            raise CoopselectError(
                f"{what} {text} is outside the expected range {lo:g} to {hi:g}.",
                file=path,
                place=place,
                fix="check that this is the publisher's file and the right column.",
            )


def fmt_number(value: float, digits: int = 10) -> str:
    """A number as the bundled files write it: ``format(v, f".{digits}g")``."""
    return format(value, f".{digits}g")


def frame(rows: list[list[str]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns), dtype=object)


def csv_text(df: pd.DataFrame) -> str:
    """The table as the bundled CSV text (UTF-8, ``\\n`` line ends, minimal quoting)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(list(df.columns))
    writer.writerows(df.itertuples(index=False, name=None))
    return buf.getvalue()
