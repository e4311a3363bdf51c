"""``coopselect ahp CASE|CRITERIA``: the judgment matrices in force, completed judgments named
with their value, the worst judgment with its consistent value, and ``--fix --write``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from coopselect.cli.main import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["ahp", *args])


def test_case_file_prints_the_criteria_matrix_in_force_with_its_cr():
    res = run(str(ROOT / "cases" / "central_asia.toml"), "--criterion", "criteria")
    assert res.exit_code == 0, res.output
    assert "Criteria judgment matrix in force" in res.stdout
    assert "Resource endowment" in res.stdout and "Consistency ratio CR = 0.0" in res.stdout


def test_case_json_weights_are_those_of_the_ranking():
    from coopselect.io.loaders.case_loader import load_case
    from coopselect.scoring.weights import criteria_weights

    res = run(str(ROOT / "cases" / "central_asia.toml"), "-f", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    top = out["matrices"][0]
    case = load_case(ROOT / "cases" / "central_asia.toml")
    cw = criteria_weights(case.hierarchy, "ahp")
    assert top["ids"] == list(cw.criteria)
    assert np.allclose(top["weights"], cw.weights)
    assert abs(top["cr"] - cw.top.cr) < 1e-12
    assert out["judgments_in_use"] is True
    # every sub-criterion matrix of more than one item is listed
    subs = {m["criterion"] for m in out["matrices"][1:]}
    assert subs == {c.id for c in case.hierarchy.criteria if len(c.subcriteria) > 1}


def test_criteria_file_in_chinese():
    res = run(str(ROOT / "criteria" / "default.toml"), "--lang", "zh", "--criterion", "criteria")
    assert res.exit_code == 0, res.output
    assert "资源禀赋" in res.stdout and "一致性比率 CR" in res.stdout


def _inconsistent_criteria(tmp_path: Path) -> Path:
    """A copy of the default criteria with the judgment infrastructure vs esg_pressure left out
    (completed) and resource_endowment vs political_risk reversed to 1/5 (inconsistent)."""
    text = (ROOT / "criteria" / "default.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    out, skip = [], 0
    for k, line in enumerate(lines):
        if skip:
            skip -= 1
            continue
        if (
            line == "[[judgments]]"
            and lines[k + 1] == 'a = "infrastructure"'
            and (lines[k + 2] == 'b = "esg_pressure"')
        ):
            skip = next(i for i, x in enumerate(lines[k + 1 :]) if not x.strip())  # the table
            continue
        out.append(line)
    text = "\n".join(out) + "\n"
    old = 'a = "resource_endowment"\nb = "political_risk"\nvalue = 2'
    assert old in text
    text = text.replace(old, 'a = "resource_endowment"\nb = "political_risk"\nvalue = "1/5"')
    p = tmp_path / "mine.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_completed_judgment_is_named_with_its_value(tmp_path):
    p = _inconsistent_criteria(tmp_path)
    out = json.loads(run(str(p), "-f", "json", "--criterion", "criteria").stdout)
    top = out["matrices"][0]
    (c,) = top["completed"]
    assert (c["a"], c["b"]) == ("infrastructure", "esg_pressure")
    i, j = top["ids"].index("infrastructure"), top["ids"].index("esg_pressure")
    assert abs(top["matrix"][i][j] - c["value"]) < 1e-12
    assert "not given; completed as" in c["note_en"] and "补全为" in c["note_zh"]
    res = run(str(p), "--criterion", "criteria")
    assert "Infrastructure vs ESG pressure: not given; completed as" in res.stdout
    assert "*" in res.stdout  # the completed cells are marked


def test_worst_judgment_and_fix_write_keep_comments_and_a_backup(tmp_path):
    p = _inconsistent_criteria(tmp_path)
    before = p.read_text(encoding="utf-8")
    out = json.loads(run(str(p), "-f", "json", "--criterion", "criteria").stdout)
    top = out["matrices"][0]
    assert top["cr"] > 0.1
    w = top["worst"]
    assert w is not None
    # the suggested value is the ratio of the weights (independent check)
    ia, ib = top["ids"].index(w["a"]), top["ids"].index(w["b"])
    assert abs(w["suggested"] - top["weights"][ia] / top["weights"][ib]) < 1e-12
    res = run(str(p), "--criterion", "criteria", "--fix")
    assert "Worst judgment:" in res.stdout and "Fix: set" in res.stdout
    assert p.read_text(encoding="utf-8") == before  # --fix alone writes nothing

    res = run(str(p), "--criterion", "criteria", "--fix", "--write")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "mine.toml.bak").read_text(encoding="utf-8") == before
    after = p.read_text(encoding="utf-8")
    assert "# Top-level criteria and their judgments" in after  # comments kept
    new = json.loads(run(str(p), "-f", "json", "--criterion", "criteria").stdout)["matrices"][0]
    assert new["cr"] < top["cr"]


def test_fix_write_on_a_case_without_judgments_writes_those_in_force(tmp_path):
    case = tmp_path / "case.toml"
    shutil.copy(ROOT / "cases" / "central_asia.toml", case)
    crit = _inconsistent_criteria(tmp_path)
    text = case.read_text(encoding="utf-8").replace(
        'criteria = "commercial"', f'criteria = "{crit.as_posix()}"'
    )
    case.write_text(text, encoding="utf-8")
    res = run(str(case), "--criterion", "criteria", "--fix", "--write")
    assert res.exit_code == 0, res.output
    assert "[[judgments]]" in case.read_text(encoding="utf-8")
    assert (tmp_path / "case.toml.bak").read_text(encoding="utf-8") == text
    new = json.loads(run(str(case), "-f", "json", "--criterion", "criteria").stdout)
    assert new["matrices"][0]["cr"] < 0.425 and new["matrices"][0]["source"] == str(case)


def test_write_needs_fix_and_one_matrix(tmp_path):
    p = _inconsistent_criteria(tmp_path)
    res = run(str(p), "--write", "--criterion", "criteria")
    assert res.exit_code == 2 and "add --fix" in res.output
    res = run(str(p), "--fix", "--write")
    assert res.exit_code == 2 and "--criterion" in res.output
    res = run(str(p), "--criterion", "nope")
    assert res.exit_code == 2 and "no criterion 'nope'" in res.output


def test_sub_criterion_fix_is_refused_for_a_case(tmp_path):
    from coopselect.errors import CoopselectError
    from coopselect.io.loaders.judgment_fix import Fix, apply_fix

    case = tmp_path / "case.toml"
    shutil.copy(ROOT / "cases" / "central_asia.toml", case)
    try:
        apply_fix(case, Fix("a", "b", "3", "esg_pressure"), kind="case")
    except CoopselectError as err:
        assert "criteria file" in str(err)
    else:
        raise AssertionError("a sub-criterion fix was written into a case")


def test_a_case_not_using_its_judgments_says_so(tmp_path):
    case = tmp_path / "custom.toml"
    text = (ROOT / "cases" / "central_asia.toml").read_text(encoding="utf-8")
    text = text.replace('weights = "ahp"', 'weights = "equal"', 1)
    case.write_text(text, encoding="utf-8")
    out = json.loads(run(str(case), "-f", "json").stdout)
    assert out["weights_preset"] == "equal" and out["judgments_in_use"] is False
    res = runner.invoke(app, ["ahp", str(case), "--criterion", "criteria"], env={"COLUMNS": "200"})
    assert "these judgments are not used in the ranking" in res.stdout
    res = runner.invoke(
        app, ["ahp", str(case), "--criterion", "criteria", "--lang", "zh"], env={"COLUMNS": "200"}
    )
    assert "判断矩阵不参与排序" in res.stdout
    # the bundled case uses them: no such line
    res = run(str(ROOT / "cases" / "central_asia.toml"), "--criterion", "criteria")
    assert "not used in the ranking" not in res.stdout
