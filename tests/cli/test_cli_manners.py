"""CLI manners: a bare group prints its help and exits 0."""

from __future__ import annotations

import io
import sys
import time

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app, run

runner = CliRunner()


@pytest.mark.parametrize("group", [[], ["case"], ["data"]])
def test_a_bare_group_prints_its_help_and_exits_0(group):
    res = runner.invoke(app, group)
    assert res.exit_code == 0, res.output
    assert res.stdout.startswith("Usage: ") and "Commands" in res.stdout


def test_the_entry_point_exits_0_on_a_bare_coopselect(capsys):
    assert run([]) == 0
    assert "Usage: coopselect" in capsys.readouterr().out


def test_an_unknown_command_is_still_a_usage_error(capsys):
    assert run(["rnak"]) == 2
    assert "did you mean 'rank'" in capsys.readouterr().err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_long_work_shows_a_spinner_on_a_terminal(monkeypatch):
    from coopselect.cli.common import busy

    fake = _Terminal()
    monkeypatch.setattr(sys, "stderr", fake)
    with busy("Ranking again without each host", delay=0.05):
        time.sleep(0.6)
    assert "Ranking again without each host" in fake.getvalue()


def test_short_work_shows_nothing_on_a_terminal(monkeypatch):
    from coopselect.cli.common import busy

    fake = _Terminal()
    monkeypatch.setattr(sys, "stderr", fake)
    with busy("quick", delay=5):
        pass
    time.sleep(0.1)
    assert fake.getvalue() == ""


def test_long_work_is_quiet_when_piped(monkeypatch):
    from coopselect.cli.common import busy

    piped = io.StringIO()  # isatty() is False, as for a pipe or a file
    monkeypatch.setattr(sys, "stderr", piped)
    with busy("Ranking again without each host", delay=0.0):
        time.sleep(0.3)
    assert piped.getvalue() == ""


def test_compare_and_sensitivity_say_what_they_do_in_both_languages():
    from coopselect.cli import cmd_compare, cmd_sensitivity

    for label in (cmd_compare.L["busy"], *(cmd_sensitivity.L[k] for k in ("busy_removals",))):
        assert label("en") and label("zh") and label("en") != label("zh")


def test_rank_collapses_many_notes_to_a_count_and_lists_them_with_notes():
    import re

    args = ["rank", "--countries", "all", "--minerals", "copper", "--top", "3"]
    short = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert short.exit_code == 0, short.output
    m = re.search(
        r"([\d,]+) notes \(data gaps filled ([\d,]+).*\): --notes lists them", short.stdout
    )
    assert m is not None, short.stdout[-800:]
    full = runner.invoke(app, [*args, "--notes"], env={"COLUMNS": "200"})
    assert "--notes lists them" not in full.stdout
    assert len(full.stdout.splitlines()) > len(short.stdout.splitlines()) + 20
    zh = runner.invoke(app, [*args, "--lang", "zh"], env={"COLUMNS": "200"})
    assert "条说明" in zh.stdout and "加 --notes 列出全部" in zh.stdout


def test_rank_of_a_small_case_still_lists_its_notes():
    res = runner.invoke(app, ["rank", "--top", "3"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    assert "--notes lists them" not in res.stdout and "Missing data handled" in res.stdout


def test_compare_scenarios_shows_titles_and_a_verdict_per_host():
    import json

    from coopselect.io.data import reference
    from coopselect.io.loaders.case_loader import load_case

    args = ["compare", "--scenarios", "base,kgz_gold_nationalisation,uzb_raw_ore_ban"]
    res = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    case = load_case(None)
    for sc in ("kgz_gold_nationalisation", "uzb_raw_ore_ban"):
        assert case.scenarios[sc].title("en") in res.stdout  # whole titles, not cut ids
    doc = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    cty = reference.countries()
    modes = {m.id: m.name("en") for m in case.catalog.modes}
    lines = res.stdout.split("Pairs whose rank moves")[0].splitlines()
    for iso, ms in doc["best_mode_by_country"].items():
        (line,) = [x for x in lines if f"│ {cty[iso].name('en')} " in x]
        if iso in doc["best_mode_changed"]:
            k = next(k for k, m in enumerate(ms) if m != ms[0])
            want = f"changes from {modes[ms[0]]} to {modes[ms[k]]} under ({k})"
            assert want in line, line
        else:
            assert "best mode unchanged" in line, line
    assert doc["best_mode_changed"]  # the check above saw a change


@pytest.mark.parametrize("columns", [100, 120])
def test_countries_table_wraps_at_word_boundaries(columns):
    from coopselect.catalog import country_coverage
    from coopselect.io.data.snapshot import DataSnapshot

    res = runner.invoke(app, ["countries"], env={"COLUMNS": str(columns)})
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert max(len(x) for x in lines) <= columns
    tokens = set(res.stdout.split())
    rows = country_coverage(DataSnapshot.read(None))
    words = {w for r in rows for w in (r["name_en"] + " " + r["region_en"]).split()}
    broken = sorted(w for w in words if len(w) <= 14 and w not in tokens)
    assert broken == [], broken[:10]
    assert "2019-2023" in tokens and "USGS" in tokens  # every column shown, spans whole


@pytest.mark.parametrize("columns", [100, 120])
def test_data_sources_keeps_short_words_whole(columns):
    from coopselect.catalog import data_sources

    res = runner.invoke(app, ["data", "sources"], env={"COLUMNS": str(columns)})
    assert res.exit_code == 0, res.output
    tokens = set(res.stdout.split())
    words = {w for r in data_sources() for w in (r["publisher"] + " " + r["licence"]).split()}
    broken = sorted(w for w in words if len(w) <= 8 and w not in tokens)
    assert broken == [], broken[:10]
