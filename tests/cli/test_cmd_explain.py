"""``coopselect explain``: contributions of each criterion, in words and numbers."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.explanation import explain
from coopselect.pipeline import rank

runner = CliRunner()


def test_json_contributions_reconstruct_topsis_distances():
    result = rank(None)
    top = result.pairs[0]
    other = result.pairs[5]
    ex = explain(result, other.country, other.mode)
    assert ex.rank == 6 and ex.top_country == top.country
    assert len(ex.contributions) == len(result.problem.columns)
    shares = [c.share_d_plus for c in ex.contributions]
    assert sum(shares) == pytest.approx(1)
    # the squared distances behind the shares give back the TOPSIS score of the pair
    extras = result.method_result.extras
    w = ex.contributions
    dplus = sum((c.weighted - extras["ideal"][j]) ** 2 for j, c in enumerate(w)) ** 0.5
    dminus = sum((c.weighted - extras["anti_ideal"][j]) ** 2 for j, c in enumerate(w)) ** 0.5
    assert dminus / (dplus + dminus) == pytest.approx(other.score)


def test_gap_respects_cost_columns():
    # Equity acquisition needs more capital (5 of 5) than the top pair's mode: for a cost
    # attribute that is a disadvantage whatever the sign of the raw difference; a larger ease of
    # exit (a benefit attribute) is an advantage.
    result = rank(None)
    top = result.case.catalog.get(result.pairs[0].mode)
    assert top.intrinsic["capital_intensity"] < 5 and top.intrinsic["ease_of_exit"] < 3
    ex = explain(result, "KAZ", "equity_acquisition")
    cap = next(c for c in ex.contributions if c.column == "capital_intensity")
    assert cap.direction == -1 and cap.performance == 5
    assert cap.top_performance == top.intrinsic["capital_intensity"]
    assert cap.gap < 0
    leave = next(c for c in ex.contributions if c.column == "ease_of_exit")
    assert leave.direction == 1 and leave.performance == 3 and leave.gap > 0


def test_explanation_speaks_in_the_model_terms():
    from coopselect.cli.cmd_rank import column_names
    from coopselect.explanation import model_lines

    result = rank("critical_minerals_alliances")
    ex = explain(result, "IDN", "trade")
    # Indonesia's ore export bans block trade's capture of nickel (data/policy/barriers.csv)
    assert ex.terms.blocked["export_restriction"] > 0
    assert "IDN-2020-nickel-ore-ban" in ex.terms.blocking_measures["export_restriction"]
    lines = model_lines(ex, column_names(result.case, "en"), "en")
    assert lines[0].startswith("Secures ") and "Indonesia's supply" in lines[0]
    assert any(line.startswith("Barriers block ") and "2020-01-01" in line for line in lines)
    # criterion columns and 1-5 attributes are kept apart
    assert {c.kind for c in ex.criteria()} == {"criterion"}
    assert [c.column for c in ex.attributes()] == [
        "capital_intensity",
        "time_to_supply",
        "ease_of_exit",
    ]
    jv = explain(result, "IDN", "joint_development")
    assert jv.terms.opening > 0 and "export_restriction" in jv.terms.opening_measures


def test_cli_explain_default_case_words():
    res = runner.invoke(app, ["explain", "KAZ", "trade"])
    assert res.exit_code == 0, res.output
    assert "Kazakhstan" in res.stdout and "ranks" in res.stdout
    zh = runner.invoke(app, ["explain", "KAZ", "trade", "--lang", "zh"])
    assert "哈萨克斯坦" in zh.stdout and "排第" in zh.stdout


def test_cli_explain_json_with_case():
    res = runner.invoke(
        app, ["explain", "central_asia", "UZB", "capacity_purchase", "--format", "json"]
    )
    doc = json.loads(res.stdout)
    assert doc["country"] == "UZB" and doc["mode"] == "capacity_purchase"
    assert doc["summary"]


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["explain", "FRA", "trade"], "country 'FRA' is not ranked"),
        (["explain", "KAZ", "barter"], "mode 'barter' is not in the case"),
        (["explain", "central_asia"], "is a case; a country is missing"),
        (["explain", "a", "b", "c", "d"], "expected [CASE] COUNTRY [MODE]"),
        (["explain", "northeast_asia_precious", "PRK", "trade"], "excluded for missing data"),
    ],
)
def test_explain_errors(args, fragment):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert fragment in res.output and "Traceback" not in res.output


def test_explain_a_host_without_a_mode():
    from coopselect.explanation import explain_host

    result = rank("central_asia")
    hx = explain_host(result, "UZB")
    own = [p for p in result.pairs if p.country == "UZB"]
    assert [m for m, _r, _s in hx.modes] == [p.mode for p in own]
    assert hx.best_mode.mode == own[0].mode
    j = result.scores.criteria.index("resource_endowment")
    assert hx.best_scores["resource_endowment"] == pytest.approx(result.scores.x[:, j].max())
    assert hx.mean_scores["resource_endowment"] == pytest.approx(result.scores.x[:, j].mean())
    assert all(i.country == "UZB" for i in hx.imputed) and hx.imputed
    res = runner.invoke(app, ["explain", "central_asia", "UZB"])
    assert res.exit_code == 0, res.output
    assert "Uzbekistan ranks" in res.stdout and "Best mode here" in res.stdout
    doc = json.loads(runner.invoke(app, ["explain", "UZB", "--format", "json"]).stdout)
    assert doc["country"] == "UZB" and doc["modes"][0]["mode"] == own[0].mode
    zh = runner.invoke(app, ["explain", "UZB", "--lang", "zh"])
    assert "最适合的模式" in zh.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["KAZ"], (None, "KAZ", None)),
        (["KAZ", "trade"], (None, "KAZ", "trade")),
        (["central_asia", "KAZ"], ("central_asia", "KAZ", None)),
        (["my.toml", "ZMB"], ("my.toml", "ZMB", None)),
        (["central_asia", "KAZ", "trade"], ("central_asia", "KAZ", "trade")),
    ],
)
def test_explain_arguments(args, expected):
    from coopselect.cli.cmd_explain import split_args

    assert split_args(args) == expected


def test_a_missing_case_file_is_named_not_taken_for_a_country():
    res = runner.invoke(app, ["explain", "copper.toml", "ZMB"])
    assert res.exit_code == 2
    assert "copper.toml: file not found" in res.output and "COPPER" not in res.output
