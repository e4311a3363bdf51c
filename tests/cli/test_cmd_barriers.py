"""``coopselect data barriers``: the coverage of the policy-barrier table, as a table in both
languages and as JSON with the documented keys. The command is registered on a ``data`` group
built here (the lead wires it into cli/cmd_data.py)."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from coopselect.cli.cmd_barriers import register
from coopselect.io.data import policy

runner = CliRunner()
KEYS = {
    "iso3",
    "name_en",
    "name_zh",
    "status",
    "barrier_types",
    "measures",
    "from_eu",
    "latest_measure",
    "last_reviewed",
    "eu_member",
    "alliance_tier",
    "floor_source",
    "searched",
    "searched_url",
}


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    root = typer.Typer()
    data_app = typer.Typer()
    root.add_typer(data_app, name="data")

    @data_app.callback()
    def _data() -> None:
        """The data group."""

    register(data_app)
    return root


def run(app, *args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "220"})


def test_json_lists_every_economy_with_the_documented_keys(app):
    res = run(app, "data", "barriers", "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert set(doc) == {"reviewed", "counts", "economies"}
    assert doc["reviewed"] == policy.reviewed().isoformat()
    economies = {e["iso3"]: e for e in doc["economies"]}
    assert all(set(e) == KEYS for e in economies.values())
    assert sum(doc["counts"].values()) == len(economies)
    # the must-show economies, with what the table holds for them
    for k in ("USA", "GBR", "IND", "POL", "PRT", "ESP", "PRK", "JPN", "EST"):
        assert economies[k]["status"] == "measures", k
        assert "investment_screening" in economies[k]["barrier_types"], k
    assert economies["KAZ"]["barrier_types"] == ["state_participation"]
    assert economies["POL"]["from_eu"] == 1 and economies["POL"]["eu_member"]
    assert economies["PER"]["status"] == "reviewed_none"
    assert economies["PER"]["searched_url"].startswith("https://")
    assert economies["PER"]["floor_source"].startswith("seed 004")
    assert economies["NAM"]["latest_measure"] == "2023-06-06"
    assert economies["CHN"]["name_zh"] == "中国"


def test_the_status_filter_keeps_only_that_status(app):
    doc = json.loads(run(app, "data", "barriers", "-f", "json", "--status", "reviewed_none").output)
    assert doc["economies"] and {e["status"] for e in doc["economies"]} == {"reviewed_none"}
    assert len(doc["economies"]) == doc["counts"]["reviewed_none"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Economy", "Barrier types", "reviewed, nothing found", "Investment screening")),
        ("zh", ("经济体", "壁垒类型", "已复核，未发现", "投资审查", "美国 (USA)")),
    ],
)
def test_the_table_speaks_the_chosen_language(app, lang, words):
    res = run(app, "data", "barriers", "--lang", lang)
    assert res.exit_code == 0, res.output
    for w in words:
        assert w in res.output, w


def test_a_bad_status_is_refused_by_the_option_parser(app):
    res = run(app, "data", "barriers", "--status", "everything")
    assert res.exit_code == 2
