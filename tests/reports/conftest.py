"""Fixtures of the report tests: the default ranking and the hostile case (once per session)."""

from __future__ import annotations

import pytest
from hostile_case import write_hostile_case


@pytest.fixture(scope="session")
def default_result():
    from coopselect.pipeline import rank

    return rank()


@pytest.fixture(scope="session")
def hostile_result(tmp_path_factory):
    from coopselect.pipeline import rank

    return rank(write_hostile_case(tmp_path_factory.mktemp("hostile"), hostile_modes=True))
