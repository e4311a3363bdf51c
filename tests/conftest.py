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
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
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
