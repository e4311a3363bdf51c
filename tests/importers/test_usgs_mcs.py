"""USGS MCS importer: the bundled file is the importer's output, the 16 original commodities are
byte-for-byte what they were, other layouts and truncated files are refused."""

from __future__ import annotations

import csv
import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from coopselect.errors import CoopselectError
from coopselect.importers import common, usgs_mcs

HERE = Path(__file__).resolve().parent / "data"

BUNDLED = "usgs_mcs2024_world_production_reserves.csv"


def _order(bundled) -> list[str]:
    with (bundled / "minerals.csv").open(encoding="utf-8", newline="") as fh:
        return list(dict.fromkeys(r["usgs_commodity"] for r in csv.DictReader(fh)))


@pytest.fixture(scope="module")
def mcs2024(raw, bundled):
    return usgs_mcs.import_mcs_world(
        raw / "usgs_mcs" / "2024",
        imported_on=date(2026, 11, 27),
        commodity_order=_order(bundled),
    )


def test_bundled_file_is_the_importer_output(mcs2024, bundled):
    text = (bundled / BUNDLED).read_text(encoding="utf-8")
    assert common.csv_text(mcs2024.data) == text


def test_original_16_commodities_unchanged(mcs2024):
    before = (HERE / "usgs_mcs2024_16_commodities_before.csv").read_text(encoding="utf-8")
    files = {line.rsplit(",", 1)[-1] for line in before.splitlines()[1:]}
    assert len(files) == 16
    df = mcs2024.data
    # in_target_list says whether the host is in data/countries.csv, which lists every covered
    # economy since issue 12 (it listed 46 when the file was cut): compare the other columns.
    df = df[df.mcs_file.isin(files)]
    before_rows = list(csv.reader(before.splitlines()))
    now_rows = list(csv.reader(common.csv_text(df).splitlines()))
    col = before_rows[0].index("in_target_list")
    assert [r[:col] + r[col + 1 :] for r in now_rows] == [
        r[:col] + r[col + 1 :] for r in before_rows
    ]
    was = [r[col] == "True" for r in before_rows[1:]]
    assert all(
        now == "True" for now, w in zip((r[col] for r in now_rows[1:]), was, strict=True) if w
    )


def test_every_commodity_of_the_folder(mcs2024, raw):
    folder = raw / "usgs_mcs" / "2024"
    names = {p.name for p in folder.glob("*_world.csv")}
    assert set(mcs2024.data.mcs_file) == names
    assert len(names) == 77


def test_minerals_csv_points_at_rows(mcs2024, bundled):
    df = mcs2024.data
    keys = set(zip(df.commodity, df["product"], strict=True))
    with (bundled / "minerals.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert (r["usgs_commodity"], r["usgs_product"]) in keys, r["id"]
        assert r["name_zh"] and r["measure_note"]
    ids = [r["id"] for r in rows]
    for must in ("lead", "zinc", "tin", "fluorspar", "potash", "niobium", "tantalum"):
        assert must in ids
    for must in ("vanadium", "titanium", "gallium", "germanium", "mercury"):
        assert must in ids


def test_unmapped_names_are_reported_not_dropped(mcs2024):
    assert mcs2024.unmapped == ("United States and Canada",)
    df = mcs2024.data
    rows = df[df.country_source == "United States and Canada"]
    assert len(rows) > 0 and set(rows.iso3) == {""}


def test_units_and_ranges(mcs2024):
    df = mcs2024.data
    tonnes = df.value_tonnes[df.value_tonnes != ""].astype(float)
    assert (tonnes >= 0).all()
    assert set(df.unit) <= {name for name, _ in usgs_mcs.UNITS.values()}
    helium = df[df.commodity == "helium"]
    assert set(helium.value_tonnes) == {""}  # cubic metres have no fixed mass
    diamond = df[(df.commodity == "diamond (industrial)") & (df.iso3 == "WORLD")]
    assert diamond[diamond.year == "2023"].value_tonnes.tolist() == ["9"]  # 45 Mct x 0.2 g


def test_warnings_name_the_oddities(mcs2024):
    text = "\n".join(mcs2024.warnings)
    assert "mcs2024-pumic_world.csv: no World total row." in text
    assert "mcs2024-cemen_meta.xml: title says MCS 2023" in text
    assert "mcs2024-vermi_world.csv line 2: note '45'" in text
    assert "'Reserves_kt' read in metric tons" in text


def test_provenance(mcs2024, raw):
    prov = mcs2024.provenance
    assert prov.release == "MCS 2024"
    assert prov.publisher.startswith("U.S. Geological Survey")
    assert prov.imported_on == date(2026, 11, 27)
    copper = next(f for f in prov.files if f.name == "mcs2024-coppe_world.csv")
    data = (raw / "usgs_mcs" / "2024" / copper.name).read_bytes()
    assert copper.sha256 == hashlib.sha256(data).hexdigest()
    assert copper.size == len(data)
    assert any(f.name.endswith("_meta.xml") for f in prov.files)
    assert prov.notes and "Revision" in prov.notes[0]


def test_one_file(raw):
    res = usgs_mcs.import_mcs_world(raw / "usgs_mcs" / "2024" / "mcs2024-lead_world.csv")
    assert set(res.data.commodity) == {"lead"}
    assert res.provenance.imported_on == date.today()


def test_mcs2025_long_table_is_refused(tmp_path):
    (tmp_path / "MCS2025_World_Data.csv").write_text(
        "COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,PROD_EST_ 2024,RESERVES_2024\n"
        "Copper,Chile,Mine production,thousand metric tons,5000,5300,190000\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError) as err:
        usgs_mcs.import_mcs_world(tmp_path)
    message = str(err.value)
    assert "MCS 2025 layout" in message and "mcsYYYY-xxxxx_world.csv" in message
    assert "\n" not in message


def test_long_table_renamed_is_refused_by_its_header(tmp_path):
    (tmp_path / "mcs2025-coppe_world.csv").write_text(
        "COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023\nCopper,Chile,Mine,kt,5000\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError, match=r"COMMODITY column.*expected a folder"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_unknown_column_is_refused(tmp_path):
    (tmp_path / "mcs2024-coppe_world.csv").write_text(
        "Source,Country,Type,Output_2023,Prod_notes\nMCS2024,Chile,Mine,5000,\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError, match="column 'Output_2023'"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_truncated_file_is_refused(tmp_path, raw):
    data = (raw / "usgs_mcs" / "2024" / "mcs2024-coppe_world.csv").read_bytes()
    (tmp_path / "mcs2024-coppe_world.csv").write_bytes(data[: len(data) // 2])
    with pytest.raises(CoopselectError, match="truncated"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_unterminated_quote_is_refused(tmp_path, raw):
    data = (raw / "usgs_mcs" / "2024" / "mcs2024-coppe_world.csv").read_bytes()
    cut = data.index(b'"World Mine') + 20
    (tmp_path / "mcs2024-coppe_world.csv").write_bytes(data[:cut] + b"\r\n")
    with pytest.raises(CoopselectError, match="truncated or corrupt"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "mcs2024-coppe_world.csv").write_bytes(b"PK\x03\x04\xff\xfe\x00garbage\n")
    with pytest.raises(CoopselectError, match="not UTF-8"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_mixed_releases_are_refused(tmp_path, raw):
    shutil.copy(raw / "usgs_mcs" / "2024" / "mcs2024-lead_world.csv", tmp_path)
    shutil.copy(raw / "usgs_mcs" / "2023" / "mcs2023-lead_world.csv", tmp_path)
    with pytest.raises(CoopselectError, match="mixes MCS releases 2023, 2024"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_negative_quantity_is_refused(tmp_path):
    (tmp_path / "mcs2024-coppe_world.csv").write_text(
        "Source,Country,Type,Prod_kt_2022,Prod_kt_est_2023,Prod_notes,Reserves_kt,Reserves_notes\n"
        "MCS2024,Chile,Mine production,-5,5000,,190000,\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError, match="negative quantity"):
        usgs_mcs.import_mcs_world(tmp_path)


def test_missing_folder(tmp_path):
    with pytest.raises(CoopselectError, match="not found"):
        usgs_mcs.import_mcs_world(tmp_path / "nope")


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Russiae", "RUS"),
        ("New Caledonia11", "NCL"),
        ("Korea, Republic ofe", "KOR"),
        ("Korea, North", "PRK"),
        ("Congo (Kinshasa)", "COD"),
        ("Burma", "MMR"),
        ("Kazakhstan, concentrate", "KAZ"),
        ("Brazil (beneficiated, marketable)", "BRA"),
        ("Denmark (processed)5", "DNK"),
        ("United\xa0States1", "USA"),
        ("Côte d’Ivoire", "CIV"),
        ("Other countries (rounded)", "OTHER"),
        ("Other", "OTHER"),
        ("World total (rounded), excluding U.S. production", "WORLD"),
        ("Guadeloupe", "GLP"),
        ("United States and Canada", None),
    ],
)
def test_usgs_names(name, iso3):
    assert usgs_mcs.usgs_iso3(name) == iso3
