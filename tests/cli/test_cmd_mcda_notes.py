"""``coopselect mcda --lang zh``: a ranking method's notes in Chinese, the JSON's in English.

The notes are catalog messages (coopselect.messages) rendered by the command in its language;
the check for English-only sentences is the one of tests/test_zh_everywhere.py.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.messages import render
from coopselect.methods import available_methods, run_method

runner = CliRunner()

# Criterion 3 (licence) is constant, criterion 4 (noise) has weight 0.
PROBLEM = """
alternatives = ["A1", "A2", "A3"]
matrix = [[1, 3000, 7, 2], [2, 3750, 7, 9], [5, 4500, 7, 4]]
[[criteria]]
name = "risk"
type = "cost"
weight = 0.4
[[criteria]]
name = "altitude"
type = "benefit"
weight = 0.4
[[criteria]]
name = "licence"
type = "benefit"
weight = 0.2
[[criteria]]
name = "noise"
type = "benefit"
weight = 0
"""
X = np.array([[1.0, 3000, 7, 2], [2, 3750, 7, 9], [5, 4500, 7, 4]])
W = np.array([0.4, 0.4, 0.2, 0.0])
T = np.array([-1, 1, 1, 1])
IDEOGRAPH = re.compile(r"[\u3400-\u9fff]")


def _english_only():
    """tests/test_zh_everywhere.py's definition of an English-only sentence (loaded from its
    file: the tests are not a package)."""
    path = Path(__file__).resolve().parents[1] / "test_zh_everywhere.py"
    spec = importlib.util.spec_from_file_location("_zh_everywhere_checker", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.english_only


english_only = _english_only()


@pytest.fixture(scope="module")
def problem(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("notes") / "p.toml"
    path.write_text(PROBLEM, encoding="utf-8")
    return str(path)


def _mcda(*args: str) -> str:
    res = runner.invoke(app, ["mcda", *args], env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.mark.parametrize("method", available_methods())
def test_a_methods_notes_are_printed_in_chinese(problem, method):
    out = _mcda(problem, "-m", method, "--lang", "zh")
    assert english_only(out) == []
    for note in run_method(method, X, W, T).notes:  # every note, in Chinese
        zh = render(note, "zh")
        assert IDEOGRAPH.search(zh) and zh in out, zh
    assert "<message" not in out


def test_the_constant_column_and_the_zero_weight_are_noted_in_chinese(problem):
    out = _mcda(problem, "-m", "aras", "--lang", "zh")
    assert "准则 3 为常数：它给每个 S 加上相同的量（不影响排名）。" in out
    assert "准则 4 权重为 0：不影响排名。" in out
    out = _mcda(problem, "-m", "consensus", "--lang", "zh")
    assert "vikor：准则 3 为常数：在 VIKOR 中不起作用。" in out
    assert "promethee2：准则 3 为常数：在 PROMETHEE II 中不起作用。" in out
    assert english_only(out) == []
    english = _mcda(problem, "-m", "aras", "--lang", "en")
    assert "criterion 3 is constant: it adds the same amount to every S" in english
    assert "criterion 4 has weight 0: it does not affect the ranking." in english


def test_the_json_notes_are_english_whatever_the_language(problem):
    doc = json.loads(_mcda(problem, "-m", "aras", "-f", "json", "--lang", "zh"))
    assert (
        "criterion 3 is constant: it adds the same amount to every S (no effect on the ranking)."
        in doc["notices"]
    )
    assert "criterion 4 has weight 0: it does not affect the ranking." in doc["notices"]
    assert not any(IDEOGRAPH.search(n) for n in doc["notices"])


@pytest.mark.parametrize("scheme", ["entropy", "critic", "std", "merec"])
def test_objective_weights_notes_are_printed_in_chinese(problem, scheme):
    # criterion 3 (licence) is constant: every scheme gives it weight 0 and says so
    res = runner.invoke(app, ["weights", problem, "-m", scheme, "--lang", "zh"])
    assert res.exit_code == 0, res.output
    assert "准则 3 对所有备选方案取值相同" in res.stdout
    assert english_only(res.stdout) == []
    en = runner.invoke(app, ["weights", problem, "-m", scheme, "-f", "json", "--lang", "zh"])
    notes = json.loads(en.stdout)["notes"]
    assert any("criterion 3 has the same value for every alternative" in n for n in notes)


def test_compare_notes_its_ties_in_chinese(tmp_path):
    # two alternatives equal on every criterion: every method ties them
    path = tmp_path / "tie.toml"
    path.write_text(PROBLEM.replace("[2, 3750, 7, 9]", "[1, 3000, 7, 2]"), encoding="utf-8")
    res = runner.invoke(app, ["compare", str(path), "--lang", "zh"], env={"COLUMNS": "250"})
    assert res.exit_code == 0, res.output
    assert "得分并列者（A1, A2）按输入顺序排列。" in res.stdout
    assert "ordered by input order" not in res.stdout
    # what the checker still finds are the rank lists of method ids ("A3: topsis 3, vikor 1")
    assert all(re.fullmatch(r"\S+: (\w+ \d+, )*\w+ \d+", s) for s in english_only(res.stdout))


def test_the_problem_files_own_notices_are_printed_in_the_chosen_language(tmp_path):
    """Weights that do not sum to 1 and a [method] table for another method: the loader's notices
    (catalog messages) on stderr in Chinese under --lang zh, in English otherwise, and in English
    in the JSON."""
    path = tmp_path / "p.toml"
    path.write_text(
        PROBLEM.replace("weight = 0.4", "weight = 0.8") + '\n[method]\nname = "vikor"\nv = 0.3\n',
        encoding="utf-8",
    )
    zh = runner.invoke(app, ["mcda", str(path), "-m", "topsis", "--lang", "zh"])
    assert zh.exit_code == 0, zh.output
    assert "提示：权重之和为 1.8：已重新缩放为和为 1。" in zh.stderr
    assert "提示：文件中 [method] 的参数是为 vikor 设定的；topsis 不使用它们。" in zh.stderr
    assert english_only(zh.stderr) == [] and "notice" not in zh.stderr
    en = runner.invoke(app, ["mcda", str(path), "-m", "topsis", "--lang", "en"])
    assert "notice: weights summed to 1.8; rescaled to sum 1." in en.stderr
    assert "notice: the file's [method] parameters are for vikor; not used for topsis." in en.stderr
    doc = json.loads(
        runner.invoke(app, ["mcda", str(path), "-m", "topsis", "-f", "json", "--lang", "zh"]).stdout
    )
    assert "weights summed to 1.8; rescaled to sum 1." in doc["notices"]
    for cmd in (["weights", str(path), "-m", "entropy"], ["compare", str(path)]):
        res = runner.invoke(app, [*cmd, "--lang", "zh"], env={"COLUMNS": "250"})
        assert res.exit_code == 0, res.output
        assert "提示：权重之和为 1.8：已重新缩放为和为 1。" in res.stderr, cmd
