"""WDI importer: the bulk CSVs reproduce the bundled and the global electricity extracts and the
bundled GDP-per-capita table exactly; DataBank exports, truncated files and out-of-range values
are refused."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from coopselect.errors import CoopselectError
from coopselect.importers import common, wdi

GLOBAL = Path(__file__).resolve().parent / "data" / "global"
ELEC = "API_EG.ELC.ACCS.ZS_DS2_en_csv_v2_3606.csv"
META = "Metadata_Country_API_EG.ELC.ACCS.ZS_DS2_en_csv_v2_3606.csv"
GDP = "API_NY.GDP.PCAP.CD_DS2_en_csv_v2_33610.csv"


@pytest.fixture(scope="module")
def electricity(raw):
    return wdi.import_wdi(
        raw / "wdi" / ELEC, raw / "wdi" / META, years=range(2019, 2024), flag_latest=True
    )


def test_reproduces_global_electricity(electricity):
    expected = (GLOBAL / "electricity_access_global.csv").read_text(encoding="utf-8")
    assert common.csv_text(electricity.data) == expected
    assert electricity.unmapped == ("CHI (Channel Islands)",)


def test_reproduces_bundled_electricity(raw, bundled):
    with (bundled / "countries.csv").open(encoding="utf-8", newline="") as fh:
        targets = {r["iso3"] for r in csv.DictReader(fh)}
    res = wdi.import_wdi(
        raw / "wdi" / ELEC,
        raw / "wdi" / META,
        years=range(2019, 2024),
        flag_latest=True,
        iso3=targets,
    )
    text = (bundled / "electricity_access_wdi.csv").read_text(encoding="utf-8")
    assert common.csv_text(res.data) == text


def test_reproduces_bundled_gdp_per_capita(raw, bundled):
    res = wdi.import_wdi(
        raw / "wdi" / GDP,
        raw / "wdi" / META,
        years=range(2019, 2024),
        imported_on=date(2026, 11, 27),
    )
    text = (bundled / "wdi_gdp_per_capita.csv").read_text(encoding="utf-8")
    assert common.csv_text(res.data) == text
    assert tuple(res.data.columns) == wdi.COLUMNS
    assert res.provenance.release == "WDI NY.GDP.PCAP.CD, Last Updated Date 2026-07-13"
    assert [f.name for f in res.provenance.files] == [GDP, META]
    assert res.provenance.files[0].sha256 == common.sha256_of(raw / "wdi" / GDP)
    assert "AFE" not in set(res.data.iso3)  # aggregates are left out
    assert (res.data.value.astype(float) > 0).all()


def test_last_updated(raw):
    assert wdi.last_updated(raw / "wdi" / ELEC) == "2026-07-01"


def test_databank_export_is_refused(tmp_path, raw):
    path = tmp_path / "Data_Extract_From_World_Development_Indicators.csv"
    path.write_text(
        "Country Name,Country Code,Series Name,Series Code,2019 [YR2019],2020 [YR2020]\n"
        "Chile,CHL,Access to electricity (% of population),EG.ELC.ACCS.ZS,100,100\n",
        encoding="utf-8",
    )
    with pytest.raises(CoopselectError) as err:
        wdi.import_wdi(path, raw / "wdi" / META)
    assert "expected the WDI bulk CSV" in str(err.value)


def test_other_metadata_is_refused(tmp_path, raw):
    path = tmp_path / "meta.csv"
    path.write_text("Code,Name\nCHL,Chile\n", encoding="utf-8")
    with pytest.raises(CoopselectError, match="expected the WDI Metadata_Country CSV"):
        wdi.import_wdi(raw / "wdi" / ELEC, path)


def test_truncated_file_is_refused(tmp_path, raw):
    data = (raw / "wdi" / ELEC).read_bytes()
    path = tmp_path / ELEC
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CoopselectError, match="truncated"):
        wdi.import_wdi(path, raw / "wdi" / META)


def _bulk(tmp_path: Path, rows: list[str]) -> Path:
    head = ",".join(f'"{h}"' for h in (*wdi.DATA_HEADER, "2022", "2023"))
    text = (
        '"Data Source","World Development Indicators",\n\n'
        '"Last Updated Date","2026-07-01",\n\n' + head + "\n" + "\n".join(rows) + "\n"
    )
    path = tmp_path / "API_EG.ELC.ACCS.ZS_DS2_en_csv_v2_1.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_percentage_out_of_range_is_refused(tmp_path, raw):
    name = '"Access to electricity (% of population)","EG.ELC.ACCS.ZS"'
    path = _bulk(tmp_path, [f'"Chile","CHL",{name},"100","130.5"'])
    with pytest.raises(CoopselectError, match=r"EG\.ELC\.ACCS\.ZS 130\.5 is outside"):
        wdi.import_wdi(path, raw / "wdi" / META)


def test_unknown_code_is_reported(tmp_path):
    meta = tmp_path / "Metadata_Country.csv"
    meta.write_text(
        '"Country Code","Region","IncomeGroup","SpecialNotes","TableName",\n'
        '"CHL","Latin America & Caribbean","High income","","Chile",\n'
        '"ATL","Atlantis","High income","","Atlantis",\n'
        '"WLD","","","","World",\n',
        encoding="utf-8",
    )
    name = '"Access to electricity (% of population)","EG.ELC.ACCS.ZS"'
    path = _bulk(
        tmp_path,
        [
            f'"Chile","CHL",{name},"100","100"',
            f'"Atlantis","ATL",{name},"50","60"',
            f'"World","WLD",{name},"91","92"',
        ],
    )
    res = wdi.import_wdi(path, meta)
    assert res.unmapped == ("ATL (Atlantis)",)
    assert res.data.iso3.tolist() == ["CHL", "CHL"]
