"""One enumeration per concept: weight presets, method names and each command's formats are
checked where they enter (case file or option), with one-line errors; and --version."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from coopselect.cli.main import app
from coopselect.domain.model import WeightPreset
from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case

runner = CliRunner()


def test_version():
    from coopselect._version import __version__

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"coopselect {__version__}"


@pytest.mark.parametrize(
    "args",
    [
        ["cases", "-f", "csv"],
        ["countries", "-f", "md"],
        ["sensitivity", "--format", "csv"],
        ["explain", "KAZ", "trade", "-f", "csv"],
    ],
)
def test_commands_refuse_formats_they_do_not_render(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert "is not one of 'table', 'json'" in res.output


def test_weights_option_lists_every_preset():
    res = runner.invoke(app, ["rank", "-w", "fraserr"])
    assert res.exit_code == 2
    assert all(f"'{p}'" in res.output for p in WeightPreset)
    help_text = runner.invoke(app, ["rank", "--help"]).stdout
    assert "custom" in help_text and "[custom_weights]" in help_text


def test_the_scoring_module_describes_every_preset():
    from coopselect.scoring.weights import PRESETS

    assert tuple(PRESETS) == tuple(WeightPreset)


def test_case_method_is_checked_at_load_with_the_file(write_case, default_case_text):
    path = write_case(default_case_text.replace('method = "topsis"', 'method = "topsys"'))
    with pytest.raises(CoopselectError) as info:
        load_case(path)
    message = str(info.value)
    assert message.startswith(f"{path}: method: unknown method 'topsys'")
    assert "Did you mean 'topsis'" in message
    path = write_case(
        default_case_text.replace('normalization = "vector"', 'normalisation = "vector"')
    )
    with pytest.raises(CoopselectError, match=r"method_params.normalisation: topsis has no"):
        load_case(path)


def test_method_names_are_case_insensitive_and_reported_in_lower_case(
    write_case, default_case_text
):
    import coopselect

    assert coopselect.rank(method="TOPSIS").method == "topsis"
    case = load_case(write_case(default_case_text.replace('"topsis"', '"TOPSIS"')))
    assert case.method == "topsis"
