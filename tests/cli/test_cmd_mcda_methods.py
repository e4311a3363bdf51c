"""``coopselect mcda`` with every method, per-criterion keys from the file, and ``weights``."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.methods import available_methods

runner = CliRunner()

PROBLEM = """
alternatives = ["A1", "A2", "A3"]
matrix = [[1, 3000], [2, 3750], [5, 4500]]
[[criteria]]
name = "risk"
type = "cost"
weight = 0.5
preference = "linear"
q = 2
p = {p}
[[criteria]]
name = "altitude"
type = "benefit"
weight = 0.5
bounds = [0, {upper}]
"""


def write(tmp_path, p=3, upper=5000):
    path = tmp_path / "problem.toml"
    path.write_text(PROBLEM.format(p=p, upper=upper), encoding="utf-8")
    return str(path)


def run_json(*args):
    res = runner.invoke(app, [*args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_promethee_reads_per_criterion_functions(tmp_path):
    doc = run_json("mcda", write(tmp_path), "--method", "promethee2")
    # By hand: risk (cost, linear q=2 p=3): A1 over A3 and A2 over A3 fully (differences 4, 3),
    # A1 over A2 not at all (1 <= q). Altitude (usual): A3 > A2 > A1. Half weight each, m-1 = 2:
    # phi+ = (0.5/2, 1/2, 1/2), phi- = (1/2, 0.5/2, 1/2).
    assert doc["phi_plus"] == pytest.approx([0.25, 0.5, 0.5])
    assert doc["phi_minus"] == pytest.approx([0.5, 0.25, 0.5])
    assert doc["phi"] == pytest.approx([-0.25, 0.25, 0.0])
    assert doc["ranks"] == [3, 1, 2]
    assert doc["higher_is_better"] is True


def test_vikor_json_keys_name_the_compromise(tmp_path):
    doc = run_json("mcda", write(tmp_path), "--method", "vikor")
    for key in ("S", "R", "Q", "acceptable_advantage", "acceptable_stability"):
        assert key in doc
    # By hand (v = 0.5): S = (0.5, 0.375, 0.5), R = (0.5, 0.25, 0.5), Q = (1, 0, 1).
    assert doc["S"] == pytest.approx([0.5, 0.375, 0.5])
    assert doc["Q"] == pytest.approx([1.0, 0.0, 1.0])
    assert doc["compromise"] == ["A2"]
    assert doc["higher_is_better"] is False


def test_spotis_reads_bounds_and_fills_the_missing_one_from_the_data(tmp_path):
    doc = run_json("mcda", write(tmp_path), "--method", "spotis")
    assert doc["bounds"][1] == [0, 5000]
    assert doc["bounds"][0] == [1, 5]  # risk: min and max of the data
    assert doc["reference"] == [1, 5000]  # cost: lower bound; benefit: upper bound
    assert any("data" in n for n in doc["notices"])  # risk has no bounds: taken from the data


@pytest.mark.parametrize("method", available_methods())
def test_every_method_runs_through_the_command(tmp_path, method):
    doc = run_json("mcda", write(tmp_path), "--method", method)
    assert sorted(doc["ranks"]) == [1, 2, 3]
    assert doc["method"] == method


@pytest.mark.parametrize(
    ("kwargs", "method", "msg"),
    [
        ({"p": 1}, "promethee2", "criteria[1] ('risk'): p = 1 is smaller than q = 2"),
        ({"upper": 4000}, "spotis", "outside the bounds"),
    ],
)
def test_bad_method_keys_name_file_and_criterion(tmp_path, kwargs, method, msg):
    path = write(tmp_path, **kwargs)
    res = runner.invoke(app, ["mcda", path, "--method", method])
    assert res.exit_code == 2
    assert msg in res.output and "problem.toml" in res.output
    assert "Traceback" not in res.output


def test_file_method_parameters_are_not_passed_to_another_method(tmp_path):
    path = tmp_path / "v.toml"
    path.write_text(PROBLEM.format(p=3, upper=5000) + '[method]\nname = "vikor"\nv = 0.3\n')
    res = runner.invoke(app, ["mcda", str(path), "--method", "topsis", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert "not used for topsis" in res.output


def test_weights_entropy_json(tmp_path):
    doc = run_json("weights", write(tmp_path), "--method", "entropy")
    assert set(doc) >= {"method", "criteria", "weights"}
    assert doc["criteria"] == ["risk", "altitude"]
    assert sum(doc["weights"]) == pytest.approx(1.0)


def test_weights_combined_with_the_file_weights(tmp_path):
    doc = run_json("weights", write(tmp_path), "--method", "critic", "--combine", "linear")
    assert doc["combination"] == {"rule": "linear", "alpha": 0.5}
    expected = [0.5 * s + 0.5 * o for s, o in zip(doc["subjective"], doc["weights"], strict=True)]
    assert doc["combined"] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["--method", "magic"], "unknown"),
        (["--method", "entropy", "--combine", "sideways"], "rule"),
        (["--method", "entropy", "--combine", "linear", "--alpha", "2"], "alpha"),
    ],
)
def test_weights_errors(tmp_path, args, msg):
    res = runner.invoke(app, ["weights", write(tmp_path), *args])
    assert res.exit_code == 2
    assert msg in res.output
    assert "Traceback" not in res.output


def test_weights_csv_without_weights(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("name,cost,quality\nA,1,7\nB,2,9\nC,4,8\n", encoding="utf-8")
    res = runner.invoke(
        app, ["weights", str(path), "--types", "cost,benefit", "--method", "std", "-f", "json"]
    )
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["weights"]) == 2


def test_a_parameter_the_method_does_not_take_names_what_it_does_take(tmp_path):
    res = runner.invoke(app, ["mcda", write(tmp_path), "-m", "waspas", "--normalization", "max"])
    assert res.exit_code == 2
    assert "waspas has no parameter 'normalization'" in res.output
    assert "waspas takes lam" in res.output
