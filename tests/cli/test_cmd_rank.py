"""``coopselect rank``: formats, options, languages and errors, through typer's CliRunner."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def default_json():
    res = run("rank", "--format", "json")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_json_keys_documented_in_readme(default_json):
    for key in ("case", "method", "weights", "cr", "pairs", "best_mode_by_country", "imputed"):
        assert key in default_json
    assert default_json["case"] == "central_asia"
    assert default_json["method"] == "topsis"
    assert sum(default_json["weights"].values()) == pytest.approx(1)
    pair = default_json["pairs"][0]
    assert set(pair) >= {"rank", "country", "country_name", "mode", "mode_name", "score"}
    assert len(default_json["pairs"]) == 35


def test_ranks_are_one_to_n_and_scores_ordered(default_json):
    pairs = default_json["pairs"]
    assert [p["rank"] for p in pairs] == list(range(1, 36))
    scores = [p["score"] for p in pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 1 for s in scores)


def test_best_mode_by_country_is_each_countrys_first_pair(default_json):
    for iso, best in default_json["best_mode_by_country"].items():
        first = next(p for p in default_json["pairs"] if p["country"] == iso)
        assert best == first


def test_imputed_lists_turkmenistan_lpi(default_json):
    assert any(
        i["country"] == "TKM"
        and i["indicator"] == "lpi_infrastructure"
        and i["rule"] == "impute:worst"
        for i in default_json["imputed"]
    )


def test_chinese_labels():
    res = run("rank", "--format", "json", "--lang", "zh")
    doc = json.loads(res.stdout)
    names = {p["country_name"] for p in doc["pairs"]}
    assert "哈萨克斯坦" in names
    assert {p["mode_name"] for p in doc["pairs"]} >= {"合作开发", "对外贸易"}


def test_table_both_languages():
    en = run("rank", "--top", "5")
    assert en.exit_code == 0 and "Kazakhstan" in en.stdout and "Consistency ratio" in en.stdout
    zh = run("rank", "--top", "5", "--lang", "zh")
    assert zh.exit_code == 0 and "哈萨克斯坦" in zh.stdout and "排名" in zh.stdout


def test_csv_and_markdown():
    res = run("rank", "--format", "csv", "--top", "3")
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0][:2] == ["Rank", "Country"] and len(rows) == 4
    md = run("rank", "--format", "md", "--top", "3")
    assert md.stdout.startswith("| Rank |") and md.stdout.count("\n") == 5


def test_by_country_and_mode():
    res = run("rank", "--by", "country", "--format", "csv")
    assert len(list(csv.reader(io.StringIO(res.stdout)))) == 1 + 5
    res = run("rank", "--by", "mode", "--format", "csv")
    assert len(list(csv.reader(io.StringIO(res.stdout)))) == 1 + 7


def test_weights_preset_changes_weights():
    doc = json.loads(run("rank", "--format", "json", "--weights", "fraser").stdout)
    assert doc["criteria_weights"]["resource_endowment"] == pytest.approx(0.6)
    eq = json.loads(run("rank", "--format", "json", "--weights", "equal").stdout)
    assert eq["criteria_weights"]["political_risk"] == pytest.approx(0.25)


@pytest.mark.parametrize("case", ["northeast_asia_precious", "critical_minerals_alliances"])
def test_other_bundled_cases(case):
    res = run("rank", case, "--format", "json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["case"] == case


def test_case_by_path():
    from coopselect.paths import cases_dir

    res = run("rank", str(cases_dir() / "northeast_asia_precious.toml"), "--format", "json")
    doc = json.loads(res.stdout)
    assert "PRK" not in {p["country"] for p in doc["pairs"]}
    assert {e["country"] for e in doc["excluded"]} == {"PRK"}


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["rank", "no_such_case.toml"], "file not found"),
        (["rank", "--weights", "golden"], "'golden' is not one of 'ahp'"),
    ],
)
def test_errors_are_one_line_exit_2(args, fragment):
    res = run(*args)
    assert res.exit_code == 2
    assert fragment in res.output
    assert "Traceback" not in res.output


def test_bad_case_file_is_one_line(write_case, default_case_text):
    path = write_case(default_case_text.replace('"TKM"]', '"XXK"]'))
    res = run("rank", str(path))
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(path) in lines[0]


def test_bundled_cases_rest_on_open_data_and_epi_is_flagged_when_used(default_json):
    # the bundled cases use the commercial-use criteria set: no non-commercial data
    assert not any("CC BY-NC-SA" in n for n in default_json["notes"])
    assert any(n.startswith("Criteria: ") and "commercial" in n for n in default_json["notes"])
    # the EPI-based set states its licence wherever it is used
    doc = json.loads(run("rank", "--criteria", "default", "--format", "json").stdout)
    assert any("CC BY-NC-SA" in n for n in doc["notes"])
    assert "non-commercial" in run("rank", "--criteria", "default", "--top", "1").stdout


def test_a_long_ranking_prints_as_plain_aligned_text():
    from coopselect.cli.cmd_rank import LONG_TABLE, plain_table

    res = run("rank", "--countries", "all", "--minerals", "copper")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    head = next(i for i, ln in enumerate(lines) if ln.startswith("Rank"))
    rows = [ln for ln in lines[head + 2 :] if ln[:4].strip().isdigit()]
    assert len(rows) > LONG_TABLE and "┃" not in res.stdout
    assert rows[0].split()[0] == "1"
    # CJK text counts two columns; control characters are shown, never sent
    text = plain_table(["A", "B"], [["中国", "x\x1b[2J"], ["ab", "y"]], right=set())
    from rich.cells import cell_len

    _first, _rule, cjk, latin = text.splitlines()
    assert cell_len(cjk[: cjk.index("x")]) == cell_len(latin[: latin.index("y")])
    assert "\x1b" not in text and "\\x1b" in text
