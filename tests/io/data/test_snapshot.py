"""The data snapshot: one ranking reads the active vintages once, and reads its data through the
snapshot it was given, not through the data folder's state at the time (issue 20)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from coopselect.io.data import vintages
from coopselect.io.data.snapshot import DataSnapshot
from coopselect.io.data.sources import file_of
from coopselect.paths import data_dir


@pytest.fixture
def count_reads(monkeypatch):
    """How often the active vintages are read (``vintages.active_map``: active.json, or the
    per-dataset pointers of an older data folder)."""
    calls = {"n": 0}
    real = vintages.active_map

    def counted(root=None):
        calls["n"] += 1
        return real(root)

    monkeypatch.setattr(vintages, "active_map", counted)
    return calls


def test_one_rank_reads_the_active_vintages_once(count_reads):
    from coopselect.pipeline import rank

    result = rank()
    doc = result.to_dict()
    assert result.notes and doc["data_vintages"]
    assert count_reads["n"] == 1


def test_the_rank_command_reads_the_active_vintages_once(count_reads, tmp_path):
    from typer.testing import CliRunner

    from coopselect.cli.main import app

    res = CliRunner().invoke(app, ["rank", "-f", "json", "--data-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["data_vintages"]["usgs"]["vintage"] == "bundled"
    assert count_reads["n"] == 1


def _gdp_vintage(folder: Path, factor: float) -> str:
    """A vintage of GDP per capita in ``folder`` with China's value times ``factor``."""
    name = file_of("gdp_per_capita")
    vid = "2026-01-01_test_00000000"
    target = folder / "vintages" / "gdp_per_capita" / vid
    target.mkdir(parents=True)
    with (data_dir() / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        if r["iso3"] == "CHN" and r["value"]:
            r["value"] = str(float(r["value"]) * factor)
    with (target / name).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    (target / "provenance.json").write_text(
        json.dumps({"release": "test release", "imported_on": "2026-01-01"}), encoding="utf-8"
    )
    return vid


def test_a_ranking_reads_the_snapshot_it_is_given_and_keeps_it(tmp_path, count_reads):
    from coopselect.pipeline import rank

    vid = _gdp_vintage(tmp_path, 4.0)
    snap = DataSnapshot(tmp_path, {"gdp_per_capita": vid})  # no active.json in tmp_path
    base = rank()
    reads = count_reads["n"]
    moved = rank(data=snap)
    assert count_reads["n"] == reads  # given a snapshot, the ranking reads no pointer
    gap = moved.features.scalar["technology_gap"]
    assert (gap >= base.features.scalar["technology_gap"]).all()
    assert (gap > base.features.scalar["technology_gap"]).any()
    doc = moved.to_dict()
    assert doc["data_vintages"]["gdp_per_capita"]["vintage"] == vid
    assert any(n.startswith("Data vintage: gdp_per_capita imported") for n in doc["notes"])
    # the data folder's own state (nothing active) does not change what the ranking says
    assert base.to_dict()["data_vintages"]["gdp_per_capita"]["vintage"] == "bundled"


def test_a_snapshot_reads_the_pointer_and_refuses_a_missing_table(tmp_path):
    from coopselect.errors import CoopselectError

    vid = _gdp_vintage(tmp_path, 1.0)
    (tmp_path / "vintages" / "active.json").write_text(
        json.dumps({"active": {"gdp_per_capita": vid, "usgs": "gone"}}), encoding="utf-8"
    )
    snap = DataSnapshot.read(tmp_path)
    assert snap.vintage_id("gdp_per_capita") == vid and snap.vintage_id("wgi") == "bundled"
    name = file_of("gdp_per_capita")
    assert snap.path(name) == tmp_path / "vintages" / "gdp_per_capita" / vid / name
    assert snap.path(file_of("wgi")) == data_dir() / file_of("wgi")
    with pytest.raises(CoopselectError, match="no table") as err:
        snap.path(file_of("usgs"))
    assert "data use usgs bundled" in str(err.value)
