"""Pieces every importer shares: checksums, provenance, country names -> ISO3, checks, CSV text.

The importers return their tables as text cells (exactly what the bundled CSV holds), so that a
table written with :func:`write_csv` is byte-for-byte the bundled file. Convert with
``pd.to_numeric`` for arithmetic.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from coopselect.errors import CoopselectError

if TYPE_CHECKING:
    import pandas as pd

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
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_record(path: Path) -> FileRecord:
    return FileRecord(path.name, sha256_of(path), path.stat().st_size)


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
    """The path as a Path, refused if it is not an existing, non-empty file."""
    p = Path(path)
    if not p.is_file():
        raise CoopselectError(f"{what} not found.", file=p, fix="give the path of the file.")
    if p.stat().st_size == 0:
        raise CoopselectError(f"{what} is empty.", file=p, fix="download the file again.")
    return p


def read_text(path: Path, what: str, *, need_final_newline: bool = True) -> str:
    """The file as text (UTF-8, BOM removed); refuses undecodable or truncated files."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
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


def csv_rows(text: str, path: Path, what: str) -> list[list[str]]:
    """Parse CSV text strictly (an unterminated quote means a truncated or corrupt file)."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error as exc:
        raise CoopselectError(
            f"{what} is not valid CSV ({exc}): the file looks truncated or corrupt.",
            file=path,
            fix="download the file again.",
        ) from None


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


def write_csv(df: pd.DataFrame, path: str | Path) -> None:
    Path(path).write_text(csv_text(df), encoding="utf-8", newline="")
