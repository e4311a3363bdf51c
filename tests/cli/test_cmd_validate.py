"""``coopselect validate``: the table in both languages, JSON with its documented keys, errors."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from coopselect import validation
from coopselect.cli.main import app
from coopselect.io.data.snapshot import DataSnapshot

DATA = DataSnapshot.read(None)  # the tests' empty data folder: the bundled tables

runner = CliRunner(env={"COLUMNS": "120"})

ROWS = [
    ["d_per", "PER", "copper", "equity_acquisition", "2014", "MMG", "Las Bambas", "Pub", "T"],
    ["d_chl", "CHL", "lithium", "equity_acquisition", "2018", "Tianqi", "SQM", "Pub", "T"],
]


def _deals(tmp_path, rows=ROWS):
    path = tmp_path / "mine.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(validation.COLUMNS)
        for r in rows:
            w.writerow([*r, "2020", "https://example.org/x", "note"])
    return path


def test_table_in_english_and_chinese(tmp_path):
    path = _deals(tmp_path)
    en = runner.invoke(app, ["validate", "--deals", str(path), "-m", "topsis"])
    assert en.exit_code == 0, en.output
    assert "Validation against 2 real deals" in en.output and f"Deals table: {path}" in en.output
    for word in ("Best", "Top 3", "Mean rank", "Chance", "14.3%", "42.9%", "4.00", "topsis"):
        assert word in en.output, word
    assert "By revealed mode (topsis)" in en.output and "Equity acquisition" in en.output
    zh = runner.invoke(app, ["validate", "--deals", str(path), "-m", "topsis", "--lang", "zh"])
    assert zh.exit_code == 0, zh.output
    for word in ("对照 2 项真实交易的验证", "第一", "前三", "平均名次", "随机", "股本并购"):
        assert word in zh.output, word
    assert "Chance" not in zh.output and "Equity acquisition" not in zh.output


def test_json_matches_the_core(tmp_path):
    path = _deals(tmp_path)
    res = runner.invoke(app, ["validate", "--deals", str(path), "-m", "consensus", "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    core = validation.validate(DATA, ("consensus",), validation.load_deals(path)).to_dict()
    assert doc == json.loads(json.dumps(core))
    assert doc["methods"] == ["consensus"] and doc["deal_count"] == 2
    assert [d["id"] for d in doc["deals"]] == ["d_per", "d_chl"]
    s = doc["by_method"][0]
    assert s["method"] == "consensus" and s["n"] + s["unranked"] == 2


def test_all_methods_by_default(tmp_path):
    res = runner.invoke(app, ["validate", "--deals", str(_deals(tmp_path)), "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert doc["methods"] == list(validation.METHODS)
    assert [s["method"] for s in doc["by_method"]] == list(validation.METHODS)


def test_errors_are_one_line_with_exit_code_2(tmp_path):
    res = runner.invoke(app, ["validate", "-m", "nonsense"])
    assert res.exit_code == 2
    assert "unknown method 'nonsense'" in res.output and "Traceback" not in res.output
    bad = _deals(tmp_path, [["d1", "PER", "copper", "barter", "2014", "C", "P", "Pub", "T"]])
    res = runner.invoke(app, ["validate", "--deals", str(bad)])
    assert res.exit_code == 2
    assert f"{bad}: line 2 (d1), mode: unknown mode 'barter'" in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_detail_lists_every_deal_with_the_models_best_mode(tmp_path):
    path = _deals(tmp_path)
    res = runner.invoke(app, ["validate", "--deals", str(path), "-m", "topsis", "--detail"])
    assert res.exit_code == 0, res.output
    assert "Deal by deal (topsis)" in res.output
    v = validation.validate(DATA, ("topsis",), validation.load_deals(path))
    names = {"equity_acquisition": "Equity acquisition", "joint_development": "Joint development"}
    for d, o in zip(v.deals, v.outcomes["topsis"], strict=True):
        line = next(ln for ln in res.output.splitlines() if d.id in ln)
        assert f" {o.rank:g} " in line
        best = o.order[0]
        if best in names:
            assert names[best] in line
