"""Commands are module-level functions (importable, runnable alone), the case commands share one
option group with one meaning of --weights, and every error goes through one funnel."""

from __future__ import annotations

import importlib
import json

import pytest
import typer
from typer.testing import CliRunner

from coopselect.cli import main as cli_main
from coopselect.cli.main import COMMAND_MODULES, app

runner = CliRunner()

# The data, barriers and catalog commands (cli/cmd_catalog.py, cmd_data.py, cmd_barriers.py) are
# reworked elsewhere; every other module's command is a module-level function.
OWN_COMMANDS = {
    "rank": "rank_cmd",
    "explain": "explain_cmd",
    "sensitivity": "sensitivity_cmd",
    "mcda": "mcda_cmd",
    "compare": "compare_cmd",
    "rankcorr": "rankcorr_cmd",
    "weights": "weights_cmd",
    "app": "app_cmd",
    "ahp": "ahp_cmd",
    "report": "report_cmd",
    "case": "new_cmd",
    "web": "web_cmd",
    "validate": "validate_cmd",
}
GROUP = ["--set", "--scenario", "--criteria", "--countries", "--minerals", "--data-dir"]
SOURCE = ["--criteria", "--countries", "--minerals", "--data-dir"]


def _options(name: str) -> dict[str, object]:
    """Option name -> click parameter of ``coopselect NAME``."""
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    return {o: p for p in command.params for o in p.opts if o.startswith("--")}


@pytest.mark.parametrize("module", sorted(OWN_COMMANDS))
def test_each_command_is_a_module_level_function(module):
    assert module in COMMAND_MODULES
    func = getattr(importlib.import_module(f"coopselect.cli.cmd_{module}"), OWN_COMMANDS[module])
    assert callable(func) and func.__qualname__ == OWN_COMMANDS[module]


def test_a_command_runs_alone_outside_the_app():
    from coopselect.cli.cmd_rank import rank_cmd

    solo = typer.Typer()
    solo.command()(rank_cmd)
    res = runner.invoke(solo, ["-n", "2", "-f", "csv", "--weights", "equal"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    assert lines[0].startswith("Rank,Country,ISO3") and len(lines) == 3


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("rank", ["--method", "--weights", *GROUP]),
        ("explain", ["--method", "--weights", *GROUP]),
        ("sensitivity", ["--method", "--weights", *GROUP]),
        ("report", ["--method", "--weights", *GROUP]),
        ("compare", ["--weights", *GROUP]),
        ("app", SOURCE),
        ("web", SOURCE),
    ],
)
def test_the_case_commands_share_one_option_group(name, options):
    have = _options(name)
    reference = _options("rank")
    for opt in options:
        assert opt in have, (name, opt)
        if opt != "--method":  # report's says "each case's"
            assert have[opt].help == reference[opt].help, (name, opt)  # type: ignore[attr-defined]


def test_weights_is_a_preset_in_every_command_that_takes_it(capsys):
    names = [n for n in typer.main.get_command(app).commands if "--weights" in _options(n)]  # type: ignore[attr-defined]
    assert {"rank", "explain", "sensitivity", "report", "compare"} <= set(names)
    for name in names:
        code = cli_main.run([name, "--weights", "golden"])
        _, err = capsys.readouterr()
        assert code == 2 and "'golden' is not one of 'ahp', 'fraser', 'equal', 'custom'" in err


def test_compare_applies_the_weights_preset():
    args = ["-f", "json", "--methods", "topsis,wsm"]
    equal = json.loads(runner.invoke(app, ["compare", *args, "--weights", "equal"]).stdout)
    ranked = json.loads(runner.invoke(app, ["rank", "-f", "json", "--weights", "equal"]).stdout)
    want = {f"{p['country']}:{p['mode']}": p["rank"] for p in ranked["pairs"]}
    topsis = equal["ranks"]["topsis"] if "ranks" in equal else None
    if topsis is None:  # the comparison's JSON keeps ranks per method in "rankings"
        topsis = equal["rankings"]["topsis"]
    got = dict(zip(equal["alternatives"], topsis, strict=True))
    assert got == want


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("compare", "x.csv", "--weights", "0.5,0.3"),
            "give a CSV problem's column weights with --weight-values 0.5,0.3",
        ),
        (("mcda", "x.csv", "--weights", "1/3,2/3"), "are --weight-values"),
    ],
)
def test_the_old_weights_form_names_the_new_option(capsys, args, expected):
    code = cli_main.run(list(args))
    _, err = capsys.readouterr()
    assert code == 2 and expected in err and err.count("\n") == 1, err


@pytest.mark.parametrize(
    "args",
    [
        ["rank", "--scenario", "nope"],
        ["explain", "KAZ", "--scenario", "nope"],
        ["case", "new", "{tmp}/c.toml", "--minerals", "unobtainium"],
    ],
)
def test_one_error_funnel_for_the_app_and_the_executable(capsys, tmp_path, args):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    res = runner.invoke(app, args)  # typer's CliRunner: the app's group funnels the error
    assert res.exit_code == 2, res.output
    assert res.stderr.startswith("error: ") and res.stderr.count("\n") == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    code = cli_main.run(args)  # the executable: the same line
    _, err = capsys.readouterr()
    assert code == 2 and err == res.stderr
