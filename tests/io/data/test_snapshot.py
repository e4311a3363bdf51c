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

    def counted(root):
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


def _folder_with_gdp(folder: Path, factor: float) -> str:
    """A data folder whose active GDP per capita vintage has China's value times ``factor``."""
    vid = _gdp_vintage(folder, factor)
    (folder / "vintages" / "active.json").write_text(
        json.dumps({"active": {"gdp_per_capita": vid}}), encoding="utf-8"
    )
    return vid


def test_two_snapshots_of_two_data_folders_in_one_process_do_not_interfere(tmp_path):
    """No data folder is set for the process: each reader reads the snapshot it is given, so
    rankings over two folders can alternate in one process and each sees only its own data."""
    from typer.testing import CliRunner

    from coopselect.cli.main import app
    from coopselect.io.data import datasets
    from coopselect.pipeline import rank

    a, b = tmp_path / "a", tmp_path / "b"
    _folder_with_gdp(a, 4.0)
    _folder_with_gdp(b, 0.25)
    sa, sb = DataSnapshot.read(a), DataSnapshot.read(b)
    year = 2023
    bundled = datasets.gdp_per_capita(("CHN",), year, DataSnapshot(tmp_path))["CHN"]
    assert datasets.gdp_per_capita(("CHN",), year, sa)["CHN"] == pytest.approx(4.0 * bundled)
    assert datasets.gdp_per_capita(("CHN",), year, sb)["CHN"] == pytest.approx(0.25 * bundled)

    first_a = rank(data=sa)
    ranked_b = rank(data=sb)
    again_a = rank(data=sa)
    gap_a = first_a.features.scalar["technology_gap"]
    gap_b = ranked_b.features.scalar["technology_gap"]
    assert (gap_a > gap_b).any()  # China four times richer against a quarter: wider gaps
    assert (again_a.features.scalar["technology_gap"] == gap_a).all()
    assert again_a.to_dict()["pairs"] == first_a.to_dict()["pairs"]
    assert first_a.data.folder == a and ranked_b.data.folder == b

    # the CLI builds one snapshot per --data-dir at the edge: two commands, two folders
    runner = CliRunner()
    docs = {}
    for name, folder in (("a", a), ("b", b), ("a2", a)):
        res = runner.invoke(app, ["rank", "-f", "json", "--data-dir", str(folder)])
        assert res.exit_code == 0, res.output
        docs[name] = json.loads(res.stdout)
    assert docs["a"]["pairs"] == docs["a2"]["pairs"] != docs["b"]["pairs"]
    assert docs["a"]["pairs"] == first_a.to_dict()["pairs"]


def test_a_table_with_vintages_is_never_read_without_a_snapshot():
    from coopselect.io.data import datasets

    with pytest.raises(ValueError, match="DataSnapshot"):
        datasets.source_path(file_of("gdp_per_capita"), None)
    # a table no vintage replaces needs none
    assert datasets.source_path(file_of("import_dependence"), None).is_file()
    assert not hasattr(vintages, "set_data_dir")
