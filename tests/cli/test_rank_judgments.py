"""rank names the worst judgment when CR > 0.10 and every completed judgment with its value
(table, notes and JSON)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

# The bundled top-level judgments, resource_endowment vs political_risk reversed to 1/5 and
# infrastructure vs esg_pressure left out.
JUDGMENTS = [
    ("resource_endowment", "political_risk", '"1/5"'),
    ("resource_endowment", "infrastructure", "3"),
    ("resource_endowment", "esg_pressure", "4"),
    ("political_risk", "infrastructure", "2"),
    ("political_risk", "esg_pressure", "3"),
]


@pytest.fixture(scope="module")
def case(tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("rank") / "ca.toml"
    text = (ROOT / "cases" / "central_asia.toml").read_text(encoding="utf-8")
    for a, b, v in JUDGMENTS:
        text += f'\n[[judgments]]\na = "{a}"\nb = "{b}"\nvalue = {v}\nreason = "test"\n'
    p.write_text(text, encoding="utf-8")
    return p


def _weights(values: dict[tuple[str, str], float], ids: list[str]) -> np.ndarray:
    """Independent check: the principal eigenvector of the completed matrix."""
    n = len(ids)
    m = np.ones((n, n))
    for (a, b), v in values.items():
        i, j = ids.index(a), ids.index(b)
        m[i, j], m[j, i] = v, 1 / v
    vals, vecs = np.linalg.eig(m)
    w = np.abs(vecs[:, int(np.argmax(vals.real))].real)
    return w / w.sum()


def test_json_names_the_worst_and_the_completed_judgment(case):
    res = runner.invoke(app, ["rank", str(case), "--top", "3", "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["cr"] > 0.10
    (worst,) = [w for w in out["judgments"]["worst"] if w["matrix"] == "criteria"]
    (done,) = [c for c in out["judgments"]["completed"] if c["matrix"] == "criteria"]
    assert {done["a"], done["b"]} == {"infrastructure", "esg_pressure"}
    # the completed value and the ranking's weights agree with an independent computation: the
    # weights of the matrix completed with that value, and the completed value is their ratio
    # (Harker's completion makes the missing entry consistent with the weights)
    ids = list(out["criteria_weights"])
    values = {(a, b): float(Fraction(v.strip('"'))) for a, b, v in JUDGMENTS}
    values[(done["a"], done["b"])] = done["value"]
    w = _weights(values, ids)
    assert np.allclose(w, list(out["criteria_weights"].values()), atol=1e-9)
    i, j = ids.index(done["a"]), ids.index(done["b"])
    assert abs(done["value"] - w[i] / w[j]) < 1e-6
    i, j = ids.index(worst["a"]), ids.index(worst["b"])
    assert abs(worst["suggested"] - w[i] / w[j]) < 1e-9
    assert worst["note_en"] in out["notes"] and done["note_en"] in out["notes"]


def test_table_names_them_in_both_languages(case):
    res = runner.invoke(app, ["rank", str(case), "--top", "3"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "the worst judgment is Political risk vs Resource endowment = 5" in res.stdout
    assert "Infrastructure vs ESG pressure: not given; completed as" in res.stdout
    res = runner.invoke(
        app, ["rank", str(case), "--top", "3", "--lang", "zh"], env={"COLUMNS": "200"}
    )
    assert "最不一致的判断为 政治风险 对 资源禀赋 = 5" in res.stdout
    assert "基础设施 对 ESG压力：未给出；补全为" in res.stdout


def test_a_consistent_complete_case_names_nothing():
    res = runner.invoke(app, ["rank", str(ROOT / "cases" / "central_asia.toml"), "-f", "json"])
    out = json.loads(res.stdout)
    assert out["judgments"] == {"completed": [], "worst": []}
