"""USGS Mineral Commodity Summaries world files -> the bundled USGS production/reserves layout.

Reads the per-commodity files of an MCS data release (MCS 2023, MCS 2024): a folder of
``mcsYYYY-xxxxx_world.csv`` (``Source, Country, Type, Prod_<unit>_<year>..., Prod_notes,
Reserves_<unit>, Reserves_notes``; some files add ``Cap_...`` capacity columns) with their
``_meta.xml``. The MCS 2025 release (one long ``MCS2025_World_Data.csv``) has a different layout
and is refused. How each output column is derived is written down in data/SOURCES.md section 3.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coopselect.errors import CoopselectError
from coopselect.importers import common

COLUMNS = (
    "commodity",
    "product",
    "stage",
    "type",
    "iso3",
    "country_source",
    "in_target_list",
    "measure",
    "year",
    "estimated",
    "value",
    "qualifier",
    "unit",
    "value_tonnes",
    "value_raw",
    "flag",
    "note",
    "mcs_file",
)
PUBLISHER = "U.S. Geological Survey, National Minerals Information Center"
EXPECTED = (
    "a folder of per-commodity files mcsYYYY-xxxxx_world.csv (MCS 2023/2024 data release: "
    "Source, Country, Type, Prod_<unit>_<year>, ..., Reserves_<unit>, Reserves_notes)"
)
PRODUCTION = "mine/refinery production"
RESERVES = "reserves"
CAPACITY = "capacity"

_FILE = re.compile(r"^mcs(?P<year>\d{4})-(?P<code>[a-z][a-z-]*)_world\.csv$", re.IGNORECASE)
_LONG = re.compile(r"^mcs\d{4}_world_data\.csv$", re.IGNORECASE)
_VALUE_COL = re.compile(
    r"^(?P<fam>prod|cap|reserves)_(?:(?P<what>[a-z0-9]+(?:_[a-z0-9]+)*?)_)?"
    r"(?P<unit>t|kt|kg|mt|mmt|kct|mct|mcm)(?:_(?P<est>est))?(?:_(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
_NOTE_COL = re.compile(r"^(?P<fam>prod|cap|reserves)_notes?$", re.IGNORECASE)
_NUMBER = re.compile(r"^(?P<q>[<>])?\s*(?P<e>e)?\s*(?P<n>-?\d[\d,]*(?:\.\d+)?)$")
_TITLE = re.compile(r"Mineral Commodity Summaries (\d{4}) - (.+?) Data Release")
_CAPACITY_TYPE = re.compile(r"^(plant |clinker )?capacity", re.IGNORECASE)

# Unit code in the column name -> (unit as written in the table, factor to metric tons or None).
# A metric carat is exactly 0.2 g; cubic metres of helium have no fixed mass (left empty).
UNITS: dict[str, tuple[str, float | None]] = {
    "t": ("metric tons", 1.0),
    "kt": ("thousand metric tons", 1e3),
    "kg": ("kilograms", 1e-3),
    "mt": ("million metric tons", 1e6),
    "mmt": ("million metric tons", 1e6),
    "kct": ("thousand carats", 1e3 * 2e-7),
    "mct": ("million carats", 1e6 * 2e-7),
    "mcm": ("million cubic meters", None),
}

# Cells read as "no figure" (the original build read the files with pandas' default NA strings:
# an unpadded NA is blank, a space-padded NA keeps its text).
_NA_TEXT = frozenset(
    {
        *("#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN"),
        *("<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"),
    }
)

# Column units the CSV header gets wrong: (year, file code, column) -> unit. Each contradicts the
# file's own notes or _meta.xml, the next release of the same table, and the reserves/production
# ratio (the header unit would make world reserves 26,000 years or a fraction of a year of output):
# 2024 selenium reserves t (header kt), talc reserves kt (header t); 2023 chromite production kt
# (header t; the rows' notes say thousand metric tons; MCS 2024 revised its own header the same
# way), vanadium reserves kt (header t; kt in MCS 2024), rhenium reserves kg (header kt).
UNIT_CORRECTIONS = {
    ("2024", "selen", "reserves_kt"): "t",
    ("2024", "talc", "reserves_t"): "kt",
    ("2023", "chrom", "prod_t_2021"): "kt",
    ("2023", "chrom", "prod_t_est_2022"): "kt",
    ("2023", "vanad", "reserves_t"): "kt",
    ("2023", "rheni", "reserves_kt"): "kg",
}

# Commodity names that differ from the meta.xml title.
COMMODITY_NAMES = {"chromium": "chromium (chromite)"}

# File code -> [(pattern in the Type text, product)], first match wins; default: the commodity.
PRODUCTS: dict[str, list[tuple[str, str]]] = {
    "coppe": [(r"refinery", "refined copper")],
    "bauxi": [(r"alumina", "alumina (refinery)"), (r"bauxite", "bauxite, dry tons")],
    "feore": [
        (r"usable ore", "usable ore (reserves = crude ore)"),
        (r"iron content", "iron content"),
    ],
    "plati": [(r"palladium", "palladium"), (r"platinum", "platinum (reserves = all PGMs)")],
    "abras": [
        (r"fused aluminum oxide", "fused aluminum oxide"),
        (r"silicon carbide", "silicon carbide"),
    ],
    "cemen": [(r"clinker", "clinker"), (r"cement", "cement")],
    "clays": [(r"bentonite", "bentonite"), (r"fuller", "fuller's earth"), (r"kaolin", "kaolin")],
    "feste": [(r"pig iron", "pig iron"), (r"raw steel", "raw steel")],
    "mica": [(r"sheet", "mica sheet"), (r"scrap", "mica scrap and flake")],
    "simet": [
        (r"ferrosilicon", "silicon content of ferrosilicon"),
        (r"silicon metal", "silicon metal"),
    ],
    "sodaa": [
        (r"total", "soda ash, natural and synthetic"),
        (r"synthetic", "soda ash, synthetic"),
        (r"natural", "soda ash, natural"),
    ],
    "timin": [
        (r"ilmen\w* and rutile", "ilmenite and rutile"),
        (r"rutile", "rutile"),
        (r"ilmenite", "ilmenite"),
    ],
    "gemst": [(r"diamond", "gem-quality diamond")],
}
# (file code, what-part of the column name) -> product, for files that split products by column.
COLUMN_PRODUCTS = {
    ("titan", "sponge"): "titanium sponge",
    ("titan", "pigment"): "titanium dioxide pigment",
    ("potas", "ore"): "potash, crude ore (reserves only)",
}
# Default stage where the Type text does not say (mine, refinery, smelter, plant).
STAGES = {
    "boron": "mine",
    "kyani": "mine",
    "fepig": "mine",
    "galli": "refinery",
    "cemen": "plant",
    "feste": "plant",
    "titan": "plant",
    "sulfu": "all forms",
    "sodaa": "plant",
}


def _file_match(name: str) -> re.Match[str]:
    """The match of a file name already selected by ``_FILE``."""
    m = _FILE.match(name)
    assert m is not None
    return m


@dataclass(frozen=True)
class _Col:
    index: int
    family: str  # prod, cap, reserves
    what: str
    unit: str
    estimated: bool
    year: str


def import_mcs_world(
    path: str | Path,
    *,
    imported_on: date | None = None,
    commodity_order: Sequence[str] = (),
) -> common.ImportResult:
    """Import a folder of MCS world files (or one such file) into the bundled USGS layout.

    Rows come file by file; commodities named in ``commodity_order`` first, in that order, the rest
    by file name. Names that map to no ISO3 code are kept with an empty ``iso3`` and listed in
    ``unmapped``.
    """
    files, meta, year, others = _select_files(Path(path))
    warnings: list[str] = []
    unmapped: list[str] = []
    parsed: list[tuple[str, list[list[str]]]] = []
    read: list[Path] = []
    for f in files:
        commodity, meta_path = _commodity(f, meta, year, warnings)
        rows = _read_file(f, commodity, warnings, unmapped, _meta_labels(meta_path))
        parsed.append((commodity, rows))
        read.append(f)
        if meta_path is not None:
            read.append(meta_path)
        common.check_table_rows(sum(len(r) for _, r in parsed), "the USGS MCS release", f)
    rank = {c: i for i, c in enumerate(commodity_order)}
    parsed.sort(key=lambda p: rank.get(p[0], len(rank)))  # stable: file order within the rest
    out = [r for _, rows in parsed for r in rows]
    revision = others
    notes = [f"revision file present: {p.name}" for p in revision]
    prov = common.provenance(
        "usgs_mcs", PUBLISHER, f"MCS {year}", [*read, *revision], imported_on, notes
    )
    return common.ImportResult(
        common.frame(out, COLUMNS), prov, tuple(dict.fromkeys(unmapped)), tuple(warnings)
    )


def _select_files(path: Path) -> tuple[list[Path], dict[str, Path], str, list[Path]]:
    """The world files, the _meta.xml files by name, the release year, and the other files of
    the folder (revision notes). Only regular files: a FIFO, a device or a dangling link in the
    folder is refused at once (:func:`common.release_files`), and the files the import reads are
    checked against the release size limit before any is read."""
    if path.is_dir():
        folder = path
        candidates = common.release_files(path)
    elif path.exists() or path.is_symlink():
        common.existing_file(path, "the USGS MCS file")
        candidates = [path]
        folder = path.parent
    else:
        raise CoopselectError(
            "USGS MCS folder or file not found.", file=path, fix="give the folder of the release."
        )
    long = [p.name for p in candidates if _LONG.match(p.name)]
    files = [p for p in candidates if _FILE.match(p.name)]
    if not files:
        found = (
            f"{long[0]}, one long table for all commodities (the MCS 2025 layout)"
            if long
            else "no mcsYYYY-xxxxx_world.csv file"
        )
        common.refuse_layout("the USGS MCS input", EXPECTED, found, path)
    years = sorted({_file_match(p.name)["year"] for p in files})
    if len(years) > 1:
        raise CoopselectError(
            f"the folder mixes MCS releases {', '.join(years)}.",
            file=path,
            fix="import one release (one year) at a time.",
        )
    listing = candidates if folder == path else common.release_files(folder)
    meta = {p.name.casefold(): p for p in listing if p.name.lower().endswith(".xml")}
    others = [p for p in listing if "Revision" in p.name]
    common.check_release_size([*files, *meta.values(), *others], path)
    return files, meta, years[0], others


def _commodity(
    f: Path, meta: dict[str, Path], year: str, warnings: list[str]
) -> tuple[str, Path | None]:
    code = _file_match(f.name)["code"].lower()
    meta_path = None
    for c in (code, code.split("-")[0]):
        meta_path = meta.get(f"mcs{year}-{c}_meta.xml")
        if meta_path:
            break
    if meta_path is None:
        warnings.append(f"{f.name}: no _meta.xml; commodity named after the file code {code!r}.")
        return code, None
    m = _TITLE.search(_meta_text(meta_path))
    if not m:
        warnings.append(f"{meta_path.name}: no title; commodity named after the file code.")
        return code, meta_path
    if m.group(1) != year:
        warnings.append(f"{meta_path.name}: title says MCS {m.group(1)}, file is MCS {year}.")
    name = m.group(2).strip().lower()
    return COMMODITY_NAMES.get(name, name), meta_path


def _meta_text(meta_path: Path) -> str:
    return common.read_text(
        meta_path, f"the USGS metadata {meta_path.name}", need_final_newline=False, errors="replace"
    )


def _meta_labels(meta_path: Path | None) -> list[str]:
    """Column labels the _meta.xml gives for the world file (empty if it describes none)."""
    if meta_path is None:
        return []
    text = _meta_text(meta_path)
    start = text.lower().find("_world.csv</enttypl>")
    if start < 0:
        return []
    end = text.find("</detailed>", start)
    return re.findall(
        r"<attrlabl>\s*([^<]*?)\s*</attrlabl>", text[start : end if end > 0 else None]
    )


def _unit_check(
    cols: list[_Col], names: list[str], labels: list[str], f: Path, warnings: list[str]
):
    """Warn where the metadata names the same column with another unit (the CSV header is used)."""
    units = {}
    for label in labels:
        m = _VALUE_COL.match(label)
        if m:
            units[(m["fam"].lower(), (m["what"] or "").lower(), m["year"] or "")] = label
    for c in cols:
        meta_label = units.get((c.family, c.what, c.year))
        meta = _VALUE_COL.match(meta_label) if meta_label else None
        meta_unit = meta["unit"].lower() if meta else c.unit
        if UNITS[meta_unit][0] != UNITS[c.unit][0]:
            warnings.append(
                f"{f.name}: column {names[c.index]!r} is {meta_label!r} in the _meta.xml; "
                "the CSV header's unit is used."
            )


def _header(header: list[str], f: Path, warnings: list[str]) -> tuple[list[_Col], dict[str, int]]:
    names = [h.strip() for h in header]
    if len(names) < 4 or names[0] != "Source" or names[1] != "Country":
        upper = {n.upper() for n in names}
        found = (
            "one long table with a COMMODITY column (the MCS 2025 layout)"
            if "COMMODITY" in upper
            else f"header starts {', '.join(names[:3])!r}"
        )
        common.refuse_layout("the USGS MCS file", EXPECTED, found, f, "header row")
    if names[2] != "Type":
        warnings.append(f"{f.name}: third column is headed {names[2]!r}, read as Type.")
    cols: list[_Col] = []
    notes: dict[str, int] = {}
    for i, name in enumerate(names[3:], start=3):
        if not name:
            continue
        if m := _NOTE_COL.match(name):
            notes.setdefault(m["fam"].lower(), i)
            continue
        m = _VALUE_COL.match(name)
        if not m or (m["fam"].lower() != "reserves" and not m["year"]):
            common.refuse_layout("the USGS MCS file", EXPECTED, f"column {name!r}", f, "header")
        cols.append(
            _Col(
                i,
                m["fam"].lower(),
                (m["what"] or "").lower(),
                m["unit"].lower(),
                bool(m["est"]),
                m["year"] or "",
            )
        )
    if not any(c.family in ("prod", "cap") for c in cols):
        common.refuse_layout("the USGS MCS file", EXPECTED, "no Prod_/Cap_ column", f, "header")
    return cols, notes


def _cell(raw: str) -> tuple[float | None, str, str, str, bool]:
    """(value, qualifier, value_raw, flag, estimated mark) of one cell."""
    if raw in _NA_TEXT or not raw.strip():
        return None, "", "", "blank", False
    text = raw.strip()
    m = _NUMBER.match(text)
    if m:
        return float(m["n"].replace(",", "")), m["q"] or "", text, "", bool(m["e"])
    return None, "", text, text, False


def _note(raw: str) -> str:
    return "" if raw in _NA_TEXT else raw.strip()


def _product(code: str, type_text: str, what: str, commodity: str) -> str:
    if (code, what) in COLUMN_PRODUCTS:
        return COLUMN_PRODUCTS[(code, what)]
    for pattern, product in PRODUCTS.get(code, ()):
        if re.search(pattern, type_text, re.IGNORECASE):
            return product
    return commodity


def _stage(code: str, type_text: str) -> str:
    t = type_text.lower()
    for word, stage in (("refinery", "refinery"), ("smelter", "smelter"), ("plant", "plant")):
        if word in t:
            return stage
    if code in STAGES and not ("mine" in t and code == "sodaa"):
        return STAGES[code]
    if "mine" in t or "mne " in t:
        return "mine"
    return ""


def usgs_iso3(name: str) -> str | None:
    """ISO3 of a USGS country cell: footnote digits, a trailing footnote 'e', parenthetical or
    ', …' qualifiers are tried off in turn; 'Other…' -> OTHER, 'World total…' -> WORLD."""
    text = common.name_key(name)
    if text.startswith("world total"):
        return common.WORLD
    if text == "other" or text.startswith("other countries"):
        return common.OTHER
    candidates = [text]
    base = re.sub(r"\d+$", "", text).strip()
    candidates.append(base)
    if base.endswith("e"):
        candidates.append(base[:-1])
    no_paren = re.sub(r"\s*\([^)]*\)\s*\d*$", "", base).strip()
    candidates.append(no_paren)
    if "," in no_paren:
        candidates.append(no_paren.split(",")[0].strip())
    table = common.country_names()
    for c in candidates:
        if c in table:
            return table[c]
    return None


def _read_file(
    f: Path, commodity: str, warnings: list[str], unmapped: list[str], labels: list[str]
) -> list[list[str]]:
    what = f"the USGS MCS file {f.name}"
    rows = common.csv_rows(common.read_text(f, what), f, what)
    if not rows:
        raise CoopselectError(f"{what} is empty.", file=f, fix="download the file again.")
    cols, notes = _header(rows[0], f, warnings)
    code = _file_match(f.name)["code"].lower()
    year = _file_match(f.name)["year"]
    names = [h.strip() for h in rows[0]]
    _unit_check(cols, names, labels, f, warnings)
    for k, c in enumerate(cols):
        fixed = UNIT_CORRECTIONS.get((year, code, names[c.index].lower()))
        if fixed:
            cols[k] = _Col(c.index, c.family, c.what, fixed, c.estimated, c.year)
            warnings.append(f"{f.name}: column {names[c.index]!r} read in {UNITS[fixed][0]}.")
    width = len(rows[0])
    named = max([c.index for c in cols] + list(notes.values()))
    has_prod = any(c.family == "prod" for c in cols)
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
    # Every line gives at most one row per value column: refuse before the (slow) loop.
    common.check_table_rows(len(body) * len(cols), what, f, "header row")
    if not any(common.name_key(r[1] if len(r) > 1 else "").startswith("world") for _, r in body):
        warnings.append(f"{f.name}: no World total row.")
    # Type blocks whose reserve cells and notes are all empty carry no reserves information.
    with_reserves: set[str] = set()
    for _, r in body:
        cells = r + [""] * (width - len(r))
        res = [cells[c.index] for c in cols if c.family == "reserves"]
        if "reserves" in notes:
            res.append(cells[notes["reserves"]])
        if any(x.strip() and x not in _NA_TEXT for x in res):
            with_reserves.add(cells[2].strip())
    targets = common.target_iso3()
    out: list[list[str]] = []
    lines: dict[tuple[str, ...], int] = {}
    for lineno, r in body:
        cells = r + [""] * (max(width, len(r)) - len(r))
        extra = [x.strip() for x in cells[named + 1 :] if x.strip()]
        if extra:
            warnings.append(
                f"{f.name} line {lineno}: cells beyond the named columns ignored: "
                f"{'; '.join(extra)[:80]}"
            )
        country = cells[1].replace("\xa0", " ").strip()
        if not country:
            warnings.append(f"{f.name} line {lineno}: row without a country name ignored.")
            continue
        iso3 = usgs_iso3(country)
        if iso3 is None:
            unmapped.append(country)
            iso3 = ""
        type_text = cells[2].strip()
        stage = _stage(code, type_text)
        for col in cols:
            value, qualifier, value_raw, flag, est_mark = _cell(cells[col.index])
            if col.family == "reserves":
                if type_text not in with_reserves:
                    continue
                if flag == "XX" or (stage == "refinery" and flag == "blank"):
                    continue
                measure, row_year, estimated = RESERVES, "", ""
            else:
                capacity = col.family == "cap" or _CAPACITY_TYPE.match(type_text)
                measure = CAPACITY if capacity else PRODUCTION
                row_year, estimated = col.year, str(col.estimated or est_mark)
            note_fam = col.family if col.family in notes or has_prod else "prod"
            note = _note(cells[notes[note_fam]]) if note_fam in notes else ""
            if re.fullmatch(r"[\d,.]+", note):
                warnings.append(
                    f"{f.name} line {lineno}: note {note!r} is a bare number (shifted column?); "
                    "left out."
                )
                note = ""
            unit_name, factor = UNITS[col.unit]
            if value is not None and value < 0:
                raise CoopselectError(
                    f"negative quantity {value_raw!r} for {country}.",
                    file=f,
                    place=f"line {lineno}",
                    fix="check the file: USGS quantities are never negative.",
                )
            tonnes = ""
            if value is not None and factor is not None:
                t = value / 1000 if col.unit == "kg" else value * factor
                if t > 1e13:
                    raise CoopselectError(
                        f"{value_raw} {unit_name} for {country} is more than 10^13 t: "
                        "implausible, wrong unit?",
                        file=f,
                        place=f"line {lineno}",
                        fix="check the unit in the column name.",
                    )
                tonnes = common.fmt_number(t)
            product = _product(code, type_text, col.what, commodity)
            key = (product, type_text, country, measure, row_year)
            if key in lines:
                first = lines[key]
                what_year = f"{measure} {row_year}".strip()
                raise CoopselectError(
                    f"{country!r} ({type_text}) gives {product} {what_year} twice (lines "
                    f"{first} and {lineno}): a release gives one figure per country and column.",
                    file=f,
                    place=f"line {lineno}",
                    fix="give the publisher's file as released (remove the repeated row or "
                    "column).",
                )
            lines[key] = lineno
            common.check_table_rows(len(out) + 1, what, f, f"line {lineno}")
            out.append(
                [
                    commodity,
                    product,
                    stage,
                    type_text,
                    iso3,
                    country,
                    str(iso3 in targets),
                    measure,
                    row_year,
                    estimated,
                    "" if value is None else common.fmt_number(value),
                    qualifier,
                    unit_name,
                    tonnes,
                    value_raw,
                    flag,
                    note,
                    f.name,
                ]
            )
    _check_duplicates(out, f, warnings)
    _check_reserve_years(out, f, warnings)
    return out


def _check_reserve_years(rows: list[list[str]], f: Path, warnings: list[str]) -> None:
    """Warn where world reserves are under 1 or over 10,000 years of world production (unit?)."""
    world: dict[str, dict[str, float]] = {}
    for r in rows:
        if r[4] == common.WORLD and r[13] and r[7] in (PRODUCTION, RESERVES):
            world.setdefault(r[1], {})[r[7] + r[8]] = float(r[13])
    for product, v in world.items():
        prod = [x for k, x in sorted(v.items()) if k.startswith(PRODUCTION)]
        res = v.get(RESERVES)
        if prod and res and prod[-1] > 0 and not 1 <= res / prod[-1] <= 10_000:
            warnings.append(
                f"{f.name}: {product} world reserves are {res / prod[-1]:.3g} years of "
                "production: check the units."
            )


def _check_duplicates(rows: list[list[str]], f: Path, warnings: list[str]) -> None:
    seen: dict[tuple, str] = {}
    for r in rows:
        if not r[4]:
            continue
        key = (r[1], r[4], r[7], r[8])
        if key in seen and seen[key] != r[5]:
            warnings.append(
                f"{f.name}: {r[4]} appears twice for {r[1]} {r[7]} {r[8]}".rstrip()
                + f" ({seen[key]!r} and {r[5]!r}); users taking one row per country get the first."
            )
        seen.setdefault(key, r[5])
