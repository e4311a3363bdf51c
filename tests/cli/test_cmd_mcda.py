"""``coopselect mcda``: any decision matrix, TOML/JSON/CSV, JSON keys, SMAA, bad problems."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
ROSZ = str(ROOT / "examples" / "problems" / "roszkowska_2011.toml")

GOOD = """
alternatives = ["A1", "A2", "A3"]
matrix = [[1, 3000], [2, 3750], [5, 4500]]
[[criteria]]
name = "risk"
type = "cost"
weight = 0.5
[[criteria]]
name = "altitude"
type = "benefit"
weight = "1/2"
"""


def test_published_example_through_the_command():
    # Roszkowska (2011) example 1: closeness 0.535, 0.435, 0.557, 0.517, 0.371; A3 first.
    res = runner.invoke(app, ["mcda", ROSZ, "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    for key in (
        "method",
        "alternatives",
        "criteria",
        "weights",
        "scores",
        "ranks",
        "higher_is_better",
        "d_plus",
        "d_minus",
    ):
        assert key in doc
    assert doc["scores"] == pytest.approx(
        [0.535497, 0.434945, 0.557491, 0.516961, 0.370633], abs=1e-6
    )
    assert doc["ranks"] == [2, 4, 1, 3, 5]


def test_json_problem_and_method_override(tmp_path):
    p = tmp_path / "p.json"
    p.write_text(
        json.dumps(
            {
                "matrix": [[2, 10], [4, 5]],
                "criteria": [
                    {"name": "b", "type": "benefit", "weight": 0.6},
                    {"name": "c", "type": "cost", "weight": 0.4},
                ],
            }
        ),
        encoding="utf-8",
    )
    doc = json.loads(runner.invoke(app, ["mcda", str(p), "-m", "wsm", "-f", "json"]).stdout)
    assert doc["method"] == "wsm" and doc["scores"] == pytest.approx([0.30, 0.80])
    assert doc["alternatives"] == ["A1", "A2"]


def test_csv_problem(tmp_path):
    p = tmp_path / "p.csv"
    p.write_text("name,b,c\nX,2,10\nY,4,5\n", encoding="utf-8")
    res = runner.invoke(
        app,
        [
            "mcda",
            str(p),
            "-m",
            "wsm",
            "--types",
            "benefit,cost",
            "--weight-values",
            "0.6,0.4",
            "-f",
            "csv",
        ],
    )
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].startswith("1,Y,")


def test_weights_rescaled_with_notice(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text(GOOD.replace("weight = 0.5", "weight = 1.5"), encoding="utf-8")
    res = runner.invoke(app, ["mcda", str(p), "-f", "json"])
    doc = json.loads(res.stdout)
    assert sum(doc["weights"]) == pytest.approx(1)
    assert any("rescaled" in n for n in doc["notices"])


def test_smaa_json_keys_and_seed():
    args = ["mcda", ROSZ, "--smaa", "3000", "--seed", "9", "--ranks", "3", "-f", "json"]
    doc = json.loads(runner.invoke(app, args).stdout)
    for key in (
        "samples",
        "seed",
        "rank_acceptability",
        "holistic_acceptability",
        "central_weights",
        "confidence",
    ):
        assert key in doc
    assert doc["seed"] == 9 and len(doc["rank_acceptability"]["A1"]) == 3
    assert json.loads(runner.invoke(app, args).stdout) == doc


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ("[5, 4500]", "[5]", "row has 1 values for 2 criteria"),
        ("[5, 4500]", "[5, nan]", "not a finite number"),
        ("[5, 4500]", '[5, "high"]', "'high' is not a number"),
        ("weight = 0.5", "weight = -0.5", "negative"),
        ('type = "cost"', 'type = "costly"', "unknown type 'costly'"),
        ('"A3"]', '"A1"]', "duplicate name 'A1'"),
        ('name = "risk"', 'name = "risk"\ncolour = 1', "unknown key 'colour'"),
        ("matrix =", "matrix = [[1, 2], [3, 4]]\nmatrx =", "unknown key 'matrx'"),
    ],
)
def test_bad_problems(tmp_path, old, new, fragment):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    p = tmp_path / "p.toml"
    p.write_text(text, encoding="utf-8")
    res = runner.invoke(app, ["mcda", str(p)])
    assert res.exit_code == 2, res.output
    assert fragment in res.output and "Traceback" not in res.output
    assert "p.toml" in res.output


def test_all_zero_weights(tmp_path):
    p = tmp_path / "p.toml"
    p.write_text(
        GOOD.replace("weight = 0.5", "weight = 0").replace('weight = "1/2"', "weight = 0"),
        encoding="utf-8",
    )
    res = runner.invoke(app, ["mcda", str(p)])
    assert res.exit_code == 2 and "all weights are zero" in res.output


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["mcda", "missing.toml"], "file not found"),
        (["mcda", ROSZ, "-m", "electre"], "unknown method 'electre'"),
        (["mcda", ROSZ, "--smaa", "0"], "--smaa must be > 0"),
        (["mcda", ROSZ, "--normalization", "zscore"], "unknown normalisation 'zscore'"),
    ],
)
def test_bad_options(args, fragment):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert fragment in res.output and "Traceback" not in res.output


def test_invalid_toml_and_json(tmp_path):
    t = tmp_path / "bad.toml"
    t.write_text("matrix = [[1, 2]\n", encoding="utf-8")
    assert "invalid TOML" in runner.invoke(app, ["mcda", str(t)]).output
    j = tmp_path / "bad.json"
    j.write_text('{"matrix": [[1, 2]],}', encoding="utf-8")
    res = runner.invoke(app, ["mcda", str(j)])
    assert res.exit_code == 2 and "invalid JSON" in res.output
