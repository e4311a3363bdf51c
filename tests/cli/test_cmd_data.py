"""``coopselect data import|sources|use|diff`` and ``--data-dir``: dated vintages from the
publishers' raw files (tests/data/raw), all or nothing, used by rank and named in its output."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
MCS2023 = RAW / "usgs_mcs" / "2023"
MCS2024 = RAW / "usgs_mcs" / "2024"


def run(*args: str):
    return runner.invoke(app, list(args))


def snapshot(folder: Path) -> dict[str, bytes | None] | None:
    """Every file (bytes) and folder (None) under ``folder``; None if it does not exist."""
    if not folder.exists():
        return None
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def with_2023(tmp_path_factory) -> Path:
    """A data folder with MCS 2023 imported (the import takes a few seconds: done once)."""
    d = tmp_path_factory.mktemp("data2023")
    res = run("data", "import", "usgs-mcs", str(MCS2023), "--data-dir", str(d), "-f", "json")
    assert res.exit_code == 0, res.output
    return d


def test_import_writes_a_dated_vintage_with_provenance(with_2023):
    folder = with_2023 / "vintages" / "usgs"
    (vid,) = [p.name for p in folder.iterdir() if p.is_dir()]
    pointer = json.loads((with_2023 / "vintages" / "active.json").read_text(encoding="utf-8"))
    assert pointer == {"active": {"usgs": vid}}
    prov = json.loads((folder / vid / "provenance.json").read_text(encoding="utf-8"))
    assert prov["release"] == "MCS 2023" and prov["publisher"].startswith("U.S. Geological")
    assert prov["imported_on"] and prov["table"]["sha256"]
    copper = next(f for f in prov["files"] if f["name"] == "mcs2023-coppe_world.csv")
    assert (
        copper["sha256"]
        == __import__("hashlib").sha256((MCS2023 / copper["name"]).read_bytes()).hexdigest()
    )
    assert prov["unmapped"] == ["United States and Canada"]


def test_rank_uses_the_imported_vintage_and_says_so(with_2023):
    base = json.loads(run("rank", "-f", "json").stdout)
    res = run("rank", "-f", "json", "--data-dir", str(with_2023))
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    usgs = doc["data_vintages"]["usgs"]
    assert usgs["imported"] and usgs["release"] == "MCS 2023"
    assert base["data_vintages"]["usgs"]["vintage"] == "bundled"
    assert any(n.startswith("Data vintage: usgs imported") for n in doc["notes"])
    assert any("latest year, 2022, is used" in n for n in doc["notes"])
    # a different, valid vintage: the shares move, and with them the ranking of some host
    feats = {k: v["production"] for k, v in doc["host_features"].items()}
    before = {k: v["production"] for k, v in base["host_features"].items()}
    assert feats != before
    order = [(p["country"], p["mode"]) for p in doc["pairs"]]
    assert order != [(p["country"], p["mode"]) for p in base["pairs"]]
    assert all(0 <= p["score"] <= 1 for p in doc["pairs"])


def test_sources_use_and_back_to_bundled(with_2023, tmp_path):
    d = tmp_path / "d"
    shutil.copytree(with_2023, d)
    doc = json.loads(run("data", "sources", "-f", "json", "--data-dir", str(d)).stdout)
    usgs = next(r for r in doc if r["dataset"] == "usgs")
    assert usgs["active"]["imported"] and usgs["active"]["release"] == "MCS 2023"
    wgi = next(r for r in doc if r["dataset"] == "wgi")
    assert wgi["active"]["vintage"] == "bundled"
    assert run("data", "use", "usgs", "bundled", "--data-dir", str(d)).exit_code == 0
    doc = json.loads(run("rank", "-f", "json", "--data-dir", str(d)).stdout)
    assert doc["data_vintages"]["usgs"]["vintage"] == "bundled"
    res = run("data", "use", "usgs", "no-such", "--data-dir", str(d))
    assert res.exit_code == 2 and "no usgs vintage 'no-such'" in res.output


def test_a_data_folder_of_the_earlier_layout_is_read_and_carried_over(with_2023, tmp_path):
    """Before active.json, each dataset had its own ACTIVE file: still read; the next switch
    writes active.json with the same choices and removes the old files."""
    d = tmp_path / "d"
    shutil.copytree(with_2023, d)
    pointer = d / "vintages" / "active.json"
    vid = json.loads(pointer.read_text(encoding="utf-8"))["active"]["usgs"]
    pointer.unlink()
    (d / "vintages" / "usgs" / "ACTIVE").write_text(vid + "\n", encoding="utf-8")
    doc = json.loads(run("rank", "-f", "json", "--data-dir", str(d)).stdout)
    assert doc["data_vintages"]["usgs"]["vintage"] == vid
    assert run("data", "use", "wgi", "bundled", "--data-dir", str(d)).exit_code == 0
    assert not pointer.exists()  # wgi was bundled already: nothing to write
    res = run("data", "import", "wdi", str(RAW / "wdi"), "--data-dir", str(d), "-f", "json")
    assert res.exit_code == 0, res.output
    active = json.loads(pointer.read_text(encoding="utf-8"))["active"]
    assert active["usgs"] == vid and set(active) == {"usgs", "electricity", "gdp_per_capita"}
    assert not (d / "vintages" / "usgs" / "ACTIVE").exists()


def test_diff_shows_who_gained_and_lost(with_2023, tmp_path):
    d = tmp_path / "d"
    shutil.copytree(with_2023, d)
    res = run("data", "import", "usgs-mcs", str(MCS2024), "--data-dir", str(d))
    assert res.exit_code == 0, res.output
    res = run(
        "data", "diff", "usgs-mcs", "--minerals", "copper", "--data-dir", str(d), "-f", "json"
    )
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["from"]["release"] == "MCS 2023" and doc["to"]["release"] == "MCS 2024"
    peru = next(c for c in doc["changes"] if c["iso3"] == "PER" and c["measure"] == "production")
    assert peru["change"] > 0  # 10.0 % of 2022 output -> 11.8 % of 2023 output
    table = run("data", "diff", "usgs-mcs", "--data-dir", str(d), "--lang", "zh")
    assert table.exit_code == 0 and "秘鲁" in table.stdout


@pytest.mark.parametrize("kind", ["mcs2025_layout", "truncated", "wgi2025_layout", "lpi_to_wgi"])
def test_refused_imports_leave_the_data_folder_as_it_was(kind, with_2023, tmp_path):
    d = tmp_path / "d"
    shutil.copytree(with_2023, d)
    bad = tmp_path / "bad"
    bad.mkdir()
    if kind == "mcs2025_layout":
        (bad / "MCS2025_World_Data.csv").write_text(
            'COMMODITY,COUNTRY,TYPE,UNIT_MEAS,PROD_2023,"PROD_EST_ 2024",RESERVES_2024\n'
            "Copper,Chile,Mine production,thousand metric tons,5250,5300,190000\n",
            encoding="utf-8",
        )
        args = ["usgs-mcs", str(bad)]
        expect = "MCS 2025 layout"
    elif kind == "truncated":
        for f in MCS2024.iterdir():
            shutil.copy(f, bad / f.name)
        copper = bad / "mcs2024-coppe_world.csv"
        copper.write_bytes(copper.read_bytes()[:-40])
        args = ["usgs-mcs", str(bad)]
        expect = "truncated"
    elif kind == "wgi2025_layout":
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        for dim in ("Voice and Accountability", "Political Stability"):
            ws = wb.create_sheet(dim[:30])
            ws.append(["Economy (name)", "Economy (code)", "Year", "Governance estimate"])
            ws.append(["Chile", "CHL", 2024, 0.9])
        wb.save(bad / "wgidataset_with_sourcedata-2025.xlsx")
        args = ["wgi", str(bad / "wgidataset_with_sourcedata-2025.xlsx")]
        expect = "2025 update"
    else:
        args = ["wgi", str(RAW / "lpi" / "International_LPI_2023.csv")]
        expect = "WGI workbook"
    before = snapshot(d)
    res = run("data", "import", *args, "--data-dir", str(d))
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and expect in lines[0], res.output
    assert snapshot(d) == before


def test_a_refused_import_creates_no_data_folder(tmp_path):
    d = tmp_path / "fresh"
    res = run("data", "import", "lpi", str(tmp_path), "--data-dir", str(d))
    assert res.exit_code == 2 and snapshot(d) is None


def test_epi_and_unknown_sources_are_refused_with_what_is_supported(tmp_path):
    res = run("data", "import", "epi", str(tmp_path), "--data-dir", str(tmp_path / "d"))
    assert res.exit_code == 2
    assert (
        "EPI release cannot be imported" in res.output and "wgi, lpi, wdi, usgs-mcs" in res.output
    )
    res = run("data", "import", "fraser", str(tmp_path), "--data-dir", str(tmp_path / "d"))
    assert res.exit_code == 2 and "unknown source 'fraser'" in res.output
    assert not (tmp_path / "d").exists()


@pytest.mark.slow  # imports the whole WDI and WGI releases
def test_wdi_and_wgi_imports_reproduce_the_bundled_tables(tmp_path):
    from coopselect.paths import data_dir

    d = tmp_path / "d"
    res = run("data", "import", "wdi", str(RAW / "wdi"), "--data-dir", str(d), "-f", "json")
    assert res.exit_code == 0, res.output
    written = {v["dataset"]: Path(v["file"]) for v in json.loads(res.stdout)["vintages"]}
    assert set(written) == {"electricity", "gdp_per_capita"}
    bundled = (data_dir() / "electricity_access_wdi.csv").read_bytes()
    assert written["electricity"].read_bytes() == bundled
    # GDP per capita: the 2019-2023 rows are the bundled table; the file adds 2024 and 2025
    gdp = list(csv.reader(written["gdp_per_capita"].read_text(encoding="utf-8").splitlines()))
    old = [row for row in gdp if row[2] not in ("2024", "2025")]
    text = (data_dir() / "wdi_gdp_per_capita.csv").read_text(encoding="utf-8")
    assert old == list(csv.reader(text.splitlines()))
    assert len(gdp) > len(old)
    res = run(
        "data",
        "import",
        "wgi",
        str(RAW / "wgi" / "wgidataset.xlsx"),
        "--data-dir",
        str(d),
        "-f",
        "json",
    )
    assert res.exit_code == 0, res.output
    (v,) = json.loads(res.stdout)["vintages"]
    assert Path(v["file"]).read_bytes() == (data_dir() / "wgi_2019_2023.csv").read_bytes()


def test_env_variable_names_the_data_folder(with_2023, monkeypatch):
    monkeypatch.setenv("COOPSELECT_DATA_DIR", str(with_2023))
    doc = json.loads(run("rank", "-f", "json").stdout)
    assert doc["data_vintages"]["usgs"]["release"] == "MCS 2023"


def test_data_folder_inside_the_package_is_refused():
    from coopselect.paths import data_dir

    res = run(
        "data", "import", "wgi", str(RAW / "wgi" / "wgidataset.xlsx"), "--data-dir", str(data_dir())
    )
    assert res.exit_code == 2 and "inside the installed package" in res.output
