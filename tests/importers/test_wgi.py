"""WGI importer: the raw workbook reproduces the bundled and the global extracts exactly; the 2025
layout, damaged workbooks and out-of-range values are refused."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from coopselect.errors import CoopselectError
from coopselect.importers import common, wgi

GLOBAL = Path(__file__).resolve().parent / "data" / "global"


@pytest.fixture(scope="module")
def rows(raw):
    return wgi.read_rows(raw / "wgi" / "wgidataset.xlsx")


def _targets(bundled) -> set[str]:
    with (bundled / "countries.csv").open(encoding="utf-8", newline="") as fh:
        return {r["iso3"] for r in csv.DictReader(fh)}


@pytest.mark.slow  # reads the whole WGI workbook
def test_reproduces_bundled_extract(rows, bundled):
    # The bundled file covers every economy of the workbook, 2019-2023 (issue 12).
    res = wgi.import_wgi(None, years=range(2019, 2024), iso3=_targets(bundled), rows=rows)
    assert common.csv_text(res.data) == (bundled / "wgi_2019_2023.csv").read_text(encoding="utf-8")


@pytest.mark.slow  # reads the whole WGI workbook
def test_reproduces_global_extract(rows):
    res = wgi.import_wgi(None, years=range(2019, 2024), rows=rows)
    expected = (GLOBAL / "wgi_global.csv").read_text(encoding="utf-8")
    assert common.csv_text(res.data) == expected
    assert res.unmapped == ("ANT (Netherlands Antilles (former))",)


@pytest.mark.slow  # reads the whole WGI workbook
def test_provenance(rows, raw):
    res = wgi.import_wgi(None, years=[2023], rows=rows, imported_on=date(2026, 1, 2))
    prov = res.provenance
    assert prov.publisher.startswith("World Bank")
    assert prov.release.startswith("WGI 2024 update (data to 2023")
    assert prov.files[0].name == "wgidataset.xlsx"
    assert prov.files[0].sha256 == common.sha256_of(raw / "wgi" / "wgidataset.xlsx")
    assert prov.imported_on == date(2026, 1, 2)
    assert set(res.data.year) == {"2023"}


def _workbook(path: Path, sheets: dict[str, list[tuple]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, data in sheets.items():
        ws = wb.create_sheet(title)
        for r in data:
            ws.append(list(r))
    wb.save(path)
    return path


def test_2025_layout_is_refused(tmp_path):
    head = (
        "Economy (name)",
        "Economy (code)",
        "Year",
        "Governance estimate (approx. -2.5 to +2.5)",
        "Governance score (0-100)",
    )
    sheets = {
        name: [head, ("Chile", "CHL", 2024, 1.0, 80.0)]
        for name in ("Voice and Accountability", "Political Stability", "Rule of Law")
    }
    path = _workbook(tmp_path / "wgidataset_with_sourcedata-2025.xlsx", sheets)
    with pytest.raises(CoopselectError) as err:
        wgi.import_wgi(path)
    message = str(err.value)
    assert "one per dimension as in the 2025 update" in message
    assert "expected the WGI long layout" in message and "codeindyr" in message
    assert "\n" not in message


def test_other_header_is_refused(tmp_path):
    path = _workbook(tmp_path / "x.xlsx", {"Sheet1": [("country", "year", "value")]})
    with pytest.raises(CoopselectError, match="expected the WGI long layout"):
        wgi.import_wgi(path)


def test_truncated_workbook_is_refused(tmp_path, raw):
    data = (raw / "wgi" / "wgidataset.xlsx").read_bytes()
    path = tmp_path / "wgidataset.xlsx"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(CoopselectError, match="truncated or corrupt"):
        wgi.import_wgi(path)


def test_out_of_range_estimate_is_refused(tmp_path):
    good = ("CHLcc2023", "CHL", "Chile", 2023, "cc", 1.2, 0.2, 9, 80.0, 70.0, 90.0)
    bad = ("PERcc2023", "PER", "Peru", 2023, "cc", 25.0, 0.2, 9, 80.0, 70.0, 90.0)
    path = _workbook(tmp_path / "w.xlsx", {"Sheet1": [wgi.HEADER, good, bad]})
    with pytest.raises(CoopselectError, match="WGI estimate 25 is outside"):
        wgi.import_wgi(path)


def test_unknown_codes_are_reported(tmp_path):
    rows = [
        wgi.HEADER,
        ("CHLcc2023", "CHL", "Chile", 2023, "cc", 1.2, 0.2, 9, 80.0, 70.0, 90.0),
        ("XYZcc2023", "XYZ", "Atlantis", 2023, "cc", 0.1, 0.2, 9, 50.0, 40.0, 60.0),
        ("ZARcc2023", "ZAR", "Congo, Dem. Rep.", 2023, "cc", -1.5, 0.2, 9, 5.0, 1.0, 9.0),
    ]
    res = wgi.import_wgi(_workbook(tmp_path / "w.xlsx", {"Sheet1": rows}))
    assert res.unmapped == ("XYZ (Atlantis)",)
    assert res.data.iso3.tolist() == ["CHL", "COD"]
    assert res.data.estimate.tolist() == ["1.2", "-1.5"]
