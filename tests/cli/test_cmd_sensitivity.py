"""``coopselect sensitivity`` on the bundled case."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()


def test_json_keys_and_reproducibility():
    args = ["sensitivity", "--samples", "2000", "--seed", "4", "--format", "json"]
    a = runner.invoke(app, args)
    assert a.exit_code == 0, a.output
    doc = json.loads(a.stdout)
    for key in (
        "samples",
        "seed",
        "rank_acceptability",
        "holistic_acceptability",
        "central_weights",
        "confidence",
        "verdict",
        "critical_weights",
        "most_sensitive",
    ):
        assert key in doc
    assert doc["seed"] == 4 and doc["samples"] == 2000
    assert (
        json.loads(runner.invoke(app, args).stdout)["rank_acceptability"]
        == doc["rank_acceptability"]
    )
    firsts = sum(v[0] for v in doc["rank_acceptability"].values())
    assert firsts == pytest.approx(1)


def test_table_with_sweep_both_languages():
    en = runner.invoke(
        app, ["sensitivity", "--samples", "1000", "--seed", "1", "--sweep", "resource_endowment"]
    )
    assert en.exit_code == 0, en.output
    assert "sampled weightings" in en.stdout and "One-at-a-time sweep" in en.stdout
    zh = runner.invoke(app, ["sensitivity", "--samples", "1000", "--seed", "1", "--lang", "zh"])
    assert "权重抽样" in zh.stdout and "哈萨克斯坦" in zh.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--samples", "0"], "--samples must be > 0"),
        (["--samples", "-5"], "--samples must be > 0"),
        (["--concentration", "0"], "--concentration must be > 0"),
        (["--sweep", "beauty"], "unknown criterion 'beauty'"),
    ],
)
def test_bad_input(args, fragment):
    res = runner.invoke(app, ["sensitivity", *args])
    assert res.exit_code == 2
    assert fragment in res.output and "Traceback" not in res.output


def test_value_uncertainty_option():
    res = runner.invoke(
        app,
        [
            "sensitivity",
            "--samples",
            "300",
            "--seed",
            "2",
            "--value-uncertainty",
            "0.1",
            "--format",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert "value uncertainty" in doc["path"]
    assert sum(v[0] for v in doc["rank_acceptability"].values()) == pytest.approx(1)
    bad = runner.invoke(app, ["sensitivity", "--samples", "10", "--value-uncertainty", "1.5"])
    assert bad.exit_code == 2 and "value uncertainty" in bad.output


def test_method_and_weights_options_reach_the_analysis():
    import json as _json

    res = runner.invoke(
        app,
        [
            "sensitivity",
            "-m",
            "wsm",
            "-w",
            "equal",
            "--samples",
            "300",
            "--seed",
            "1",
            "-f",
            "json",
        ],
    )
    assert res.exit_code == 0, res.output
    doc = _json.loads(res.stdout)
    assert doc["method"] == "wsm" and doc["weights_preset"] == "equal"
    from coopselect.pipeline import rank

    # the leader the critical weights start from is the equal-weights WSM leader
    top = rank(method="wsm", weights="equal").pairs[0]
    assert doc["leader"] == f"{top.country}:{top.mode}"
