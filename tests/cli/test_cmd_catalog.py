"""Listing commands: countries, modes, cases, data sources."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.io import datasets

runner = CliRunner()


def test_countries_json_shows_gaps():
    doc = json.loads(runner.invoke(app, ["countries", "--format", "json"]).stdout)
    by = {r["iso3"]: r for r in doc}
    assert len(by) == len(datasets.countries()) == 225
    assert by["TKM"]["missing"] == ["lpi_infrastructure"]
    assert set(by["PRK"]["missing"]) >= {"lpi_infrastructure", "epi_overall"}
    assert by["KAZ"]["name_zh"] == "哈萨克斯坦"


def test_countries_table_zh():
    res = runner.invoke(app, ["countries", "--lang", "zh"])
    assert res.exit_code == 0 and "土库曼斯坦" in res.stdout


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
