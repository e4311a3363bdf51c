"""``coopselect compare`` (case or problem) and ``coopselect rankcorr``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.comparison import agreement

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
ROSZ = str(ROOT / "examples" / "problems" / "roszkowska_2011.toml")


def test_compare_problem_json():
    res = runner.invoke(app, ["compare", ROSZ, "--methods", "topsis,wsm", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["methods"] == ["topsis", "wsm"]
    assert doc["ranks"]["topsis"] == [2, 4, 1, 3, 5]  # Roszkowska (2011), published ranking
    direct = agreement(doc["ranks"]["topsis"], doc["ranks"]["wsm"])
    assert doc["agreement"]["kendall"][0][1] == pytest.approx(direct["kendall"])
    moved = {d["alternative"] for d in doc["method_dependent"]}
    expected = {
        a
        for a, r1, r2 in zip(
            doc["alternatives"], doc["ranks"]["topsis"], doc["ranks"]["wsm"], strict=True
        )
        if r1 != r2
    }
    assert moved == expected


def test_compare_default_case_labels_both_languages():
    en = runner.invoke(app, ["compare", "--methods", "topsis,wsm", "--format", "json"])
    zh = runner.invoke(
        app, ["compare", "--methods", "topsis,wsm", "--format", "json", "--lang", "zh"]
    )
    assert en.exit_code == 0 and zh.exit_code == 0, en.output + zh.output
    en_doc, zh_doc = json.loads(en.stdout), json.loads(zh.stdout)
    assert any("Kazakhstan" in label for label in en_doc["labels"])
    assert any("哈萨克斯坦" in label for label in zh_doc["labels"])
    assert en_doc["ranks"] == zh_doc["ranks"]
    assert len(en_doc["alternatives"]) == len(en_doc["labels"])


@pytest.mark.parametrize("fmt", ["table", "md", "csv"])
def test_compare_text_formats(fmt):
    res = runner.invoke(app, ["compare", ROSZ, "--methods", "topsis,wsm", "--format", fmt])
    assert res.exit_code == 0, res.output
    assert "A3" in res.stdout
    if fmt != "csv":
        assert "Kendall" in res.stdout


@pytest.mark.parametrize(
    ("args", "msg"),
    [
        (["compare", ROSZ, "--methods", "topsis"], "at least two"),
        (["compare", ROSZ, "--methods", "topsis,magic"], "unknown method"),
        (["compare", "no_such_case", "--methods", "topsis,wsm"], "no_such_case"),
    ],
)
def test_compare_errors(args, msg):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert msg in res.output
    assert "Traceback" not in res.output


def test_rankcorr_json_keys_and_values():
    res = runner.invoke(app, ["rankcorr", "1,2,3,4,5", "2,1,3,4,5", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert set(doc) == {"spearman", "weighted_spearman", "ws", "kendall"}
    # By hand: sum d^2 = 2, rs = 1 - 12/120 = 0.9; one discordant pair of 10, tau = 0.8.
    assert doc["spearman"] == pytest.approx(0.9)
    assert doc["kendall"] == pytest.approx(0.8)
    assert doc["ws"] == pytest.approx(1 - 0.125 - 1 / 12)


@pytest.mark.parametrize(
    ("x", "y", "msg"),
    [("1,2,3", "1,2", "different lengths"), ("1,2,a", "1,2,3", "not a rank position")],
)
def test_rankcorr_errors(x, y, msg):
    res = runner.invoke(app, ["rankcorr", x, y])
    assert res.exit_code == 2
    assert msg in res.output
    assert "Traceback" not in res.output
