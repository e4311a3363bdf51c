"""Listing commands: countries, modes, cases, data sources."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.io.data import reference

runner = CliRunner()


def test_countries_json_shows_gaps():
    doc = json.loads(runner.invoke(app, ["countries", "--format", "json"]).stdout)
    by = {r["iso3"]: r for r in doc}
    assert len(by) == len(reference.countries()) == 225
    assert by["TKM"]["missing"] == ["lpi_infrastructure"]
    assert set(by["PRK"]["missing"]) >= {"lpi_infrastructure", "epi_overall"}
    assert by["KAZ"]["name_zh"] == "哈萨克斯坦"


def test_countries_table_zh():
    res = runner.invoke(app, ["countries", "--lang", "zh", "--countries", "TKM,TWN"])
    assert res.exit_code == 0 and "土库曼斯坦" in res.stdout and "中国台湾" in res.stdout
    assert "通电率" in res.stdout and "—" in res.stdout  # dataset column; a gap marker


def test_countries_coverage_per_dataset():
    doc = json.loads(runner.invoke(app, ["countries", "--format", "json"]).stdout)
    by = {r["iso3"]: r for r in doc}
    pan = by["PAN"]["coverage"]
    assert pan["wgi"] == [2019, 2020, 2021, 2022, 2023]
    assert pan["lpi"] == [2018, 2023] and pan["epi"] == ["EPI 2022", "EPI 2024"]
    assert by["TKM"]["coverage"]["lpi"] == [2018]
    assert by["PRK"]["coverage"]["epi"] == [] and by["GLP"]["coverage"]["wgi"] == []
    assert "copper" in by["CHL"]["coverage"]["usgs"]
    region = runner.invoke(app, ["countries", "--countries", "South Asia", "--format", "json"])
    assert {r["region_en"] for r in json.loads(region.stdout)} == {"South Asia"}


def test_minerals_list_measures_units_and_producers():
    doc = json.loads(runner.invoke(app, ["minerals", "--format", "json"]).stdout)
    by = {r["id"]: r for r in doc}
    assert len(by) == len(reference.minerals())
    cu = by["copper"]
    assert cu["name_zh"] == "铜" and cu["unit_production"] == "thousand metric tons"
    assert cu["producers"] >= 15 and cu["reserve_holders"] >= 15 and cu["production_year"] == 2023
    assert by["palladium"]["reserve_holders"] > 0  # PGM reserves given on the platinum rows
    res = runner.invoke(app, ["minerals", "--lang", "zh"])
    assert res.exit_code == 0 and "锂" in res.stdout


def test_every_command_takes_an_ad_hoc_selection(tmp_path):
    sel = ["--countries", "PAN,GIN,BRA,CAN,MLI", "--minerals", "copper"]
    doc = json.loads(runner.invoke(app, ["rank", *sel, "-f", "json"]).stdout)
    assert {p["country"] for p in doc["pairs"]} == {"PAN", "GIN", "BRA", "CAN", "MLI"}
    res = runner.invoke(app, ["explain", "GIN", "overseas_contracting", *sel, "-f", "json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["sensitivity", *sel, "--samples", "200", "--seed", "1", "-f", "json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["compare", *sel, "--methods", "topsis,wsm", "-f", "json"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["rank", "central_asia", *sel])
    assert res.exit_code == 2 and "not both" in res.output
    res = runner.invoke(app, ["case", "new", str(tmp_path / "c.toml"), *sel])
    assert res.exit_code == 0 and (tmp_path / "c.toml").is_file()
    res = runner.invoke(app, ["case", "new", str(tmp_path / "c.toml"), *sel])
    assert res.exit_code == 2 and "--force" in res.output
    filed = json.loads(runner.invoke(app, ["rank", str(tmp_path / "c.toml"), "-f", "json"]).stdout)
    assert [p["score"] for p in filed["pairs"]] == [p["score"] for p in doc["pairs"]]


def test_modes():
    doc = json.loads(runner.invoke(app, ["modes", "--format", "json"]).stdout)
    assert len(doc) == 7 and doc[0]["name_zh"] == "风险勘探"
    res = runner.invoke(app, ["modes", "--lang", "zh"])
    assert "对外承包工程" in res.stdout


def test_cases():
    doc = json.loads(runner.invoke(app, ["cases", "--format", "json"]).stdout)
    assert {c["id"] for c in doc} >= {
        "central_asia",
        "northeast_asia_precious",
        "critical_minerals_alliances",
    }


def test_data_sources_name_publisher_year_licence():
    doc = json.loads(runner.invoke(app, ["data", "sources", "--format", "json"]).stdout)
    files = {d["file"]: d for d in doc}
    assert files["wgi_2019_2023.csv"]["publisher"] == "World Bank"
    assert "CC BY-NC-SA" in files["epi_2022_2024.csv"]["licence"]
    for d in doc:
        assert d["publisher"] and d["year"] and d["licence"] and d["origin"]
    from coopselect.paths import data_dir

    # every bundled CSV is registered
    on_disk = {p.relative_to(data_dir()).as_posix() for p in data_dir().rglob("*.csv")}
    assert on_disk == set(files)
