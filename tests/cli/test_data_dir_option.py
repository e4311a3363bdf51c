"""``--data-dir`` of the data and catalogue commands is an argument passed down (to the snapshot
and the vintage functions), not a setting left behind in the process (issue 20)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.io.data import vintages
from coopselect.io.data.sources import file_of

runner = CliRunner()


@pytest.mark.parametrize(
    "args",
    [
        ("data", "sources", "-f", "json"),
        ("countries", "-f", "json", "--countries", "KAZ"),
        ("minerals", "-f", "json"),
        ("data", "use", "usgs", "bundled"),
    ],
)
def test_the_data_folder_option_leaves_no_global_behind(args, tmp_path):
    before = vintages.folder_of(None)
    res = runner.invoke(app, [*args, "--data-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert vintages.folder_of(None) == before != tmp_path


def test_data_use_writes_into_the_folder_it_is_given(tmp_path):
    folder = tmp_path / "d"
    target = folder / "vintages" / "usgs" / "v1"
    target.mkdir(parents=True)
    (target / file_of("usgs")).write_text("x\n", encoding="utf-8")
    res = runner.invoke(app, ["data", "use", "usgs", "v1", "--data-dir", str(folder)])
    assert res.exit_code == 0, res.output
    doc = json.loads((folder / "vintages" / "active.json").read_text(encoding="utf-8"))
    assert doc == {"active": {"usgs": "v1"}}
    assert not (vintages.folder_of(None) / "vintages" / "active.json").exists()
    sources = json.loads(
        runner.invoke(app, ["data", "sources", "-f", "json", "--data-dir", str(folder)]).stdout
    )
    usgs = next(r for r in sources if r["dataset"] == "usgs")
    assert usgs["active"]["vintage"] == "v1"
