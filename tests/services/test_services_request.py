"""CaseRequest: plain data built once at the edge; its ad-hoc case resolved on demand."""

from __future__ import annotations

import dataclasses

import pytest

from coopselect.domain.model import Case, WeightPreset
from coopselect.errors import CoopselectError
from coopselect.services.request import CaseRequest


def test_settings_become_a_tuple_and_a_preset_its_name():
    req = CaseRequest(settings=["KAZ.governance=0.5"], weights=WeightPreset("equal"))
    assert req.settings == ("KAZ.governance=0.5",)
    assert req.weights == "equal" and isinstance(req.weights, str)
    with pytest.raises(dataclasses.FrozenInstanceError):
        req.method = "vikor"  # type: ignore[misc]


def test_a_case_reference_is_passed_through():
    req = CaseRequest("central_asia")
    assert not req.adhoc
    assert req.source() == "central_asia"
    assert req.resolved() is req
    assert req.with_case("other").case == "other" and req.case == "central_asia"


def test_an_adhoc_case_is_built_from_countries_and_minerals():
    req = CaseRequest(countries="KAZ,MNG", minerals="copper", weights="equal")
    case = req.source()
    assert isinstance(case, Case)
    assert set(case.countries) == {"KAZ", "MNG"}
    done = req.resolved()
    assert done.case == case and not done.adhoc and done.weights == "equal"


def test_a_case_and_countries_together_are_refused():
    with pytest.raises(CoopselectError, match="not both"):
        CaseRequest("central_asia", countries="KAZ", minerals="copper").source()
