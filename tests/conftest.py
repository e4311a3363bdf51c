"""Shared fixtures: bundled file paths and a writer for variant case files."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from coopselect.paths import cases_dir, criteria_dir

ROOT = Path(__file__).resolve().parents[1]

# Hypothesis: the "ci" profile (derandomised: the same examples on every run and machine, no
# example database; no deadline, since CI machines are slow and uneven; a failure prints the blob
# that reproduces it) is loaded by default, not only when CI is set: the README's test command
# must give the same verdict on a fresh clone, also under ``env -i``, where CI is unset, and a
# random failure there says nothing about the change being tested. To explore new random examples
# run e.g. ``HYPOTHESIS_PROFILE=explore pytest``.
# The development loop (-m "not slow") loads "dev": the same derandomised examples, a quarter of
# each budget (tests/hypothesis_budget.py), unless HYPOTHESIS_PROFILE names a profile.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", settings.get_profile("ci"), max_examples=25)
settings.register_profile("explore", deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Imported data vintages (coopselect data import) live in the user's data folder: the tests use an
# empty one of their own, so that nothing a user imported changes what they see (subprocesses
# inherit it). Tests that import point --data-dir at their tmp_path. Every process of the run
# (the controller and each xdist worker) makes its own, and removes it when it ends.
_DATA_DIR = tempfile.mkdtemp(prefix="coopselect-test-data-")
os.environ["COOPSELECT_DATA_DIR"] = _DATA_DIR


def _remove_data_dir() -> None:
    shutil.rmtree(_DATA_DIR, ignore_errors=True)


atexit.register(_remove_data_dir)


def pytest_configure(config):
    """The development loop's hypothesis budget (above): chosen before any test module is
    imported, since a test's settings are fixed when its module is."""
    if "HYPOTHESIS_PROFILE" not in os.environ and "not slow" in (config.option.markexpr or ""):
        settings.load_profile("dev")


@pytest.fixture(autouse=True, scope="session")
def _one_click_command_per_app():
    """typer's CliRunner turns the Typer app into a click command on every ``invoke``: about 40 ms
    for coopselect's 20-odd commands (their signatures' annotations evaluated each time), a tenth
    of the suite's time. The command is built once per app and its set of commands, and reused,
    as click's own test runner reuses a command; a command registered later makes a new one."""
    import typer.main
    import typer.testing

    built: dict = {}
    real = typer.main.get_command

    def get_command(app):
        key = (id(app), len(app.registered_commands), len(app.registered_groups))
        if key not in built:
            built[key] = (app, real(app))
        return built[key][1]

    typer.testing._get_command = get_command
    yield
    typer.testing._get_command = real


def pytest_unconfigure(config):
    _remove_data_dir()


@pytest.fixture
def default_case_text() -> str:
    return (cases_dir() / "central_asia.toml").read_text(encoding="utf-8")


@pytest.fixture
def write_case(tmp_path):
    """Write a case file (text) into tmp_path; criteria/modes refs resolve to the bundled files."""

    def _write(text: str, name: str = "case.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def criteria_text() -> str:
    return (criteria_dir() / "default.toml").read_text(encoding="utf-8")


@pytest.fixture
def modes_text() -> str:
    return (criteria_dir() / "modes.toml").read_text(encoding="utf-8")
