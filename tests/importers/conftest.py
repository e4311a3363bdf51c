"""Paths of the raw publisher files copied into tests/data/raw (see its README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopselect.paths import data_dir

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="session")
def raw() -> Path:
    return RAW


@pytest.fixture(scope="session")
def bundled() -> Path:
    return data_dir()
