"""The ``coopselect ahp`` command: outputs and one-line errors (exit code 2, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from coopselect.cli import cmd_ahp

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "ahp"
runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root so that ``ahp`` stays a sub-command."""

    cmd_ahp.register(app)
    return app


APP = _app()


def run(*args: str):
    return runner.invoke(APP, ["ahp", *args])


def as_json(*args: str) -> dict:
    res = run(*args, "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_registered_in_the_main_app():
    from coopselect.cli.main import COMMAND_MODULES

    assert "ahp" in COMMAND_MODULES


def test_json_single_matrix_keys_and_published_values():
    """Saaty (1990) EJOR 48, Table 2: lambda_max 9.669, CR 0.169 (example file)."""
    out = as_json(str(EXAMPLES / "house_criteria.toml"))
    for key in [
        "labels",
        "weights",
        "lambda_max",
        "ci",
        "cr",
        "ri",
        "ri_table",
        "consistent",
        "priority_method",
        "most_inconsistent",
        "completed",
    ]:
        assert key in out
    assert out["lambda_max"] == pytest.approx(9.669, abs=5e-4)
    assert out["cr"] == pytest.approx(0.169, abs=5e-4)
    assert out["consistent"] is False
    worst = out["most_inconsistent"]
    assert (worst["row"], worst["col"], worst["a_ij"]) == ("neighborhood", "condition", 6.0)
    assert set(worst) >= {"row", "col", "a_ij", "epsilon", "suggested"}
    assert out["ri_table"] == "saaty1980" and out["priority_method"] == "eigen"


def test_json_hierarchy():
    """Saaty (1990) EJOR 48: overall priorities A 0.396, B 0.341, C 0.263."""
    out = as_json(str(EXAMPLES / "house_hierarchy.toml"))
    assert out["global_weights"] == pytest.approx([0.396, 0.341, 0.263], abs=5e-4)
    assert out["ranks"] == [1, 2, 3]
    assert out["criteria_weights"][-1] == pytest.approx(0.333, abs=5e-4)


@pytest.mark.parametrize("agg", ["aij", "aip"])
def test_json_group(agg):
    out = as_json(str(EXAMPLES / "group_mining.toml"), "--aggregate", agg)
    assert out["aggregate"] == agg and len(out["aggregated_matrix"]) == 4
    assert [e["name"] for e in out["experts"]] == [
        "geologist",
        "country_risk_analyst",
        "esg_officer",
    ]
    assert out["experts"][2]["consistent"] is False and out["experts"][2]["cr"] > 0.10
    assert sum(out["weights"]) == pytest.approx(1.0)


def test_json_incomplete_reports_filled_judgments():
    out = as_json(str(EXAMPLES / "incomplete.json"), "--priority", "geomean", "--ri", "saaty2005")
    pairs = {(f["row"], f["col"]) for f in out["completed"]}
    assert pairs == {("Kazakhstan", "Indonesia"), ("Mongolia", "Chile")}
    assert out["ri"] == 0.89 and out["priority_method"] == "geomean"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_table_views(lang):
    res = run(str(EXAMPLES / "house_criteria.toml"), "--lang", lang)
    assert res.exit_code == 0
    assert "0.169" in res.stdout and "█" in res.stdout
    assert ("最不一致的判断" if lang == "zh" else "Most inconsistent judgment") in res.stdout
    for name in ("house_hierarchy.toml", "group_mining.toml", "incomplete.json"):
        assert run(str(EXAMPLES / name), "--lang", lang).exit_code == 0


def _bad(tmp_path: Path, text: str, *fragments: str, name: str = "bad.toml") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    res = run(str(path))
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), res.output
    assert str(path) in lines[0] and "Fix:" in lines[0]
    for f in fragments:
        assert f in lines[0], (f, lines[0])


LABELS = 'labels = ["a", "b", "c"]\n'


@pytest.mark.parametrize(
    ("matrix", "fragments"),
    [
        ('[[1, "x", 1], [1, 1, 1], [1, 1, 1]]', ("row 'a', column 'b'", "not a number")),
        ("[[1, -2, 1], [1, 1, 1], [1, 1, 1]]", ("row 'a', column 'b'", "positive")),
        ("[[1, 0, 1], [1, 1, 1], [1, 1, 1]]", ("row 'a', column 'b'", "positive")),
        ("[[1, inf, 1], [1, 1, 1], [1, 1, 1]]", ("row 'a', column 'b'", "finite")),
        ("[[1, 1, 1], [1, 2, 1], [1, 1, 1]]", ("row 'b', column 'b'", "diagonal")),
        ("[[1, 3, 1], [3, 1, 1], [1, 1, 1]]", ("row 'b', column 'a'", "reciprocal")),
        ('[[1, "?", 1], [1, 1, 1], [1, 1, 1]]', ("row 'a', column 'b'", "one side")),
        ("[[1, 1, 1], [1, 1]]", ("matrix", "lengths")),
        ('[[1, 2, "?"], ["1/2", 1, "?"], ["?", "?", 1]]', ("{a, b}", "{c}", "connect")),
    ],
)
def test_bad_matrix_one_line_naming_file_cell_fix(tmp_path, matrix, fragments):
    _bad(tmp_path, LABELS + f"matrix = {matrix}\n", *fragments)


def test_bad_labels(tmp_path):
    _bad(tmp_path, 'labels = ["a", "a"]\nmatrix = [[1, 1], [1, 1]]\n', "appears twice")
    _bad(tmp_path, "matrix = [[1, 1], [1, 1]]\n", "labels")


def test_invalid_toml(tmp_path):
    _bad(tmp_path, LABELS + "matrix = [[1, 1/3]]\n", "invalid TOML", "line 2")


def test_invalid_json(tmp_path):
    _bad(
        tmp_path,
        '{"labels": ["a", "b"], "matrix": [[1, 2], [0.5, 1]',
        "invalid JSON",
        name="b.json",
    )


def test_missing_file(tmp_path):
    path = tmp_path / "nope.toml"
    res = run(str(path))
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert "file not found" in res.output and str(path) in res.output


def test_group_errors(tmp_path):
    expert = '[[experts]]\nname = "x"\nweight = {w}\nmatrix = [[2]]\n'
    _bad(tmp_path, 'labels = ["a", "b"]\n' + expert.format(w=-1), "weight", "positive")
    _bad(
        tmp_path,
        'labels = ["a", "b"]\n[[experts]]\nname = "x"\nmatrix = [[1, 2], [2, 1]]\n',
        "experts 'x' matrix row 'b', column 'a'",
        "reciprocal",
    )


def test_hierarchy_errors(tmp_path):
    head = (
        '[criteria]\nlabels = ["c1", "c2"]\nmatrix = [[2]]\n[alternatives]\nlabels = ["x", "y"]\n'
    )
    _bad(tmp_path, head + "[alternatives.matrices]\nc1 = [[3]]\n", "c2", "no matrix")
    _bad(
        tmp_path,
        head + "[alternatives.matrices]\nc1 = [[3]]\nc2 = [[3]]\nc3 = [[1]]\n",
        "c3",
        "not a criterion",
    )
    _bad(
        tmp_path,
        head + '[alternatives.matrices]\nc1 = [["1/0"]]\nc2 = [[3]]\n',
        "alternatives.matrices.c1 row 'x', column 'y'",
    )


def test_unsupported_format():
    res = run(str(EXAMPLES / "house_criteria.toml"), "--format", "csv")
    assert res.exit_code == 2 and "Traceback" not in res.output and "--format" in res.output


def test_command_module_imports_no_numpy():
    """Start-up stays light: importing cmd_ahp does not import numpy or scipy."""
    import subprocess
    import sys

    code = (
        "import sys; import coopselect.cli.cmd_ahp; "
        "print(sorted({'numpy','scipy','pymcdm','matplotlib'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_engine_never_imports_pymcdm_or_matplotlib():
    import subprocess
    import sys

    code = (
        "import sys, coopselect.ahp, coopselect.ahp.io, coopselect.ahp.report; "
        "print(sorted({'scipy','pymcdm','matplotlib'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
