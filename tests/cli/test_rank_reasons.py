"""``rank --by country``: a reason in plain words for every host, in both languages, wrapped at
word boundaries (coopselect.narrative.host_reasons)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app

runner = CliRunner()
BORDER = "│"


def _why_column(output: str, heading: str) -> dict[str, str]:
    """The reasons table below the ranking: host cell -> the reason's lines joined."""
    lines = output.splitlines()
    start = next(k for k, line in enumerate(lines) if line.startswith(heading))
    out: dict[str, list[str]] = {}
    host = None
    for line in lines[start + 1 :]:
        if line.startswith("└"):
            break
        if not line.startswith(BORDER):
            continue
        _, left, right, _ = line.split(BORDER)
        if left.strip():
            host = left.strip()
            out[host] = []
        if host is not None:
            out[host].append(right.strip())
    return {h: " ".join(parts) for h, parts in out.items()}


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Why, host by host"), ("zh", "各东道国的理由")]
)
def test_every_host_has_its_reason_below_the_ranking(lang, heading):
    from coopselect.narrative import host_reasons
    from coopselect.pipeline import rank

    res = runner.invoke(app, ["rank", "--by", "country", "--lang", lang], env={"COLUMNS": "80"})
    assert res.exit_code == 0, res.output
    shown = _why_column(res.output, heading)
    want = host_reasons(rank(None), lang)
    assert len(shown) == len(want) == 5
    for iso, reason in want.items():
        cell = next(text for host, text in shown.items() if host.endswith(f"({iso})"))
        if lang == "en":
            # wrapped at word boundaries: the words come back whole and in order
            assert cell.split() == reason.split()
        else:
            assert cell.replace(" ", "") == reason.replace(" ", "")
    for line in res.output.splitlines():
        assert len(line) <= 80


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csv_and_json_carry_every_hosts_reason(lang):
    res = runner.invoke(app, ["rank", "--by", "country", "-f", "csv", "--lang", lang])
    assert res.exit_code == 0, res.output
    rows = list(csv.reader(io.StringIO(res.output)))
    assert rows[0][-1] == ("理由" if lang == "zh" else "Why")
    assert len(rows) == 6
    for row in rows[1:]:
        assert len(row[-1]) > 40 and row[1] in row[-1]
    res = runner.invoke(app, ["rank", "--by", "country", "-f", "json", "--lang", lang])
    doc = json.loads(res.output)
    assert sorted(doc["reasons"]) == sorted(r[2] for r in rows[1:])


def test_top_limits_the_reasons_to_the_hosts_shown():
    res = runner.invoke(app, ["rank", "--by", "country", "--top", "2"], env={"COLUMNS": "120"})
    assert res.exit_code == 0, res.output
    shown = _why_column(res.output, "Why, host by host")
    assert len(shown) == 2


def test_pairs_and_modes_have_no_reason_table():
    for by in ("pair", "mode"):
        res = runner.invoke(app, ["rank", "--by", by], env={"COLUMNS": "120"})
        assert res.exit_code == 0
        assert "Why, host by host" not in res.output
