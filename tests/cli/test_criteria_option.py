"""``--criteria NAME|FILE``: the commercial-use criteria set, on every command that takes a case."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.io.loaders.case_loader import load_case
from coopselect.paths import criteria_dir
from coopselect.pipeline import rank

runner = CliRunner()
NON_COMMERCIAL = re.compile(r"non-commercial|NC-SA|BY-NC|非商业", re.I)


def _json(args: list[str]) -> dict:
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


@pytest.mark.parametrize("command", ["rank", "explain", "sensitivity", "compare", "report", "app"])
def test_every_case_command_takes_criteria(command):
    out = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert out.exit_code == 0 and "--criteria" in out.stdout


def test_commercial_set_uses_only_open_licences():
    h = load_case(None, criteria="commercial").hierarchy
    assert h.id == "commercial"
    assert set(h.criterion_ids) == {
        "political_risk",
        "infrastructure",
        "resource_endowment",
        "esg_pressure",
    }
    assert {i.dataset for i in h.indicators.values()} <= {
        "wgi",
        "lpi",
        "electricity",
        "usgs",
        "msp",
    }
    # ESG pressure: WGI dimensions the political-risk criterion does not use, plus MSP rules.
    esg = [
        ind for s in h.subcriteria.values() if s.criterion == "esg_pressure" for ind in s.indicators
    ]
    assert sorted(esg) == ["msp_member", "wgi_ge", "wgi_va"]
    # pair model v3: ESG pressure is the project's ESG risk; government effectiveness is the
    # capacity that lowers it (a weak state is never an ESG advantage), scrutiny and alliance
    # rules raise it
    assert h.indicators["wgi_ge"].direction == "benefit"
    assert all(h.indicators[i].direction == "cost" for i in ("wgi_va", "msp_member"))


def test_rank_notes_name_the_set_and_carry_no_non_commercial_licence():
    doc = _json(["rank", "--criteria", "commercial", "--format", "json"])
    notes = " ".join(doc["notes"])
    assert "commercial-use criteria set" in notes and "CC BY 4.0" in notes
    assert "public domain" in notes
    assert not NON_COMMERCIAL.search(notes)
    # the bundled cases use the commercial set; the EPI-based "default" set says what it is
    bundled = " ".join(_json(["rank", "--format", "json"])["notes"])
    assert "commercial-use criteria set" in bundled and not NON_COMMERCIAL.search(bundled)
    default = " ".join(_json(["rank", "--criteria", "default", "--format", "json"])["notes"])
    assert "default criteria set" in default and "non-commercial" in default


def test_rank_table_notes_in_chinese():
    out = runner.invoke(app, ["rank", "--criteria", "commercial", "--lang", "zh"])
    assert out.exit_code == 0, out.output
    assert "可商用准则集" in out.stdout and "非商业" not in out.stdout


def test_criteria_file_and_errors(tmp_path):
    own = tmp_path / "mine.toml"
    shutil.copy(criteria_dir() / "commercial.toml", own)
    assert rank(criteria=str(own)).case.hierarchy.id == "commercial"
    bad = runner.invoke(app, ["rank", "--criteria", "nope"])
    assert bad.exit_code == 2
    assert "--criteria" in bad.stderr and "commercial" in bad.stderr
    missing = runner.invoke(app, ["rank", "--criteria", str(tmp_path / "none.toml")])
    assert missing.exit_code == 2 and "criteria file not found" in missing.stderr


def test_commercial_ranking_close_to_default():
    """The documented claim (docs): on the bundled cases the two sets agree closely."""
    from scipy.stats import kendalltau

    for case in ("central_asia", "critical_minerals_alliances", "northeast_asia_precious"):
        a, b = rank(case), rank(case, criteria="commercial")
        key = [(p.country, p.mode) for p in a.pairs]
        ra = {(p.country, p.mode): p.rank for p in a.pairs}
        rb = {(p.country, p.mode): p.rank for p in b.pairs}
        tau = kendalltau([ra[k] for k in key], [rb[k] for k in key]).statistic
        assert tau > 0.8, (case, tau)


def test_explain_and_compare_take_the_set():
    doc = _json(["explain", "KAZ", "capacity_purchase", "--criteria", "commercial", "-f", "json"])
    assert doc
    out = runner.invoke(app, ["compare", "--criteria", "commercial", "--methods", "topsis,wsm"])
    assert out.exit_code == 0, out.output
