"""CSV of the ranked pairs (numbers as numbers, formula guard) and the JSON of everything."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rp
from hostile_case import HOSTILE_MODE_EN


@pytest.fixture(scope="module")
def report(default_result):
    return rp.build_report(default_result, rp.ReportOptions(samples=300, date="2026-01-01"))


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets detect UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_every_pair_with_numeric_scores(report, default_result):
    rows = rows_of(rp.render_csv(report))
    assert rows[0] == ["Rank", "Country", "ISO3", "Mode", "Mode id", "Score"]
    assert len(rows) == 36
    assert [float(r[5]) for r in rows[1:]] == [p.score for p in default_result.pairs]
    top = default_result.pairs[0]
    assert rows[1][0] == "1" and rows[1][2] == top.country and rows[1][4] == top.mode


def test_csv_guards_formula_like_text(hostile_result):
    rows = rows_of(rp.render_csv(rp.build_report(hostile_result, rp.ReportOptions(samples=0))))
    modes = {r[3] for r in rows[1:]}
    assert f"'{HOSTILE_MODE_EN}" in modes and HOSTILE_MODE_EN not in modes
    assert all(not c.startswith(("=", "+", "-", "@")) for r in rows for c in r if c)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_neutralise(text):
    assert rp.neutralise(text) == "'" + text
    assert rp.neutralise("plain") == "plain" and rp.neutralise(-1.5) == -1.5


def test_json_holds_everything(report, default_result):
    doc = json.loads(rp.render_json(report))
    assert doc["ranking"]["pairs"][0]["country"] == default_result.pairs[0].country
    # the model's host features, the policy date and the what-ifs (none here) travel with it
    assert set(doc["ranking"]["host_features"]) == set(default_result.features.countries)
    assert doc["ranking"]["overrides"] == [] and doc["ranking"]["policy_date"]
    assert doc["ranking"]["case"] == "central_asia"
    assert doc["weights"]["ahp"]["cr"] == pytest.approx(default_result.weights.top.cr)
    assert all(j["reason"] for j in doc["weights"]["ahp"]["judgments"])
    dm = doc["decision_matrix"]
    assert len(dm["raw"]) == len(dm["normalised"]) == 35 and dm["normalisation"] == "vector"
    assert doc["robustness"]["available"] is True
    assert set(doc["robustness"]["smaa"]["rank_acceptability"]) == set(dm["alternatives"])
    assert doc["method_comparison"]["methods"][0] == "topsis"
    assert doc["data_sources"] and all("NC" not in s["licence"] for s in doc["data_sources"])
    assert "stamp" not in doc and "files" not in doc  # audit only (provenance.md)
    assert not any("origin" in s or "sha256" in s for s in doc["data_sources"])
    assert len(doc["explanations"]) == 3
    assert doc["methodology"]["analyst_judgments"]


def test_json_is_strict(report):
    text = rp.render_json(report)
    json.loads(text, parse_constant=lambda c: pytest.fail(f"non-standard JSON constant {c}"))


HOSTILE_TEXT = "A\x1b]0;title\x07B\x1b[2J\u202eC\x9b"


@pytest.fixture
def hostile_text_report(report):
    """The report with a hostile mode name in the pairs table and the JSON document (as a case's
    modes file can give it)."""
    from dataclasses import replace

    table = report.pairs_table
    rows = [list(r) for r in table.rows]
    rows[0][3] = HOSTILE_TEXT
    rows[1][3] = "=" + HOSTILE_TEXT
    doc = dict(report.document)
    doc["title"] = HOSTILE_TEXT
    doc[HOSTILE_TEXT] = [HOSTILE_TEXT, {"reason": HOSTILE_TEXT + "\nline two"}]
    return replace(report, pairs_table=replace(table, rows=rows), document=doc)


def test_csv_shows_control_and_bidi_characters_escaped(hostile_text_report):
    data = rp.render_csv(hostile_text_report)
    rows = rows_of(data)
    shown = "A\\x1b]0;title\\x07B\\x1b[2J\\u202eC\\x9b"
    assert rows[1][3] == shown and rows[2][3] == "'=" + shown
    text = data.decode("utf-8")
    assert not any(ch in text for ch in "\x1b\x07\u202e\x9b")


def test_json_shows_control_and_bidi_characters_escaped(hostile_text_report):
    text = rp.render_json(hostile_text_report)
    doc = json.loads(text)
    shown = "A\\x1b]0;title\\x07B\\x1b[2J\\u202eC\\x9b"
    assert doc["title"] == shown
    assert doc[shown] == [shown, {"reason": shown + "\nline two"}]  # newlines stay
    for t in (text, json.dumps(doc, ensure_ascii=False)):  # the file and the values
        assert not any(ch in t for ch in "\x1b\x07\u202e\x9b")
