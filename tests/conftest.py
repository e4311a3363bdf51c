"""Shared fixtures: bundled file paths and a writer for variant case files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopselect.paths import cases_dir, criteria_dir

ROOT = Path(__file__).resolve().parents[1]


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
