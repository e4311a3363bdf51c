"""Criterion weights from case judgments: complete, incomplete (completed by AHP), disconnected."""

from __future__ import annotations

import pytest

from coopselect.errors import CoopselectError
from coopselect.io.loaders.case_loader import load_case
from coopselect.scoring.weights import criteria_weights

PAIR = '\n[[judgments]]\na = "{a}"\nb = "{b}"\nvalue = {v}\nreason = "test"\n'


def _case(write_case, text, pairs):
    return load_case(write_case(text + "".join(PAIR.format(a=a, b=b, v=v) for a, b, v in pairs)))


def test_consistent_case_judgments_give_exact_weights(write_case, default_case_text):
    # A consistent set built from weights 4:2:1:1 (political, resource, infrastructure, esg).
    pairs = [
        ("political_risk", "resource_endowment", 2),
        ("political_risk", "infrastructure", 4),
        ("political_risk", "esg_pressure", 4),
        ("resource_endowment", "infrastructure", 2),
        ("resource_endowment", "esg_pressure", 2),
        ("infrastructure", "esg_pressure", 1),
    ]
    case = _case(write_case, default_case_text, pairs)
    cw = criteria_weights(case.hierarchy, "ahp")
    got = dict(zip(cw.criteria, cw.weights, strict=True))
    assert got["political_risk"] == pytest.approx(0.5)
    assert got["resource_endowment"] == pytest.approx(0.25)
    assert got["infrastructure"] == pytest.approx(0.125)
    assert cw.top.cr == pytest.approx(0, abs=1e-9)


def test_missing_judgments_are_completed_and_reported(write_case, default_case_text):
    # A spanning tree of consistent judgments (4:2:1:1); the AHP engine fills the other three.
    pairs = [
        ("political_risk", "resource_endowment", 2),
        ("resource_endowment", "infrastructure", 2),
        ("infrastructure", "esg_pressure", 1),
    ]
    case = _case(write_case, default_case_text, pairs)
    cw = criteria_weights(case.hierarchy, "ahp")
    assert len(cw.top.completed) == 3
    got = dict(zip(cw.criteria, cw.weights, strict=True))
    assert got["political_risk"] == pytest.approx(0.5, abs=1e-6)


def test_disconnected_judgments_are_refused(write_case, default_case_text):
    pairs = [("political_risk", "infrastructure", 2), ("resource_endowment", "esg_pressure", 3)]
    case = _case(write_case, default_case_text, pairs)
    with pytest.raises(CoopselectError) as info:
        criteria_weights(case.hierarchy, "ahp")
    msg = str(info.value)
    assert "political_risk" in msg and "case.toml" in msg
