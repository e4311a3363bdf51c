"""The data folder is checked where a run reads it (DataSnapshot.read): a folder named by
--data-dir or $COOPSELECT_DATA_DIR that does not exist, or is a file, stops the command in one line
(exit 2) instead of ranking on the bundled data without a word; the default folder may be missing
(nothing imported yet)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.errors import CoopselectError
from coopselect.io.data import vintages
from coopselect.io.data.snapshot import DataSnapshot


@pytest.mark.parametrize(
    "args",
    [
        ["rank"],
        ["explain", "KAZ"],
        ["validate"],
        ["report", "--formats", "md"],
        ["countries"],
        ["minerals"],
        ["compare"],
        ["sensitivity", "--samples", "20"],
    ],
)
def test_a_mistyped_data_dir_stops_the_command_in_one_line(args, tmp_path):
    folder = tmp_path / "no-such-folder"
    out = tmp_path / "out"
    extra = ["--out", str(out)] if args[0] == "report" else []
    res = CliRunner().invoke(app, [*args, *extra, "--data-dir", str(folder)])
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    text = res.output.strip()
    assert text.count("\n") == 0 and text.startswith("error: "), text
    assert str(folder) in text and "--data-dir" in text and "does not exist" in text
    assert "Fix: " in text and "Traceback" not in text
    assert not out.exists()


def test_a_data_dir_that_is_a_file_is_refused(tmp_path):
    path = tmp_path / "a_file"
    path.write_text("", encoding="utf-8")
    res = CliRunner().invoke(app, ["rank", "--data-dir", str(path)])
    assert res.exit_code == 2 and "is a file" in res.output and "--data-dir" in res.output


def test_a_missing_folder_named_by_the_variable_names_the_variable(tmp_path, monkeypatch):
    folder = tmp_path / "gone"
    monkeypatch.setenv(vintages.ENV, str(folder))
    with pytest.raises(CoopselectError, match="does not exist") as err:
        DataSnapshot.read(None)
    assert f"${vintages.ENV}" in str(err.value) and str(folder) in str(err.value)


def test_the_default_folder_may_be_missing(tmp_path, monkeypatch):
    monkeypatch.delenv(vintages.ENV, raising=False)
    monkeypatch.setattr(vintages, "default_data_dir", lambda: tmp_path / "never-created")
    snap = DataSnapshot.read(None)
    assert snap.folder == tmp_path / "never-created" and dict(snap.active) == {}


def test_an_existing_empty_folder_reads_the_bundled_data(tmp_path):
    res = CliRunner().invoke(app, ["rank", "--top", "1", "--data-dir", str(tmp_path)])
    assert res.exit_code == 0, res.output
