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


def test_spotis_with_value_uncertainty_stays_within_widened_fixed_bounds():
    """SPOTIS on a case uses the model's fixed scales as bounds; perturbed values (+/-20%) leave
    them, so SMAA widens them by the same fraction instead of failing on the first draw. The
    critical weights use the ranking's own bounds: their leader is `rank --method spotis`'s."""
    args = ["--method", "spotis", "--samples", "300", "--seed", "3", "-f", "json"]
    res = runner.invoke(app, ["sensitivity", *args, "--value-uncertainty", "0.2"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert "value uncertainty" in doc["path"]
    assert sum(v[0] for v in doc["rank_acceptability"].values()) == pytest.approx(1)
    ranked = json.loads(runner.invoke(app, ["rank", "--method", "spotis", "-f", "json"]).stdout)
    assert ranked["method_params"]["bounds"] == [[0.0, 1.0]] * 4 + [[1.0, 5.0]] * 3
    top = ranked["pairs"][0]
    assert doc["leader"] == f"{top['country']}:{top['mode']}"


def test_leave_host_out_json_and_table_in_both_languages():
    from coopselect.reversal import host_removals

    args = ["sensitivity", "central_asia", "--samples", "200", "--seed", "1"]
    removals = host_removals("central_asia")
    res = runner.invoke(app, [*args, "--leave-host-out", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["host_removals"] == removals.to_dict()
    assert "host_removals" not in json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    en = runner.invoke(app, [*args, "--leave-host-out", "--lang", "en"])
    assert "Leaving one host out (topsis)" in en.output and "Kazakhstan" in en.output
    # every removal's flipped pairs are in the table (pair model v3: no best mode changes)
    for r in removals.removals:
        assert f"{len(r.flipped)}/{r.compared}" in en.output
    zh = runner.invoke(app, [*args, "--leave-host-out", "--lang", "zh"])
    assert "逐一去掉一个东道国" in zh.output and "哈萨克斯坦" in zh.output
    spotis = runner.invoke(app, [*args, "-m", "spotis", "--leave-host-out", "--lang", "en"])
    assert "changes the order of no other two pairs" in spotis.output


def test_leave_host_out_needs_three_hosts():
    two = ["--countries", "KAZ,UZB", "--minerals", "copper"]
    res = runner.invoke(app, ["sensitivity", "--samples", "50", "--leave-host-out", *two])
    assert res.exit_code == 2 and "at least three" in res.output and "Traceback" not in res.output
