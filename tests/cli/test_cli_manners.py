"""CLI manners: a bare group prints its help and exits 0."""

from __future__ import annotations

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
