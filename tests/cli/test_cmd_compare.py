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


def test_scenarios_side_by_side_show_shifts_and_best_modes():
    import json

    from coopselect.comparison.scenarios import compare_variants
    from coopselect.pipeline import rank

    base = rank("central_asia")
    ban = rank("central_asia", scenario="uzb_raw_ore_ban")
    sc = compare_variants([("base", base), ("ban", ban)])
    for p in base.pairs:
        mine = ban.pair(p.country, p.mode)
        assert sc.shift((p.country, p.mode), 1) == p.rank - mine.rank
    assert sc.best_modes["KAZ"] == (
        base.best_mode_by_country()["KAZ"].mode,
        ban.best_mode_by_country()["KAZ"].mode,
    )
    res = runner.invoke(app, ["compare", "--scenarios", "base,uzb_raw_ore_ban", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["variants"] == ["base", "uzb_raw_ore_ban"]
    assert doc["overrides"]["uzb_raw_ore_ban"][0]["feature"] == "export_restriction"
    row = next(r for r in doc["pairs"] if r["country"] == "UZB" and r["mode"] == "trade")
    assert row["ranks"][0] == base.pair("UZB", "trade").rank
    assert row["ranks"][1] == ban.pair("UZB", "trade").rank


def test_two_case_files_side_by_side(tmp_path):
    from coopselect.paths import cases_dir

    text = (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")
    other = tmp_path / "equal.toml"
    other.write_text(
        text.replace('weights = "ahp"', 'weights = "equal"').replace(
            'id = "central_asia"', 'id = "central_asia_equal"'
        ),
        encoding="utf-8",
    )
    res = runner.invoke(app, ["compare", "central_asia", str(other), "--format", "md"])
    assert res.exit_code == 0, res.output
    assert "central_asia_equal" in res.stdout and "Best mode per host" in res.stdout


def test_scenario_comparison_errors():
    res = runner.invoke(app, ["compare", "--scenarios", "base,nope"])
    assert res.exit_code == 2 and "scenario 'nope' is not in the case" in res.output
    res = runner.invoke(app, ["compare", "--scenarios", "base"])
    assert res.exit_code == 2 and "at least two variants" in res.output


def test_compare_case_gives_spotis_the_models_fixed_bounds():
    """On a case, SPOTIS in `compare` ranks as `rank --method spotis` does, on the model's fixed
    scales: no notice about bounds taken from the data (which would allow rank reversal)."""
    res = runner.invoke(app, ["compare", "--methods", "topsis,spotis", "--format", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert not [n for n in doc["notes"] if "bounds" in n]
    ranked = json.loads(runner.invoke(app, ["rank", "--method", "spotis", "-f", "json"]).stdout)
    by_pair = {f"{p['country']}:{p['mode']}": p["rank"] for p in ranked["pairs"]}
    assert [by_pair[a] for a in doc["alternatives"]] == doc["ranks"]["spotis"]
    data_bounds = runner.invoke(app, ["compare", ROSZ, "--methods", "topsis,spotis", "-f", "json"])
    assert [n for n in json.loads(data_bounds.stdout)["notes"] if "bounds" in n]
