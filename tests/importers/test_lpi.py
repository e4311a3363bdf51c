"""LPI importer: the 2023 CSV and the 2018 sheet reproduce the bundled and the global extracts
exactly; other layouts, truncated files and out-of-range scores are refused."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from coopselect.errors import CoopselectError
from coopselect.importers import common, lpi

GLOBAL = Path(__file__).resolve().parent / "data" / "global"
CSV_2023 = "International_LPI_2023.csv"
WORKBOOK = "International_LPI_from_2007_to_2018.xlsx"


@pytest.fixture(scope="module")
def lpi_all(raw):
    return lpi.import_lpi(
        raw / "lpi" / CSV_2023, raw / "lpi" / WORKBOOK, imported_on=date(2026, 11, 27)
    )


def test_reproduces_global_extract(lpi_all):
    expected = (GLOBAL / "lpi_global.csv").read_text(encoding="utf-8")
    assert common.csv_text(lpi_all.data) == expected
    assert lpi_all.unmapped == ()


def test_reproduces_bundled_extract(lpi_all, bundled):
    with (bundled / "countries.csv").open(encoding="utf-8", newline="") as fh:
        targets = {r["iso3"] for r in csv.DictReader(fh)}
    df = lpi_all.data
    text = common.csv_text(df[df.iso3.isin(targets)])
    assert text == (bundled / "lpi_2023_2018.csv").read_text(encoding="utf-8")


def test_provenance(lpi_all, raw):
    prov = lpi_all.provenance
    assert prov.release == "LPI 2023 and LPI 2018"
    assert [f.name for f in prov.files] == [CSV_2023, WORKBOOK]
    assert prov.files[0].sha256 == common.sha256_of(raw / "lpi" / CSV_2023)


def test_older_editions_share_the_2018_layout(raw):
    res = lpi.import_lpi(None, raw / "lpi" / WORKBOOK, editions=[2016, 2010])
    assert set(res.data.year) == {"2016", "2010"}
    assert res.unmapped == ()


def test_2007_sheet_is_refused(raw):
    with pytest.raises(CoopselectError, match=r"unknown layout.*expected an LPI 2010-2018 sheet"):
        lpi.import_lpi(None, raw / "lpi" / WORKBOOK, editions=[2007])


def test_other_csv_layout_is_refused(tmp_path):
    path = tmp_path / "lpi.csv"
    path.write_text("Country,Year,Score\nChile,2023,3.0\n", encoding="utf-8")
    with pytest.raises(CoopselectError, match="expected the LPI 2023 CSV with columns Economy"):
        lpi.import_lpi(path)


def test_truncated_csv_is_refused(tmp_path, raw):
    data = (raw / "lpi" / CSV_2023).read_bytes()
    path = tmp_path / CSV_2023
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CoopselectError, match="truncated"):
        lpi.import_lpi(path)


def test_truncated_workbook_is_refused(tmp_path, raw):
    data = (raw / "lpi" / WORKBOOK).read_bytes()
    path = tmp_path / WORKBOOK
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CoopselectError, match="truncated or corrupt"):
        lpi.import_lpi(None, path)


def _csv_2023(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / CSV_2023
    path.write_text(",".join(lpi.HEADER_2023) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_unmapped_names_are_reported(tmp_path):
    path = _csv_2023(
        tmp_path,
        [
            "Chile," + ",".join(["3.0,40"] * 7),
            "Atlantis," + ",".join(["2.0,90"] * 7),
        ],
    )
    res = lpi.import_lpi(path)
    assert res.unmapped == ("Atlantis",)
    assert set(res.data.iso3) == {"CHL"}


def test_score_out_of_range_is_refused(tmp_path):
    path = _csv_2023(tmp_path, ["Chile," + ",".join(["7.5,40"] * 7)])
    with pytest.raises(
        CoopselectError, match=r"LPI score 7\.5 is outside the expected range 1 to 5"
    ):
        lpi.import_lpi(path)
